"""Which department's site answers a host name (集约化: many sites on one installation)."""

from __future__ import annotations

import time

from gongkai.core.models import Department

_TTL = 30.0
_cache: dict[str, object] = {"at": 0.0, "hosts": {}, "default": None}


def _load() -> None:
    from gongkai.publishing.models import PortalSite

    hosts: dict[str, str] = {}
    default: str | None = None
    for cfg in PortalSite.objects.select_related("department"):
        for host in cfg.host_list():
            hosts[host] = cfg.department.slug
        if cfg.is_default and default is None:
            default = cfg.department.slug
    if default is None:
        first = Department.objects.order_by("pk").values_list("slug", flat=True).first()
        default = first
    _cache.update(at=time.monotonic(), hosts=hosts, default=default)


def clear() -> None:
    _cache["at"] = 0.0


def slug_for_host(host: str) -> str | None:
    """The site slug for a host name (without port); the default site for an unknown host."""
    if time.monotonic() - float(_cache["at"]) > _TTL:  # type: ignore[arg-type]
        _load()
    hosts: dict[str, str] = _cache["hosts"]  # type: ignore[assignment]
    return hosts.get(host.lower().rstrip("."), _cache["default"])  # type: ignore[return-value]


def department_for_host(host: str) -> Department | None:
    slug = slug_for_host(host)
    return Department.objects.filter(slug=slug).first() if slug else None
