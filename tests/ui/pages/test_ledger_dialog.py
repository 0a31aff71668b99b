"""案件 › 导入台账 / 导出台账 through the window: progress off the GUI thread, every problem in
one list (saved as a workbook), nothing written unless every row is good, cancellable."""

from __future__ import annotations

import csv
import multiprocessing
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from legalaid.services.plumbing import ledger_reader
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases
from legalaid.ui.pages.ledger_dialog import ExportDialog, ImportDialog
from legalaid.ui.shell.main_window import MainWindow
from tests.conftest import SAMPLE_LEDGER
from tests.services.plumbing.test_ledger_files import extended_rows, write_csv
from tests.ui.cells import cell, row_count


def _many(rows: list[dict[str, str]], times: int) -> list[dict[str, str]]:
    """The sample repeated with new people and no case numbers: ``times`` × 60 good rows."""
    out = []
    for n in range(times):
        for i, row in enumerate(rows):
            out.append({**row, "案号": "", "受援人": f"{row['受援人']}{n}-{i}", "身份证号": ""})
    return out


def test_import_shows_every_problem_then_imports(
    offices: Context, qtbot: QtBot, tmp_path: Path, settings: QSettings, backend: str
) -> None:
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    assert window.import_action.isVisible() and window.export_action.isVisible()
    rows = _many(extended_rows(), 40)  # 2,400 rows
    bad = [dict(r) for r in rows]
    for i in range(0, 50 * 40, 40):  # 50 problems spread over the file
        bad[i]["申请日期"] = "31/12/2025"
    dialog = ImportDialog(offices, window)
    qtbot.addWidget(dialog)
    dialog.set_file(write_csv(tmp_path / "bad.csv", bad))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    assert row_count(dialog.errors) == 50 and count_cases(offices) == 0
    assert cell(dialog.errors, 0, 0) == "2" and cell(dialog.errors, 0, 1) == "申请日期"
    assert cell(dialog.errors, 0, 3) == "31/12/2025"
    assert "50" in dialog.status.text() and "未导入任何数据" in dialog.status.text()
    if backend == "sqlite":
        dialog.resize(1000, 560)
        dialog.grab().save(str(tmp_path / "import-errors.png"))
    saved = tmp_path / "errors.xlsx"
    dialog.save_problems_to(saved)
    sheet = load_workbook(saved).active
    assert sheet is not None and sheet.max_row == 51 and sheet["B2"].value == "申请日期"

    dialog.set_file(write_csv(tmp_path / "good.csv", rows))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    assert dialog.imported == len(rows) == count_cases(offices)
    assert "已导入 2400 件案件" in dialog.status.text()
    if backend == "sqlite":
        dialog.grab().save(str(tmp_path / "import-done.png"))


def test_a_cancelled_import_writes_nothing(offices: Context, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ImportDialog(offices)
    qtbot.addWidget(dialog)
    dialog.set_file(write_csv(tmp_path / "big.csv", _many(extended_rows(), 20)))
    dialog.start_button.click()
    dialog.cancel_button.click()  # at once: the next progress report stops the work
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    assert dialog.imported == 0 and count_cases(offices) == 0
    assert "已取消" in dialog.status.text()


def test_export_of_the_current_list_masked(offices: Context, qtbot: QtBot, tmp_path: Path) -> None:
    from legalaid.services.commands.case_ledger import import_ledger

    import_ledger(offices, SAMPLE_LEDGER)
    dialog = ExportDialog(offices, CaseFilter(office_code="LL"))
    qtbot.addWidget(dialog)
    assert dialog.current.isChecked() and not dialog.full_id.isChecked()
    out = tmp_path / "ll.csv"
    dialog.start(out)
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["机构"] for r in rows} == {"LL"}
    assert dialog.exported == len(rows)
    assert all("*" in r["身份证号"] for r in rows if r["身份证号"])  # masked by default


def test_services_ledger_through_the_same_dialogs(
    offices: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    """案件 › 导入台账 takes the services ledger too (chosen as its kind), and the export
    dialog writes it back in the same layout."""
    from legalaid.services.queries.statistics import year_statistics

    sample = Path(__file__).resolve().parents[2] / "data" / "services-sample.csv"
    dialog = ImportDialog(offices)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("services"))
    dialog.set_file(sample)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    assert dialog.imported == 72 and "已导入 72 条" in dialog.status.text()
    dialog.set_file(sample)  # the same file again: every row refused, nothing doubled
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    assert row_count(dialog.errors) == 72
    before = year_statistics(offices, year=2026).services
    export = ExportDialog(offices, CaseFilter())
    qtbot.addWidget(export)
    export.kind.setCurrentIndex(export.kind.findData("services"))
    export.by_year.setChecked(True)
    export.year.setValue(2026)
    out = tmp_path / "services.csv"
    export.start(out)
    qtbot.waitUntil(lambda: not export._running, timeout=60_000)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == export.exported and {r["日期"][:4] for r in rows} == {"2026"}
    assert sum(int(r["人次"]) for r in rows if r["服务类型"] == "法律咨询") == before["法律咨询"]


def test_a_file_read_in_a_reader_process_imports_from_the_dialog(
    offices: Context, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog's work runs on a pool thread; the reader process starts from there."""
    monkeypatch.setattr(ledger_reader, "PARALLEL_BYTES", 0)  # any file, not only large ones
    dialog = ImportDialog(offices)
    qtbot.addWidget(dialog)
    dialog.set_file(write_csv(tmp_path / "big.csv", _many(extended_rows(), 20)))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog._running, timeout=60_000)
    assert dialog.imported == 1200 == count_cases(offices)
    assert "已导入 1200 件案件" in dialog.status.text()
    assert not multiprocessing.active_children()
