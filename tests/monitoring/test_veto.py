"""The single-veto dashboard items evaluated from the real data: documents per column, the
served pages (leaders' names), incidents and probes; a failing item is an urgent to-do."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gongkai.core import todos
from gongkai.core.models import User
from gongkai.documents.models import CatalogueColumn, Document
from gongkai.monitoring import interaction
from gongkai.monitoring.models import Leader, MonitoredPage, VetoCheck
from gongkai.monitoring.veto import latest, veto_checks_run
from gongkai.monitoring.website_rules import Unanswered
from gongkai.publishing.services import site_dir, site_rebuild
from gongkai.publishing.site import site_info

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def frozen_time() -> Iterator[None]:
    with time_machine.travel("2026-11-26 10:00 +0800", tick=False):
        yield


def publish_doc(bureau, column: CatalogueColumn, days_ago: int, n: int) -> Document:  # type: ignore[no-untyped-def]
    office = User.objects.get(username="office")
    doc = Document.objects.create(
        department=bureau,
        division=office.division or bureau.divisions.first(),
        drafter=office,
        index_number=f"MB0000000/2026-{n:05d}",
        title=f"关于开展2026年第{n}批科技项目申报工作的通知",
        issuers=bureau.name,
        status="published",
        published_at=timezone.now() - dt.timedelta(days=days_ago),
        publish_date=TODAY - dt.timedelta(days=days_ago),
        written_date=TODAY - dt.timedelta(days=days_ago),
        disclosure="proactive",
    )
    doc.columns.add(column)
    return doc


def statuses(department) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {c.item: c.status for c in latest(department).values()}


def test_stale_and_empty_columns_from_documents(bureau) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        col = CatalogueColumn.objects.create(department=bureau, slug=f"dt{i}", name=f"工作动态{i}")
        publish_doc(bureau, col, days_ago=20, n=i + 1)
    fresh = CatalogueColumn.objects.create(department=bureau, slug="tzgg", name="通知公告")
    publish_doc(bureau, fresh, days_ago=3, n=99)
    for i in range(5):
        CatalogueColumn.objects.create(department=bureau, slug=f"empty{i}", name=f"空栏目{i}")
    site_rebuild(department=bureau)

    veto_checks_run(department=bureau)

    result = statuses(bureau)
    assert result["columns_stale"] == "fail"
    assert result["empty_columns"] == "fail"
    assert result["home_stale"] == "pass"  # the home page changed today (rebuild)
    stale = latest(bureau)["columns_stale"]
    assert any("工作动态0" in e for e in stale.evidence)
    assert not any("通知公告" in e for e in stale.evidence)
    # a failing item is an urgent to-do for the general office, not for a drafter
    items = todos.collect(User.objects.get(username="office"), TODAY)
    titles = [t.title for t in items]
    assert "网站检查单项否决：栏目不更新" in titles
    assert "网站检查单项否决：空白栏目" in titles
    assert not any(
        "单项否决" in t.title for t in todos.collect(User.objects.get(username="drafter"), TODAY)
    )


def test_leader_name_with_wrong_title_on_a_served_page_fails(bureau) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    tree = site_dir(site_info(bureau)).served_tree()
    page = (tree / "index.html").read_text(encoding="utf-8")
    # a page as published (signed) that calls the director by a wrong title
    (tree / "index.html").write_text(
        page.replace("</main>", "<p>副局长王建国出席会议。</p></main>"), encoding="utf-8"
    )
    Leader.objects.create(department=bureau, name="王建国", title="党组书记、局长", typos="王建囯")
    veto_checks_run(department=bureau)
    check = latest(bureau)["leader_names"]
    assert check.status == "fail"
    assert "/index.html" in check.evidence[0] and "副局长" in check.evidence[0]


def test_leaders_not_configured_is_a_risk_and_interaction_registry(bureau) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)

    @interaction.channel("局长信箱")
    def mailbox(department, today):  # type: ignore[no-untyped-def]
        return [Unanswered("局长信箱", "咨询高企认定", today - dt.timedelta(days=100))]

    try:
        veto_checks_run(department=bureau)
    finally:
        interaction.unregister("局长信箱")
    result = statuses(bureau)
    assert result["leader_names"] == "risk"
    assert result["interaction"] == "fail"
    assert "咨询高企认定" in latest(bureau)["interaction"].evidence[0]
    assert result["unreachable"] == "risk"  # no home page probes configured


def test_unreachable_site_from_probes(bureau) -> None:  # type: ignore[no-untyped-def]
    from gongkai.monitoring.services import probe_record

    site_rebuild(department=bureau)
    page = MonitoredPage.objects.create(department=bureau, url="https://kjj.example/", is_home=True)
    for day in range(7):
        for i in range(20):
            at = timezone.make_aware(dt.datetime(2026, 11, 20 + day, 0, 0)) + dt.timedelta(
                minutes=30 * i
            )
            probe_record(page=page, at=at, opened=i != 0, elapsed_ms=800)
    veto_checks_run(department=bureau)
    assert statuses(bureau)["unreachable"] == "fail"  # 7 of 140 = 5 %


def test_broken_internal_link_is_reported(bureau) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    tree = site_dir(site_info(bureau)).served_tree()
    page = (tree / "xxgk" / "index.html").read_text(encoding="utf-8")
    (tree / "xxgk" / "index.html").write_text(
        page.replace("</main>", '<a href="/xxgk/missing/">不存在的栏目</a></main>'),
        encoding="utf-8",
    )
    veto_checks_run(department=bureau)
    check = latest(bureau)["links"]
    assert check.status == "risk"
    assert any("/xxgk/missing/" in e for e in check.evidence)


def test_cli_checks_and_history(bureau, capsys) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    codes = []
    for _ in range(2):
        try:
            call_command("monitor", "checks", "--json")
            codes.append(0)
        except SystemExit as exc:
            codes.append(exc.code)
    out = capsys.readouterr().out.strip().splitlines()[-1]
    items = {row["item"]: row["status"] for row in json.loads(out)["items"]}
    assert set(items) == {c.item for c in VetoCheck.objects.all()}
    assert VetoCheck.objects.filter(item="home_stale").count() == 2
    failing = any(s == "fail" for s in items.values())
    assert codes == [1 if failing else 0] * 2


def test_dashboard_shows_every_item_and_runs_now(client, bureau) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    client.force_login(User.objects.get(username="office"))
    page = client.get(reverse("monitoring:index")).content.decode()
    for label in (
        "站点无法访问",
        "首页不更新",
        "栏目不更新",
        "空白栏目",
        "互动回应差",
        "严重表述错误（领导姓名职务）",
        "信息安全（篡改/暗链/博彩）",
    ):
        assert label in page
    assert "未评估" in page
    response = client.post(reverse("monitoring:checks"), follow=True)
    assert (
        "指标已重新评估" in response.content.decode()
        or "单项否决不合格" in response.content.decode()
    )
    response = client.post(reverse("monitoring:run"), follow=True)
    text = response.content.decode()
    assert "完整性监测完成" in text and "未配置网站地址" in text
    # a drafter sees the dashboard but cannot run anything
    client.force_login(User.objects.get(username="drafter"))
    response = client.post(reverse("monitoring:run"), follow=True)
    assert "此操作需要以下角色之一" in response.content.decode()
