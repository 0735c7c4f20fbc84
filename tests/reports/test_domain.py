"""The report arithmetic, checks and renderers — pure, no database."""

import io
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import (
    AnnualReport,
    ReportDataError,
    build_table3,
    check,
    compare,
    complete_table4,
    parse_count,
    parse_money,
)
from gongkai.reports.domain.grid import table3_grid
from gongkai.reports.domain.render_docx import render_docx
from gongkai.reports.domain.render_html import render_body
from gongkai.reports.domain.render_json import to_json
from gongkai.reports.domain.render_xlsx import WorkbookError, read_workbook, render_xlsx


def balanced_report(year: int = 2025) -> AnnualReport:
    """12 natural persons + 3 companies new, 1 carried in; all answered but 2 carried out."""
    counts = {
        ("new", "natural_person"): 12,
        ("new", "commercial"): 3,
        ("carry_in", "natural_person"): 1,
        ("disclosed", "natural_person"): 6,
        ("partly_disclosed", "natural_person"): 2,
        ("withheld_third_party", "natural_person"): 1,
        ("unavailable_not_held", "natural_person"): 2,
        ("not_processed_repeated", "commercial"): 1,
        ("other_fee_unpaid", "commercial"): 1,
        ("carry_out", "natural_person"): 2,
        ("carry_out", "commercial"): 1,
    }
    return AnnualReport(
        department="示例市科学技术局",
        year=year,
        sections={"一": "总体情况正文。\n第二段。", "五": "问题。", "六": "无。"},
        table2={
            "rules.issued": 0,
            "normative.issued": 4,
            "normative.repealed": 1,
            "normative.valid": 37,
            "licence.decisions": 120,
            "penalty.decisions": 3,
            "coercion.decisions": 0,
            "fees.amount": Decimal("1.25"),
        },
        table3=build_table3(counts),
        table4=complete_table4({"reconsideration.upheld": 2, "litigation_direct.pending": 1}),
    )


def test_official_layout_has_28_rows_by_10_columns_and_uses_the_official_labels():
    grid = table3_grid(None)
    assert len(grid.rows) == 28
    covered: dict[int, int] = {}
    for r, _, cell in grid.placed():
        for dr in range(cell.rowspan):
            covered[r + dr] = covered.get(r + dr, 0) + cell.colspan
    assert covered == dict.fromkeys(range(28), 10)
    labels = [cell.text for row in grid.rows for cell in row if cell.head]
    for expected in (
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "（一）予以公开",
        "（三）不予公开",
        "1.属于国家秘密",
        "3.危及“三安全一稳定”",
        "（七）总计",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "四、结转下年度继续办理",
    ):
        assert expected in labels


def test_totals_are_filled_and_a_balanced_report_passes_every_check():
    report = balanced_report()
    assert report.t3("new", "total") == 15
    assert report.t3("grand_total", "natural_person") == 11
    assert report.t3("grand_total", "total") == 13
    assert report.t4("reconsideration.total") == 2
    assert check(report) == []


def test_breaking_the_identity_names_the_column_and_both_sums():
    report = balanced_report()
    report.table3["carry_out"]["commercial"] = 0
    report.table3["carry_out"]["total"] = 2
    problems = check(report)
    assert len(problems) == 2
    assert "表三“商业企业”列不平衡：第一项（3）加第二项（0）之和为 3" in problems[0].message
    assert "（七）总计（2）加第四项（0）之和为 2" in problems[0].message
    assert "“总计”列不平衡" in problems[1].message


def test_a_total_that_is_not_the_sum_of_its_parts_is_reported_with_its_cell():
    report = balanced_report()
    report.table3["new"]["total"] = 16
    report.table3["grand_total"]["research"] = 1
    report.table4["litigation_after.total"] = 1
    messages = [p.message for p in check(report)]
    assert any(
        "“一、本年新收政府信息公开申请数量”行“总计”列为 16" in m and "之和为 15" in m
        for m in messages
    )
    assert any(
        "“三、本年度办理结果 （七）总计”行“科研机构”列为 1" in m
        and "（一）至（六）各项之和为 0" in m
        for m in messages
    )
    assert any("表四“行政诉讼·复议后起诉”的“总计”为 1" in m for m in messages)


def test_carry_in_must_equal_last_years_carry_out():
    report = balanced_report()
    assert check(report, previous_carry_out={"natural_person": 1, "total": 1}) == []
    problems = check(report, previous_carry_out={"natural_person": 2, "total": 2})
    assert [p.cell for p in problems] == [
        t.table3_cell_label("carry_in", "natural_person"),
        t.table3_cell_label("carry_in", "total"),
    ]
    assert "2024年报告“四、结转下年度继续办理”为 2" in problems[0].message


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (-1, "不能为负数"),
        ("3.5", "不是整数"),
        (2.5, "不是整数"),
        ("十", "不是整数"),
        (True, "应填写件数"),
    ],
)
def test_bad_counts_are_refused_with_a_chinese_reason(value, fragment):
    with pytest.raises(ReportDataError, match=fragment):
        parse_count(value, "行政许可")


def test_counts_and_amounts_accept_what_people_type():
    assert parse_count(" 12 ", "x") == 12
    assert parse_count("", "x") == 0
    assert parse_money("1.2500", "x") == Decimal("1.25")
    with pytest.raises(ReportDataError, match="最多保留四位小数"):
        parse_money("0.00001", "行政事业性收费")
    with pytest.raises(ReportDataError, match="不能为负数"):
        parse_money("-1", "行政事业性收费")


def test_storage_round_trip_keeps_every_cell():
    report = balanced_report()
    again = AnnualReport.from_data(report.to_data())
    assert again == report


def test_html_uses_rowspan_and_colspan_like_the_official_tables():
    html = render_body(balanced_report())
    assert '<th rowspan="3" colspan="3" scope="col">（本列数据的勾稽关系为' in html
    assert '<th colspan="7" scope="col">申请人情况</th>' in html
    assert '<th rowspan="22">三、本年度办理结果</th>' in html
    assert '<th rowspan="8">（三）不予公开</th>' in html
    assert '<td data-cell="table3:new:total" class="num">15</td>' in html
    assert '<th colspan="10" scope="col">行政诉讼</th>' in html
    assert '<td colspan="3" data-cell="table2:licence.decisions" class="num">120</td>' in html
    assert '<td colspan="3" data-cell="table2:fees.amount" class="num">1.25</td>' in html
    assert (
        html.index("一、总体情况")
        < html.index("二、主动公开政府信息情况")
        < html.index("六、其他需要报告的事项")
    )
    assert "<p>第二段。</p>" in html


def test_html_escapes_section_text():
    report = balanced_report()
    report.sections["五"] = "<script>alert(1)</script>"
    assert "<script>" not in render_body(report)


def test_json_names_rows_and_columns_by_official_labels():
    data = to_json(balanced_report())
    table3 = data["三、收到和处理政府信息公开申请情况"]
    row = next(r for r in table3["行"] if r["项目"][-1] == "1.属于国家秘密")
    assert row["项目"] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]
    assert set(row["法人或其他组织"]) == {
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    }
    first = table3["行"][0]
    assert first["项目"] == ["一、本年新收政府信息公开申请数量"]
    assert (first["自然人"], first["法人或其他组织"]["商业企业"], first["总计"]) == (12, 3, 15)
    block = data["二、主动公开政府信息情况"][0]
    assert block["项目"] == "第二十条第（一）项"
    assert block["行"][1] == {
        "信息内容": "行政规范性文件",
        "本年制发件数": 4,
        "本年废止件数": 1,
        "现行有效件数": 37,
    }
    assert data["二、主动公开政府信息情况"][3]["行"][0]["本年收费金额（单位：万元）"] == 1.25
    four = data["四、政府信息公开行政复议、行政诉讼情况"]
    assert four["行政复议"]["结果维持"] == 2
    assert four["行政诉讼"]["未经复议直接起诉"]["尚未审结"] == 1


def test_docx_has_the_three_tables_with_merged_cells():
    doc = Document(io.BytesIO(render_docx(balanced_report())))
    table2, table3, table4 = doc.tables
    assert (len(table3.rows), len(table3.columns)) == (28, 10)
    # A merged cell is the same cell object wherever it is addressed from.
    assert table3.cell(0, 0)._tc is table3.cell(2, 2)._tc
    assert table3.cell(5, 0)._tc is table3.cell(26, 0)._tc
    assert table3.cell(3, 9).text == "15"
    assert table4.cell(0, 5).text == "行政诉讼"
    assert table4.cell(0, 5)._tc is table4.cell(0, 14)._tc
    assert table2.cell(0, 0).text == "第二十条第（一）项"
    assert any(p.text == "一、总体情况" for p in doc.paragraphs)


def test_xlsx_has_merged_headers_and_reads_back_identically():
    report = balanced_report()
    data = render_xlsx(report)
    wb = load_workbook(io.BytesIO(data))
    merged = {str(r) for r in wb["表三"].merged_cells.ranges}
    assert {"A1:C3", "D1:J1", "E2:I2", "A6:A27", "B8:B15"} <= merged
    back = read_workbook(data)
    assert back.year == 2025
    assert back.table3 == report.table3
    assert back.table4 == report.table4
    assert back.table2 == report.table2


def test_a_workbook_in_another_layout_or_with_bad_numbers_is_refused_with_the_cell():
    wb = load_workbook(io.BytesIO(render_xlsx(balanced_report())))
    wb["表三"]["D4"] = -3
    wb["表三"]["E5"] = "两件"
    wb["表四"]["A1"] = "复议"
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(buffer.getvalue())
    errors = caught.value.errors
    assert any(
        e.startswith("表三 D4（表三“一、本年新收政府信息公开申请数量”行“自然人”列）")
        and "负数" in e
        for e in errors
    )
    assert any(e.startswith("表三 E5") and "不是整数" in e for e in errors)
    assert any("表四 A1 应为“行政复议”" in e for e in errors)
    with pytest.raises(WorkbookError, match="无法读取该文件"):
        read_workbook(b"not a workbook")


def test_year_on_year_comparison():
    current, previous = balanced_report(2025), balanced_report(2024)
    previous.table3 = build_table3(
        {("new", "natural_person"): 10, ("carry_out", "natural_person"): 10}
    )
    rows = {c.label: c for c in compare(current, previous)}
    assert rows["本年新收政府信息公开申请"].change == 5
    assert rows["本年制发规章和行政规范性文件"].this_year == 4


def test_entry_form_fields_are_named_by_cell_and_labelled_officially():
    from gongkai.reports.domain.grid import from_cells
    from gongkai.reports.domain.render_html import render_grid

    html = render_grid(table3_grid(None), inputs=True)
    assert 'name="table3:withheld_state_secret:commercial"' in html
    assert (
        'aria-label="表三“三、本年度办理结果 （三）不予公开 1.属于国家秘密”行“商业企业”列"' in html
    )
    report = from_cells("局", 2024, {"table3:new:commercial": "3", "table2:fees.amount": "0.25"})
    assert report.t3("new", "commercial") == 3
    assert report.t2("fees.amount") == Decimal("0.25")
    with pytest.raises(ReportDataError, match="不能为负数"):
        from_cells("局", 2024, {"table4:reconsideration.upheld": "-1"})
