"""The agreement clock's exception in the case window: recorded with a reason, shown stopped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.lifecycle import Step
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import assignment, intake
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.step_dialog import StepDialog
from tests.services.commands.test_workflow import application


def test_pausing_the_agreement_clock_from_the_case_window(
    offices: Context,
    qtbot: QtBot,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
    tmp_path: Path,
    backend: str,
) -> None:
    lin = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER,
                      firm_name="湖南天元律师事务所", criminal_years=5)  # fmt: skip
    ref = intake.register(offices, application(received_on=date(2026, 11, 16)))
    intake.start_review(offices, case_id=ref.id)
    intake.decide(offices, case_id=ref.id, grant=True, reason="符合条件", on=date(2026, 11, 17))
    assignment.assign_handler(offices, case_id=ref.id, handler_id=lin.id, on=date(2026, 11, 18))
    dialog = CaseDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.buttons[Step.PAUSE].isVisibleTo(dialog)

    def reason(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        step.reason.setPlainText("受援人住院治疗，无法到所签署")
        step.accept()

    answer_dialog(reason)
    dialog.buttons[Step.PAUSE].click()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "签订委托协议：期限自 2026-11-20 起停止计算（受援人住院治疗，无法到所签署）" in shown
    assert not dialog.buttons[Step.PAUSE].isVisibleTo(dialog)
    assert dialog.buttons[Step.ENGAGE].isVisibleTo(dialog)
    if backend == "sqlite":
        qtbot.wait(50)  # the refilled form lays itself out first
        dialog.grab().save(str(tmp_path / "paused.png"))


def test_an_objection_from_the_case_window(
    offices: Context,
    qtbot: QtBot,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
) -> None:
    from legalaid.domain.vocabulary import CaseState

    ref = intake.register(offices, application(received_on=date(2026, 11, 16)))
    intake.start_review(offices, case_id=ref.id)
    intake.decide(offices, case_id=ref.id, grant=False, reason="不符合经济困难标准",
                  on=date(2026, 11, 17))  # fmt: skip
    dialog = CaseDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.buttons[Step.OBJECTION].isVisibleTo(dialog)
    assert not dialog.buttons[Step.OBJECTION_RESULT].isVisibleTo(dialog)

    def ground(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        step.reason.setPlainText("收入计算有误")
        step.accept()

    answer_dialog(ground)
    dialog.buttons[Step.OBJECTION].click()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "异议审查：2026-11-25 到期" in shown  # 5 日 from 20 November
    assert "2026-11-20 提出异议：收入计算有误（司法行政机关审查中）" in shown
    assert dialog.buttons[Step.OBJECTION_RESULT].isVisibleTo(dialog)

    def upheld(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        step.choice.setCurrentIndex(step.choice.findText("异议成立"))
        step.accept()

    answer_dialog(upheld)
    dialog.buttons[Step.OBJECTION_RESULT].click()
    assert dialog.detail.row.state is CaseState.APPROVED
    assert dialog.detail.objection is None


def test_a_case_window_audits_its_opening_not_its_redraws(offices: Context, qtbot: QtBot) -> None:
    from legalaid.domain.permissions import Role
    from legalaid.services.commands import accounts
    from legalaid.services.queries.audit_trail import AuditFilter, audit_entries

    accounts.add_user(offices, username="clerk", name="王芳", role=Role.CLERK,
                      password="Clerk2026ok")  # fmt: skip
    clerk = offices.signed_in(accounts.sign_in(offices, username="clerk", password="Clerk2026ok"))
    ref = intake.register(offices, application(received_on=date(2026, 11, 16)))
    dialog = CaseDialog(clerk, ref.id)
    qtbot.addWidget(dialog)
    dialog.buttons[Step.REVIEW].click()  # a step: the window redraws itself
    dialog.reload()
    looks, _ = audit_entries(offices, AuditFilter(action="查看案件", text=f"cases#{ref.id}"))
    assert len(looks) == 1


def test_a_refused_step_shows_its_dialog_again_with_everything_typed(
    offices: Context,
    qtbot: QtBot,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
) -> None:
    """A refusal by the rules (here a date before the case was registered) never throws
    away what the clerk typed: the dialog comes back with the reason shown in it."""
    from PySide6.QtCore import QDate

    from legalaid.domain.vocabulary import CaseState

    ref = intake.register(offices, application(received_on=date(2026, 11, 16)))
    intake.start_review(offices, case_id=ref.id)
    dialog = CaseDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    dialog.show()
    reasons = "申请人月收入超过当地最低生活保障标准的两倍，且名下有商品房一套"
    shown: list[tuple[str, str, str]] = []

    def too_early(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        step.on_date.setDate(QDate(2026, 11, 1))  # before the application was received
        step.reason.setPlainText(reasons)
        answer_dialog(corrected)  # the same dialog, shown again after the refusal
        step.accept()

    def corrected(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        shown.append((step.error.text(), step.reason.toPlainText(), step.on_date.line.text()))
        step.on_date.setDate(QDate(2026, 11, 20))  # the day the review started
        step.accept()

    answer_dialog(too_early)
    dialog.buttons[Step.REJECT].click()
    message, kept_reason, kept_date = shown[0]
    assert (message and "2026-11-01" in message) or "早于" in message
    assert kept_reason == reasons and kept_date == "2026-11-01"
    assert dialog.detail.row.state is CaseState.REJECTED
    assert dialog.changed
