"""The 政府信息公开年报 column of the public portal: one page per published report (the latest
version at /xxgk/nb/<year>.html, earlier versions kept at /xxgk/nb/<year>-v<n>.html), the
.docx and .xlsx downloads, and the list entries the portal shell shows at /xxgk/nb/."""

from collections.abc import Iterable, Iterator

from django.utils import timezone
from markupsafe import Markup

from gongkai.publishing import pages as registry
from gongkai.publishing.pages import Affected, Change, Link, Page
from gongkai.publishing.portal import SECTIONS
from gongkai.publishing.site import SiteInfo
from gongkai.reports.domain.render_docx import render_docx
from gongkai.reports.domain.render_html import render_body
from gongkai.reports.domain.render_xlsx import render_xlsx
from gongkai.reports.models import Report, ReportVersion
from gongkai.reports.services import PORTAL_CHANGE_KIND

BASE = "/xxgk/nb/"
CSS_PATH = "/assets/reports.css"


def report_path(year: int, version: int | None = None) -> str:
    return f"{BASE}{year}{f'-v{version}' if version else ''}.html"


def _published(site: SiteInfo) -> Iterable[Report]:
    return (
        Report.objects.filter(department=site.department, versions__isnull=False)
        .distinct()
        .order_by("-year")
        .prefetch_related("versions")
    )


def _report_pages(report: Report) -> Iterator[Page]:
    versions = sorted(report.versions.all(), key=lambda v: v.number)
    latest = versions[-1]
    for version in versions:
        data = version.as_domain()
        is_latest = version is latest
        yield Page(
            report_path(report.year) if is_latest else report_path(report.year, version.number),
            "reports/annual.html",
            {
                "title": data.title,
                "sections": SECTIONS,
                "body": Markup(render_body(data)),  # noqa: S704 — render_body escapes everything
                "version": version,
                "versions": versions,
                "latest": latest,
                "is_latest": is_latest,
                "year": report.year,
                "css": CSS_PATH,
                "paths": {v.number: report_path(report.year, v.number) for v in versions[:-1]}
                | {latest.number: report_path(report.year)},
                "docx": f"{BASE}{report.year}.docx",
                "xlsx": f"{BASE}{report.year}.xlsx",
            },
        )
    data = latest.as_domain()
    yield Page(f"{BASE}{report.year}.docx", content=render_docx(data))
    yield Page(f"{BASE}{report.year}.xlsx", content=render_xlsx(data))


def _css() -> Page:
    from pathlib import Path

    css = Path(__file__).parent / "site_static" / "reports.css"
    return Page(CSS_PATH, content=css.read_bytes())


@registry.source
class AnnualReportPages:
    name = "reports"

    def pages(self, site: SiteInfo) -> Iterator[Page]:
        yield _css()
        for report in _published(site):
            yield from _report_pages(report)

    def affected(self, site: SiteInfo, change: Change) -> Affected:
        if change.kind != PORTAL_CHANGE_KIND:
            return Affected()
        report = (
            Report.objects.filter(pk=change.id, department=site.department)
            .prefetch_related("versions")
            .first()
        )
        if report is None or not report.versions.exists():
            return Affected()
        return Affected(pages=[_css(), *_report_pages(report)])


@registry.annual_reports
def annual_report_links(site: SiteInfo) -> list[Link]:
    links = []
    for report in _published(site):
        versions = sorted(report.versions.all(), key=lambda v: v.number)
        latest: ReportVersion = versions[-1]
        note = f"已更正（第{latest.number}版）" if latest.number > 1 else ""
        links.append(
            Link(
                latest.as_domain().title,
                report_path(report.year),
                date=timezone.localdate(latest.published_at),
                note=note,
            )
        )
    return links
