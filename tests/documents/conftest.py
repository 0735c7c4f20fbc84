import datetime as dt

import pytest

from gongkai.core.models import User
from gongkai.documents.models import Disclosure, Document
from gongkai.documents.services import chain
from gongkai.documents.services.records import DocumentData, document_create


@pytest.fixture
def users(bureau):
    return {u.username: u for u in User.objects.filter(department=bureau)}


def make_data(**overrides) -> DocumentData:
    values = {
        "title": "关于组织申报2026年度科技计划项目的通知",
        "issuers": "示例市科学技术局",
        "genre": "通知",
        "doc_number": "",
        "written_date": dt.date(2026, 11, 20),
        "body": "<p>各有关单位：现将有关事项通知如下。</p>",
        "disclosure": Disclosure.PROACTIVE,
    }
    values.update(overrides)
    return DocumentData(**values)


@pytest.fixture
def draft(users):
    """A function creating a draft as `drafter` (计划处)."""

    def make(user: str = "drafter", **overrides) -> Document:
        return document_create(actor=users[user], data=make_data(**overrides)).document

    return make


@pytest.fixture
def walk(users):
    """Walk a document through the chain up to (and including) `until`."""

    steps = [
        ("submit", "drafter", chain.document_submit),
        ("head_approve", "head", chain.document_head_approve),
        ("legality_approve", "legal", chain.document_legality_approve),
        ("confidentiality_approve", "secrecy", chain.document_confidentiality_approve),
        ("sign_off", "office", chain.document_sign_off),
    ]

    def run(doc: Document, until: str = "sign_off", today: dt.date | None = None) -> Document:
        for name, username, func in steps:
            doc.refresh_from_db()
            if name == "legality_approve" and doc.status != "legality_review":
                continue
            kwargs = {"today": today} if name == "sign_off" and today else {}
            func(actor=users[username], document=doc, **kwargs)
            if name == until:
                break
        doc.refresh_from_db()
        return doc

    return run
