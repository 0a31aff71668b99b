"""Report → Excel workbook with the same tables as the PDF (openpyxl), made to work as Excel:
counts and amounts as numbers, percentages as % cells, dates as dates, a sheet per table named
after it, the header row repeated on every printed A4 page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from legalaid.reports.report_data import Report, signoff_lines

_THIN = Side(style="thin", color="8EA9C1")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER = PatternFill("solid", fgColor="DCE6F2")
_HIGHLIGHT = PatternFill("solid", fgColor="FDE2E1")
_PCT = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)%$")
_MONEY = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def typed(text: str) -> tuple[object, str | None]:
    """A cell's value and number format: what reads as a count, amount, percentage or date
    becomes one; labels (and anything else) stay text."""
    plain = text.strip()
    if plain.isdigit() and not (len(plain) > 1 and plain.startswith("0")):
        return int(plain), "0"
    match = _PCT.match(plain)
    if match:
        value = float(match.group(2)) / 100 * (-1 if match.group(1) == "-" else 1)
        return value, "+0.0%;-0.0%;0.0%" if match.group(1) else "0.0%"
    if _MONEY.match(plain):
        return float(plain.replace(",", "")), "#,##0.00"
    if _DATE.match(plain):
        try:
            return date.fromisoformat(plain), "yyyy-mm-dd"
        except ValueError:
            return text, None
    return text, None


def sheet_name(title: str, taken: set[str]) -> str:
    """The table's title as Excel allows it (31 characters, no []:*?/\\), once per book."""
    name = _NOT_IN_SHEET_NAMES.sub("", _ORDINAL.sub("", title)).strip()[:31] or "表"
    base, n = name, 2
    while name in taken:
        suffix = f"（{n}）"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def _print_setup(sheet: Worksheet, *, wide: bool, title_rows: str | None) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if wide else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows


def write_workbook(report: Report, path: Path) -> None:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "说明"
    summary["A1"] = report.title
    summary["A1"].font = Font(size=14, bold=True)
    summary["A2"] = f"{report.organisation}　{report.period}"
    summary["A3"] = "生成日期"
    summary["B3"] = report.generated_on
    summary["B3"].number_format = "yyyy-mm-dd"
    lines = [*report.summary, "", *report.notes, "", *signoff_lines(report)]
    for row, text in enumerate(lines, start=5):
        summary.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True)
    summary.column_dimensions["A"].width = 110
    _print_setup(summary, wide=False, title_rows=None)
    taken = {"说明"}
    for table in report.tables:
        sheet = book.create_sheet(title=sheet_name(table.title, taken))
        sheet["A1"] = table.title
        sheet["A1"].font = Font(bold=True)
        for column, header in enumerate(table.headers, start=1):
            cell = sheet.cell(row=2, column=column, value=header)
            cell.fill, cell.border, cell.font = _HEADER, _BORDER, Font(bold=True)
        for r, values in enumerate(table.rows):
            for column, value in enumerate(values, start=1):
                content, number_format = typed(value)
                cell = sheet.cell(row=r + 3, column=column, value=content)
                if number_format:
                    cell.number_format = number_format
                cell.border = _BORDER
                if r in table.highlight_rows:
                    cell.fill = _HIGHLIGHT
        for column in range(1, len(table.headers) + 1):
            width = max(
                len(str(sheet.cell(row=r, column=column).value or ""))
                for r in range(2, len(table.rows) + 3)
            )
            sheet.column_dimensions[get_column_letter(column)].width = min(40, 4 + width * 2)
        sheet.freeze_panes = "A3"
        _print_setup(sheet, wide=report.landscape or len(table.headers) > 6, title_rows="2:2")
    book.save(path)
