"""Distribution of each new build to the web roots (GONGKAI_PUBLISH_TARGETS; engine/targets.py).

Called by the publication queue under the department's publication lock, right after the
local switch. A target that fails is recorded (TargetState), keeps serving its previous build,
becomes an urgent to-do for the office and the system administrator (publishing/todos.py) and
is retried every five minutes by `distribution_retry` until it is up to date.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from gongkai.core.crypto import suite
from gongkai.core.models import Department
from gongkai.publishing.engine import targets as target_kinds
from gongkai.publishing.models import Publication, TargetState
from gongkai.publishing.services.lock import publication_lock
from gongkai.publishing.services.publish import site_dir
from gongkai.publishing.site import site_info


@cache
def _configured(urls: tuple[str, ...]) -> tuple[target_kinds.Target, ...]:
    return tuple(target_kinds.parse(url) for url in urls)


def configured_targets() -> tuple[target_kinds.Target, ...]:
    return _configured(tuple(settings.PUBLISH_TARGETS))


def distribute(*, department: Department) -> list[TargetState]:
    """Push the department's served build to every target (the caller holds the lock)."""
    found = configured_targets()
    if not found:
        return []
    site = site_dir(site_info(department))
    served = site.served_tree()
    states = []
    for target in found:
        state, _ = TargetState.objects.get_or_create(department=department, target=target.label)
        try:
            pushed = target_kinds.push(target, department.slug, served, suite())
        except Exception as exc:
            state.ok = False
            state.failures += 1
            state.last_error = str(exc)[:2000] or type(exc).__name__
        else:
            state.ok, state.failures, state.last_error = True, 0, ""
            state.serial = pushed.serial
        state.checked_at = timezone.now()
        state.save()
        states.append(state)
    return states


def distribution_retry() -> int:
    """Bring every target that failed or fell behind up to date (the periodic job). Returns
    the number of departments handled."""
    from gongkai.publishing.services.queue import local_catch_up

    if not configured_targets():
        return 0
    labels = {t.label for t in configured_targets()}
    handled = 0
    for department in Department.objects.order_by("pk"):
        last = Publication.objects.filter(department=department).aggregate(n=Max("serial"))["n"]
        if not last:
            continue
        states = {
            s.target: s
            for s in TargetState.objects.filter(department=department, target__in=labels)
        }
        if all(
            label in states and states[label].ok and states[label].serial >= last
            for label in labels
        ):
            continue
        with publication_lock(department):
            local_catch_up(department)
            distribute(department=department)
        handled += 1
    return handled
