"""What the search engine sees of a document. Called from services.effects (inside the
publishing transaction, as gongkai.search asks) and registered as a rebuild source."""

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from gongkai.documents.models import Document, DocumentStatus

if TYPE_CHECKING:
    from gongkai.search.types import SearchDocument


def key_for(document_id: int) -> str:
    return f"document:{document_id}"


def search_document(doc: Document) -> "SearchDocument":
    from gongkai.search.types import SearchDocument

    if doc.publish_date is None:
        raise ValueError(f"公文 {doc.pk} 尚未发布，不能建立检索索引。")
    return SearchDocument(
        department_id=doc.department_id,
        key=key_for(doc.pk),
        title=doc.title,
        url=doc.public_path,
        publish_date=doc.publish_date,
        body=doc.body_text,
        doc_number=doc.doc_number,
        attachment_text="\n".join(a.text for a in doc.attachments.all() if a.text),
        issuer=doc.issuer_list[0] if doc.issuer_list else "",
        topic=doc.category.name if doc.category else "",
        genre=doc.genre,
        validity=doc.get_validity_display(),
        index_number=doc.index_number,
    )


def _available() -> bool:
    try:
        import gongkai.search.services  # noqa: F401
    except ImportError:
        return False
    return True


def index_documents(ids: Iterable[int]) -> None:
    if not _available():
        return
    from gongkai.search.services import search_index, search_remove

    docs = Document.objects.filter(pk__in=list(ids)).select_related("category")
    for doc in docs.prefetch_related("attachments"):
        if doc.status == DocumentStatus.PUBLISHED and doc.publish_date:
            search_index(search_document(doc))
        else:
            search_remove(doc.department_id, key_for(doc.pk))


def all_published(department_id: int) -> Iterator:
    docs = (
        Document.objects.filter(
            department_id=department_id, status=DocumentStatus.PUBLISHED, publish_date__isnull=False
        )
        .select_related("category")
        .prefetch_related("attachments")
    )
    for doc in docs.iterator(chunk_size=500):
        yield search_document(doc)


if _available():
    from gongkai.search.services import register_source

    register_source(all_published)
