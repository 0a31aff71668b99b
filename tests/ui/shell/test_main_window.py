"""The main window over a real database: the list loads, filters and searches."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases
from legalaid.ui.shell.main_window import MainWindow
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
    # The overdue figure is counted off the GUI thread and follows the count of cases.
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"共 60 件案件 · 逾期 {overdue} 件"
    )
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


def test_status_bar_counts_the_filtered_list(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.cases.office.setCurrentIndex(window.cases.office.findData("LL"))
    shown = window.cases.model.total
    overdue = count_cases(offices, CaseFilter(office_code="LL", overdue_on=offices.today()))
    everywhere = count_cases(offices, CaseFilter(overdue_on=offices.today()))
    assert 0 < shown < 60 and overdue != everywhere  # the sample tells the two apart
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"共 {shown} 件案件 · 逾期 {overdue} 件"
    )
    window.cases.office.setCurrentIndex(0)  # a newer filter: its count, never the older one
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"共 60 件案件 · 逾期 {everywhere} 件"
    )


def test_columns_chosen_are_kept_and_the_deadline_fits_at_1366(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    table, model = window.cases.table, window.cases.model
    header = table.horizontalHeader()
    # Every column in view at the default widths, the deadline's date and kind unclipped.
    due = header.sectionViewportPosition(model.DUE) + header.sectionSize(model.DUE)
    assert due <= table.viewport().width()
    row = next(r for r in range(model.rowCount()) if model.index(r, model.DUE).data())
    text = model.index(row, model.DUE).data()
    assert table.fontMetrics().horizontalAdvance(text) + 8 <= header.sectionSize(model.DUE)

    menu = window.cases.fill_column_menu(QMenu())
    titles = [a.text() for a in menu.actions() if a.isCheckable()]
    assert titles[model.CASE_NO] == "案号" and titles[model.SOURCE] == "案件来源"
    actions = [a for a in menu.actions() if a.isCheckable()]
    assert not actions[model.CASE_NO].isEnabled()  # the case number always shows
    actions[model.SOURCE].setChecked(False)
    actions[model.ACCEPTED].setChecked(False)
    assert header.isSectionHidden(model.SOURCE) and header.isSectionHidden(model.ACCEPTED)
    window.close()

    again = MainWindow(offices, settings)  # the next start, same user settings
    qtbot.addWidget(again)
    header = again.cases.table.horizontalHeader()
    assert header.isSectionHidden(model.SOURCE) and header.isSectionHidden(model.ACCEPTED)
    assert not header.isSectionHidden(model.DUE)
    menu = again.cases.fill_column_menu(QMenu())
    assert not [a for a in menu.actions() if a.isCheckable()][model.SOURCE].isChecked()
    next(a for a in menu.actions() if a.text() == "默认列").trigger()
    assert not header.isSectionHidden(model.SOURCE)


def test_the_handler_filter_fills_off_the_way_to_the_first_page(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    """The handler filter is sorted by pinyin (a quarter second of dictionaries to load), so it
    is filled on the worker once the window is up; filtering by a handler then works."""
    from legalaid.services.commands.offices import list_handlers

    import_ledger(offices, SAMPLE_LEDGER)
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    expected = list_handlers(offices, active_only=False, with_caseload=False)
    combo = window.cases.handler
    qtbot.waitUntil(lambda: combo.count() == len(expected) + 1)
    assert [combo.itemData(i) for i in range(1, combo.count())] == [h.id for h in expected]
    first = expected[0]
    combo.setCurrentIndex(1)
    handled = count_cases(offices, CaseFilter(handler_id=first.id))
    assert handled > 0
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == handled)


# An open popup is a raised window with the keyboard, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_handler_filter_opened_before_its_fill_fills_at_once(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    from legalaid.services.commands.offices import list_handlers

    import_ledger(offices, SAMPLE_LEDGER)
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    combo = window.cases.handler
    assert combo.count() == 1  # only 全部承办人: the fill comes after the first page
    combo.showPopup()
    expected = list_handlers(offices, active_only=False, with_caseload=False)
    assert [combo.itemData(i) for i in range(1, combo.count())] == [h.id for h in expected]
    combo.hidePopup()
    qtbot.wait(1000)  # the background fill, when it comes, changes nothing
    assert combo.count() == len(expected) + 1


def test_the_window_reads_the_first_page_once(
    offices: Context, qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enabling sorting on the list asks the model for the sort it already has: that must not
    read a page of a million cases only for the filter to read it again."""
    from legalaid.ui.kit import case_table

    import_ledger(offices, SAMPLE_LEDGER)
    reads = []
    real = case_table.find_cases

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(kwargs.get("offset"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(case_table, "find_cases", counted)
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.cases.model.rowCount() == 60
    assert len(reads) == 1
