"""A change redraws what it touched: a step in a case window redraws that case's row (the
list is not read again), the page on screen at once and the others when next shown; a new
case reloads the list."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from legalaid.domain.lifecycle import Step
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import intake
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.shell.main_window import MainWindow
from legalaid.ui.work.changes import Change, Changes
from tests.services.closing_files import case_in_progress
from tests.services.commands.test_workflow import application


def test_a_step_redraws_its_row_and_marks_the_hidden_pages(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    first = intake.register(offices, application())
    intake.register(offices, application(allow_duplicate=True))
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_section(window.DEADLINES)  # read once, then left for the case list
    qtbot.waitUntil(lambda: not window.loader.loading)
    window.show_section(window.CASES)
    assert window.deadlines.loaded
    model = window.cases.model
    row = next(r for r in range(model.rowCount()) if model.case_id(r) == first.id)
    assert model.index(row, model.STATE).data() == "申请登记"
    resets: list[int] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))

    dialog = CaseDialog(offices, first.id)
    qtbot.addWidget(dialog)
    dialog.buttons[Step.REVIEW].click()
    assert dialog.changes == Changes(
        Change.CASE | Change.DEADLINES | Change.HANDLERS | Change.SUBSIDIES,
        frozenset({first.id}),
    )
    window.apply(dialog.changes)
    assert model.index(row, model.STATE).data() == "审查"  # the row, redrawn in place
    assert resets == []  # … without reading the list again
    assert not window.deadlines.loaded  # out of date, not read while hidden
    window.show_section(window.DEADLINES)
    assert window.deadlines.loaded
    qtbot.waitUntil(lambda: not window.loader.loading)

    # A new case is a change of the list itself: it is read again.
    intake.register(offices, application(allow_duplicate=True))
    window.apply(Changes(Change.CASES))
    assert resets == [1] and model.rowCount() == 3
    # The page on screen is redrawn at once.
    window.apply(Changes(Change.DEADLINES))
    qtbot.waitUntil(lambda: len(window.deadlines.rows) == 3)


def test_work_logged_in_a_case_touches_the_case_alone(offices: Context, qtbot: QtBot) -> None:
    ref = intake.register(offices, application())
    dialog = CaseDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    assert not dialog.changed
    dialog.work_panel._run(lambda: None)  # what the work and file buttons go through
    assert dialog.changes == Changes(Change.CASE, frozenset({ref.id}))


def test_a_section_is_read_behind_a_cover_and_the_newest_reading_wins(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    intake.register(offices, application())
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_section(window.DEADLINES)
    cover = window.loader._covers[id(window.deadlines)]
    assert window.loader.loading and cover.isVisible() and cover.text() == "正在读取…"
    assert window.deadlines.rows == []  # nothing yet: the reading runs in the pool
    window.loader.load(window.deadlines)  # read again before the first arrives
    qtbot.waitUntil(lambda: not window.loader.loading)
    assert not cover.isVisible() and len(window.deadlines.rows) == 1
    assert cover.geometry() == window.deadlines.rect()
    # 刷新 reads at once: a background reading still on its way is dropped, not shown later.
    window.loader.load(window.deadlines)
    intake.register(offices, application(allow_duplicate=True))
    window.refresh_all()
    assert not window.loader.loading and len(window.deadlines.rows) == 2
    qtbot.wait(200)  # the dropped reading arrives …
    assert len(window.deadlines.rows) == 2 and not cover.isVisible()  # … and is ignored


def test_the_targets_table_is_counted_in_the_background_for_each_year(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    lawyer = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_in_progress(offices, lawyer.id)  # 2025: one case of 株洲, granted and assigned
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_section(window.REPORTS)
    assert window.loader.loading  # the window is not held while the offices are counted
    qtbot.waitUntil(lambda: not window.loader.loading)
    page = window.reports
    assert page.targets.rowCount() == 3
    page.year.setValue(2025)
    assert window.loader.loading
    qtbot.waitUntil(lambda: not window.loader.loading)
    counted = {page.targets.item(r, 0).text(): page.targets.item(r, 2).text() for r in range(3)}
    assert counted["ZZ 株洲市法律援助中心"] == "1"


def test_a_row_that_no_longer_matches_the_filter_leaves_the_list(
    offices: Context, qtbot: QtBot, settings: QSettings, qtmodeltester: object
) -> None:
    first = intake.register(offices, application())
    second = intake.register(offices, application(allow_duplicate=True))
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.cases
    page.state.setCurrentIndex(page.state.findData("申请登记"))
    model = page.model
    assert {model.case_id(r) for r in range(model.rowCount())} == {first.id, second.id}
    resets: list[int] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))

    intake.start_review(offices, case_id=first.id, expected_version=1)
    window.apply(Changes(Change.CASE | Change.DEADLINES, frozenset({first.id})))
    # 审查 is not 申请登记: the case leaves the filtered list, the other row stays as it was.
    assert [model.case_id(r) for r in range(model.rowCount())] == [second.id]
    assert model.total == 1 and resets == []
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("共 1 件案件"))
