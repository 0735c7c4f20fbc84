"""What every view does with a service call: turn a domain error into what the user reads.

    ok, doc = attempt(request, records.document_create, form, actor=user, data=form.to_data())

A `DomainError` (gongkai.core.errors) puts its field errors on the form's fields (a field the form
does not have becomes a form-wide error) and its message on the form or, without a form, into
the page's messages. Any other exception is a bug and propagates (a 500 and a log entry).
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from gongkai.core.errors import DomainError


def attempt(
    request: HttpRequest, func: Callable[..., Any], form: forms.Form | None = None, **kwargs: Any
) -> tuple[bool, Any]:
    """Call a service with keyword arguments; `(True, result)` or `(False, None)` after showing
    the error."""
    try:
        return True, func(**kwargs)
    except DomainError as exc:
        show_error(request, exc, form)
    return False, None


def show_error(request: HttpRequest, exc: DomainError, form: forms.Form | None = None) -> None:
    if form is None:
        messages.error(request, str(exc))
        return
    if not exc.fields:
        form.add_error(None, str(exc))
        return
    for field, msgs in exc.fields.items():
        for msg in msgs:
            form.add_error(field if field in form.fields else None, msg)
