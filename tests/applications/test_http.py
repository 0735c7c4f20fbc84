"""What applicants and staff meet over HTTP: the form, the receipt, status, CSRF, rate limit,
privacy, staff pages and actions."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.applications.services import intake
from gongkai.core.models import User

from .conftest import ID_NUMBER, person, req

pytestmark = pytest.mark.django_db
D = dt.date

FORM = {
    "applicant_type": "natural_person",
    "name": "王小红",
    "phone": "13812345678",
    "id_type": "resident_id",
    "id_number": ID_NUMBER,
    "address": "示例市云岩区中华北路1号",
    "description": "申请公开2026年度示例市科技计划项目立项清单",
    "preferred_form": "electronic",
    "delivery": "email",
    "token": "tok-http-1",
}


def test_submit_receipt_and_status_without_personal_data(bureau, client):
    page = client.get("/apply/")
    assert page.status_code == 200 and "政府信息公开申请表" in page.content.decode()
    r = client.post("/apply/", FORM)
    assert r.status_code == 302 and r["Location"].endswith("/apply/receipt/")
    receipt = client.get("/apply/receipt/").content.decode()
    app = Application.objects.get()
    assert app.query_code in receipt
    for secret in (ID_NUMBER, "13812345678", "中华北路"):
        assert secret not in receipt
    wrong = client.post("/apply/status/", {"code": app.query_code, "factor": "0000"})
    assert wrong.status_code == 400 and "不正确" in wrong.content.decode()
    ok = client.post("/apply/status/", {"code": app.query_code.lower(), "factor": "5678"})
    html = ok.content.decode()
    assert ok.status_code == 200 and "待确认收到" in html
    for secret in (ID_NUMBER, "13812345678", "中华北路", "王小红"):
        assert secret not in html


def test_double_submit_same_token_one_application(bureau, client):
    client.post("/apply/", FORM)
    client.post("/apply/", FORM)
    assert Application.objects.count() == 1


def test_bad_input_shows_chinese_errors_and_keeps_input(bureau, client):
    bad = dict(
        FORM, id_number=ID_NUMBER[:-1] + "0" if ID_NUMBER[-1] != "0" else "1", description=""
    )
    r = client.post("/apply/", bad)
    html = r.content.decode()
    assert r.status_code == 400
    assert "校验位不符" in html and "请具体描述" in html
    assert "王小红" in html  # the applicant does not have to type it again
    assert Application.objects.count() == 0


def test_post_without_csrf_refused(bureau):
    c = Client(enforce_csrf_checks=True)
    r = c.post("/apply/", FORM)
    assert r.status_code == 403
    assert Application.objects.count() == 0


def test_flood_from_one_address_rate_limited(bureau, client, settings):
    settings.APPLY_RATE_LIMIT = 3
    for i in range(3):
        assert client.post("/apply/", dict(FORM, token=f"t{i}")).status_code == 302
    r = client.post("/apply/", dict(FORM, token="t9"))
    assert r.status_code == 400 and "过于频繁" in r.content.decode()
    assert Application.objects.count() == 3


def _login(client, username):
    from gongkai.core.demo import DEMO_PASSWORD

    assert client.login(username=username, password=DEMO_PASSWORD)


def test_staff_list_detail_and_actions(bureau, client):
    app, _ = intake.application_submit(
        department=bureau, applicant=person(), request=req(), token="x1"
    )
    _login(client, "office")
    listing = client.get("/staff/applications/").content.decode()
    assert app.number in listing and "待确认收到" in listing
    today = timezone.localdate().isoformat()
    r = client.post(f"/staff/applications/{app.pk}/act/confirm/", {"confirmed_on": today})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.status == "in_progress" and app.handler.username == "office"
    detail = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "期限是怎样计算的" in detail and ID_NUMBER in detail  # the handler sees it in full
    # an illegal transition is refused with a message and changes nothing
    r = client.post(f"/staff/applications/{app.pk}/act/fee_paid/", {"paid_on": today}, follow=True)
    assert "不能执行“已缴费”" in r.content.decode()
    r = client.post(
        f"/staff/applications/{app.pk}/act/reply/",
        {"reply_type": "not_exist", "outcome": "unavailable_not_held", "text": "经检索，不存在。"},
    )
    app.refresh_from_db()
    assert app.status == "replied"
    letter = app.letters.get()
    docx = client.get(f"/staff/applications/{app.pk}/letters/{letter.pk}.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_id_number_masked_for_other_staff(bureau, client):
    app, _ = intake.application_submit(
        department=bureau, applicant=person(), request=req(), token="x2"
    )
    _login(client, "leader")
    html = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert ID_NUMBER not in html and re.search(r"52\*+\w{3}", html)
    assert "138****5678" in html


def test_drafter_cannot_see_applications(bureau, client):
    app, _ = intake.application_submit(
        department=bureau, applicant=person(), request=req(), token="x3"
    )
    _login(client, "drafter")
    assert client.get("/staff/applications/").status_code == 403
    assert client.get(f"/staff/applications/{app.pk}/").status_code == 404


def test_application_files_never_public(bureau, client):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    app, _ = intake.application_submit(
        department=bureau,
        applicant=person(),
        token="x4",
        request=req(files=[("身份证.png", png, "image/png")]),
    )
    f = app.files.get()
    assert client.get(f"/staff/applications/{app.pk}/files/{f.pk}/").status_code == 302  # login
    assert f.file.url not in client.get("/apply/").content.decode()


def test_api_status_deadline_fee(bureau, client):
    app, _ = intake.application_submit(
        department=bureau, applicant=person(), request=req(), token="api1"
    )
    r = client.post(
        "/api/applications/status",
        {"code": app.query_code, "factor": "5678"},
        content_type="application/json",
    )
    assert r.status_code == 200 and r.json()["status_label"] == "待确认收到"
    assert "王小红" not in r.content.decode()
    r = client.post(
        "/api/applications/status",
        {"code": app.query_code, "factor": "1111"},
        content_type="application/json",
    )
    assert r.status_code == 404
    r = client.get("/api/applications/deadline", {"received": "2026-08-10", "extend": 20})
    assert r.json()["deadline"] == "2026-10-10"
    assert client.get("/api/applications/fee", {"pages": 101}).json() == {"yuan": 720}
    assert client.get("/api/applications/fee", {"pages": 1, "applications": 1}).status_code == 400


def test_fake_attachment_refused_on_the_form(bureau, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("身份证.pdf", b"<html>not a pdf</html>", "application/pdf")
    r = client.post("/apply/", dict(FORM, files=fake))
    assert r.status_code == 400 and "不是有效的 PDF" in r.content.decode()
    assert Application.objects.count() == 0


def test_staff_registers_a_registered_letter(bureau, client):
    _login(client, "office")
    r = client.post(
        "/staff/applications/new/",
        dict(FORM, channel="registered_post", submitted_on="2026-03-02", signed_for="2026-03-04"),
    )
    assert r.status_code == 302
    app = Application.objects.get()
    assert app.channel == "registered_post" and app.received_on == D(2026, 3, 4)
    assert app.status == "in_progress" and app.deadline == D(2026, 4, 1)
    r = client.post(
        "/staff/applications/new/", dict(FORM, channel="registered_post", submitted_on="2026-03-02")
    )
    assert "签收之日" in r.content.decode() and Application.objects.count() == 1


def test_detail_shows_sent_reminders(bureau, client):
    from gongkai.applications.services.reminders import reminders_send

    app = intake.application_register(
        actor=User.objects.get(username="office"),
        channel="window",
        applicant=person(),
        request=req(),
        submitted_on=D(2026, 3, 2),
        today=D(2026, 3, 2),
    )
    assert reminders_send(D(2026, 3, 23)) == 1
    _login(client, "office")
    html = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "已提醒：距期限5个工作日" in html and "刘芳" in html
