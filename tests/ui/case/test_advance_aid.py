"""先行提供 in the case window: recorded with its ground, a handler assigned at once, the
decision still shown as due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.lifecycle import Step
from legalaid.domain.vocabulary import AdvanceGround, CaseState
from legalaid.services.commands import intake
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.step_dialog import StepDialog
from tests.services.commands.test_workflow import application


def test_aid_in_advance_from_the_case_window(
    offices: Context,
    qtbot: QtBot,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
    tmp_path: Path,
    backend: str,
) -> None:
    ref = intake.register(offices, application(received_on=date(2026, 11, 18)))
    dialog = CaseDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    assert dialog.buttons[Step.ADVANCE].isVisibleTo(dialog)
    assert not dialog.buttons[Step.ASSIGN].isVisibleTo(dialog)  # undecided: no handler yet

    def preservation(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        step.choice.setCurrentText(AdvanceGround.PRESERVATION.value)
        step.reason.setPlainText("被申请人正在转移财产，需立即申请财产保全")
        step.accept()

    answer_dialog(preservation)
    dialog.buttons[Step.ADVANCE].click()
    detail = get_case(offices, ref.id)
    assert detail.advance is not None and detail.advance[1] == AdvanceGround.PRESERVATION.value
    assert detail.row.state is CaseState.REGISTERED
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "先行提供法律援助" in shown and "仍须作出是否给予法律援助的决定" in shown
    assert "审查决定" in shown  # the decision's own clock is still shown
    assert "株洲市法律援助中心（ZZ）" in shown  # the office by its name
    assert dialog.buttons[Step.ASSIGN].isVisibleTo(dialog)
    assert not dialog.buttons[Step.ADVANCE].isVisibleTo(dialog)
    if backend == "sqlite":
        qtbot.wait(50)
        dialog.grab().save(str(tmp_path / "advance.png"))
