"""The three tables as grids of merged cells, shared by the HTML, .docx and .xlsx renderers and
by the .xlsx import, so that every output (and the import) has exactly the official layout."""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import AnnualReport, Number


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    head: bool = False
    key: str = ""  # a data cell: "table2:rules.issued", "table3:new:commercial", "table4:…"

    @property
    def numeric(self) -> bool:
        return bool(self.key)


@dataclass
class Grid:
    name: str  # 表二 / 表三 / 表四
    caption: str
    ncols: int
    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int = 0

    def placed(self) -> Iterator[tuple[int, int, Cell]]:
        """Every cell with its top-left (row, column), resolving rowspans as a table does."""
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                yield r, c, cell
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan


def fmt(value: Number) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def _num(report: AnnualReport | None, key: str, colspan: int = 1) -> Cell:
    return Cell(_value_text(report, key), colspan=colspan, key=key)


def _value_text(report: AnnualReport | None, key: str) -> str:
    if report is None:
        return ""
    table, rest = key.split(":", 1)
    if table == "table2":
        return fmt(report.t2(rest))
    if table == "table3":
        row, col = rest.split(":")
        return fmt(report.t3(row, col))
    return fmt(report.t4(rest))


def table2_grid(report: AnnualReport | None) -> Grid:
    grid = Grid("表二", t.SECTION_HEADINGS["二"], 4)
    for block in t.TABLE2_BLOCKS:
        grid.rows.append([Cell(block.title, colspan=4, head=True)])
        span = 3 // len(block.columns)
        grid.rows.append(
            [Cell(t.TABLE2_ITEM_LABEL, head=True)]
            + [Cell(label, colspan=span, head=True) for _, label in block.columns]
        )
        for row, label in block.rows:
            grid.rows.append(
                [Cell(label, head=True)]
                + [_num(report, f"table2:{row}.{col}", span) for col, _ in block.columns]
            )
    return grid


def table3_grid(report: AnnualReport | None) -> Grid:
    grid = Grid("表三", t.SECTION_HEADINGS["三"], 10, header_rows=3)
    cols = [c for c, _ in t.TABLE3_COLUMNS]
    grid.rows += [
        [
            Cell(t.IDENTITY_NOTE, rowspan=3, colspan=3, head=True),
            Cell(t.APPLICANT_HEADER, colspan=7, head=True),
        ],
        [
            Cell(t.NATURAL[1], rowspan=2, head=True),
            Cell(t.LEGAL_PERSON_HEADER, colspan=5, head=True),
            Cell(t.TOTAL[1], rowspan=2, head=True),
        ],
        [Cell(label, head=True) for _, label in t.LEGAL_PERSONS],
    ]

    def numbers(row: str) -> list[Cell]:
        return [_num(report, f"table3:{row}:{c}") for c in cols]

    for key, label in (t.NEW_ROW, t.CARRY_IN_ROW):
        grid.rows.append([Cell(label, colspan=3, head=True), *numbers(key)])
    results_span = len(t.OUTCOME_KEYS) + 1
    first = True
    for group in t.OUTCOME_GROUPS:
        for i, (key, label) in enumerate(group.rows):
            lead = [Cell(t.RESULTS_LABEL, rowspan=results_span, head=True)] if first else []
            first = False
            if len(group.rows) == 1:
                labels = [Cell(group.label, colspan=2, head=True)]
            elif i == 0:
                labels = [
                    Cell(group.label, rowspan=len(group.rows), head=True),
                    Cell(label, head=True),
                ]
            else:
                labels = [Cell(label, head=True)]
            grid.rows.append([*lead, *labels, *numbers(key)])
    grid.rows.append(
        [Cell(t.GRAND_TOTAL_ROW[1], colspan=2, head=True), *numbers(t.GRAND_TOTAL_ROW[0])]
    )
    grid.rows.append([Cell(t.CARRY_OUT_ROW[1], colspan=3, head=True), *numbers(t.CARRY_OUT_ROW[0])])
    return grid


def table4_grid(report: AnnualReport | None) -> Grid:
    grid = Grid("表四", t.SECTION_HEADINGS["四"], 15, header_rows=3)
    n = len(t.RESULT_COLUMNS)
    grid.rows += [
        [
            Cell(t.RECONSIDERATION[1], colspan=n, head=True),
            Cell(t.LITIGATION_LABEL, colspan=2 * n, head=True),
        ],
        [Cell(label, rowspan=2, head=True) for _, label in t.RESULT_COLUMNS]
        + [Cell(label, colspan=n, head=True) for _, label in t.LITIGATION],
        [Cell(label, head=True) for _ in t.LITIGATION for _, label in t.RESULT_COLUMNS],
        [_num(report, f"table4:{k}") for k in t.TABLE4_KEYS],
    ]
    return grid


def all_grids(report: AnnualReport | None) -> tuple[Grid, Grid, Grid]:
    return table2_grid(report), table3_grid(report), table4_grid(report)


def from_cells(department: str, year: int, values: Mapping[str, object]) -> AnnualReport:
    """A report from cell-keyed values ("table3:new:commercial" → "3"), as a form posts them.
    Raises ReportDataError naming the first bad cell."""
    data: dict[str, Any] = {
        "department": department,
        "year": year,
        "table2": {},
        "table3": {},
        "table4": {},
    }
    for g in all_grids(None):
        for _, _, cell in g.placed():
            if not cell.key:
                continue
            table, rest = cell.key.split(":", 1)
            raw = values.get(cell.key, "")
            if table == "table3":
                row, col = rest.split(":")
                data["table3"].setdefault(row, {})[col] = raw
            else:
                data[table][rest] = raw
    return AnnualReport.from_data(data)


def cell_label(key: str) -> str:
    """What a data cell is, in the official labels (for screen readers and error messages)."""
    table, rest = key.split(":", 1)
    if table == "table2":
        return t.table2_label(rest)
    if table == "table3":
        return t.table3_cell_label(*rest.split(":"))
    return t.table4_label(rest)
