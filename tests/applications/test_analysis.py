"""Quarterly analysis and editable letter templates."""

import datetime as dt

import pytest

from gongkai.applications.models import LetterTemplate
from gongkai.applications.services import common, stats, workflow
from gongkai.applications.services.letters import ensure_templates, letter_template_update
from gongkai.core.demo import DEMO_PASSWORD
from gongkai.core.errors import AccessDenied

from .conftest import org

pytestmark = pytest.mark.django_db
D = dt.date


def test_quarter_figures(window_app, office, at):
    at(D(2026, 4, 1))
    a = window_app(D(2026, 4, 1))
    b = window_app(D(2026, 4, 2), applicant=org(), text="申请公开示例市重点实验室认定结果")
    at(D(2026, 4, 10))
    workflow.application_reply(
        actor=office, application=a, reply_type="disclosed", outcome="disclosed", text="见附件"
    )
    workflow.application_reply(
        actor=office,
        application=b,
        reply_type="not_exist",
        outcome="unavailable_not_held",
        text="不存在",
    )
    s = stats.quarter_stats(a.department, 2026, 2)
    assert s.received == 2 and s.closed == 2 and s.on_time_rate == 100.0
    assert dict(s.by_applicant)["自然人"] == 1 and dict(s.by_applicant)["科研机构"] == 1
    assert dict(s.by_channel)["当面提交（窗口）"] == 2
    assert dict(s.by_outcome)["（一）予以公开"] == 1 and dict(s.by_outcome)["（四）无法提供"] == 1
    assert s.average_days == 5.5  # 6 and 5 working days (4–6 Apr Qingming off)
    assert stats.quarter_stats(a.department, 2026, 1).received == 0


def test_analysis_published_on_portal_only_after_head_publishes(
    bureau, window_app, office, head, client, at
):
    at(D(2026, 7, 6))
    window_app(D(2026, 4, 1))
    assert client.get("/apply/analysis/2026/2/").status_code == 404
    assert "暂无已发布" in client.get("/apply/analysis/").content.decode()
    with pytest.raises(AccessDenied):
        stats.analysis_advance(
            actor=office,
            department=bureau,
            year=2026,
            quarter=2,
            summary="本季度申请平稳。",
            publish=True,
        )
    stats.analysis_advance(
        actor=office,
        department=bureau,
        year=2026,
        quarter=2,
        summary="本季度申请平稳。",
        publish=False,
    )
    assert client.get("/apply/analysis/2026/2/").status_code == 404
    stats.analysis_advance(
        actor=head,
        department=bureau,
        year=2026,
        quarter=2,
        summary="本季度申请平稳。",
        publish=True,
    )
    assert "2026年第2季度" in client.get("/apply/analysis/").content.decode()
    page = client.get("/apply/analysis/2026/2/").content.decode()
    assert "本季度收到申请 1 件" in page and "<svg" in page and "本季度申请平稳" in page
    assert "王小红" not in page
    with pytest.raises(common.ApplicationError, match="尚未结束"):
        stats.analysis_advance(
            actor=head, department=bureau, year=2026, quarter=4, summary="", publish=False
        )


def test_template_edit_changes_next_letters(bureau, window_app, head, office, client, at):
    ensure_templates(bureau)
    t = LetterTemplate.objects.get(department=bureau, kind="not_exist")
    with pytest.raises(common.ApplicationError, match=r"\{foo\}"):
        letter_template_update(
            actor=head,
            template=t,
            title=t.title,
            number_prefix="示科依复",
            body="{applicant}：{foo}",
        )
    with pytest.raises(AccessDenied):
        letter_template_update(
            actor=office,
            template=t,
            title=t.title,
            number_prefix="示科依复",
            body="{applicant}：不存在。",
        )
    assert client.login(username="officehead", password=DEMO_PASSWORD)
    r = client.post(
        f"/staff/applications/templates/{t.pk}/",
        {"title": "告知书", "number_prefix": "示科告", "body": "{applicant}：\n经查，{reply}"},
    )
    assert r.status_code == 302
    at(D(2026, 3, 2))
    app = workflow.application_reply(
        actor=office,
        application=window_app(D(2026, 3, 2)),
        reply_type="not_exist",
        outcome="unavailable_not_held",
        text="本机关未制作该信息。",
    )
    letter = app.letters.get()
    assert letter.number == "示科告〔2026〕1号"
    assert letter.body == "王小红：\n经查，本机关未制作该信息。"
    assert "告知书" in client.get("/staff/applications/templates/").content.decode()
