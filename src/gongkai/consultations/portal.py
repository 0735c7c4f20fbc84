"""The consultations' public pages (static, published through the pipeline):

    /hdjl/zjyj/                 意见征集: every consultation, open ones first
    /hdjl/zjyj/<id>.html        the draft with its background, basis, explanation and period
    /hdjl/zjyj/<id>-fk.html     意见采纳情况反馈, once published
    /assets/participation.css   shared by the 互动交流 pages

The comment form itself is dynamic (/consult/<id>/, views/public.py). A change is
Change("consultation", id): the consultation's pages and the list; the home page and 互动交流 come
with Change("portal", "interaction"), which the services publish alongside.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.consultations.domain.feedback import CHANNEL_LABELS, DISPOSITION_LABELS, Channel
from gongkai.consultations.domain.states import PUBLIC_STATUSES, Status
from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.services.consultations import summary_of
from gongkai.core.participation import WITHHOLD_REASONS, Moderation, public_author, redact
from gongkai.publishing import pages
from gongkai.publishing.pages import Affected, Block, Change, Link, Page
from gongkai.publishing.site import SiteInfo

LIST = "/hdjl/zjyj/"
CSS = "/assets/participation.css"
CHANGE = "consultation"


def _public(site: SiteInfo) -> Any:
    return (
        Consultation.objects.filter(
            department=site.department, status__in=[s.value for s in PUBLIC_STATUSES]
        )
        .select_related("division", "final_document")
        .order_by("-opens_on", "-id")
    )


def _css() -> Page:
    return Page(
        CSS, content=(Path(__file__).parent / "site_static" / "participation.css").read_bytes()
    )


@dataclass(frozen=True)
class PublicComment:
    number: int
    channel: str
    author: str
    article: str
    text: str
    disposition: str
    reason: str
    same_as: int | None
    duplicates: tuple[int, ...]


def public_comments(c: Consultation) -> list[PublicComment]:
    """The accepted comments as the public reads them: personal data masked, a name only with
    its writer's consent, grouped comments pointing to their group."""
    comments = [
        x for x in c.comments.select_related("same_as").all() if x.moderation == Moderation.ACCEPTED
    ]
    members: dict[int, list[int]] = {}
    for x in comments:
        if x.same_as_id and x.same_as:
            members.setdefault(x.same_as.number, []).append(x.number)
    return [
        PublicComment(
            number=x.number,
            channel=CHANNEL_LABELS[Channel(x.channel)],
            author=public_author(x.author, x.consent, _fallback(x)),
            article=redact(x.article),
            text=redact(x.body),
            disposition=DISPOSITION_LABELS.get(x.effective_disposition, "待处理"),  # type: ignore[call-overload]
            reason=redact(x.effective_reason),
            same_as=x.same_as.number if x.same_as_id and x.same_as else None,
            duplicates=tuple(members.get(x.number, ())),
        )
        for x in comments
    ]


def _fallback(x: Comment) -> str:
    return {"expert": "专家", "hearing": "听证参加人", "symposium": "座谈会参加人"}.get(
        x.channel, "社会公众"
    )


def _context(site: SiteInfo, c: Consultation) -> dict[str, Any]:
    return {
        "c": c,
        "channels": pages.collect("interaction", site),
        "trail": [("意见征集", LIST), (c.title, "")],
        "css": CSS,
        "minimum": _minimum_text(c),
        "document_path": _document_path(c),
    }


def _minimum_text(c: Consultation) -> str:
    from gongkai.consultations.services.common import minimum

    return minimum(c.kind).text


def _document_path(c: Consultation) -> str:
    doc = c.final_document
    if doc is None or doc.status != "published":
        return ""
    return doc.public_path


def _pages(site: SiteInfo, c: Consultation) -> Iterator[Page]:
    ctx = _context(site, c)
    yield Page(c.public_path, "consultations/draft.html", ctx)
    if c.status == Status.FEEDBACK_PUBLISHED:
        summary = summary_of(c)
        yield Page(
            c.feedback_path,
            "consultations/feedback.html",
            {
                **ctx,
                "trail": [("意见征集", LIST), (c.title, c.public_path), ("意见采纳情况反馈", "")],
                "summary": summary,
                "comments": public_comments(c),
                "channel_labels": {k.value: v for k, v in CHANNEL_LABELS.items()},
                "disposition_labels": {k.value: v for k, v in DISPOSITION_LABELS.items()},
                "withheld": [(WITHHOLD_REASONS.get(k, k), n) for k, n in summary.withheld.items()],
            },
        )


def _list(site: SiteInfo) -> Page:
    items = list(_public(site))
    return Page(
        LIST,
        "consultations/list.html",
        {
            "items": items,
            "open": [c for c in items if c.status == Status.OPEN],
            "others": [c for c in items if c.status != Status.OPEN],
            "channels": pages.collect("interaction", site),
            "css": CSS,
        },
    )


@pages.source
class ConsultationPages:
    name = "consultations"

    def pages(self, site: SiteInfo) -> Iterator[Page]:
        yield _css()
        yield _list(site)
        for c in _public(site):
            yield from _pages(site, c)

    def affected(self, site: SiteInfo, change: Change) -> Affected:
        if change.kind != CHANGE:
            return Affected()
        c = _public(site).filter(pk=change.id).first()
        if c is None:
            return Affected(pages=[_list(site)])
        return Affected(pages=[_css(), _list(site), *_pages(site, c)])


@pages.interaction
def interaction(site: SiteInfo) -> list[Link]:
    return [
        Link("意见征集", LIST, note="对规范性文件和重大行政决策草案公开征求意见，公布意见采纳情况")
    ]


@pages.home_blocks
def home_block(site: SiteInfo) -> list[Block]:
    items = tuple(
        Link(c.title, c.public_path, c.opens_on, note=c.status_label) for c in _public(site)[:6]
    )
    return [Block("意见征集", items, LIST, order=45)] if items else []


@pages.related
def feedback_links(site: SiteInfo, kind: str) -> dict[int, list[Link]]:
    """A final document links to the consultation on its draft and to the feedback report."""
    if kind != "document":
        return {}
    found: dict[int, list[Link]] = {}
    for c in _public(site).filter(final_document__isnull=False):
        links = found.setdefault(c.final_document_id or 0, [])
        links.append(Link(f"征求意见：{c.title}", c.public_path, c.opens_on, note=c.status_label))
        if c.status == Status.FEEDBACK_PUBLISHED:
            links.append(Link("意见采纳情况反馈", c.feedback_path, c.feedback_published_on))
    return found
