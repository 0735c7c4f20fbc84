"""The open meetings' public pages (static):

    /hdjl/hy/            会议公开: announcements, results of registration, minutes
    /hdjl/hy/<id>.html   one meeting: announcement, how to register, the draw and its seed,
                         live stream / recording, minutes of the public part

Registration itself is dynamic (/meetings/<id>/register/). Change("meeting", id).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongkai.core.participation import public_author
from gongkai.meetings.domain.states import PUBLIC_STATUSES
from gongkai.meetings.models import Meeting, Registration
from gongkai.publishing import pages
from gongkai.publishing.pages import Affected, Block, Change, Link, Page
from gongkai.publishing.site import SiteInfo

LIST = "/hdjl/hy/"
CSS = "/assets/participation.css"


def _public(site: SiteInfo) -> Any:
    return Meeting.objects.filter(
        department=site.department, status__in=[s.value for s in PUBLIC_STATUSES]
    ).order_by("-held_on", "-id")


def _page(site: SiteInfo, m: Meeting) -> Page:
    regs = list(m.registrations.all())
    public = [r for r in regs if r.kind == Registration.Kind.PUBLIC]
    return Page(
        m.public_path,
        "meetings/meeting.html",
        {
            "m": m,
            "channels": pages.collect("interaction", site),
            "trail": [("会议公开", LIST), (m.title, "")],
            "css": CSS,
            "registered": len(public),
            "selected": [
                (r.number, public_author(r.name, r.consent, "公众代表"))
                for r in public
                if r.state == Registration.State.SELECTED
            ],
            "waiting": sorted(
                (r.waiting_rank or 0, r.number)
                for r in public
                if r.state == Registration.State.WAITING
            ),
            "numbers": sorted(r.number for r in public),
            "invited": [
                (
                    r.get_kind_display(),
                    public_author(r.name, r.consent, r.get_kind_display()),
                    r.organisation if r.consent else "",
                )
                for r in regs
                if r.state == Registration.State.INVITED
            ],
            "attended": sum(1 for r in regs if r.attended),
        },
    )


def _list(site: SiteInfo) -> Page:
    return Page(
        LIST,
        "meetings/list.html",
        {"items": list(_public(site)), "channels": pages.collect("interaction", site), "css": CSS},
    )


@pages.source
class MeetingPages:
    name = "meetings"

    def pages(self, site: SiteInfo) -> Iterator[Page]:
        yield _list(site)
        for m in _public(site).prefetch_related("registrations"):
            yield _page(site, m)

    def affected(self, site: SiteInfo, change: Change) -> Affected:
        if change.kind != "meeting":
            return Affected()
        m = _public(site).filter(pk=change.id).first()
        if m is None:
            return Affected(pages=[_list(site)])
        return Affected(pages=[_list(site), _page(site, m)])


@pages.interaction
def interaction(site: SiteInfo) -> list[Link]:
    return [
        Link(
            "会议公开",
            LIST,
            note="局长办公会邀请公众、专家和媒体列席：会议公告、报名、直播和会议纪要",
        )
    ]


@pages.home_blocks
def home_block(site: SiteInfo) -> list[Block]:
    items = tuple(
        Link(m.title, m.public_path, m.held_on, note=m.status_label) for m in _public(site)[:6]
    )
    return [Block("会议公开", items, LIST, order=46)] if items else []
