"""Per-address rate limit for the public search (page and API), kept in the shared cache so
that every app server counts together. A fixed window: simple, and enough to stop a scraper or
a flood of spam queries without troubling a person."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from gongkai.core.net import client_ip

# Requests per address per window, and the window in seconds. Override in settings with
# SEARCH_RATE_LIMIT = (requests, seconds).
DEFAULT_LIMIT = (30, 60)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def client_address(request: HttpRequest) -> str:
    # The platform's one rule (gongkai.core.net): behind the TLS proxy only the address nginx
    # appended to X-Forwarded-For is trusted, so a client cannot pick a fresh one per request.
    return client_ip(request) or "unknown"


def check(request: HttpRequest, *, now: float | None = None) -> Verdict:
    limit, window = getattr(settings, "SEARCH_RATE_LIMIT", DEFAULT_LIMIT)
    now = time.time() if now is None else now
    slot = int(now // window)
    key = f"search:rate:{client_address(request)}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        used = 1
    if used > limit:
        return Verdict(False, retry_after=max(1, int((slot + 1) * window - now)))
    return Verdict(True)
