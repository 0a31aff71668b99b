"""The documents a centre prints every day, each filled from one case as it moves through
the work, checked by pdftotext (fields), pdffonts (embedded) and line starts (禁则)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.closing_file import Outcome, WorkKind
from legalaid.domain.documents import DocumentKind
from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType, Stage, TerminationReason
from legalaid.reports.form_pdf import NO_LINE_START
from legalaid.services.commands import assignment, closing, intake, worklog
from legalaid.services.commands.documents import (
    ASSIGNMENT_BUNDLE,
    documents_for,
    set_document_text,
    write_document,
    write_documents,
)
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler, update_office
from legalaid.services.plumbing.context import Context
from tests.reports.test_forms import assert_fonts_embedded
from tests.services.closing_files import full_file

pytestmark = pytest.mark.usefixtures("poppler")
K = DocumentKind


def lines_of(path: Path) -> list[str]:
    """The printed lines, as a reader sees them (pdftotext keeps the line breaks)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return [line.strip() for line in out.splitlines() if line.strip()]


def flat(path: Path) -> str:
    return "".join("".join(lines_of(path)).split())


def check_typesetting(path: Path) -> None:
    assert_fonts_embedded(path)
    starts = [line for line in lines_of(path) if line[0] in NO_LINE_START]
    assert not starts, starts


@pytest.fixture
def application(offices: Context) -> int:
    update_office(offices, code="ZZ", name="株洲市法律援助中心", prefix="株",
                  phone="0731-28888148", address="株洲市天元区长江北路1号")  # fmt: skip
    ref = intake.register(offices, CaseInput(
        office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL,
        stage=Stage.FIRST_INSTANCE, cause="劳动报酬纠纷", received_on=date(2026, 11, 2),
        hardship_basis="个人诚信承诺", summary="被拖欠工资八个月",
        person=PersonInput(name="刘桂英", id_number="430204197607061204", phone="13812345678",
                           address="株洲市荷塘区新华西路8号"),
    ))  # fmt: skip
    return ref.id


def test_from_application_to_closing_every_document_is_filled(
    offices: Context, application: int, tmp_path: Path
) -> None:
    ctx, case_id = offices, application

    def write(kind: DocumentKind, **extra: object) -> str:
        out = tmp_path / f"{kind.name}.pdf"
        write_document(ctx, case_id=case_id, kind=kind, out=out, **extra)  # type: ignore[arg-type]
        check_typesetting(out)
        return flat(out)

    text = write(K.APPLICATION)
    for expected in ("法律援助申请表", "刘桂英", "430204197607061204", "株洲市荷塘区新华西路8号",
                     "劳动报酬纠纷", "被拖欠工资八个月", "本人承诺以上所填内容和提交的证件、证明均真实",
                     "申请人（签字）", "2026年11月2日", "编号：株援申字〔2026〕第1号"):  # fmt: skip
        assert expected in text, expected
    text = write(K.HARDSHIP)
    assert "个人诚信承诺：本人承诺以上所填经济困难状况真实" in text and "刘桂英" in text
    text = write(K.RECEIPT)
    assert "法律援助申请材料接收凭证" in text and "本机构于2026年11月2日收到你提出的" in text
    assert "申请人身份证明" in text and "七日内进行审查" in text
    assert "株洲市天元区长江北路1号" in text  # the office's address under the title

    intake.request_materials(ctx, case_id=case_id, missing=["劳动合同或工资条", "欠薪证明"])
    assert K.SUPPLEMENT in documents_for(ctx, case_id=case_id)
    text = write(K.SUPPLEMENT)
    assert "请补充或者说明以下事项：劳动合同或工资条；欠薪证明" in text
    assert "未按要求补充、说明的，视为撤回申请" in text
    intake.receive_materials(ctx, case_id=case_id)  # back to review, the clock running
    intake.decide(ctx, case_id=case_id, grant=True, reason="", on=date(2026, 11, 5))
    text = write(K.GRANT)
    assert "现决定给予法律援助，提供法律援助的方式为民事诉讼代理" in text
    assert "联系电话：0731-28888148" in text and "＿＿" not in text  # no blank left

    first = add_handler(ctx, name="罗文", handler_type=HandlerType.LAWYER,
                        firm_name="湖南炎帝律师事务所", phone="13912345678")  # fmt: skip
    second = add_handler(ctx, name="谭敏", handler_type=HandlerType.LAWYER,
                         firm_name="湖南炎帝律师事务所", phone="13700000000")  # fmt: skip
    assignment.assign_handler(ctx, case_id=case_id, handler_id=first.id, on=date(2026, 11, 6))
    text = write(K.ASSIGNMENT)
    assert "湖南炎帝律师事务所：" in text
    assert "自接受指派之日起五日内" in text and "受援人联系电话：13812345678" in text
    # A civil case has no notifying organ: the letter asks for its addressee, then keeps it.
    with pytest.raises(ValidationError) as info:
        write(K.LETTER)
    assert info.value.field == "受理机关"
    text = write(K.LETTER, addressee="株洲市天元区人民法院")
    assert "株洲市天元区人民法院：" in text and "已指派湖南炎帝律师事务所罗文担任其代理人" in text
    text = write(K.VISIT_LETTER)
    assert text.startswith("法律援助公函") and "株洲市天元区人民法院：" in text
    assert "查阅案卷材料，请予安排" in text
    text = write(K.AGREEMENT)
    assert (
        text.startswith("委托代理协议")
        and "委托人（受援人）：刘桂英" in text
        and "不向委托人收取任何费用" in text
    )
    assert "根据株洲市法律援助中心的指派（株援指字〔2026〕第1号）" in text
    assert "受托人（盖章）" in text and "（印章）" not in text  # the parties sign, no seal
    text = write(K.POWER)
    assert "现委托上列受托人在劳动报酬纠纷一案一审阶段中，作为委托人的代理人" in text

    assignment.start_handling(ctx, case_id=case_id)
    assignment.assign_handler(ctx, case_id=case_id, handler_id=second.id, on=date(2026, 11, 9),
                              reason="原承办律师调离")  # fmt: skip
    text = write(K.CHANGE_NOTICE)
    assert "因原承办律师调离，决定更换法律援助人员，由谭敏接替罗文承办" in text
    text = write(K.CHANGE_APPLICATION)
    assert "申请更换的理由及证据" in text and "谭敏（湖南炎帝律师事务所）" in text
    text = write(K.SERVICE)
    assert "送达回证" in text and "给予法律援助决定书、指派通知书" in text
    assert "受送达人签收" in text

    worklog.log_work(ctx, case_id=case_id, kind=WorkKind.MEETING, done_on=date(2026, 11, 10),
                     minutes=90)  # fmt: skip
    worklog.log_work(ctx, case_id=case_id, kind=WorkKind.MEETING, done_on=date(2026, 11, 12),
                     minutes=30)  # fmt: skip
    closing.submit_closing(ctx, case_id=case_id, ended_on=date(2026, 11, 18),
                           **full_file(ctx, case_id, Outcome.MEDIATION),
                           recovered_amount=Decimal("38000"))  # fmt: skip
    text = write(K.CLOSING_REPORT)
    for expected in ("结案报告表", "调解", "会见2次（2小时）", "38,000.00", "2026年11月18日",
                     "谭敏（湖南炎帝律师事务所）"):  # fmt: skip
        assert expected in text, expected


def test_termination_papers_name_the_ground_and_the_organ(offices: Context, tmp_path: Path) -> None:
    ctx = offices
    handler = add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER,
                          firm_name="湖南炎帝律师事务所", criminal_years=8)  # fmt: skip
    ref = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.COURT_NOTICE, case_type=CaseType.CRIMINAL_DEFENCE,
        stage=Stage.TRIAL, cause="盗窃", received_on=date(2026, 11, 2),
        notifying_organ="株洲市荷塘区人民法院", person=PersonInput(name="白杰"),
    ))  # fmt: skip
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler.id, on=date(2026, 11, 3))
    assignment.start_handling(ctx, case_id=ref.id)
    kinds = documents_for(ctx, case_id=ref.id)
    assert K.TERMINATION not in kinds and K.APPLICATION not in kinds  # notified: no application
    closing.terminate(ctx, case_id=ref.id, reason=TerminationReason.OWN_LAWYER,
                      on=date(2026, 11, 15))  # fmt: skip
    decision = tmp_path / "termination.pdf"
    write_document(ctx, case_id=ref.id, kind=K.TERMINATION, out=decision)
    text = flat(decision)
    assert "因受援人自行委托律师或者其他代理人" in text
    assert "决定自2026年11月15日起终止法律援助" in text
    assert "编号：株援终字〔2026〕第1号" in text
    letter = tmp_path / "termination-letter.pdf"
    write_document(ctx, case_id=ref.id, kind=K.TERMINATION_LETTER, out=letter)
    text = flat(letter)
    assert "株洲市荷塘区人民法院：" in text and "白杰（被告人）盗窃一案" in text
    check_typesetting(letter)


def test_an_assignments_papers_print_together(
    offices: Context, application: int, tmp_path: Path
) -> None:
    ctx = offices
    intake.start_review(ctx, case_id=application)
    intake.decide(ctx, case_id=application, grant=True, reason="", on=date(2026, 11, 5))
    handler = add_handler(ctx, name="罗文", handler_type=HandlerType.LAWYER,
                          firm_name="湖南炎帝律师事务所")  # fmt: skip
    assignment.assign_handler(ctx, case_id=application, handler_id=handler.id)
    out = tmp_path / "bundle.pdf"
    with pytest.raises(ValidationError) as info:  # nothing numbered without the addressee
        write_documents(ctx, case_id=application, kinds=ASSIGNMENT_BUNDLE, out=out)
    assert info.value.field == "受理机关" and not out.exists()
    docs = write_documents(ctx, case_id=application, kinds=ASSIGNMENT_BUNDLE, out=out,
                           addressee="株洲市天元区人民法院")  # fmt: skip
    assert [d.number for d in docs] == ["编号：株援指字〔2026〕第1号",
                                        "编号：株援函字〔2026〕第1号", ""]  # fmt: skip
    info_out = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+3\n", info_out) and "595.276 x 841.89 pts (A4)" in info_out
    titles = [
        line for line in lines_of(out) if line in ("指派通知书", "法律援助公函", "授权委托书")
    ]
    assert titles == ["指派通知书", "法律援助公函", "授权委托书"]  # one a page, in order
    check_typesetting(out)


def test_no_line_starts_with_closing_punctuation(
    offices: Context, application: int, tmp_path: Path
) -> None:
    """Text whose commas, full stops and brackets fall at a line's start is set so they end
    the line before instead (禁则), for an office's own wording too."""
    ctx = offices
    # 16 pt in a 156 mm block: 27 characters a line, 25 after the first line's indent.
    filler = "本机构经审查认为该申请符合条件"
    text = "{applicant}：\n" + "".join(
        filler[: n % len(filler) + 1] + mark for n, mark in enumerate(NO_LINE_START * 6)
    )
    set_document_text(ctx, kind=K.RECEIPT, text=text)
    out = tmp_path / "receipt.pdf"
    write_document(ctx, case_id=application, kind=K.RECEIPT, out=out)
    lines = lines_of(out)
    assert len(lines) > 10  # the text did wrap, many times
    check_typesetting(out)


def test_a_transferred_application_gets_its_reply_letter_and_a_refusal_its_reasons(
    offices: Context, tmp_path: Path
) -> None:
    """An application a detention centre passed on is answered by letter to it; a refusal
    names the reasons and the right to object, with the office's phone."""
    ctx = offices
    update_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株", phone="0731-28888148")
    ref = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CRIMINAL_DEFENCE,
        stage=Stage.PROSECUTION_REVIEW, cause="盗窃", received_on=date(2026, 11, 2),
        hardship_basis="个人诚信承诺", detention_place="株洲市看守所",
        person=PersonInput(name="白杰"),
    ))  # fmt: skip
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2026, 11, 3))
    handler = add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER,
                          firm_name="湖南炎帝律师事务所", phone="13912345678")  # fmt: skip
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler.id, on=date(2026, 11, 4))
    assert K.TRANSFER_LETTER in documents_for(ctx, case_id=ref.id)
    out = tmp_path / "transfer.pdf"
    write_document(ctx, case_id=ref.id, kind=K.TRANSFER_LETTER, out=out,
                   addressee="株洲市看守所")  # fmt: skip
    text = flat(out)
    assert (
        "株洲市看守所：" in text and "你单位于2026年11月2日转交的白杰盗窃一案法律援助申请" in text
    )
    assert "指派湖南炎帝律师事务所曾杰红承办" in text and "编号：株援转函字〔2026〕第1号" in text
    check_typesetting(out)

    refused = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL,
        cause="借款纠纷", received_on=date(2026, 11, 5), hardship_basis="个人诚信承诺",
        person=PersonInput(name="周平"),
    ))  # fmt: skip
    intake.start_review(ctx, case_id=refused.id)
    intake.decide(ctx, case_id=refused.id, grant=False, reason="申请人家庭经济状况不符合经济困难标准",
                  on=date(2026, 11, 6))  # fmt: skip
    out = tmp_path / "refusal.pdf"
    write_document(ctx, case_id=refused.id, kind=K.REFUSAL, out=out)
    text = flat(out)
    assert "经审查，申请人家庭经济状况不符合经济困难标准，" in text
    assert "第四十九条" in text and "自收到异议之日起五日内" in text and "五个工作日" not in text
    assert "联系电话：0731-28888148" in text
    check_typesetting(out)


def test_every_document_has_its_place_in_the_menu() -> None:
    from legalaid.services.commands.documents import (
        APPLICATION_PAPERS,
        ENDING_PAPERS,
        HANDLING_PAPERS,
    )

    groups = (APPLICATION_PAPERS, HANDLING_PAPERS, ENDING_PAPERS)
    assert set().union(*groups) == set(DocumentKind)
    assert sum(len(g) for g in groups) == len(DocumentKind)  # each in one group only
