from datetime import date
from typing import Any

from gongkai.search.types import SearchDocument


def make_doc(department_id: int, key: str, title: str, **fields: Any) -> SearchDocument:
    """A SearchDocument with a URL and a publish date unless given."""
    fields.setdefault("url", f"/xxgk/{key}.html")
    fields.setdefault("publish_date", date(2026, 3, 2))
    return SearchDocument(department_id=department_id, key=key, title=title, **fields)
