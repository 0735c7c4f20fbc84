"""The one error type of the domain. PURE: no Django, so that domain modules can raise it too.

A rule that refuses an action raises `DomainError` (or one of the subclasses below, or an app's
own subclass) with a Chinese message that says what is wrong and how to fix it, and, when the
input came from a form, the messages per field. Every adapter turns it into what its user reads:

- staff and public views: `gongkai.core.web.attempt` (field errors onto the form, the message
  otherwise);
- the JSON API: one exception handler in `gongkai.api` (`{"detail": ..., "errors": {...}}` with
  `DomainError.status` as the HTTP status);
- management commands: `CommandError(str(exc))`.

Anything else that escapes a service is a bug, not a user error.
"""

from collections.abc import Iterable, Mapping


class DomainError(Exception):
    """An action the rules do not allow, or input that cannot be saved."""

    status = 400

    def __init__(
        self, message: str = "", *, fields: Mapping[str, str | Iterable[str]] | None = None
    ) -> None:
        self.fields: dict[str, list[str]] = {
            name: [msgs] if isinstance(msgs, str) else list(msgs)
            for name, msgs in (fields or {}).items()
        }
        self.message = message or "；".join(m for msgs in self.fields.values() for m in msgs)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class AccessDenied(DomainError):
    """The user's role, division or department does not allow this."""

    status = 403


class NotFound(DomainError):
    """The record does not exist, or not for this user's department (the same answer for both,
    so that ids of other departments reveal nothing)."""

    status = 404


class InvalidTransition(DomainError):
    """The record's current state does not allow this action."""

    status = 409
