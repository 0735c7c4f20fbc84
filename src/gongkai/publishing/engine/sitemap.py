"""The sitemap, made from the manifest: one part per manifest shard with HTML pages, and an
index. A publication regenerates only the parts of the shards whose pages changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from gongkai.publishing.engine import files
from gongkai.publishing.engine.manifest import Manifest, Suite

SITEMAP_INDEX = "sitemap.xml"
SITEMAP_DIR = "sitemaps"


def is_generated(path: str) -> bool:
    """Files the engine makes itself (sitemaps), not a page source."""
    return path == SITEMAP_INDEX or path.startswith(SITEMAP_DIR + "/")


def shard_xml(base_url: str, entries: dict[str, list]) -> bytes | None:
    """The sitemap part listing the HTML pages of one manifest shard (None: it has none)."""
    urls = []
    for path, (_sha, _size, _serial, day) in sorted(entries.items()):
        if not path.endswith(".html") or path == "404.html":
            continue
        url_path = "/" + (path[: -len("index.html")] if path.endswith("index.html") else path)
        urls.append(f"<url><loc>{escape(base_url + url_path)}</loc><lastmod>{day}</lastmod></url>")
    if not urls:
        return None
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(urls)
        + "\n</urlset>\n"
    ).encode()


def index_xml(base_url: str, keys: Iterable[str]) -> bytes:
    items = [
        f"<sitemap><loc>{escape(base_url)}/{SITEMAP_DIR}/{k}.xml</loc></sitemap>" for k in keys
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(items)
        + "\n</sitemapindex>\n"
    ).encode()


def update(
    manifest: Manifest,
    tree: Path,
    suite: Suite,
    base_url: str,
    stamp: tuple[int, str],
    record: Callable[[Iterable[str]], None],
) -> list[str]:
    """Regenerate the sitemap of every shard whose pages changed, and the index; `record` is
    told every file that may be touched before it is. Returns the files written or removed."""
    keys = sorted(manifest.sitemap_dirty)
    writes: list[tuple[str, bytes | None]] = []
    for key in keys:
        data = shard_xml(base_url, manifest.shard(key))
        writes.append((f"{SITEMAP_DIR}/{key}.xml", data))
    done: list[str] = []
    record([*(rel for rel, _ in writes), SITEMAP_INDEX])
    sitemaps = set(manifest.root.get("sitemaps", []))
    before = set(sitemaps)
    for rel, data in writes:
        key = rel[len(SITEMAP_DIR) + 1 : -4]
        entry = manifest.get(rel)
        if data is None:
            sitemaps.discard(key)
            if manifest.drop(rel):
                files.remove(tree, rel)
                done.append(rel)
            continue
        sitemaps.add(key)
        sha = suite.digest(data)
        if entry is not None and entry[0] == sha:
            continue
        files.write_atomic(tree / rel, data)
        manifest.put(rel, sha, len(data), *stamp)
        done.append(rel)
    manifest.root["sitemaps"] = sorted(sitemaps)
    if sitemaps != before or manifest.get(SITEMAP_INDEX) is None:
        data = index_xml(base_url, sorted(sitemaps))
        files.write_atomic(tree / SITEMAP_INDEX, data)
        manifest.put(SITEMAP_INDEX, suite.digest(data), len(data), *stamp)
        done.append(SITEMAP_INDEX)
    return done
