"""Who is asking: the client address used for throttling, rate limits and the audit log."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind the TLS proxy (GONGKAI_BEHIND_TLS_PROXY) the last address in
    X-Forwarded-For — the one nginx added; anything before it is client-supplied and a client
    could forge it to escape a rate limit."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and settings.BEHIND_TLS_PROXY:
        return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))
