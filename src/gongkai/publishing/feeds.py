"""RSS 2.0 and Atom feeds as Page objects, without a request (Django's feedgenerator)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.utils import feedgenerator

from gongkai.publishing.pages import Link, Page
from gongkai.publishing.site import SiteInfo

TZ = ZoneInfo("Asia/Shanghai")
EPOCH = dt.datetime(2008, 5, 1, tzinfo=TZ)  # 条例施行之日; a stable date for an empty feed


def _when(d: dt.date | None) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=TZ) if d else EPOCH


class _Stable:
    """Take the feed's date from its newest item, not from the clock, so an unchanged feed is
    byte-for-byte unchanged and is not rewritten on every publish."""

    def latest_post_date(self) -> dt.datetime:
        dates = [i["pubdate"] for i in self.items if i.get("pubdate")]  # type: ignore[attr-defined]
        return max(dates) if dates else EPOCH


class _Rss(_Stable, feedgenerator.Rss201rev2Feed):
    pass


class _Atom(_Stable, feedgenerator.Atom1Feed):
    pass


def feed_pages(
    site: SiteInfo,
    path_prefix: str,
    title: str,
    items: Iterable[Link],
    *,
    link: str = "",
    description: str = "",
) -> list[Page]:
    """`{prefix}feed.xml` (Atom) and `{prefix}feed.rss` (RSS 2.0) for a column or the site.

    `path_prefix` is a URL path ending in "/" (e.g. "/xxgk/zcwj/"); items are Links with dates,
    newest first; `Link.note` becomes the item summary.
    """
    if not path_prefix.endswith("/"):
        raise ValueError("path_prefix 必须以 / 结尾")
    items = list(items)
    pages = []
    for cls, name in ((_Atom, "feed.xml"), (_Rss, "feed.rss")):
        feed = cls(
            title=f"{title} - {site.name}",
            link=site.url(link or path_prefix),
            description=description or f"{site.name}{title}",
            language="zh-CN",
            feed_url=site.url(path_prefix + name),
            author_name=site.name,
        )
        for item in items:
            feed.add_item(
                title=item.title,
                link=site.url(item.url) if item.url.startswith("/") else item.url,
                description=item.note,
                pubdate=_when(item.date),
                unique_id=site.url(item.url) if item.url.startswith("/") else item.url,
            )
        pages.append(Page(path_prefix + name, content=feed.writeString("utf-8").encode()))
    return pages
