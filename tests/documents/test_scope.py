"""Several departments on one installation; workbench to-dos for late disclosure and cleanup."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.errors import AccessDenied
from gongkai.core.models import Role
from gongkai.documents.services import campaigns, chain
from gongkai.documents.services.records import document_create
from gongkai.documents.todos import collect

from ..factories import DivisionFactory, staff
from .conftest import make_data

pytestmark = pytest.mark.django_db


def test_a_second_department_has_its_own_numbers_and_cannot_touch_ours(draft, users):
    ours = draft(doc_number="示科发〔2026〕1号")
    division = DivisionFactory()
    other_drafter = staff(Role.DRAFTER, division)
    other_office = staff(Role.PUBLISHER, division)
    theirs = document_create(
        actor=other_drafter, data=make_data(doc_number="示科发〔2026〕1号")
    ).document
    assert theirs.department_id != ours.department_id  # same 发文字号: unique per issuing body only
    assert theirs.index_number.endswith("2026-00001") and ours.index_number.endswith("2026-00001")
    with pytest.raises(AccessDenied):
        chain.document_submit(actor=other_drafter, document=ours)
    chain.document_submit(actor=users["drafter"], document=ours)
    with pytest.raises(AccessDenied):
        chain.document_return(actor=other_office, document=ours, reason="不是本机关")


def test_other_departments_documents_are_invisible_on_staff_pages(client, draft):
    doc = draft(title="本局文件")
    outsider = staff(Role.PUBLISHER, DivisionFactory())
    client.force_login(outsider)
    assert "本局文件" not in client.get(reverse("documents:index")).content.decode()
    assert client.get(reverse("documents:detail", args=[doc.pk])).status_code == 404


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0), tick=False)
def test_workbench_shows_late_disclosures_and_cleanup_due(draft, walk, users):
    walk(
        draft(title="迟到的通知", formed_date=dt.date(2026, 9, 1), written_date=dt.date(2026, 9, 1))
    )
    normative = walk(
        draft(title="到期的办法", is_normative=True, cleanup_due=dt.date(2026, 12, 20))
    )
    today = dt.date(2026, 11, 26)
    office = [t.title for t in collect(users["office"], today)]
    assert "本年有1件主动公开信息超过20个工作日才公开" in office
    legal = [t for t in collect(users["legal"], today) if "规范性文件到期需清理" in t.title]
    assert legal and legal[0].due == normative.cleanup_due


def test_cleanup_and_review_pages_render(client, users, bureau, draft, walk):
    walk(draft(is_normative=True, cleanup_due=dt.date(2026, 1, 1)))
    campaign = campaigns.cleanup_campaign_create(
        actor=users["legal"], name="2026年清理", cutoff=dt.date(2026, 12, 31)
    )
    client.force_login(users["head"])
    page = client.get(reverse("documents:cleanup_detail", args=[campaign.pk])).content.decode()
    assert "记录结论" in page and "2026年清理" in page
    client.force_login(users["officehead"])
    response = client.post(reverse("documents:review_index"), follow=True)
    assert "年度复查" in response.content.decode()
