"""What staff do on the report pages, what the API and the CLI give out."""

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document as Docx
from openpyxl import load_workbook

from gongkai.core.models import User
from gongkai.reports import services
from gongkai.reports.domain.annual import AnnualReport, build_table3
from gongkai.reports.domain.render_xlsx import render_xlsx
from gongkai.reports.models import ImportedYear, Report, ReportStatus
from tests.reports.records import application, document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _january():
    with time_machine.travel(dt.datetime(2026, 1, 12, 10, tzinfo=dt.UTC), tick=False):
        yield


def login(client, username):
    user = User.objects.get(username=username)
    client.force_login(user)
    return user


@pytest.fixture
def records(bureau):
    drafter = User.objects.get(username="drafter")
    document(bureau, drafter, published=dt.date(2025, 3, 3), normative=True)
    application(
        bureau,
        received=dt.date(2025, 4, 1),
        closed=dt.date(2025, 4, 20),
        outcome="disclosed",
        applicant_type="commercial",
    )
    application(bureau, received=dt.date(2025, 12, 29), applicant_type="natural_person")
    return bureau


def test_generate_edit_check_approve_publish_through_the_pages(client, records):
    login(client, "office")
    response = client.post("/staff/reports/", {"year": "2025"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "示例市科学技术局2025年政府信息公开工作年度报告" in page
    assert '<th rowspan="22">三、本年度办理结果</th>' in page
    assert '<td data-cell="table3:new:commercial" class="num">1</td>' in page
    assert '<td data-cell="table3:carry_out:natural_person" class="num">1</td>' in page

    response = client.post(
        "/staff/reports/2025/edit/",
        {
            "section_general": "总体情况",
            "section_problems": "问题",
            "section_other": "无",
            "licence__decisions": "-2",
        },
        follow=True,
    )
    assert "行政许可 本年处理决定数量：件数不能为负数" in response.content.decode()
    assert Report.objects.get(year=2025).entered == {}

    client.post(
        "/staff/reports/2025/edit/",
        {
            "section_general": "总体情况",
            "section_problems": "问题",
            "section_other": "无",
            "licence__decisions": "35",
            "fees__amount": "0.5",
        },
    )
    report = Report.objects.get(year=2025)
    assert report.entered["licence.decisions"] == 35
    assert report.section_general == "总体情况"

    client.post("/staff/reports/2025/action/check/")
    login(client, "leader")
    client.post("/staff/reports/2025/action/approve/")
    login(client, "office")
    response = client.post("/staff/reports/2025/action/publish/", follow=True)
    assert "年度报告已发布" in response.content.decode()
    assert Report.objects.get(year=2025).status == ReportStatus.PUBLISHED

    response = client.post("/staff/reports/2025/edit/", {"section_general": "改"}, follow=True)
    assert "已发布，不能直接修改" in response.content.decode()


def test_failed_checks_are_listed_with_the_cell_and_block_the_step(client, records):
    office = login(client, "office")
    report = services.report_generate(
        actor=office, department=records, year=2025, today=dt.date(2026, 1, 12)
    )
    report.data["table3"]["new"]["total"] = 9
    report.save()
    page = client.get("/staff/reports/2025/").content.decode()
    assert "校验未通过" in page
    assert "“一、本年新收政府信息公开申请数量”行“总计”列为 9" in page
    response = client.post("/staff/reports/2025/action/check/", follow=True)
    assert "不符合勾稽关系" in response.content.decode()
    assert Report.objects.get(year=2025).status == ReportStatus.DRAFT


def test_downloads_are_real_word_and_excel_files(client, records):
    office = login(client, "office")
    services.report_generate(
        actor=office, department=records, year=2025, today=dt.date(2026, 1, 12)
    )
    docx = client.get("/staff/reports/2025/download.docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(Docx(io.BytesIO(docx.content)).tables) == 3
    xlsx = client.get("/staff/reports/2025/download.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == [
        "报告信息",
        "表二",
        "表三",
        "表四",
    ]
    data = json.loads(client.get("/staff/reports/2025/download.json").content)
    assert data["年度"] == 2025


def test_future_year_is_refused_on_the_page(client, bureau):
    login(client, "office")
    response = client.post("/staff/reports/", {"year": "2027"}, follow=True)
    assert "2027年尚未到来" in response.content.decode()
    assert not Report.objects.exists()


def test_import_previous_year_from_xlsx_and_refuse_a_disguised_file(client, bureau):
    login(client, "office")
    past = AnnualReport(
        department="",
        year=2024,
        table3=build_table3(
            {
                ("new", "natural_person"): 4,
                ("disclosed", "natural_person"): 3,
                ("carry_out", "natural_person"): 1,
            }
        ),
    )
    upload = io.BytesIO(render_xlsx(past))
    upload.name = "2024.xlsx"
    response = client.post("/staff/reports/import/", {"year": "2024", "file": upload}, follow=True)
    assert "已保存2024年报告数据" in response.content.decode()
    assert ImportedYear.objects.get(year=2024).data["table3"]["carry_out"]["natural_person"] == 1

    fake = io.BytesIO(b"%PDF-1.4 not a spreadsheet")
    fake.name = "2023.xlsx"
    response = client.post("/staff/reports/import/", {"year": "2023", "file": fake})
    assert "不是 Excel（.xlsx）文件（按文件内容判断）" in response.content.decode()
    assert not ImportedYear.objects.filter(year=2023).exists()


def test_import_through_the_form_checks_the_identity(client, bureau):
    login(client, "office")
    response = client.post(
        "/staff/reports/import/",
        {
            "year": "2024",
            "table3:new:natural_person": "5",
            "table3:new:total": "5",
            "table3:disclosed:natural_person": "5",
            "table3:disclosed:total": "5",
            "table3:grand_total:natural_person": "5",
            "table3:grand_total:total": "5",
            "table3:carry_out:natural_person": "1",
            "table3:carry_out:total": "1",
        },
    )
    page = response.content.decode()
    assert "表三“自然人”列不平衡" in page
    assert not ImportedYear.objects.exists()


def test_api_gives_only_published_reports(client, records):
    office = User.objects.get(username="office")
    report = services.report_generate(
        actor=office, department=records, year=2025, today=dt.date(2026, 1, 12)
    )
    assert client.get("/api/reports/annual/2025").status_code == 404
    services.report_check(actor=office, report=report)
    services.report_approve(actor=User.objects.get(username="leader"), report=report)
    services.report_publish(actor=office, report=report)
    data = client.get("/api/reports/annual/2025").json()
    assert data["状态"] == "已发布"
    row = data["三、收到和处理政府信息公开申请情况"]["行"][0]
    assert row["法人或其他组织"]["商业企业"] == 1
    assert client.get("/api/reports/annual/").json()[0]["年度"] == 2025


def test_cli_prints_json_with_official_labels_and_a_summary(records, capsys):
    call_command("report", "annual", "--year", "2025", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["标题"] == "示例市科学技术局2025年政府信息公开工作年度报告"
    rows = {tuple(r["项目"]): r for r in data["三、收到和处理政府信息公开申请情况"]["行"]}
    assert rows[("四、结转下年度继续办理",)]["自然人"] == 1
    assert rows[("三、本年度办理结果", "（一）予以公开")]["总计"] == 1
    assert data["校验问题"] == []
    call_command("report", "annual", "--year", "2025", "--department", "kjj")
    out = capsys.readouterr().out
    assert "一、本年新收政府信息公开申请数量：2" in out
    assert "校验通过" in out
    with pytest.raises(CommandError, match="2027年尚未到来"):
        call_command("report", "annual", "--year", "2027")
    with pytest.raises(CommandError, match="没有站点标识为“nope”的机关"):
        call_command("report", "annual", "--year", "2025", "--department", "nope")
    with pytest.raises(CommandError, match="没有示例市科学技术局2019年的任何"):
        call_command("report", "annual", "--year", "2019")


def test_statistics_page_and_export(client, records):
    login(client, "leader")
    page = client.get("/staff/reports/statistics/?year=2025").content.decode()
    assert "政务公开统计 · 2025年" in page
    assert 'id="stats-data"' in page
    assert "vendor/echarts/echarts.min.js" in page
    export = client.get("/staff/reports/statistics.xlsx?year=2025&quarter=2")
    wb = load_workbook(io.BytesIO(export.content))
    assert wb["按处室统计"]["A1"].value == "2025年第二季度政务公开统计"


def test_workbench_shows_the_report_due_from_1_december(client, bureau):
    with time_machine.travel(dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC), tick=False):
        login(client, "office")
        page = client.get("/staff/").content.decode()
    assert "2026年政府信息公开工作年度报告（未生成）" in page
    assert "/staff/reports/" in page


def test_cli_imports_a_past_year_from_excel(bureau, tmp_path, capsys):
    past = AnnualReport(
        department="",
        year=2024,
        table3=build_table3({("new", "commercial"): 2, ("disclosed", "commercial"): 2}),
    )
    good = tmp_path / "2024.xlsx"
    good.write_bytes(render_xlsx(past))
    with pytest.raises(CommandError, match="此操作需要以下角色之一"):
        call_command("report", "import", "--year", "2024", "--file", str(good), "--user", "drafter")
    call_command("report", "import", "--year", "2024", "--file", str(good), "--user", "office")
    assert "已导入示例市科学技术局2024年报告数据" in capsys.readouterr().out
    assert ImportedYear.objects.get(year=2024).data["table3"]["new"]["total"] == 2
    wb = load_workbook(io.BytesIO(render_xlsx(past)))
    wb["表三"]["E4"] = -1
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    with pytest.raises(CommandError, match=r"表三 E4.*不能为负数"):
        call_command("report", "import", "--year", "2023", "--file", str(bad), "--user", "office")
