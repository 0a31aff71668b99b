"""The 统计报表 screen: preview of the real pages, save, print, targets with forecasts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.commands.offices import get_consultation_targets, get_targets, set_target
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.statistics import year_statistics
from legalaid.ui.kit.pdf_view import print_pdf
from legalaid.ui.pages.reports_page import ReportsPage
from legalaid.ui.shell.application import load_chinese_font
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.usefixtures("poppler")


def test_preview_save_and_print(
    offices: Context, qtbot: QtBot, qapp: object, tmp_path: Path, backend: str
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    set_target(offices, year=2025, office_code="ZZ", cases=10)
    load_chinese_font(qapp)  # type: ignore[arg-type]
    page = ReportsPage(offices)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.year.setValue(2025)
    page.kind.setCurrentIndex(1)  # 双过半
    page.cut.setChecked(True)
    page.until.setDate(page.until.date().fromString("2025-06-30", "yyyy-MM-dd"))
    page.generate.click()
    qtbot.waitUntil(lambda: page.preview.page_count > 0, timeout=20_000)
    assert page.save_pdf.isEnabled() and page.print_button.isEnabled()
    assert "“双过半”报告" in page.kind.currentText()

    saved = tmp_path / "saved.pdf"
    page.save_pdf_to(saved)
    assert page.current_pdf is not None
    assert saved.read_bytes() == page.current_pdf.read_bytes()
    text = subprocess.run(
        ["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True
    ).stdout
    stats = year_statistics(offices, year=2025, until=page.chosen_until())
    assert f"上半年共办理法律援助案件{stats.cases}件" in text

    # Zoom: in and out by steps, and to the view's width (the page fills it, no wider).
    before = page.preview.zoom_percent
    page.zoom_in.click()
    assert page.preview.zoom_percent > before and page.zoom_label.text().endswith("%")
    page.zoom_out.click()
    page.zoom_out.click()
    assert page.preview.zoom_percent < before
    page.fit_width.click()
    first = page.preview.widget().layout().itemAt(0).widget()
    assert first is not None
    room = page.preview.viewport().width()
    assert room * 0.85 <= first.width() <= room

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(saved, printer) == page.preview.page_count
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000

    # Meanwhile the target changes and the fields move on: the workbook is still the
    # document on screen, not a new count.
    set_target(offices, year=2025, office_code="ZZ", cases=999)
    page.year.setValue(2024)
    xlsx = tmp_path / "saved.xlsx"
    page.save_xlsx_to(xlsx)
    from openpyxl import load_workbook

    cells = [
        str(c.value)
        for sheet in load_workbook(xlsx).worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    ]
    assert any(f"上半年共办理法律援助案件{stats.cases}件" in c for c in cells)
    assert not any("999" in c for c in cells)
    if backend == "sqlite":
        page.grab().save(str(tmp_path / "reports_page.png"))


def test_targets_table_saves_all_or_nothing(offices: Context, qtbot: QtBot) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    page = ReportsPage(offices)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    assert page.targets.rowCount() == 3
    page.targets.item(0, 1).setText("12")
    page.targets.item(1, 1).setText("abc")
    from unittest import mock

    with mock.patch("legalaid.ui.pages.reports_page.QMessageBox.warning") as warning:
        page.store_targets()
    assert "应为整数" in warning.call_args[0][2]
    assert get_targets(offices, year=2025) == {}  # nothing saved
    page.targets.item(1, 1).setText("30")
    page.store_targets()
    assert get_targets(offices, year=2025) == {"ZZ": 12, "LL": 30}
    # The 法律咨询 target (人次) beside the case target; clearing it removes it.
    page.targets.item(0, 8).setText("400")
    page.targets.item(1, 8).setText("250")
    page.store_targets()
    assert get_consultation_targets(offices, year=2025) == {"ZZ": 400, "LL": 250}
    page.targets.item(1, 8).setText("")
    page.store_targets()
    assert get_consultation_targets(offices, year=2025) == {"ZZ": 400}
    assert page.targets.item(0, 8).text() == "400"
    # The forecast columns and the basis line are filled in.
    assert page.targets.item(0, 6).text().isdigit()
    assert page.basis.text().startswith("预测依据：")
