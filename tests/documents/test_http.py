"""HTTP tests of the staff pages and the JSON API."""

import pytest
from django.urls import reverse

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.documents.models import Disclosure, Document, NondisclosureReason
from gongkai.documents.services import campaigns
from gongkai.documents.todos import collect

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, users):
    def as_(username: str):
        client.force_login(users[username])
        return client

    return as_


FORM = {
    "title": "关于开展科技活动周的通知",
    "issuers": "示例市科学技术局",
    "genre": "通知",
    "written_date": "2026-11-20",
    "disclosure": "proactive",
    "body": "各有关单位：……",
}


def test_create_form_shows_clear_chinese_errors_and_saves_nothing(login):
    client = login("drafter")
    bad = {
        **FORM,
        "doc_number": "示科发2026年1号",
        "publish_date": "2026-11-01",
        "disclosure": "not_public",
    }
    response = client.post(reverse("documents:create"), bad)
    assert response.status_code == 200
    text = response.content.decode()
    assert "机关代字〔年份〕序号号" in text
    assert "发布日期早于成文日期" in text
    assert "须选择法定理由" in text
    assert not Document.objects.exists()


def test_create_then_detail_and_body_injection_is_reported(login):
    client = login("drafter")
    response = client.post(
        reverse("documents:create"),
        {**FORM, "body": "<p>正文</p><script>alert(1)</script>"},
        follow=True,
    )
    text = response.content.decode()
    assert "已保存草稿" in text and "已被清除" in text and "脚本（script）" in text
    doc = Document.objects.get()
    assert "<script" not in doc.body
    assert "提交审核" in text  # the drafter's action button


def test_drafter_sees_only_own_division(login, draft, users):
    draft(title="计划处的文件")
    draft(user="drafter2", title="知识产权处的文件")
    text = login("drafter").get(reverse("documents:index")).content.decode()
    assert "计划处的文件" in text and "知识产权处的文件" not in text
    other = Document.objects.get(title="知识产权处的文件")
    assert login("drafter").get(reverse("documents:detail", args=[other.pk])).status_code == 404


def test_action_errors_become_messages_not_500(login, draft):
    doc = draft(disclosure="")
    response = login("drafter").post(reverse("documents:act", args=[doc.pk, "submit"]), follow=True)
    assert response.status_code == 200
    assert "未标注公开属性" in response.content.decode()


def test_return_from_page_reaches_drafters_workbench(login, draft, users):
    doc = draft()
    login("drafter").post(reverse("documents:act", args=[doc.pk, "submit"]))
    login("head").post(
        reverse("documents:act", args=[doc.pk, "return"]), {"reason": "请补充附件。"}
    )
    doc.refresh_from_db()
    assert doc.status == "returned"
    todos = [t for t in collect(users["drafter"], doc.created_at.date()) if t.module == "公文"]
    assert todos and "请补充附件。" in todos[0].detail


def test_waiting_for_me_per_role(draft, walk, users):
    doc = walk(draft(), until="head_approve")
    titles = [t.title for t in collect(users["secrecy"], doc.created_at.date())]
    assert any(doc.title in t for t in titles)
    assert not any(doc.title in t.title for t in collect(users["office"], doc.created_at.date()))


def test_yearly_review_converts_to_proactive_through_the_chain(draft, walk, users, bureau, login):
    filed = walk(
        draft(
            title="内部会议纪要",
            disclosure=Disclosure.NOT_PUBLIC,
            nondisclosure_reason=NondisclosureReason.PROCESS_INFO,
        )
    )
    assert filed.status == "filed"
    review = campaigns.yearly_review_open(actor=users["officehead"], department=bureau, year=2026)
    item = review.items.get()
    todos = [t.title for t in collect(users["head"], filed.created_at.date())]
    assert any("2026年度非公开信息复查" in t for t in todos)
    response = login("head").post(
        reverse("documents:review_decide", args=[item.pk]),
        {f"r{item.pk}-conclusion": "to_proactive", f"r{item.pk}-note": "决策已作出"},
        follow=True,
    )
    assert "已记录" in response.content.decode()
    filed.refresh_from_db()
    assert filed.status == "draft" and filed.disclosure == "proactive"
    walk(filed)
    filed.refresh_from_db()
    assert filed.status == "published"


def test_auditor_cannot_change(login, draft):
    doc = draft()
    response = login("auditor").post(reverse("documents:act", args=[doc.pk, "submit"]), follow=True)
    assert "需要以下角色之一" in response.content.decode() or response.status_code == 404


def test_api_lists_only_published_public_documents(client, draft, walk, bureau):
    public = walk(draft(title="公开的通知"))
    walk(
        draft(
            title="依申请公开的文件",
            disclosure=Disclosure.ON_REQUEST,
            nondisclosure_reason=NondisclosureReason.PROCESS_INFO,
        )
    )
    draft(title="草稿")
    data = client.get("/api/documents/").json()
    assert [d["title"] for d in data["items"]] == ["公开的通知"]
    detail = client.get(f"/api/documents/{public.pk}").json()
    assert detail["index_number"] == public.index_number and detail["validity_label"] == "有效"
    hidden = Document.objects.get(title="草稿")
    assert client.get(f"/api/documents/{hidden.pk}").status_code == 404
    assert client.get("/api/documents/?validity=repealed").json()["count"] == 0


def test_api_columns(client, bureau):
    from gongkai.documents.catalogue import catalogue_seed

    catalogue_seed(bureau)
    slugs = [c["slug"] for c in client.get("/api/documents/columns").json()]
    assert {"czyjs", "kjxm", "xzzf", "gfxwj"} <= set(slugs)


def test_login_password_works_for_demo_users(client, users):
    assert client.login(username="drafter", password=DEMO_PASSWORD)


def test_office_filters_the_list_by_division(login, draft, users):
    draft(title="计划处的通知")
    draft(user="drafter2", title="知识产权处的通知")
    office = login("office")
    ip = users["drafter2"].division
    text = office.get(reverse("documents:index"), {"division": ip.pk}).content.decode()
    assert "知识产权处的通知" in text and "计划处的通知" not in text
