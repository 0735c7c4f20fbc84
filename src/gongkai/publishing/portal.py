"""The portal shell: home page, 政府信息公开专栏, 404, robots.txt, site feeds and assets.

Registered as a page source like any other (apps.py); its content from other apps comes
through the providers in gongkai.publishing.pages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gongkai.core.models import Division
from gongkai.publishing import pages
from gongkai.publishing.feeds import feed_pages
from gongkai.publishing.pages import Affected, Change, Link, Page
from gongkai.publishing.site import SiteInfo

ASSETS = Path(__file__).parent / "site_static"

# The sections of the 政府信息公开专栏 (国办发〔2019〕… 专栏规范: 指南、制度、法定主动公开内容、年报、依申请公开).
SECTIONS = (
    Link("政府信息公开指南", "/xxgk/zn/", note="受理机构、地址、时间、电话、传真、邮箱与办理程序"),
    Link("政府信息公开制度", "/xxgk/zd/", note="本机关政府信息公开工作制度"),
    Link("法定主动公开内容", "/xxgk/fdzdgknr/", note="条例第二十条规定主动公开的信息"),
    Link("政府信息公开年报", "/xxgk/nb/", note="每年1月31日前公布上一年度报告"),
    Link("依申请公开", "/xxgk/ysqgk/", note="在线提交申请、查询办理进度"),
)

# 条例第二十条: what an administrative agency shall proactively disclose (fallback list).
ARTICLE_20 = (
    "（一）行政法规、规章和规范性文件",
    "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "（四）国民经济和社会发展统计信息",
    "（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    "（七）财政预算、决算信息",
    "（八）行政事业性收费项目及其依据、标准",
    "（九）政府集中采购项目的目录、标准及实施情况",
    "（十）重大建设项目的批准和实施情况",
    "（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "（十二）突发公共事件的应急预案、预警信息及应对情况",
    "（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "（十四）公务员招考的职位、名额、报考条件等事项以及录用结果",
    "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
)

# Change kinds whose content shows on the home page, the 专栏 or the site feeds.
CONTENT_KINDS = frozenset({"document", "column", "report", "portal"})


def notice_page(
    path: str,
    title: str,
    message: str,
    *,
    date: dt.date | None = None,
    link: Link | None = None,
    heading: str = "该信息已撤回",
) -> Page:
    """The page left at a withdrawn document's address: says it was withdrawn, when and why."""
    return Page(
        path,
        "portal/notice.html",
        {"title": title, "message": message, "date": date, "link": link, "heading": heading},
    )


def _general_office(site: SiteInfo) -> Division | None:
    return Division.objects.filter(department=site.department, is_general_office=True).first()


def _latest(site: SiteInfo) -> list[Page]:
    """The home page and the site feeds, both made of the home page's blocks."""
    blocks = sorted(pages.collect("home_blocks", site), key=lambda b: (b.order, b.title))
    items = [i for b in blocks for i in b.items if i.date]
    items.sort(key=lambda i: (i.date, i.title), reverse=True)
    return [
        Page("/", "portal/home.html", {"blocks": blocks, "sections": SECTIONS}),
        *feed_pages(site, "/", "最新信息", items[:30], description=f"{site.name}最新公开信息"),
    ]


def _xxgk(site: SiteInfo) -> list[Page]:
    columns = pages.collect("columns", site)
    reports = pages.collect("annual_reports", site)
    return [
        Page("/xxgk/", "portal/xxgk_index.html", {"sections": SECTIONS, "columns": columns}),
        Page(
            "/xxgk/zn/",
            "portal/xxgk_guide.html",
            {"sections": SECTIONS, "office": _general_office(site)},
        ),
        Page("/xxgk/zd/", "portal/xxgk_rules.html", {"sections": SECTIONS}),
        Page(
            "/xxgk/fdzdgknr/",
            "portal/xxgk_columns.html",
            {"sections": SECTIONS, "columns": columns, "article20": ARTICLE_20},
        ),
        Page("/xxgk/nb/", "portal/xxgk_reports.html", {"sections": SECTIONS, "reports": reports}),
        Page(
            "/xxgk/ysqgk/",
            "portal/xxgk_apply.html",
            {"sections": SECTIONS, "office": _general_office(site)},
        ),
    ]


def _hdjl(site: SiteInfo) -> list[Page]:
    """互动交流: the interaction channels other modules register (意见征集, 会议公开, …)."""
    channels = pages.collect("interaction", site)
    if not channels:
        return []
    return [Page("/hdjl/", "portal/hdjl.html", {"channels": channels})]


def interaction_nav(site: SiteInfo) -> list[Link]:
    return [Link("互动交流", "/hdjl/")] if pages.collect("interaction", site) else []


def _fixed(site: SiteInfo) -> list[Page]:
    robots = (
        "User-agent: *\nAllow: /\nDisallow: /staff/\nDisallow: /api/\nDisallow: /admin/\n"
        f"Sitemap: {site.url('/sitemap.xml')}\n"
    )
    assets = [
        Page(f"/assets/{f.name}", content=f.read_bytes())
        for f in sorted(ASSETS.iterdir())
        if f.is_file()
    ]
    return [
        Page("/404.html", "portal/404.html", {}),
        Page("/robots.txt", content=robots.encode()),
        *assets,
    ]


@pages.source
class PortalPages:
    name = "portal"

    def pages(self, site: SiteInfo) -> list[Page]:
        return [*_latest(site), *_xxgk(site), *_hdjl(site), *_fixed(site)]

    def affected(self, site: SiteInfo, change: Change) -> Affected:
        if change.kind == "portal" and change.id in ("", "all"):
            return Affected(pages=self.pages(site))
        if change.kind == "document":  # a document shows in the latest lists only
            return Affected(pages=_latest(site))
        if change.kind not in CONTENT_KINDS:
            return Affected()
        return Affected(pages=[*_latest(site), *_xxgk(site), *_hdjl(site)])


pages.nav_items(interaction_nav)
