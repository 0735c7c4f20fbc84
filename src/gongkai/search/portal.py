"""The search page's stylesheet as a portal asset (/assets/search.css)."""

from pathlib import Path

from gongkai.publishing.pages import Affected, Change, Page, source
from gongkai.publishing.site import SiteInfo

CSS = Path(__file__).with_name("site_static") / "search.css"


@source
class SearchAssets:
    name = "search"

    def pages(self, site: SiteInfo) -> list[Page]:
        return [Page("/assets/search.css", content=CSS.read_bytes())]

    def affected(self, site: SiteInfo, change: Change) -> Affected:
        return Affected()
