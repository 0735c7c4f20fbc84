"""The workbench to-do list (待办): one extension point that every module contributes to.

A module registers a provider in its AppConfig.ready():

    from gongkai.core import todos

    @todos.provider
    def overdue_applications(user, today):
        for app in ...:
            yield todos.Todo(title=..., url=..., due=app.deadline, module="依申请公开")

A provider receives the signed-in user and today's date and yields the to-dos that user should
see (it applies the user's roles and division scope itself). The workbench sorts them by due
date and shows working days left; the countdown uses the working-day calendar.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.core.models import User


@dataclass(frozen=True)
class Todo:
    title: str
    url: str
    module: str
    due: dt.date | None = None
    detail: str = ""
    # "urgent" for overdue or statutory items due within days; "normal" otherwise.
    level: str = "normal"
    provisional: bool = False


Provider = Callable[["User", dt.date], Iterable[Todo]]
_providers: list[Provider] = []


def provider(func: Provider) -> Provider:
    """Register a to-do provider (idempotent, so a reloaded module does not register twice)."""
    if func not in _providers:
        _providers.append(func)
    return func


def providers() -> tuple[Provider, ...]:
    return tuple(_providers)


def collect(user: "User", today: dt.date) -> list[Todo]:
    items = [todo for p in _providers for todo in p(user, today)]
    return sorted(items, key=lambda t: (t.due is None, t.due or dt.date.max, t.title))
