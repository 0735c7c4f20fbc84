"""Page -> bytes. The layout gets the site, the navigation, the canonical URL and the manifest
reference that lets anyone trace a copy back to the signed original."""

from __future__ import annotations

from typing import Any

from gongkai.publishing import pages
from gongkai.publishing.jinja import environment
from gongkai.publishing.site import SiteInfo

MANIFEST_URL_PATH = "/.well-known/gongkai/manifest.json"

# The fixed top navigation of the portal; apps add entries through pages.nav_items.
BASE_NAV = (
    pages.Link("首页", "/"),
    pages.Link("政府信息公开", "/xxgk/"),
    pages.Link("依申请公开", "/xxgk/ysqgk/"),
    pages.Link("全文检索", "/search/"),
)


def navigation(site: SiteInfo) -> list[pages.Link]:
    return [*BASE_NAV[:2], *pages.collect("nav_items", site), *BASE_NAV[2:]]


def manifest_reference(site: SiteInfo, path: str, key_id: str) -> str:
    """Content of <meta name="gongkai-manifest">: which signed manifest vouches for this page."""
    return f"site={site.slug}; path={path}; key={key_id}; manifest={site.url(MANIFEST_URL_PATH)}"


def render_template(
    site: SiteInfo, template: str, path: str, context: dict[str, Any], *, key_id: str = ""
) -> str:
    env = environment()
    nav = navigation(site)
    matches = [i.url for i in nav if path == i.url or (i.url != "/" and path.startswith(i.url))]
    ctx = {
        "site": site,
        "page_path": path,
        "canonical": site.url(path),
        "manifest_ref": manifest_reference(site, path, key_id) if key_id else "",
        "nav": nav,
        "nav_active": max(matches, key=len, default=""),
        "dynamic": False,
        **context,
    }
    return env.get_template(template).render(ctx)


def render_page(site: SiteInfo, page: pages.Page, *, key_id: str) -> bytes:
    if page.template is None:
        return page.content or b""
    return render_template(
        site, page.template, page.path, dict(page.context), key_id=key_id
    ).encode()
