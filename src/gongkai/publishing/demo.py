"""Demo: build the department's public site if it has never been built (idempotent)."""

from __future__ import annotations

import datetime as dt

from gongkai.core.models import Department


def load(department: Department, *, today: dt.date) -> None:
    from gongkai.publishing.models import PortalSite
    from gongkai.publishing.services import site_dir, site_rebuild
    from gongkai.publishing.site import site_info

    PortalSite.objects.get_or_create(
        department=department,
        defaults={"is_default": not PortalSite.objects.filter(is_default=True).exists()},
    )
    if not site_dir(site_info(department)).exists():
        site_rebuild(department=department)
