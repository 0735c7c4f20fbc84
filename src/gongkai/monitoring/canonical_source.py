"""The signed canonical copy of a published page, from the static-site publisher's build.

The publisher (gongkai.publishing) keeps every file of the public site in a build whose manifest
lists each file's digest, signed by the application. The canonical copy of a URL is the file at
that path in the served build when its digest matches the manifest, otherwise the same file in
the standby build when that one matches. A clone domain copies the site's paths, so the same
lookup gives the canonical copy of a copied page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from gongkai.core.models import Department


def canonical_for(department: Department, url: str) -> bytes | None:
    """Signed canonical bytes of the page published at *url*'s path, or None if unknown."""
    from gongkai.publishing import engine
    from gongkai.publishing.pages import file_for
    from gongkai.publishing.services import site_dir
    from gongkai.publishing.site import site_info

    site = site_dir(site_info(department))
    if not site.exists():
        return None
    rel = file_for(urlsplit(url).path or "/")
    served = site.served_tree()
    expected = engine.expected_digest(served, rel)
    if expected is None:
        return None
    standby = site.root / ("b" if served.name == "a" else "a")
    for tree in (served, standby):
        try:
            data = (tree / rel).read_bytes()
        except OSError:
            continue
        if site.suite.digest(data) == expected:
            return data
    return None
