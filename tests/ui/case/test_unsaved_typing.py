"""Nothing typed is lost to a stray key: Esc, Cancel or the window's ✕ over a dialog with
something typed or chosen asks first, and "继续填写" keeps everything as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.closing_file import ChecklistItem
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.intake_dialog import IntakeDialog
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.case.work_tab import ClosingDialog, WorkDialog
from tests.conftest import TODAY

Answer = Callable[[Callable[[QWidget], None]], None]


def _type(widget: QWidget, text: str) -> None:
    """Real key presses carrying Chinese text, as an input method delivers them (QTest's
    keyClicks maps characters to keys, which Chinese characters are not)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _press(label: str, asked: list[str]) -> Callable[[QWidget], None]:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == label).click()

    return answer


def test_a_half_typed_application_is_not_lost_to_esc_or_the_close_button(
    offices: Context, qtbot: QtBot, answer_dialog: Answer
) -> None:
    intake = IntakeDialog(offices, notification=False)
    qtbot.addWidget(intake)
    intake.show()
    asked: list[str] = []
    qtbot.keyClick(intake, Qt.Key.Key_Escape)  # nothing typed yet: closes at once
    assert not intake.isVisible() and asked == []

    intake.show()
    _type(intake.name, "袁英燕")
    answer_dialog(_press("继续填写", asked))
    qtbot.keyClick(intake, Qt.Key.Key_Escape)
    assert asked == ["放弃本窗口中已填写的内容？"]
    assert intake.isVisible() and intake.name.text() == "袁英燕"
    answer_dialog(_press("继续填写", asked))
    intake.close()  # the window's ✕
    assert intake.isVisible() and len(asked) == 2
    answer_dialog(_press("放弃", asked))
    intake.close()
    assert not intake.isVisible() and len(asked) == 3


def test_work_log_checklist_and_return_reason_ask_too(qtbot: QtBot, answer_dialog: Answer) -> None:
    asked: list[str] = []
    work = WorkDialog(TODAY)
    qtbot.addWidget(work)
    work.show()
    _type(work.notes, "会见当事人，核实案情")
    answer_dialog(_press("继续填写", asked))
    qtbot.keyClick(work, Qt.Key.Key_Escape)
    assert work.isVisible() and work.notes.toPlainText() == "会见当事人，核实案情"

    items = tuple(ChecklistItem(name, required=True) for name in ("结案报告表", "判决书"))
    closing = ClosingDialog(items, [], None, TODAY)
    qtbot.addWidget(closing)
    closing.show()
    closing.boxes["判决书"].click()  # a tick is work too
    answer_dialog(_press("继续填写", asked))
    qtbot.keyClick(closing, Qt.Key.Key_Escape)
    assert closing.isVisible() and closing.boxes["判决书"].isChecked()

    step = StepDialog("退回结案材料", reason_label="退回原因", today=TODAY)
    qtbot.addWidget(step)
    step.show()
    _type(step.reason, "缺少庭审笔录")
    answer_dialog(_press("放弃", asked))
    qtbot.keyClick(step, Qt.Key.Key_Escape)
    assert not step.isVisible()
    assert asked == ["放弃本窗口中已填写的内容？"] * 3
    for dialog in (work, closing):  # closed unasked, as signing out closes them
        QDialog.reject(dialog)
