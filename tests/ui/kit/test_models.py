"""The read-only lists are table models (ui/models.py): each passes Qt's own model checks
(QAbstractItemModelTester through pytest-qt's qtmodeltester) filled with real rows, sorted
and refilled; a sort keeps the chosen row chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import intake
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.kit.models import ROW_ROLE, chosen_row
from legalaid.ui.pages.deadlines_page import DeadlinesPage
from legalaid.ui.pages.handlers_page import HandlersPage
from legalaid.ui.pages.my_cases_page import MyCasesPage
from tests.services.closing_files import case_in_progress
from tests.services.commands.test_workflow import application
from tests.ui.cells import cell, row_count


def test_the_lists_pass_qts_model_checks(
    offices: Context, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    lawyer = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    add_handler(offices, name="安然", handler_type=HandlerType.LAWYER, criminal_years=9)
    case_id = case_in_progress(offices, lawyer.id)
    intake.register(offices, application(received_on=date(2026, 11, 18)))

    window = CaseDialog(offices, case_id)
    qtbot.addWidget(window)
    qtmodeltester.check(window.events)  # the timeline: registration, review, decision …
    qtmodeltester.check(window.handler_spells)
    assert row_count(window.timeline) >= 4 and cell(window.handlers, 0, 0) == "林宇浩"

    deadlines = DeadlinesPage(offices)
    qtbot.addWidget(deadlines)
    deadlines.refresh()
    qtmodeltester.check(deadlines.model)
    assert row_count(deadlines.table) >= 1  # the new application's review

    mine = MyCasesPage(offices)
    qtbot.addWidget(mine)
    mine.refresh()
    qtmodeltester.check(mine.model)

    handlers = HandlersPage(offices)
    qtbot.addWidget(handlers)
    handlers.refresh()
    qtmodeltester.check(handlers.model)


def test_sorting_keeps_the_chosen_row_and_refilling_keeps_the_order(
    offices: Context, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    for name, years in (("林宇浩", 2), ("安然", 9), ("周敏", 5)):
        add_handler(offices, name=name, handler_type=HandlerType.LAWYER, criminal_years=years)
    page = HandlersPage(offices)
    qtbot.addWidget(page)
    page.refresh()
    qtmodeltester.check(page.model)
    # The page opens with names in pinyin order, A to Z.
    assert [cell(page.table, r, 0) for r in range(3)] == ["安然", "林宇浩", "周敏"]
    page.table.selectRow(2)
    assert chosen_row(page.table).name == "周敏"
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # criminal years, as numbers
    assert [cell(page.table, r, 4) for r in range(3)] == ["9", "5", "2"]
    assert chosen_row(page.table).name == "周敏"  # the selection followed its row
    page.refresh()  # new rows come in the order the user chose
    assert [cell(page.table, r, 0) for r in range(3)] == ["安然", "周敏", "林宇浩"]
    index = page.model.index(0, 0)
    assert index.data(ROW_ROLE).name == "安然"
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == "刑事执业年限"


def test_every_list_is_as_dense_as_the_case_list(offices: Context, qtbot: QtBot) -> None:
    """One line of text a row everywhere: Qt's default row height left the audit trail and
    the other lists a third taller than the case list, with fewer rows on a 768-pixel screen."""
    from legalaid.ui.pages.audit_page import AuditPage
    from legalaid.ui.shell.main_window import MainWindow

    window = MainWindow(offices)
    qtbot.addWidget(window)
    case_rows = window.cases.table.verticalHeader().defaultSectionSize()
    audit = AuditPage(offices)
    qtbot.addWidget(audit)
    deadlines = DeadlinesPage(offices)
    qtbot.addWidget(deadlines)
    text = audit.table.fontMetrics().height()
    for table in (audit.table, deadlines.table):
        assert table.verticalHeader().defaultSectionSize() == case_rows
    assert text < case_rows <= max(24, text + 8)
