"""The one place where a document change reaches the public site and the search index.

The search index is written inside the surrounding transaction (a failed write leaves no index
entry); the site is published after commit, so pages show committed data.
"""

import logging
from collections.abc import Iterable

from gongkai.core.models import Department

log = logging.getLogger(__name__)


def document_changed(
    department: Department, document_ids: Iterable[int], *, validity_only: bool = False
) -> None:
    """`validity_only`: the documents stayed published and only their 有效性 changed, so the
    portal rewrites their rows in place instead of re-paging their lists."""
    ids = sorted(set(document_ids))
    if not ids:
        return
    from gongkai.documents.portal import VALIDITY_CHANGE
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import site_publish_on_commit

    sync_search(ids)
    kind = VALIDITY_CHANGE if validity_only else "document"
    site_publish_on_commit(department=department, changes=[Change(kind, i) for i in ids])


def cleanup_result_changed(department: Department, campaign_id: int) -> None:
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import site_publish_on_commit

    site_publish_on_commit(department=department, changes=[Change("cleanup", campaign_id)])


def sync_search(ids: list[int]) -> None:
    """Index published documents; remove the others (withdrawn, filed) from the index."""
    from gongkai.documents.search_adapter import index_documents

    index_documents(ids)
