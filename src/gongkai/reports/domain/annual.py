"""The annual report as data, its arithmetic and the checks that gate publication.

条例第四十九条: every department publishes last year's report by 31 January; 条例第五十条 lists
what it contains; the tables follow 国办公开办发〔2021〕30号 (see `tables`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from gongkai.core.errors import DomainError
from gongkai.reports.domain import tables as t

Number = int | Decimal
Table3 = dict[str, dict[str, int]]


class ReportDataError(DomainError, ValueError):
    """A value that cannot go into the report; the Chinese message says which and how to fix."""


@dataclass(frozen=True)
class Problem:
    """One failed check: which cell (official labels) and why."""

    table: str
    cell: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class AnnualReport:
    department: str
    year: int
    sections: dict[str, str] = field(default_factory=dict)
    table2: dict[str, Number] = field(default_factory=dict)
    table3: Table3 = field(default_factory=dict)
    table4: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Every cell exists (0 when not given), so reports compare and serialise completely.
        for key in t.TABLE2_KEYS:
            self.table2.setdefault(key, Decimal(0) if key in t.TABLE2_MONEY_KEYS else 0)
        for row, _ in t.TABLE3_ROWS:
            cells = self.table3.setdefault(row, {})
            for col, _ in t.TABLE3_COLUMNS:
                cells.setdefault(col, 0)
        for key in t.TABLE4_KEYS:
            self.table4.setdefault(key, 0)

    @property
    def title(self) -> str:
        return t.report_title(self.department, self.year)

    def t2(self, key: str) -> Number:
        return self.table2.get(key, Decimal(0) if key in t.TABLE2_MONEY_KEYS else 0)

    def t3(self, row: str, col: str) -> int:
        return self.table3.get(row, {}).get(col, 0)

    def t4(self, key: str) -> int:
        return self.table4.get(key, 0)

    def carry_out(self) -> dict[str, int]:
        return {c: self.t3(t.CARRY_OUT_ROW[0], c) for c, _ in t.TABLE3_COLUMNS}

    def to_data(self) -> dict[str, Any]:
        """A JSON-safe dict for storage (keys, not labels; money as a string)."""
        return {
            "department": self.department,
            "year": self.year,
            "sections": dict(self.sections),
            "table2": {
                k: str(self.t2(k)) if k in t.TABLE2_MONEY_KEYS else self.t2(k)
                for k in t.TABLE2_KEYS
            },
            "table3": {
                r: {c: self.t3(r, c) for c, _ in t.TABLE3_COLUMNS} for r, _ in t.TABLE3_ROWS
            },
            "table4": {k: self.t4(k) for k in t.TABLE4_KEYS},
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "AnnualReport":
        table2: dict[str, Number] = {}
        for key in t.TABLE2_KEYS:
            raw = data.get("table2", {}).get(key, 0)
            table2[key] = (
                parse_money(raw, t.table2_label(key))
                if key in t.TABLE2_MONEY_KEYS
                else parse_count(raw, t.table2_label(key))
            )
        table3 = {
            r: {
                c: parse_count(
                    data.get("table3", {}).get(r, {}).get(c, 0), t.table3_cell_label(r, c)
                )
                for c, _ in t.TABLE3_COLUMNS
            }
            for r, _ in t.TABLE3_ROWS
        }
        table4 = {
            k: parse_count(data.get("table4", {}).get(k, 0), t.table4_label(k))
            for k in t.TABLE4_KEYS
        }
        return cls(
            department=str(data.get("department", "")),
            year=int(data["year"]),
            sections={k: str(v) for k, v in data.get("sections", {}).items()},
            table2=table2,
            table3=table3,
            table4=table4,
        )


# ------------------------------------------------------------------ values
def parse_count(value: object, label: str) -> int:
    """A count is a whole number ≥ 0. Accepts ints and their text ("12", " 12 ")."""
    if isinstance(value, bool):
        raise ReportDataError(f"{label}：应填写件数（0 或正整数），不能是“{value}”。")
    if isinstance(value, int):
        number = value
    elif (isinstance(value, float) and value.is_integer()) or (
        isinstance(value, Decimal) and value == value.to_integral_value()
    ):
        number = int(value)
    elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
        number = int(value.strip())
    elif value is None or (isinstance(value, str) and not value.strip()):
        number = 0
    else:
        raise ReportDataError(f"{label}：“{value}”不是整数，件数只能填写 0 或正整数。")
    if number < 0:
        raise ReportDataError(f"{label}：件数不能为负数（填写的是 {number}），请填写 0 或正整数。")
    return number


def parse_money(value: object, label: str) -> Decimal:
    """An amount in 万元, ≥ 0, at most four decimal places (one yuan)."""
    if isinstance(value, bool):
        raise ReportDataError(f"{label}：应填写金额（万元），不能是“{value}”。")
    if value is None or (isinstance(value, str) and not value.strip()):
        return Decimal(0)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ReportDataError(
            f"{label}：“{value}”不是数字，请以万元为单位填写，如 1.25。"
        ) from None
    if not amount.is_finite():
        raise ReportDataError(f"{label}：“{value}”不是数字，请以万元为单位填写，如 1.25。")
    if amount < 0:
        raise ReportDataError(f"{label}：金额不能为负数（填写的是 {amount}）。")
    if amount != amount.quantize(Decimal("0.0001")):
        raise ReportDataError(f"{label}：金额以万元为单位，最多保留四位小数（即精确到元）。")
    return amount


# ------------------------------------------------------------------ arithmetic
def build_table3(counts: Mapping[tuple[str, str], int]) -> Table3:
    """表三 from counts per (row, applicant column): fills the 总计 column and the （七）总计 row.

    `counts` holds rows new, carry_in, every outcome row and carry_out; missing cells are 0.
    """
    table: Table3 = {}
    for row, _ in t.TABLE3_ROWS:
        if row == t.GRAND_TOTAL_ROW[0]:
            continue
        values = {c: int(counts.get((row, c), 0)) for c, _ in t.APPLICANT_COLUMNS}
        values[t.TOTAL[0]] = sum(values.values())
        table[row] = values
    table[t.GRAND_TOTAL_ROW[0]] = {
        c: sum(table[r][c] for r in t.OUTCOME_KEYS) for c, _ in t.TABLE3_COLUMNS
    }
    return {r: table[r] for r, _ in t.TABLE3_ROWS}


def complete_table4(parts: Mapping[str, int]) -> dict[str, int]:
    """表四 from the four result cells of each group; fills each 总计."""
    table: dict[str, int] = {}
    for group, _ in t.TABLE4_GROUPS:
        cells = {c: int(parts.get(f"{group}.{c}", 0)) for c, _ in t.RESULT_COLUMNS if c != "total"}
        for col, value in cells.items():
            table[f"{group}.{col}"] = value
        table[f"{group}.total"] = sum(cells.values())
    return table


def group_total(report: AnnualReport, group: t.OutcomeGroup, col: str) -> int:
    """A subtotal such as （三）不予公开 for one column (not printed in the table, used in text)."""
    return sum(report.t3(r, col) for r, _ in group.rows)


# ------------------------------------------------------------------ checks
def check(
    report: AnnualReport, previous_carry_out: Mapping[str, int] | None = None
) -> list[Problem]:
    """Every reason the report cannot be published, naming the cell (empty = publishable)."""
    return [
        *_check_table3_columns(report),
        *_check_table3_totals(report),
        *_check_table4(report),
        *_check_carry_over(report, previous_carry_out),
    ]


def _check_table3_columns(report: AnnualReport) -> list[Problem]:
    problems = []
    for col, label in t.TABLE3_COLUMNS:
        new = report.t3(t.NEW_ROW[0], col)
        carry_in = report.t3(t.CARRY_IN_ROW[0], col)
        done = report.t3(t.GRAND_TOTAL_ROW[0], col)
        carry_out = report.t3(t.CARRY_OUT_ROW[0], col)
        if new + carry_in != done + carry_out:
            problems.append(
                Problem(
                    "表三",
                    t.table3_cell_label(t.GRAND_TOTAL_ROW[0], col),
                    f"表三“{label}”列不平衡：第一项（{new}）加第二项（{carry_in}）之和为 "
                    f"{new + carry_in}，第三项（七）总计（{done}）加第四项（{carry_out}）之和为 "
                    f"{done + carry_out}，两者应相等。请核对该列的办理结果和结转数。",
                )
            )
    return problems


def _check_table3_totals(report: AnnualReport) -> list[Problem]:
    problems = []
    total = t.TOTAL[0]
    for row, _ in t.TABLE3_ROWS:
        parts = sum(report.t3(row, c) for c, _ in t.APPLICANT_COLUMNS)
        if parts != report.t3(row, total):
            problems.append(
                Problem(
                    "表三",
                    t.table3_cell_label(row, total),
                    f"{t.table3_cell_label(row, total)}为 {report.t3(row, total)}，"
                    f"但自然人与五类法人或其他组织之和为 {parts}。总计应等于各类申请人之和。",
                )
            )
    for col, _ in t.TABLE3_COLUMNS:
        parts = sum(report.t3(r, col) for r in t.OUTCOME_KEYS)
        cell = t.table3_cell_label(t.GRAND_TOTAL_ROW[0], col)
        if parts != report.t3(t.GRAND_TOTAL_ROW[0], col):
            problems.append(
                Problem(
                    "表三",
                    cell,
                    f"{cell}为 {report.t3(t.GRAND_TOTAL_ROW[0], col)}，但（一）至（六）各项之和为 "
                    f"{parts}。（七）总计应等于（一）至（六）之和。",
                )
            )
    return problems


def _check_table4(report: AnnualReport) -> list[Problem]:
    problems = []
    for group, _ in t.TABLE4_GROUPS:
        parts = sum(report.t4(f"{group}.{c}") for c, _ in t.RESULT_COLUMNS if c != "total")
        key = f"{group}.total"
        if parts != report.t4(key):
            problems.append(
                Problem(
                    "表四",
                    t.table4_label(key),
                    f"{t.table4_label(key)}为 {report.t4(key)}，但结果维持、结果纠正、其他结果、"
                    f"尚未审结之和为 {parts}。总计应等于这四项之和。",
                )
            )
    return problems


def _check_carry_over(
    report: AnnualReport, previous_carry_out: Mapping[str, int] | None
) -> list[Problem]:
    if previous_carry_out is None:
        return []
    problems = []
    for col, label in t.TABLE3_COLUMNS:
        here = report.t3(t.CARRY_IN_ROW[0], col)
        there = int(previous_carry_out.get(col, 0))
        if here != there:
            problems.append(
                Problem(
                    "表三",
                    t.table3_cell_label(t.CARRY_IN_ROW[0], col),
                    f"表三“二、上年结转政府信息公开申请数量”行“{label}”列为 {here}，但"
                    f"{report.year - 1}年报告“四、结转下年度继续办理”为 {there}。本年结转应等于上年"
                    f"结转下年度的数量，请核对上年数据或本年受理记录。",
                )
            )
    return problems


# ------------------------------------------------------------------ year on year
@dataclass(frozen=True)
class Comparison:
    label: str
    this_year: Number
    last_year: Number

    @property
    def change(self) -> Number:
        return self.this_year - self.last_year


def compare(current: AnnualReport, previous: AnnualReport) -> list[Comparison]:
    """The headline figures of both years, for the 总体情况 text and the staff page."""
    total = t.TOTAL[0]
    rows = [
        ("本年制发规章和行政规范性文件", lambda r: r.t2("rules.issued") + r.t2("normative.issued")),
        ("本年新收政府信息公开申请", lambda r: r.t3(t.NEW_ROW[0], total)),
        ("予以公开", lambda r: r.t3("disclosed", total)),
        ("部分公开", lambda r: r.t3("partly_disclosed", total)),
        ("不予公开", lambda r: group_total(r, t.OUTCOME_GROUPS[2], total)),
        ("结转下年度继续办理", lambda r: r.t3(t.CARRY_OUT_ROW[0], total)),
        ("行政复议", lambda r: r.t4("reconsideration.total")),
        ("行政诉讼", lambda r: r.t4("direct.total") + r.t4("after.total")),
    ]
    return [Comparison(label, fn(current), fn(previous)) for label, fn in rows]
