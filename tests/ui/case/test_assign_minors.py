"""The assignment picker asks for a written reason before a minor's case goes to a handler
without minors expertise (应当, a rule)."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from legalaid.domain.vocabulary import CaseType, HandlerType, Stage
from legalaid.services.commands import intake
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.ui.case.assign_dialog import AssignDialog
from tests.services.commands.test_workflow import application
from tests.ui.cells import cell


def test_a_minors_case_needs_the_reason_in_the_picker(offices: Context, qtbot: QtBot) -> None:
    lin = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER, criminal_years=4)
    ref = intake.register(offices, application(
        case_type=CaseType.CRIMINAL_DEFENCE, stage=Stage.TRIAL, cause="盗窃罪",
        groups=("未成年人",), received_on=date(2026, 11, 16)))  # fmt: skip
    intake.start_review(offices, case_id=ref.id)
    intake.decide(offices, case_id=ref.id, grant=True, reason="", on=date(2026, 11, 17))
    detail = get_case(offices, ref.id)
    dialog = AssignDialog(offices, case_id=ref.id, case_no=detail.row.case_no,
                          version=detail.version, has_handler=False)  # fmt: skip
    qtbot.addWidget(dialog)
    assert cell(dialog.table, 0, dialog.CHECK) == "未成年人案件：须写明原因"
    dialog.table.selectRow(0)
    dialog.save()
    assert "应当指派熟悉未成年人身心特点的律师" in dialog.error.text()
    assert get_case(offices, ref.id).row.handler is None
    dialog.minors_reason.setText("本县无熟悉未成年人特点的律师")
    dialog.save()
    assert get_case(offices, ref.id).row.handler == lin.name
