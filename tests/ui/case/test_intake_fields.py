"""Intake records the matter (事项类别, s.31) and who applies for the person (s.40)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot


def test_intake_records_the_matter_and_the_representative(qtbot: QtBot, offices: object) -> None:
    from legalaid.services.plumbing.context import Context
    from legalaid.services.queries.cases import get_case
    from legalaid.ui.case.intake_dialog import IntakeDialog

    assert isinstance(offices, Context)
    dialog = IntakeDialog(offices, notification=False)
    qtbot.addWidget(dialog)
    assert not dialog.representative.name.isEnabled()  # the person applies: nothing to fill
    dialog.name.setText("白杰")
    dialog.cause.setText("劳动报酬纠纷")
    dialog.matter.setCurrentText("劳动报酬")
    dialog.pledge.setChecked(True)
    dialog.representative.kind.setCurrentIndex(dialog.representative.kind.findData("近亲属"))
    assert dialog.representative.name.isEnabled()
    dialog.representative.name.setText("白芳")
    dialog.save()  # the relation is missing: said beside it
    assert dialog.result_ref is None
    assert "与受援人的关系" in dialog._errors["与受援人关系"].text()
    dialog.representative.relation.setText("姐姐")
    dialog.save()
    assert dialog.result_ref is not None
    detail = get_case(offices, dialog.result_ref.id)
    assert detail.matter_category == "劳动报酬"
    assert detail.representative is not None and detail.representative[:3] == (
        "近亲属",
        "白芳",
        "姐姐",
    )


def test_a_repeat_of_a_case_on_file_is_saved_only_when_confirmed(
    qtbot: QtBot, offices: object, answer_dialog: object
) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from legalaid.services.plumbing.context import Context
    from legalaid.services.queries.cases import count_cases
    from legalaid.ui.case.intake_dialog import IntakeDialog

    assert isinstance(offices, Context) and callable(answer_dialog)

    def fill() -> IntakeDialog:
        dialog = IntakeDialog(offices, notification=False)
        qtbot.addWidget(dialog)
        dialog.name.setText("白杰")
        dialog.cause.setText("劳动报酬纠纷")
        dialog.pledge.setChecked(True)
        return dialog

    first = fill()
    first.save()
    assert first.result_ref is not None

    def press(button: QMessageBox.StandardButton) -> object:
        def answer(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            assert first.result_ref is not None and first.result_ref.case_no in box.text()
            box.button(button).click()

        return answer

    again = fill()
    answer_dialog(press(QMessageBox.StandardButton.No))
    again.save()  # the clerk says it is the same matter: nothing saved, the form stays
    assert again.result_ref is None and "重复" in again.general_error.text()
    assert again.name.text() == "白杰" and count_cases(offices) == 1
    answer_dialog(press(QMessageBox.StandardButton.Yes))
    again.save()  # a different matter of the same person on the same day
    assert again.result_ref is not None and count_cases(offices) == 2


def test_a_person_on_file_is_changed_only_when_confirmed(
    qtbot: QtBot, offices: object, answer_dialog: object
) -> None:
    from datetime import date

    from PySide6.QtWidgets import QMessageBox, QWidget

    from legalaid.services.commands import intake
    from legalaid.services.plumbing.context import Context
    from legalaid.services.queries.cases import count_cases, get_case
    from legalaid.ui.case.intake_dialog import IntakeDialog
    from tests.services.commands.test_workflow import application

    assert isinstance(offices, Context) and callable(answer_dialog)
    first = intake.register(offices, application(received_on=date(2025, 3, 3)))
    dialog = IntakeDialog(offices, notification=False)
    qtbot.addWidget(dialog)
    dialog.id_number.setText("430225197808134424")
    dialog.name.setText("袁英艳")  # another spelling of the person on file
    dialog.cause.setText("工伤赔偿")
    dialog.pledge.setChecked(True)

    def press(button: QMessageBox.StandardButton) -> object:
        def answer(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and "姓名「袁英燕」→「袁英艳」" in box.text()
            box.button(button).click()

        return answer

    answer_dialog(press(QMessageBox.StandardButton.No))
    dialog.save()
    assert dialog.result_ref is None and count_cases(offices) == 1
    assert get_case(offices, first.id).row.name == "袁英燕"  # nothing changed
    answer_dialog(press(QMessageBox.StandardButton.Yes))
    dialog.save()
    assert dialog.result_ref is not None and count_cases(offices) == 2
    assert get_case(offices, first.id).row.name == "袁英艳"
