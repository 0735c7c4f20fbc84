"""The report as one JSON object whose tables name rows and columns by the official labels."""

from decimal import Decimal
from typing import Any

from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import AnnualReport, Number


def _json_number(value: Number) -> int | float:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def to_json(report: AnnualReport, **meta: Any) -> dict[str, Any]:
    total = t.TOTAL[0]
    return {
        "标题": report.title,
        "机关": report.department,
        "年度": report.year,
        **meta,
        "一、总体情况": report.sections.get("一", ""),
        "二、主动公开政府信息情况": [
            {
                "项目": block.title,
                "列": [t.TABLE2_ITEM_LABEL, *(label for _, label in block.columns)],
                "行": [
                    {
                        t.TABLE2_ITEM_LABEL: row_label,
                        **{
                            col_label: _json_number(report.t2(f"{row}.{col}"))
                            for col, col_label in block.columns
                        },
                    }
                    for row, row_label in block.rows
                ],
            }
            for block in t.TABLE2_BLOCKS
        ],
        "三、收到和处理政府信息公开申请情况": {
            "列": [
                t.NATURAL[1],
                {t.LEGAL_PERSON_HEADER: [label for _, label in t.LEGAL_PERSONS]},
                t.TOTAL[1],
            ],
            "行": [
                {
                    "项目": list(t.table3_row_path(row)),
                    **{label: report.t3(row, col) for col, label in t.APPLICANT_COLUMNS[:1]},
                    t.LEGAL_PERSON_HEADER: {
                        label: report.t3(row, col) for col, label in t.LEGAL_PERSONS
                    },
                    t.TOTAL[1]: report.t3(row, total),
                }
                for row, _ in t.TABLE3_ROWS
            ],
        },
        "四、政府信息公开行政复议、行政诉讼情况": {
            t.RECONSIDERATION[1]: _group4(report, t.RECONSIDERATION[0]),
            t.LITIGATION_LABEL: {label: _group4(report, key) for key, label in t.LITIGATION},
        },
        "五、存在的主要问题及改进情况": report.sections.get("五", ""),
        "六、其他需要报告的事项": report.sections.get("六", ""),
    }


def _group4(report: AnnualReport, group: str) -> dict[str, int]:
    return {label: report.t4(f"{group}.{col}") for col, label in t.RESULT_COLUMNS}
