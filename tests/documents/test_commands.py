import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from gongkai.documents.models import Disclosure, NondisclosureReason, YearlyReview
from gongkai.documents.tasks import yearly_review_open_all

from . import samples

pytestmark = pytest.mark.django_db


def test_documents_check_reports_findings_in_a_docx(tmp_path):
    file = tmp_path / "名单.docx"
    file.write_bytes(samples.docx("联系人：李四，手机13912345678"))
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 处"):
        call_command("documents_check", str(file), stdout=out)
    assert "电话号码" in out.getvalue()
    clean = tmp_path / "clean.txt"
    clean.write_text("咨询电话：0851-87987000", encoding="utf-8")
    out = io.StringIO()
    call_command("documents_check", str(clean), "--allow", "0851-87987000", stdout=out)
    assert "未发现" in out.getvalue()


def test_documents_stats_json(bureau, draft, walk):
    walk(draft(is_normative=True))
    out = io.StringIO()
    year = str(timezone.localdate().year)
    call_command("documents_stats", "--json", "--year", year, stdout=out)
    data = json.loads(out.getvalue())
    assert data["normative_issued"] == 1 and data["normative_valid_at_year_end"] == 1


def test_yearly_review_command_and_job(bureau, draft, walk):
    walk(
        draft(
            disclosure=Disclosure.ON_REQUEST, nondisclosure_reason=NondisclosureReason.PROCESS_INFO
        )
    )
    out = io.StringIO()
    call_command("documents_review", "--year", "2026", stdout=out)
    assert "共1件" in out.getvalue()
    yearly_review_open_all.call_local()
    assert YearlyReview.objects.count() >= 1
    assert YearlyReview.objects.get(year=2026).items.count() == 1
