"""HTTP: the public form (Chinese errors, nothing saved, rate limit, no 500 on any input), the
published pages, the staff pages and the API listing the demo's records."""

import datetime as dt

import pytest
from django.test import Client

from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.services.consultations import consultation_open
from gongkai.core.demo import DEMO_PASSWORD

D = dt.date


@pytest.fixture
def opened(draft, users):
    return consultation_open(actor=users["head"], consultation=draft, today=D(2027, 3, 1))


def _form(client, c):
    page = client.get(f"/consult/{c.pk}/")
    assert page.status_code == 200
    import re

    return re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)


def test_public_form_errors_in_chinese_and_nothing_saved(opened):
    client = Client()
    token = _form(client, opened)
    r = client.post(f"/consult/{opened.pk}/", {"token": token, "body": "短", "consent": "yes"})
    assert r.status_code == 400
    text = r.content.decode()
    assert "至少5个字" in text and "未填写" in text
    assert not Comment.objects.exists()
    r = client.post(f"/consult/{opened.pk}/", {"token": token, "body": "建议提高创新券额度。"})
    assert r.status_code == 302
    r = client.post(f"/consult/{opened.pk}/", {"token": token, "body": "建议提高创新券额度。"})
    assert r.status_code == 302  # the retried POST
    assert Comment.objects.count() == 1
    assert (
        '第 <strong id="comment-number">1</strong> 条' in client.get(r["Location"]).content.decode()
    )


@pytest.mark.parametrize(
    "payload",
    [
        {"token": "x" * 500, "body": "意见意见意见"},
        {"token": "bad token!", "body": "意见意见意见"},
        {"token": "ok", "body": "意" * 20000},
        {"token": "ok", "body": "意见\x00意见意见"},
        {"body": ["a", "b"]},
        {"token": "ok", "body": "意见意见意见", "author": "王\x00", "contact": "\x01"},
        {},
    ],
)
def test_no_500_on_bad_input(opened, payload):
    r = Client().post(f"/consult/{opened.pk}/", payload)
    assert r.status_code == 400
    assert not Comment.objects.exists()


def test_unknown_and_draft_consultations_are_404(draft):
    assert Client().get(f"/consult/{draft.pk}/").status_code == 404
    assert Client().get("/consult/999999999999/").status_code == 404


def test_rate_limit_per_address(opened, settings):
    settings.COMMENT_RATE_LIMIT = 2
    client = Client()
    for n in range(2):
        client.post(f"/consult/{opened.pk}/", {"token": f"t{n}", "body": "建议提高创新券额度。"})
    r = client.post(f"/consult/{opened.pk}/", {"token": "t9", "body": "建议提高创新券额度。"})
    assert r.status_code == 429 and "过于频繁" in r.content.decode()
    assert Comment.objects.count() == 2


def test_staff_pages_and_demo_api(bureau, at):
    at(D(2027, 3, 15))
    from gongkai.consultations import demo
    from gongkai.documents import demo as documents_demo

    documents_demo.load(bureau, today=D(2027, 3, 15))
    demo.load(bureau, today=D(2027, 3, 15))
    demo.load(bureau, today=D(2027, 3, 15))  # idempotent
    assert Consultation.objects.count() == 2
    api = Client().get("/api/consultations/").json()
    closed = next(c for c in api if c["status"] == "feedback_published")
    fb = closed["feedback"]
    assert fb["total"] == 11 and sum(fb["by_disposition"].values()) == 11
    assert all(x["disposition"] in ("采纳", "部分采纳", "未采纳") for x in fb["comments"])
    assert all(x["reason"] for x in fb["comments"] if x["disposition"] != "采纳")
    assert closed["final_document"].startswith("/xxgk/wj/")
    assert Client().get(f"/api/consultations/{closed['id']}").json()["draft_text"]
    assert Client().get("/api/consultations/?status=nope").status_code == 400
    assert Client().get("/api/consultations/123456789").status_code == 404

    staff = Client()
    assert (
        staff.post("/staff/login/", {"username": "office", "password": DEMO_PASSWORD}).status_code
        == 302
    )
    assert "研发投入后补助" in staff.get("/staff/consultations/").content.decode()
    page = staff.get(f"/staff/consultations/{closed['id']}/").content.decode()
    assert "已公布意见采纳情况" in page
    assert staff.post(f"/staff/consultations/{closed['id']}/act/nonsense/").status_code == 404
    r = staff.post(f"/staff/consultations/{closed['id']}/comments/1/group/", {"lead_number": "abc"})
    assert r.status_code == 302
    assert "征求意见" in staff.get("/staff/").content.decode()
