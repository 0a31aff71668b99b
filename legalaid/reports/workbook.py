"""Report → Excel workbook with the same tables as the PDF (openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from legalaid.reports.data import Report

_THIN = Side(style="thin", color="8EA9C1")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER = PatternFill("solid", fgColor="DCE6F2")
_HIGHLIGHT = PatternFill("solid", fgColor="FDE2E1")


def _number(text: str) -> object:
    """Counts as numbers so that Excel can sum them; percentages and labels stay text."""
    plain = text.replace(",", "")
    if plain.isdigit():
        return int(plain)
    try:
        return float(plain) if plain.count(".") == 1 and plain.replace(".", "").isdigit() else text
    except ValueError:
        return text


def write_workbook(report: Report, path: Path) -> None:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "说明"
    summary["A1"] = report.title
    summary["A1"].font = Font(size=14, bold=True)
    summary["A2"] = f"{report.organisation}　{report.period}　生成日期：{report.generated_on}"
    for row, text in enumerate([*report.summary, "", *report.notes], start=4):
        summary.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True)
    summary.column_dimensions["A"].width = 110
    for index, table in enumerate(report.tables, start=1):
        sheet = book.create_sheet(title=f"表{index}")
        sheet["A1"] = table.title
        sheet["A1"].font = Font(bold=True)
        for column, header in enumerate(table.headers, start=1):
            cell = sheet.cell(row=2, column=column, value=header)
            cell.fill, cell.border, cell.font = _HEADER, _BORDER, Font(bold=True)
        for r, values in enumerate(table.rows):
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=r + 3, column=column, value=_number(value))
                cell.border = _BORDER
                if r in table.highlight_rows:
                    cell.fill = _HIGHLIGHT
        for column in range(1, len(table.headers) + 1):
            width = max(
                len(str(sheet.cell(row=r, column=column).value or ""))
                for r in range(2, len(table.rows) + 3)
            )
            sheet.column_dimensions[get_column_letter(column)].width = min(40, 4 + width * 2)
    book.save(path)
