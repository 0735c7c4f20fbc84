"""The report as an HTML fragment laid out like the official tables (rowspan/colspan).

Used by the public portal page and the staff preview alike. Everything is escaped here; the
result is safe to insert as markup.
"""

from html import escape

from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import AnnualReport
from gongkai.reports.domain.grid import Grid, all_grids, cell_label


def render_grid(grid: Grid, *, inputs: bool = False) -> str:
    """The table; with `inputs`, every number cell is a form field named by its cell key (the
    form for entering a past year's published numbers)."""
    out = [f'<div class="report-table-wrap"><table class="report-table" data-table="{grid.name}">']
    out.append(f"<caption>{escape(grid.name)}</caption>")
    for r, row in enumerate(grid.rows):
        if r == 0 and grid.header_rows:
            out.append("<thead>")
        if r == grid.header_rows and grid.header_rows:
            out.append("</thead><tbody>")
        out.append("<tr>")
        for cell in row:
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.key and inputs:
                step = "0.0001" if cell.key.startswith("table2:fees.") else "1"
                out.append(
                    f'<td{attrs} class="num"><input type="number" min="0" step="{step}" '
                    f'name="{escape(cell.key)}" value="{escape(cell.text)}" '
                    f'aria-label="{escape(cell_label(cell.key))}"></td>'
                )
            elif cell.key:
                attrs += f' data-cell="{escape(cell.key)}" class="num"'
                out.append(f"<td{attrs}>{escape(cell.text)}</td>")
            else:
                scope = ' scope="col"' if r < grid.header_rows else ""
                out.append(f"<th{attrs}{scope}>{escape(cell.text)}</th>")
        out.append("</tr>")
    out.append("</tbody>" if grid.header_rows else "")
    out.append("</table></div>")
    return "".join(out)


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return '<p class="report-empty">无。</p>'
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def render_body(report: AnnualReport) -> str:
    """The six sections in order, the tables under 二, 三 and 四."""
    table2, table3, table4 = (render_grid(g) for g in all_grids(report))
    parts = []
    for number, heading in t.SECTION_HEADINGS.items():
        parts.append(f'<section class="report-section" id="section-{number}">')
        parts.append(f"<h2>{escape(heading)}</h2>")
        if number in t.TEXT_SECTIONS:
            parts.append(_paragraphs(report.sections.get(number, "")))
        else:
            parts.append({"二": table2, "三": table3, "四": table4}[number])
        parts.append("</section>")
    return "".join(parts)
