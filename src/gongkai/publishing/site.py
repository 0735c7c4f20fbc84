"""SiteInfo: everything a template needs to know about the department whose site it renders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from gongkai.core.models import Department


@dataclass(frozen=True)
class SiteInfo:
    department: Department
    slug: str
    name: str
    base_url: str
    site_code: str = ""
    icp: str = ""
    police_record: str = ""

    def url(self, path: str) -> str:
        """Absolute public URL of a site path (canonical links, feeds, sitemap)."""
        return self.base_url + path

    @property
    def root(self) -> Path:
        """The department's directory under SITE_ROOT (builds a/ and b/, `current`, state)."""
        return Path(settings.SITE_ROOT) / self.slug


def site_info(department: Department) -> SiteInfo:
    from gongkai.publishing.models import PortalSite

    cfg = PortalSite.objects.filter(department=department).first()
    base = (cfg.base_url if cfg and cfg.base_url else settings.PUBLIC_BASE_URL).rstrip("/")
    return SiteInfo(
        department=department,
        slug=department.slug,
        name=department.name,
        base_url=base,
        site_code=cfg.site_code if cfg else "",
        icp=cfg.icp if cfg else "",
        police_record=cfg.police_record if cfg else "",
    )
