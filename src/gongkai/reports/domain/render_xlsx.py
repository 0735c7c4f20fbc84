"""The report's tables as an .xlsx workbook (merged header cells), and the reverse: reading a
workbook in the same layout to import a past year's published numbers."""

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gongkai.reports.domain.annual import (
    AnnualReport,
    ReportDataError,
    parse_count,
    parse_money,
)
from gongkai.reports.domain.grid import Grid, all_grids
from gongkai.reports.domain.tables import table2_label, table3_cell_label, table4_label

INFO_SHEET = "报告信息"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


class WorkbookError(ReportDataError):
    """A workbook that cannot be imported; `errors` lists every problem in Chinese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("；".join(errors))
        self.errors = errors


def _number(text: str) -> Any:
    if not text:
        return None
    return float(text) if "." in text else int(text)


def render_xlsx(report: AnnualReport) -> bytes:
    wb = Workbook()
    info = wb.active or wb.create_sheet()
    info.title = INFO_SHEET
    info.append(["标题", report.title])
    info.append(["机关", report.department])
    info.append(["年度", report.year])
    info.column_dimensions["A"].width = 10
    info.column_dimensions["B"].width = 50
    for grid in all_grids(report):
        _write_grid(wb.create_sheet(grid.name), grid)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_grid(ws: Any, grid: Grid) -> None:
    for r, c, cell in grid.placed():
        target = ws.cell(
            row=r + 1,
            column=c + 1,
            value=_number(cell.text) if cell.key else cell.text,
        )
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(
                start_row=r + 1,
                start_column=c + 1,
                end_row=r + cell.rowspan,
                end_column=c + cell.colspan,
            )
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                ws.cell(row=r + 1 + dr, column=c + 1 + dc).border = _BORDER
        target.alignment = _CENTER
        if cell.head:
            target.font = Font(bold=r < max(grid.header_rows, 1))
    for col in range(1, grid.ncols + 1):
        ws.column_dimensions[get_column_letter(col)].width = 14 if grid.ncols <= 4 else 11


# ------------------------------------------------------------------ import
def read_workbook(data: bytes) -> AnnualReport:
    """A past year's numbers from a workbook laid out as `render_xlsx` writes it.

    The header labels must match the official layout (so that a number cannot land in the wrong
    cell); every problem is reported with its sheet and cell.
    """
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception:  # openpyxl raises many types for a file that is not a workbook
        raise WorkbookError(
            ["无法读取该文件：请上传由本系统“导出 Excel”生成的 .xlsx 文件（或按其格式填写）。"]
        ) from None
    errors: list[str] = []
    year = _read_year(wb, errors)
    values: dict[str, Any] = {}
    for grid in all_grids(None):
        if grid.name not in wb.sheetnames:
            errors.append(f"缺少工作表“{grid.name}”，请使用本系统导出的 Excel 模板。")
            continue
        _read_grid(wb[grid.name], grid, values, errors)
    report = AnnualReport(department="", year=year or 0)
    for key, raw in values.items():
        _store(report, key, raw, errors)
    if errors:
        raise WorkbookError(errors)
    return report


def _read_year(wb: Any, errors: list[str]) -> int | None:
    if INFO_SHEET not in wb.sheetnames:
        errors.append(f"缺少工作表“{INFO_SHEET}”（其中“年度”一行写明报告年份）。")
        return None
    for row in wb[INFO_SHEET].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if row and row[0] == "年度":
            try:
                return parse_count(row[1], "“报告信息”工作表的年度")
            except ReportDataError as exc:
                errors.append(str(exc))
                return None
    errors.append(f"工作表“{INFO_SHEET}”中没有“年度”一行。")
    return None


def _read_grid(ws: Any, grid: Grid, values: dict[str, Any], errors: list[str]) -> None:
    for r, c, cell in grid.placed():
        found = ws.cell(row=r + 1, column=c + 1).value
        coordinate = f"{grid.name} {get_column_letter(c + 1)}{r + 1}"
        if cell.key:
            values[cell.key] = (found, coordinate)
        elif str(found or "").strip() != cell.text:
            errors.append(
                f"{coordinate} 应为“{cell.text}”，实际为“{found or ''}”：表格格式与官方格式不符，"
                "请使用本系统导出的 Excel 模板。"
            )
            return


def _store(report: AnnualReport, key: str, raw: tuple[Any, str], errors: list[str]) -> None:
    value, coordinate = raw
    table, rest = key.split(":", 1)
    try:
        if table == "table2":
            label = f"{coordinate}（{table2_label(rest)}）"
            if rest.startswith("fees."):
                report.table2[rest] = parse_money(
                    Decimal(str(value)) if isinstance(value, float) else value, label
                )
            else:
                report.table2[rest] = parse_count(value, label)
        elif table == "table3":
            row, col = rest.split(":")
            number = parse_count(value, f"{coordinate}（{table3_cell_label(row, col)}）")
            report.table3.setdefault(row, {})[col] = number
        else:
            report.table4[rest] = parse_count(value, f"{coordinate}（{table4_label(rest)}）")
    except ReportDataError as exc:
        errors.append(str(exc))
