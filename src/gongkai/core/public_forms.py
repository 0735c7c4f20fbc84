"""ADAPTER  What every public form of the portal does the same way (comments on drafts, meeting
registrations, and next the mailbox and suggestions; the rules themselves are in the pure
`gongkai.core.participation`):

    if public_forms.over_limit(request, "consult", limit=settings.COMMENT_RATE_LIMIT):
        ...  # a Chinese message, HTTP 429, nothing saved
    token = public_forms.token(request)            # hidden field of the form
    comment, created = public_forms.create_once(
        find=lambda: Comment.objects.filter(consultation=c, submit_token=token).first(),
        create=lambda: Comment.objects.create(..., submit_token=token),
    )

- **Per-address limits**: counted per client address (gongkai.core.net.client_ip: behind the TLS
  proxy only the address nginx appended) in a fixed window, in the shared cache so that every
  app server counts together. No captcha: blind users must be able to take part.
- **Exactly once**: the form carries a random token; the model has a unique constraint on it, so
  a double click, a retried POST or two racing requests store one record, and the second caller
  gets the first record back.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from gongkai.core.errors import DomainError
from gongkai.core.net import client_ip

T = TypeVar("T")
HOUR = 3600


def over_limit(request: HttpRequest, kind: str, *, limit: int, window: int = HOUR) -> bool:
    """Count this submission against the address's allowance; True when it is over."""
    key = f"gongkai:public:{kind}:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit


def token(request: HttpRequest) -> str:
    """The form's one-submission token: the posted one, or a new one for a fresh form."""
    posted = request.POST.get("token", "") if request.method == "POST" else ""
    return posted or secrets.token_urlsafe(24)


def check_token(value: str) -> str:
    if not value or len(value) > 64 or not value.replace("-", "").replace("_", "").isalnum():
        raise DomainError("表单已失效，请刷新页面后重新填写提交。")
    return value


def create_once(*, find: Callable[[], T | None], create: Callable[[], T]) -> tuple[T, bool]:
    """(record, created): `create` runs in its own savepoint; when a racing request stored the
    same token first, the unique constraint fails and that request's record is returned."""
    existing = find()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing, False
