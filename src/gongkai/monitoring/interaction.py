"""Extension point for the 互动回应差 check: interaction channels report their unanswered
valid messages here (国办发〔2019〕19号: a valid message unanswered over 3 months is a single
veto). The mailbox module registers its channel the same way when it exists:

    from gongkai.monitoring import interaction

    @interaction.channel("局长信箱")
    def mailbox(department, today):
        return [interaction.Unanswered("局长信箱", m.subject, m.received_on, url) for m in …]

A provider returns every valid (not spam, not a duplicate) message still waiting for an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from gongkai.monitoring.website_rules import Unanswered

Provider = Callable[[Any, dt.date], Iterable[Unanswered]]
_channels: dict[str, Provider] = {}

__all__ = ["Unanswered", "channel", "channels", "unregister"]


def channel(name: str) -> Callable[[Provider], Provider]:
    """Register *func* as the provider of the channel *name* (replaces one of the same name)."""

    def register(func: Provider) -> Provider:
        _channels[name] = func
        return func

    return register


def unregister(name: str) -> None:
    _channels.pop(name, None)


def channels() -> dict[str, Provider]:
    return dict(_channels)
