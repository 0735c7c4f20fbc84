"""The report as a Word document with the official tables (real merged cells)."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import AnnualReport
from gongkai.reports.domain.grid import Grid, all_grids

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"


def _fill_table(table: Table, grid: Grid) -> None:
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, c, cell in grid.placed():
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text
        for paragraph in target.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.font.size = Pt(8 if grid.ncols > 4 else 10.5)
                run.font.bold = cell.head and r < max(grid.header_rows, 1)


def render_docx(report: AnnualReport) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(report.title)
    run.font.size = Pt(18)
    run.font.bold = True
    grids = dict(zip(("二", "三", "四"), all_grids(report), strict=True))
    for number, heading in t.SECTION_HEADINGS.items():
        head = doc.add_paragraph()
        head_run = head.add_run(heading)
        head_run.font.bold = True
        head_run.font.size = Pt(14)
        if number in t.TEXT_SECTIONS:
            text = report.sections.get(number, "").strip() or "无。"
            for line in text.splitlines():
                if line.strip():
                    p = doc.add_paragraph(line.strip())
                    p.paragraph_format.first_line_indent = Pt(24)
        else:
            grid = grids[number]
            _fill_table(doc.add_table(rows=len(grid.rows), cols=grid.ncols), grid)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
