"""Subsidy inputs in the desktop: each handler's part of a reassigned case in the 办案补贴 tab,
the cases joined, the hearing and enforcement result in the closing dialog, and 案件评查 in
补贴."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.closing_file import Enforcement, Hearing
from legalaid.domain.subsidy import DEFAULT_STANDARD
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import closing, inspections, subsidies
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.work_tab import ClosingDialog
from legalaid.ui.pages.subsidies_page import InspectionsTab
from tests.services.commands.test_subsidy_parts import _case, _close
from tests.ui.cells import cell, row_count

Answer = Callable[[Callable[[QWidget], None]], None]


def test_each_handlers_part_is_typed_in_the_subsidy_tab(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    case_id, (first, second) = _case(offices, "郑一", handlers=2)
    _close(offices, case_id)
    dialog = CaseDialog(offices, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    panel = dialog.subsidy_panel
    assert "郑一律师0 未确定 份额未确定" in panel.summary.text()
    assert set(panel.part_boxes) == {first, second}
    panel.parts_mode.setCurrentIndex(panel.parts_mode.findData("stages"))
    assert panel.part_boxes[first].suffix() == " 个阶段"
    panel.part_boxes[first].setValue(1)
    panel.part_boxes[second].setValue(3)
    panel.joined_cases.setValue(2)
    panel.recalculate.click()
    stored = subsidies.case_subsidy(offices, case_id=case_id)
    # 示例标准 pays no per-case add-on: the joined cases are kept, the amount is not moved.
    assert stored.computed == Decimal("2500.00")
    assert [(p.basis, p.amount) for p in stored.parts] == [
        ("1个阶段", Decimal("625.00")),
        ("3个阶段", Decimal("1875.00")),
    ]
    assert subsidies.subsidy_basis(offices, case_id=case_id).joined_cases == 2
    # The window shows the parts after the save, and keeps the mode it was typed in.
    panel = dialog.subsidy_panel
    assert "郑一律师1 3个阶段 1,875.00" in panel.summary.text()
    assert panel.parts_mode.currentData() == "stages" and panel.part_boxes[second].value() == 3
    assert panel.lines.model().headerData(3, Qt.Orientation.Horizontal) == "条款"
    assert cell(panel.lines, 0, 3) == DEFAULT_STANDARD.authority
    if backend == "sqlite":
        dialog.tabs.setCurrentIndex(dialog.subsidy_tab)
        dialog.grab().save(str(tmp_path / "parts.png"))


def test_the_closing_dialog_records_hearing_and_enforcement(
    offices: Context, qtbot: QtBot, answer_dialog: Answer
) -> None:
    case_id, _ = _case(offices, "王二")
    required = [i.name for i in closing.closing_checklist(offices, case_id=case_id) if i.required]
    dialog = CaseDialog(offices, case_id)
    qtbot.addWidget(dialog)

    def fill(box: QWidget) -> None:
        assert isinstance(box, ClosingDialog)
        assert box.hearing.currentData() is None  # nothing is assumed
        box.hearing.setCurrentIndex(box.hearing.findData(Hearing.FAST_TRACK.value))
        box.enforcement.setCurrentIndex(box.enforcement.findData(Enforcement.PARTIAL.value))
        for name in required:
            box.boxes[name].setChecked(True)
        box.accept()

    answer_dialog(fill)
    dialog.submit_closing()
    assert closing.hearing_and_enforcement(offices, case_id=case_id) == (
        Hearing.FAST_TRACK,
        Enforcement.PARTIAL,
    )
    # A file returned for more papers comes back with what was chosen.
    closing.return_closing(offices, case_id=case_id, reason="缺少庭审笔录")
    seen: list[object] = []

    def look(box: QWidget) -> None:
        assert isinstance(box, ClosingDialog)
        seen.append(box.heard())
        box.reject()

    dialog = CaseDialog(offices, case_id)
    qtbot.addWidget(dialog)
    answer_dialog(look)
    dialog.submit_closing()
    assert seen == [(Hearing.FAST_TRACK, Enforcement.PARTIAL)]


def test_file_inspections_are_recorded_and_removed_in_the_desktop(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str, answer_dialog: Answer
) -> None:
    add_handler(offices, name="评查专家丁", handler_type=HandlerType.LAWYER)
    tab = InspectionsTab(offices)
    qtbot.addWidget(tab)
    tab.resize(1366, 600)
    tab.refresh()
    tab.office.setCurrentIndex(tab.office.findData("LL"))
    tab.inspector.setCurrentIndex(tab.inspector.findText("评查专家丁"))
    tab.inspected_on.setDate(tab.inspected_on.date().fromString("2026-10-09", "yyyy-MM-dd"))
    tab.files.setValue(6)
    assert not tab.record()  # no subject: refused, the form keeps what was typed
    assert "评查事项" in tab.message.text() and tab.files.value() == 6
    assert inspections.list_inspections(offices, year=2026) == []
    tab.subject.setText("醴陵第三季度结案质量评查")
    assert tab.record()
    assert row_count(tab.table) == 1
    cells = [cell(tab.table, 0, c) for c in range(7)]
    # 示例标准 has no 案件评查 item: the row says it is not paid rather than showing 0.
    assert cells == ["2026-10-09", "LL", "评查专家丁", "6", "醴陵第三季度结案质量评查",
                     "标准未规定", "待发放"]  # fmt: skip
    if backend == "sqlite":
        tab.grab().save(str(tmp_path / "inspections.png"))
    tab.table.selectRow(0)
    answer_dialog(lambda box: box.reject())  # asked first; "no" removes nothing
    tab.remove_button.click()
    assert row_count(tab.table) == 1

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "评查专家丁" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    answer_dialog(yes)
    tab.remove_button.click()
    assert row_count(tab.table) == 0 and inspections.list_inspections(offices, year=2026) == []
