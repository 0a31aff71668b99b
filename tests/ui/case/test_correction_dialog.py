"""更正 in the case window: the registered facts in a form; every refusal beside its field
with the form as typed; a saved correction shown at once; lawyers do not see the action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import intake
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context, Principal
from legalaid.services.queries.cases import get_case
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.correction_dialog import CorrectionDialog
from tests.services.closing_files import case_in_progress
from tests.services.commands.test_workflow import application
from tests.ui.case.test_case_facts import shown
from tests.ui.case.test_unsaved_typing import _type
from tests.ui.cells import cell, row_count

Answer = Callable[[Callable[[QWidget], None]], None]


def test_refusals_are_shown_beside_their_fields_and_the_form_stays(
    offices: Context, qtbot: QtBot
) -> None:
    ref = intake.register(offices, application())
    dialog = CorrectionDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    dialog.show()
    # The form starts from the case as registered.
    assert dialog.name.text() == "袁英燕" and dialog.id_number.text() == "430225197808134424"
    assert dialog.groups["农民工"].isChecked() and dialog.cause.text() == "劳动报酬纠纷"
    dialog.name.clear()
    dialog.phone.setText("12345")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.result() == 0
    for field in ("受援人姓名", "联系电话", "更正原因"):
        assert dialog._errors[field].isVisibleTo(dialog), field
    assert dialog._errors["身份证号"].isHidden()
    assert dialog.phone.text() == "12345"  # as typed
    assert get_case(offices, ref.id).row.name == "袁英燕"  # nothing written

    _type(dialog.name, "袁英艳")
    dialog.phone.setText("13236344022")
    _type(dialog.reason, "申请表抄错")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_case(offices, ref.id).person_phone == "13236344022"
    QDialog.done(dialog, 0)


def test_the_case_window_corrects_and_shows_it_at_once(
    offices: Context, qtbot: QtBot, answer_dialog: Answer
) -> None:
    ref = intake.register(offices, application())
    window = CaseDialog(offices, ref.id)
    qtbot.addWidget(window)
    window.show()
    assert window.correct_button.isVisible()
    assert shown(window.summary)["经济困难依据"] == "经济困难状况说明表及个人诚信承诺"

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectionDialog)
        dialog.address.setText("株洲市芦淞区建设路1号")
        _type(dialog.reason, "补充住址")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    answer_dialog(correct)
    qtbot.mouseClick(window.correct_button, Qt.MouseButton.LeftButton)
    assert shown(window.person)["住址"] == "株洲市芦淞区建设路1号"
    assert cell(window.timeline, row_count(window.timeline) - 1, 2) == "更正登记信息"
    assert window.changed  # the lists behind it redraw


def test_a_lawyer_does_not_see_the_correct_action(offices: Context, qtbot: QtBot) -> None:
    lawyer = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_id = case_in_progress(offices, lawyer.id, received_on=date(2025, 3, 3))
    as_lawyer = offices.signed_in(Principal(9, "lin", "林宇浩", Role.LAWYER, handler_id=lawyer.id))
    window = CaseDialog(as_lawyer, case_id)
    qtbot.addWidget(window)
    window.show()
    assert not window.correct_button.isVisible()
