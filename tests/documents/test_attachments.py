import pytest

from gongkai.documents.services import DocumentInputError
from gongkai.documents.services.records import attachment_add

from . import samples

pytestmark = pytest.mark.django_db


def test_pdf_docx_ofd_and_image_are_accepted_with_text_extracted(draft, users):
    doc = draft()
    user = users["drafter"]
    pdf = attachment_add(
        actor=user, document=doc, name="正文.pdf", data=samples.pdf("Notice 2026 text")
    )
    word = attachment_add(
        actor=user, document=doc, name="附件1.docx", data=samples.docx("申报指南全文")
    )
    ofd = attachment_add(
        actor=user, document=doc, name="版式.ofd", data=samples.ofd("示例市科学技术局版式文件")
    )
    image = attachment_add(actor=user, document=doc, name="图解.png", data=samples.png())
    assert (pdf.kind, word.kind, ofd.kind, image.kind) == ("pdf", "docx", "ofd", "image")
    assert "Notice 2026 text" in pdf.text
    assert word.text == "申报指南全文"
    assert ofd.text == "示例市科学技术局版式文件"


def test_type_is_decided_by_content_not_by_name(draft, users):
    doc = draft()
    word = attachment_add(
        actor=users["drafter"], document=doc, name="看起来像PDF.pdf", data=samples.docx("内容")
    )
    assert word.kind == "docx"
    with pytest.raises(DocumentInputError, match="可执行程序"):
        attachment_add(actor=users["drafter"], document=doc, name="通知.pdf", data=samples.EXE)
    assert doc.attachments.count() == 1


def test_corrupt_oversize_and_unknown_files_are_refused(draft, users, settings):
    doc = draft()
    user = users["drafter"]
    with pytest.raises(DocumentInputError, match="损坏的 PDF"):
        attachment_add(
            actor=user, document=doc, name="坏.pdf", data=b"%PDF-1.4\n garbage without objects"
        )
    with pytest.raises(DocumentInputError, match="不是可接受的格式"):
        attachment_add(actor=user, document=doc, name="说明.txt", data="纯文本".encode())
    settings.MAX_UPLOAD_BYTES = 1000
    with pytest.raises(DocumentInputError, match="超过上限"):
        attachment_add(actor=user, document=doc, name="大.pdf", data=samples.pdf() + b" " * 2000)
    assert doc.attachments.count() == 0


def test_attachment_text_is_checked_before_publication(draft, users):
    doc = draft()
    attachment_add(
        actor=users["drafter"],
        document=doc,
        name="名单.docx",
        data=samples.docx("联系人手机：13912345678"),
    )
    doc.refresh_from_db()
    assert [f["kind"] for f in doc.check_findings] == ["phone"]
