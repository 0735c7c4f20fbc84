"""Which department's site answers a host name (集约化: many sites on one installation)."""

from __future__ import annotations

import time

from django.db import close_old_connections, connection

from gongkai.core.models import Department

_TTL = 30.0


class _Cache:
    at = 0.0
    hosts: dict[str, str] = {}
    default: str | None = None


_cache = _Cache()


def _drop_stale_connection() -> None:
    """Static pages are served without Django's request cycle, which is what normally drops a
    broken or expired database connection (CONN_MAX_AGE); do the same around the lookup — but
    never inside a transaction (a test's, or a caller's)."""
    if not connection.in_atomic_block:
        close_old_connections()


def _load() -> None:
    from gongkai.publishing.models import PortalSite

    _drop_stale_connection()
    try:
        hosts: dict[str, str] = {}
        default: str | None = None
        for cfg in PortalSite.objects.select_related("department"):
            for host in cfg.host_list():
                hosts[host] = cfg.department.slug
            if cfg.is_default and default is None:
                default = cfg.department.slug
        if default is None:
            default = Department.objects.order_by("pk").values_list("slug", flat=True).first()
    finally:
        _drop_stale_connection()
    _cache.at, _cache.hosts, _cache.default = time.monotonic(), hosts, default


def clear() -> None:
    _cache.at = 0.0


def slug_for_host(host: str) -> str | None:
    """The site slug for a host name (without port); the default site for an unknown host."""
    if time.monotonic() - _cache.at > _TTL:
        _load()
    return _cache.hosts.get(host.lower().rstrip("."), _cache.default)


def department_for_host(host: str) -> Department | None:
    slug = slug_for_host(host)
    return Department.objects.filter(slug=slug).first() if slug else None
