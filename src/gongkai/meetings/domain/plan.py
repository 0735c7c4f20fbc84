"""PURE  The plan's "at least 2 director's meetings a year with the public, experts and media
attending" (实施方案：决策公开——会议公开) as a workbench item: shown all year, a warning from the
third quarter while fewer have been held, urgent in the fourth when not even enough are planned."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanStatus:
    year: int
    held: int
    planned: int  # announced but not yet held
    minimum: int
    level: str  # "ok", "normal", "warn", "urgent"
    message: str

    @property
    def met(self) -> bool:
        return self.held >= self.minimum


def plan_status(today: dt.date, *, held: int, planned: int, minimum: int = 2) -> PlanStatus:
    if held >= minimum:
        level, message = (
            "ok",
            f"{today.year}年已召开{held}次公众参与的会议，达到每年至少{minimum}次的要求。",
        )
    else:
        short = minimum - held
        q3 = dt.date(today.year, 7, 1)
        q4 = dt.date(today.year, 10, 1)
        message = (
            f"{today.year}年已召开{held}次，已安排{planned}次，距每年至少{minimum}次还差{short}次。"
        )
        if today >= q4 and held + planned < minimum:
            level = "urgent"
        elif today >= q3:
            level = "warn"
        else:
            level = "normal"
    return PlanStatus(today.year, held, planned, minimum, level, message)
