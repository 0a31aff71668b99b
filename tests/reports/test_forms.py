"""Standard documents filled from the case: numbers kept, wording replaceable, font embedded."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from legalaid.domain.documents import DocumentKind
from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType, Stage
from legalaid.services.commands import assignment, intake
from legalaid.services.commands.documents import set_document_text, write_document
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context

pytestmark = pytest.mark.usefixtures("poppler")


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")


@pytest.fixture
def notified_case(offices: Context) -> int:
    handler = add_handler(
        offices,
        name="曾杰红",
        handler_type=HandlerType.LAWYER,
        firm_name="湖南炎帝律师事务所",
        phone="13912345678",
        criminal_years=8,
    )
    ref = intake.register(
        offices,
        CaseInput(
            office_code="ZZ",
            source=CaseSource.COURT_NOTICE,
            case_type=CaseType.CRIMINAL_DEFENCE,
            stage=Stage.TRIAL,
            cause="故意伤害",
            received_on=date(2026, 11, 2),
            notifying_organ="株洲市荷塘区人民法院",
            person=PersonInput(name="白杰", id_number="430204197607061204"),
        ),
    )
    assignment.assign_handler(offices, case_id=ref.id, handler_id=handler.id)
    return ref.id


def test_letter_and_assignment_notice(offices: Context, notified_case: int, tmp_path: Path) -> None:
    letter = tmp_path / "letter.pdf"
    first = write_document(offices, case_id=notified_case, kind=DocumentKind.LETTER, out=letter)
    text = _text(letter)
    assert "株洲市荷塘区人民法院：" in text
    assert "本机构对白杰（被告人）故意伤害一案，已指派湖南炎帝律师事务所曾杰红担任其辩护人" in text
    assert (
        "13912345678" in text and "株洲市法律援助中心（印章）" in text and "2026年11月20日" in text
    )
    assert first.number == "编号：株援函字〔2026〕第1号"
    again = write_document(offices, case_id=notified_case, kind=DocumentKind.LETTER, out=letter)
    assert again.number == first.number  # printing again keeps the number
    notice = tmp_path / "notice.pdf"
    assert (
        write_document(
            offices, case_id=notified_case, kind=DocumentKind.ASSIGNMENT, out=notice
        ).number
        == "编号：株援指字〔2026〕第1号"
    )
    assert "湖南炎帝律师事务所：" in _text(notice)
    assert_fonts_embedded(notice)


def assert_fonts_embedded(path: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(line.split()[-5:-3] == ["yes", "yes"] for line in rows), fonts


def test_registration_form_and_refusal_rules(
    offices: Context, notified_case: int, tmp_path: Path
) -> None:
    form = tmp_path / "form.pdf"
    write_document(offices, case_id=notified_case, kind=DocumentKind.REGISTRATION, out=form)
    text = _text(form)
    assert "法律援助受理登记审批表" in text and "430204197607061204" in text
    assert "审查意见" in text and "审批意见" in text
    assert_fonts_embedded(form)  # the field table too (reportlab's cell font is Helvetica)
    with pytest.raises(ValidationError) as info:
        write_document(
            offices, case_id=notified_case, kind=DocumentKind.REFUSAL, out=tmp_path / "x.pdf"
        )
    assert "不能出具不予法律援助决定书" in info.value.message


def test_office_wording_replaces_the_default(
    offices: Context, notified_case: int, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as info:
        set_document_text(offices, kind=DocumentKind.LETTER, text="{organ}：{lawyer}")
    assert "lawyer" in info.value.message
    set_document_text(
        offices,
        kind=DocumentKind.LETTER,
        text="{organ}：\n兹指派{handler}律师为{applicant}提供辩护。\n特此函告",
    )
    out = tmp_path / "own.pdf"
    write_document(offices, case_id=notified_case, kind=DocumentKind.LETTER, out=out)
    assert "兹指派曾杰红律师为白杰提供辩护" in _text(out)
    set_document_text(offices, kind=DocumentKind.LETTER, text=None)
    write_document(offices, case_id=notified_case, kind=DocumentKind.LETTER, out=out)
    assert "已指派湖南炎帝律师事务所曾杰红" in _text(out)
