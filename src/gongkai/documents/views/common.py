"""Shared helpers of the staff views: turn service errors into messages, never into 500s."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from gongkai.core.permissions import PermissionDenied
from gongkai.documents.domain.workflow import InvalidTransition
from gongkai.documents.services import DocumentInputError


def attempt(
    request: HttpRequest, func: Callable[..., Any], form: forms.Form | None = None, **kwargs: Any
) -> tuple[bool, Any]:
    """Call a service; on a domain error show it (on the form's fields when it has them)."""
    try:
        return True, func(**kwargs)
    except DocumentInputError as exc:
        if form is not None:
            for field, msgs in exc.errors.items():
                for msg in msgs:
                    form.add_error(field if field in form.fields else None, msg)
        else:
            messages.error(request, str(exc))
    except (InvalidTransition, PermissionDenied) as exc:
        if form is not None:
            form.add_error(None, str(exc))
        else:
            messages.error(request, str(exc))
    return False, None
