"""The main window over a real database: the list loads, filters and searches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from legalaid.services.cases import CaseFilter, count_cases
from legalaid.services.context import Context
from legalaid.services.ledger import import_ledger
from legalaid.ui.main_window import MainWindow
from tests.conftest import SAMPLE_LEDGER


def test_case_list_filters_and_searches(
    offices: Context,
    qtbot: QtBot,
    qtmodeltester: object,
    tmp_path: Path,
    backend: str,
    settings: QSettings,
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.cases.model.rowCount() == 60
    qtmodeltester.check(window.cases.model)  # type: ignore[attr-defined]
    overdue = count_cases(offices, CaseFilter(overdue_on=offices.today()))
    assert overdue > 0
    assert window.statusBar().currentMessage() == f"共 60 件案件 · 逾期 {overdue} 件"
    window.cases.overdue.setChecked(True)
    assert window.cases.model.rowCount() == overdue
    window.cases.overdue.setChecked(False)
    # ID numbers are masked in the list.
    column = window.cases.model.ID_NUMBER
    ids = {window.cases.model.index(r, column).data() for r in range(60)}
    assert all("*" in i for i in ids if i)

    window.cases.state.setCurrentText("已归档")
    assert window.cases.model.rowCount() == 6
    window.cases.state.setCurrentIndex(0)
    window.cases.search.setText("袁")
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 2)  # 袁英燕, 袁芳: one character
    window.cases.search.setText("yyy")
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1)
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "main_window.png"))
