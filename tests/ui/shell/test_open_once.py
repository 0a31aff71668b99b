"""A double-clicked case opens one window, once: closing it does not open it again (Qt emits
both ``doubleClicked`` and ``activated`` for a double-click)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.shell.main_window import MainWindow
from tests.conftest import SAMPLE_LEDGER


def _windows_opened(qtbot: QtBot, table: QTableView, row: int) -> int:
    """Double-click ``row`` and close each case window that shows; how many showed."""
    opened = 0

    def close_case_windows() -> None:
        nonlocal opened
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, CaseDialog) and widget.isVisible():
                opened += 1
                widget.reject()

    closer = QTimer()
    closer.timeout.connect(close_case_windows)
    closer.start(50)
    where: QPoint = table.visualRect(table.model().index(row, 0)).center()
    # As a mouse does it: press and release, then the second press Qt reads as a double-click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.wait(600)  # long enough for a second window to have come and been closed
    closer.stop()
    return opened


def test_a_double_click_opens_the_case_once(offices: Context, qtbot: QtBot) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    window = MainWindow(offices)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert _windows_opened(qtbot, window.cases.table, 0) == 1
    window.show_section(window.DEADLINES)
    qtbot.waitUntil(lambda: not window.loader.loading)
    assert window.deadlines.table.model().rowCount() > 0
    assert _windows_opened(qtbot, window.deadlines.table, 0) == 1
