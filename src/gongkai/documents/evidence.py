"""EXTENSION POINT  What a document's legality review must see besides the document itself.

Other modules hold evidence the review relies on — a major decision's feedback report on public
comments (意见采纳情况反馈), later perhaps a risk assessment or an expert opinion. Each registers a
provider in its `evidence` module (listed in its ModuleConfig.registers):

    from gongkai.documents import evidence

    @evidence.provider
    def feedback_report(document) -> list[evidence.Evidence]:
        if not document.is_major_decision:
            return []
        return [evidence.Evidence("征求意见采纳情况反馈", url, present=..., required=True)]

The staff page of the document lists the evidence for the reviewer; `document_legality_approve`
refuses while a required item is missing (《重大行政决策程序暂行条例》: public participation is a
mandatory step before the legality review and the collective decision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongkai.documents.models import Document


@dataclass(frozen=True)
class Evidence:
    label: str  # "征求意见采纳情况反馈"
    url: str  # where the reviewer reads it ("" while missing)
    present: bool
    required: bool = True
    note: str = ""  # what is missing and how to supply it, or what the item says


Provider = Callable[["Document"], list[Evidence]]
_providers: list[Provider] = []


def provider(func: Provider) -> Provider:
    """Register an evidence provider (idempotent)."""
    if func not in _providers:
        _providers.append(func)
    return func


def collect(document: Document) -> list[Evidence]:
    return [item for p in _providers for item in p(document)]


def missing(document: Document) -> list[Evidence]:
    return [item for item in collect(document) if item.required and not item.present]
