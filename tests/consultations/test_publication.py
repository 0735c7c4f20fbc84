"""Incremental publishing: each step of a consultation rewrites its own pages, the list and the
互动交流 pages; publishing the feedback of a linked final document adds the link to the
document's page; the site stays verifiable throughout."""

import datetime as dt

from gongkai.consultations.services import comments as cs
from gongkai.consultations.services import consultations as svc
from gongkai.documents.services import chain
from gongkai.documents.services.records import DocumentData, document_create
from gongkai.publishing.services import site_dir, site_rebuild, site_verify
from gongkai.publishing.site import site_info

D = dt.date


def _read(bureau, path):
    root = site_dir(site_info(bureau)).served_tree()
    file = root / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    return file.read_text() if file.exists() else None


def test_pages_follow_the_consultation(bureau, users, at, django_capture_on_commit_callbacks):
    at(D(2027, 3, 1))
    site_rebuild(department=bureau)
    doc = document_create(
        actor=users["drafter"],
        data=DocumentData(
            title="示例市科技创新券管理办法",
            issuers="示例市科学技术局",
            genre="办法",
            written_date=D(2027, 3, 1),
            body="<p>第一条　为规范科技创新券管理，制定本办法。</p>",
            disclosure="proactive",
            is_normative=True,
        ),
    ).document
    with django_capture_on_commit_callbacks(execute=True):
        c = svc.consultation_create(actor=users["drafter"], data=_data())
    assert _read(bureau, c.public_path) is None  # a draft is not public
    with django_capture_on_commit_callbacks(execute=True):
        svc.consultation_link_document(actor=users["drafter"], consultation=c, document_id=doc.pk)
        c = svc.consultation_open(actor=users["head"], consultation=c, today=D(2027, 3, 1))
    page = _read(bureau, c.public_path)
    assert "在线提交意见" in page and "起草背景" in page
    assert c.title in _read(bureau, "/hdjl/zjyj/")
    assert "意见征集" in _read(bureau, "/hdjl/") and c.title in _read(bureau, "/")
    cs.comment_submit(
        consultation=c, data=cs.CommentData(body="建议提高额度，联系我13812345678。"), token="t1"
    )
    comment = c.comments.get()
    cs.comment_moderate(actor=users["drafter"], comment=comment, accept=True)
    cs.comment_dispose(actor=users["drafter"], comment=comment, disposition="adopted", reason="")
    with django_capture_on_commit_callbacks(execute=True):
        svc.consultation_close(actor=None, consultation=c, today=D(2027, 4, 1))
    assert "意见正在研究处理" in _read(bureau, c.public_path) or "逐条研究处理" in _read(
        bureau, c.public_path
    )
    assert "在线提交意见" not in _read(bureau, c.public_path)
    with django_capture_on_commit_callbacks(execute=True):
        svc.consultation_publish_feedback(
            actor=users["head"],
            consultation=c,
            summary="共收到意见1条，已采纳。",
            today=D(2027, 4, 2),
        )
    report = _read(bureau, c.feedback_path)
    assert "138****5678" in report and "13812345678" not in report
    assert c.feedback_path in _read(bureau, c.public_path)
    # The final document, once published, links to the consultation and its report.
    with django_capture_on_commit_callbacks(execute=True):
        for name, user in (
            ("submit", "drafter"),
            ("head_approve", "head"),
            ("legality_approve", "legal"),
            ("confidentiality_approve", "secrecy"),
        ):
            getattr(chain, f"document_{name}")(actor=users[user], document=doc)
        chain.document_sign_off(actor=users["office"], document=doc, today=D(2027, 4, 10))
    doc.refresh_from_db()
    assert c.feedback_path in _read(bureau, doc.public_path)
    assert site_verify(department=bureau).ok


def _data():
    from .conftest import data

    return data()
