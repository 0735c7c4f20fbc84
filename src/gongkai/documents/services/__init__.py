"""Every write to documents goes through a function in this package (views, API, CLI, jobs and
the demo loader all call them):

- records: document_create, document_update, attachment_add, attachment_remove
- chain: document_submit, document_head_approve, document_legality_approve,
  document_confidentiality_approve, document_override_checks, document_sign_off, document_return
- publication: document_set_validity, document_withdraw
- campaigns: cleanup_campaign_create, cleanup_item_decide, cleanup_campaign_apply,
  cleanup_campaign_publish, yearly_review_open, yearly_review_decide
"""

from typing import TYPE_CHECKING

from gongkai.core.errors import AccessDenied, DomainError, InvalidTransition

if TYPE_CHECKING:
    from gongkai.core.models import User


class DocumentInputError(DomainError):
    """Input that cannot be saved. `fields` maps a field name ("" for the whole form) to Chinese
    messages that say what is wrong and how to fix it."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(fields=errors)


def department_id_of(user: "User") -> int:
    """The user's department id; staff without one cannot act on any department's records."""
    if user.department_id is None:
        raise AccessDenied("您的账号尚未分配所属机关，请联系系统管理员。")
    return user.department_id


__all__ = ["AccessDenied", "DocumentInputError", "InvalidTransition", "department_id_of"]
