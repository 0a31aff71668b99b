"""The case window shows what was recorded: the person's address, the handler with firm and
phone on the 案件 tab, and the organ a civil case's letters go to."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from legalaid.domain.documents import DocumentKind
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType
from legalaid.services.commands import assignment, intake
from legalaid.services.commands.documents import write_document
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog


def shown(form: QFormLayout) -> dict[str, str]:
    values = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and field is not None:
            name, value = label.widget(), field.widget()
            if isinstance(name, QLabel) and isinstance(value, QLabel):
                values[name.text()] = value.text()
    return values


def test_recorded_facts_are_shown(
    offices: Context, qtbot: QtBot, tmp_path: Path, poppler: None
) -> None:
    ctx = offices
    ref = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL,
        received_on=date(2026, 11, 2), cause="劳动报酬纠纷", hardship_basis="个人诚信承诺",
        person=PersonInput(name="刘桂英", address="株洲市荷塘区新华西路8号"),
    ))  # fmt: skip
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2026, 11, 3))
    handler = add_handler(ctx, name="罗文", handler_type=HandlerType.LAWYER,
                          firm_name="湖南炎帝律师事务所", phone="13912345678")  # fmt: skip
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler.id)
    write_document(ctx, case_id=ref.id, kind=DocumentKind.LETTER, out=tmp_path / "l.pdf",
                   addressee="株洲市天元区人民法院")  # fmt: skip
    dialog = CaseDialog(ctx, ref.id)
    qtbot.addWidget(dialog)
    case = shown(dialog.summary)
    assert case["承办人"] == "罗文　湖南炎帝律师事务所　13912345678"
    assert case["受理机关"] == "株洲市天元区人民法院"
    assert shown(dialog.person)["住址"] == "株洲市荷塘区新华西路8号"
