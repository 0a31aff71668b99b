"""Every date entry keeps what is typed: no silent year or day changes (real key presses)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from legalaid.domain.errors import ValidationError
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.kit.widgets import DateField, date_edit, parse_typed_date

TODAY = date(2026, 11, 20)


def type_into(field: DateField, text: str) -> None:
    """As a clerk does: select what is there, type, press Enter."""
    field.line.selectAll()
    QTest.keyClicks(field.line, text)
    QTest.keyClick(field.line, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "shown", "value"),
    [
        ("2025-03-04", "2025-03-04", date(2025, 3, 4)),  # QDateEdit made this 2025-11-03
        ("20250304", "2025-03-04", date(2025, 3, 4)),
        ("2025/3/4", "2025-03-04", date(2025, 3, 4)),
        ("2024-02-29", "2024-02-29", date(2024, 2, 29)),  # a leap day exists
        ("1999-12-31", "1999-12-31", date(1999, 12, 31)),
    ],
)
def test_a_typed_date_is_kept(qtbot: QtBot, typed: str, shown: str, value: date) -> None:
    field = date_edit(TODAY, field="收到日期")
    qtbot.addWidget(field)
    changed: list[QDate] = []
    field.dateChanged.connect(changed.append)
    type_into(field, typed)
    assert field.line.text() == shown
    assert field.value() == value
    assert [d.toPython() for d in changed] == [value]


@pytest.mark.parametrize("typed", ["2026-02-30", "2025-13-01", "2025-02-29", "2025-3"])
def test_an_impossible_date_is_refused_naming_the_field(qtbot: QtBot, typed: str) -> None:
    field = date_edit(TODAY, field="收到日期")
    qtbot.addWidget(field)
    changed: list[QDate] = []
    field.dateChanged.connect(changed.append)
    type_into(field, typed)
    assert field.line.text() == typed  # left as typed, to be corrected, never "fixed up"
    assert changed == []
    with pytest.raises(ValidationError) as refused:
        field.value()
    assert refused.value.field == "收到日期"
    assert f"收到日期「{typed}」不是有效日期" in refused.value.message
    assert field.line.toolTip() == refused.value.message


def test_letters_cannot_be_typed(qtbot: QtBot) -> None:
    field = date_edit(TODAY)
    qtbot.addWidget(field)
    type_into(field, "2025-0x3-04")
    assert field.line.text() == "2025-03-04"


def test_the_calendar_sets_the_field(qtbot: QtBot) -> None:
    field = date_edit(TODAY)
    qtbot.addWidget(field)
    field.calendar.clicked.emit(QDate(2026, 5, 6))
    assert field.value() == date(2026, 5, 6)


def test_a_dialog_with_a_wrong_date_stays_open_and_says_which(qtbot: QtBot) -> None:
    dialog = StepDialog("给予援助", reason_label="理由", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.on_date, "2026-02-30")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert "日期「2026-02-30」不是有效日期" in dialog.error.text()
    type_into(dialog.on_date, "2026-02-28")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.day == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("text", "value"),
    [("2026-02-28", date(2026, 2, 28)), ("2026.2.8", date(2026, 2, 8)), ("20260230", None),
     ("26-02-28", None), ("", None)],
)  # fmt: skip
def test_parse_typed_date(text: str, value: date | None) -> None:
    assert parse_typed_date(text) == value


def test_intake_with_an_impossible_date_registers_nothing(qtbot: QtBot, offices: object) -> None:
    from legalaid.services.plumbing.context import Context
    from legalaid.services.queries.cases import count_cases
    from legalaid.ui.case.intake_dialog import IntakeDialog

    assert isinstance(offices, Context)
    dialog = IntakeDialog(offices, notification=False)
    qtbot.addWidget(dialog)
    type_into(dialog.received, "2026-02-30")
    dialog.save()
    assert dialog.result_ref is None
    shown = " ".join(e.text() for e in [*dialog._errors.values(), dialog.general_error])
    assert "收到日期「2026-02-30」不是有效日期" in shown
    assert count_cases(offices) == 0
