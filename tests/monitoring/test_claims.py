"""A page that claims to be one of ours (a copy on a clone domain, a saved file) is compared
with the signed page it claims to be, without staff naming the canonical copy."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import User
from gongkai.documents.models import Document
from gongkai.monitoring.models import Incident
from gongkai.publishing.services import site_dir, site_rebuild
from gongkai.publishing.site import site_info

pytestmark = pytest.mark.django_db
SPAM = (
    '<div><a href="https://www.kaiyun-888.com/">开云体育官方网站</a> '
    '<a href="https://bet365-vip.cc/">bet365注册送彩金</a> '
    '<a href="https://www.amjs-9999.com/">澳门金沙最快线路</a></div>'
)


@pytest.fixture(autouse=True)
def frozen_time() -> Iterator[None]:
    with time_machine.travel("2026-11-26 10:00 +0800", tick=False):
        yield


@pytest.fixture
def published(bureau) -> Document:  # type: ignore[no-untyped-def]
    office = User.objects.get(username="office")
    doc = Document.objects.create(
        department=bureau,
        division=office.division or bureau.divisions.first(),
        drafter=office,
        index_number="MB1523456/2026-00042",
        doc_number="示科发〔2026〕42号",
        title="示例市科学技术局关于印发科技创新券管理办法的通知",
        issuers=bureau.name,
        body="<p>各有关单位：现将《示例市科技创新券管理办法》印发给你们，请认真贯彻执行。</p>",
        status="published",
        disclosure="proactive",
        published_at=timezone.now() - dt.timedelta(days=1),
        publish_date=dt.date(2026, 11, 25),
        written_date=dt.date(2026, 11, 20),
    )
    site_rebuild(department=bureau)
    return doc


def clone_of(bureau, rel: str) -> str:  # type: ignore[no-untyped-def]
    """The page as a clone domain serves it: our marks removed, a link block added."""
    html = (site_dir(site_info(bureau)).served_tree() / rel).read_text(encoding="utf-8")
    html = re.sub(r'<meta name="gongkai-manifest"[^>]*>', "", html)
    html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
    return html.replace("</body>", SPAM + "</body>")


def test_inspect_file_compares_with_the_document_it_claims_to_be(
    bureau, published, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "clone.html"
    copy.write_text(clone_of(bureau, f"xxgk/wj/{published.pk}.html"), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("inspect", str(copy), "--json", stdout=out)
    assert exit_.value.code == 1
    result = json.loads(out.getvalue())
    assert result["claimed"]["path"] == f"/xxgk/wj/{published.pk}.html"
    assert "示科发〔2026〕42号" in result["claimed"]["how"]
    assert "link_block_appended" in {f["type"] for f in result["findings"]}
    # the human output says which page it was compared with
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("inspect", str(copy), stdout=out)
    assert f"对照本站签名页面 /xxgk/wj/{published.pk}.html" in out.getvalue()


def test_unrelated_page_is_not_matched(bureau, published, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.html"
    other.write_text(
        "<html><body><p>某县农业农村局关于春耕的通知</p></body></html>", encoding="utf-8"
    )
    out = io.StringIO()
    call_command("inspect", str(other), "--json", stdout=out)
    assert "claimed" not in json.loads(out.getvalue())


def test_staff_upload_of_a_tampered_copy_opens_an_incident_with_diff(
    client, bureau, published
) -> None:  # type: ignore[no-untyped-def]
    html = (site_dir(site_info(bureau)).served_tree() / "xxgk/zn/index.html").read_text(
        encoding="utf-8"
    )
    tampered = html.replace("示例市科学技术局", "澳门金沙娱乐城").replace(
        "</body>", SPAM + "</body>"
    )
    client.force_login(User.objects.get(username="office"))
    upload = SimpleUploadedFile("copy.html", tampered.encode(), content_type="text/html")
    response = client.post(reverse("monitoring:inspect"), {"file": upload}, follow=True)
    text = response.content.decode()
    incident = Incident.objects.get()
    assert incident.url == "上传文件 copy.html"
    assert "/xxgk/zn/" in text and "已比对" in text
    assert "澳门金沙娱乐城" in incident.diff
    assert incident.verdict == "tampered"


def test_staff_form_without_input_or_with_binary(client, bureau) -> None:  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username="office"))
    response = client.post(reverse("monitoring:inspect"), {"url": ""}, follow=True)
    assert "请填写要检查的网址" in response.content.decode()
    png = SimpleUploadedFile("x.html", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="text/html")
    response = client.post(reverse("monitoring:inspect"), {"file": png}, follow=True)
    assert response.status_code == 200
    assert Incident.objects.get().verdict == "suspicious"  # undecodable: a person should look
