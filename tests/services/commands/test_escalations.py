"""重大疑难: recognised at intake or flagged by hand, confirmed, discussed with minutes,
reported upward and answered; an open escalation holds the closing; statistics count it."""

from __future__ import annotations

import csv
import hashlib
import subprocess
from datetime import date
from pathlib import Path

import pytest

from legalaid.domain.deadlines import DeadlineKind
from legalaid.domain.errors import ConflictError, NotFound, ValidationError
from legalaid.domain.escalation import Criterion, EscalationState, Meeting, RecognitionRules
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType, Stage
from legalaid.services.commands import assignment, closing, escalations, intake
from legalaid.services.commands.attachments import attachments_of, save_attachment
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler
from legalaid.services.commands.settings import set_recognition_rules
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case, open_deadlines
from legalaid.services.queries.escalation_papers import (
    write_minutes,
    write_register,
    write_report_form,
)
from legalaid.services.queries.statistics import year_statistics
from tests.reports.test_forms import assert_fonts_embedded
from tests.services.closing_files import full_file

E = EscalationState
MEETING = Meeting(
    "刘建国", ("刘建国", "王律师", "陈律师"), "证据存疑，应作无罪辩护", "申请调取监控录像"
)


def notified(ctx: Context, **changes: object) -> int:
    values: dict[str, object] = dict(
        office_code="ZZ", source=CaseSource.COURT_NOTICE, case_type=CaseType.CRIMINAL_DEFENCE,
        stage=Stage.TRIAL, cause="故意杀人", received_on=date(2026, 9, 1),
        notifying_organ="株洲市中级人民法院", possible_life_or_death=True,
        person=PersonInput(name="白杰"), allow_duplicate=True,  # several cases of one person
    )  # fmt: skip
    values.update(changes)
    return intake.register(ctx, CaseInput(**values)).id  # type: ignore[arg-type]


def in_progress(ctx: Context, case_id: int) -> None:
    handler = add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER, criminal_years=9)
    assignment.assign_handler(ctx, case_id=case_id, handler_id=handler.id, on=date(2026, 9, 2))
    assignment.start_handling(ctx, case_id=case_id)


def test_the_full_path_and_closing_held_until_the_reply(
    offices: Context, tmp_path: Path, poppler: None
) -> None:
    ctx = offices
    case_id = notified(ctx)
    view = escalations.escalation_of(ctx, case_id)
    assert view is not None and view.state is E.CANDIDATE
    assert view.reasons == ("可能判处无期徒刑、死刑",) and view.flagged_by == "系统识别"
    in_progress(ctx, case_id)
    closing_refused = "须经集体讨论、上报主管机关并收到批复"
    with pytest.raises(ConflictError) as info:
        closing.submit_closing(
            ctx, case_id=case_id, ended_on=date(2026, 11, 1), **full_file(ctx, case_id)
        )
    assert closing_refused in info.value.message

    with pytest.raises(ConflictError):  # a discussion needs a confirmed case
        escalations.add_meeting(ctx, case_id=case_id, held_on=date(2026, 9, 10), meeting=MEETING)
    with pytest.raises(ValidationError) as no_reason:
        escalations.decide(ctx, case_id=case_id, confirm=True, note=" ")
    assert no_reason.value.field == "理由"
    with pytest.raises(ValidationError):  # flagged on 20 Nov (today in the tests)
        escalations.decide(ctx, case_id=case_id, confirm=True, note="x", on=date(2026, 11, 1))
    escalations.decide(ctx, case_id=case_id, confirm=True, note="可能判处死刑，须集体讨论")
    assert get_case(ctx, case_id).major_difficult
    assert year_statistics(ctx, year=2026).major_difficult == 1

    minutes = tmp_path / "签字记录.pdf"
    minutes.write_bytes(b"%PDF-1.4 signed minutes")
    meeting_id = escalations.add_meeting(
        ctx, case_id=case_id, held_on=date(2026, 11, 20), meeting=MEETING, minutes=minutes
    )
    view = escalations.escalation_of(ctx, case_id)
    assert view is not None and view.state is E.DISCUSSED
    assert view.meetings[0].minutes_name == "签字记录.pdf"
    # The report is due 3 working days after the discussion (Fri 20 Nov → Wed 25 Nov), and it
    # stands among the deadlines.
    assert view.report_deadline is not None and view.report_deadline.due == date(2026, 11, 25)
    rows = [r for r in open_deadlines(ctx) if r.case_id == case_id]
    assert [r.deadline.kind for r in rows] == [DeadlineKind.ESCALATION_REPORT]
    assert rows[0].deadline.days_left(ctx.today()) == 5
    [attachment] = attachments_of(ctx, case_id)
    assert attachment.sha256 == hashlib.sha256(b"%PDF-1.4 signed minutes").hexdigest()
    assert save_attachment(ctx, attachment.id, tmp_path).read_bytes() == minutes.read_bytes()

    with pytest.raises(ValidationError) as missing:
        escalations.report(ctx, case_id=case_id, reported_on=date(2026, 11, 20),
                           authority=" ", reference_no="", content="x")  # fmt: skip
    assert missing.value.field == "报送机关"
    escalations.report(
        ctx, case_id=case_id, reported_on=date(2026, 11, 20), authority="株洲市司法局",
        reference_no="株法援报〔2026〕3号", content="被告人可能被判处死刑，拟作无罪辩护",
    )  # fmt: skip
    assert not [r for r in open_deadlines(ctx) if r.case_id == case_id]
    with pytest.raises(ConflictError):
        closing.submit_closing(
            ctx, case_id=case_id, ended_on=date(2026, 11, 1), **full_file(ctx, case_id)
        )
    escalations.record_reply(
        ctx, case_id=case_id, replied_on=date(2026, 11, 20), reply="同意中心处理意见"
    )
    closing.submit_closing(
        ctx, case_id=case_id, ended_on=date(2026, 11, 1), **full_file(ctx, case_id)
    )  # now allowed

    # The papers: minutes, report form, register.
    write_minutes(ctx, case_id=case_id, meeting_id=meeting_id, out=tmp_path / "minutes.pdf")
    write_report_form(ctx, case_id=case_id, out=tmp_path / "report.pdf")
    count = write_register(ctx, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31),
                           office_code="ZZ", organisation="株洲市法律援助中心",
                           out=tmp_path / "register.pdf")  # fmt: skip
    assert count == 1
    text = {name: _text(tmp_path / name) for name in ("minutes.pdf", "report.pdf", "register.pdf")}
    for name in text:
        assert_fonts_embedded(tmp_path / name)
    assert "重大疑难案件集体讨论记录" in text["minutes.pdf"]
    assert "刘建国、王律师、陈律师" in text["minutes.pdf"]
    assert "申请调取监控录像" in text["minutes.pdf"]
    assert "重大疑难案件报告表" in text["report.pdf"]
    assert "株法援报〔2026〕3号" in text["report.pdf"] and "株洲市司法局" in text["report.pdf"]
    assert "已批复1件" in text["register.pdf"]
    # Papers sent upward carry the issuing centre, the signatures and the date sent.
    for name in ("report.pdf", "register.pdf"):
        flat = "".join(text[name].split())
        assert "填报单位（盖章）：株洲市法律援助中心" in flat
        assert "填表人：" in flat and "负责人：" in flat and "报送日期：" in flat
    timeline = [e.action for e in get_case(ctx, case_id).timeline]
    for action in ("列为重大疑难候选", "确认重大疑难案件", "集体讨论", "附加文件",
                   "上报主管机关", "主管机关批复", "提交结案材料"):  # fmt: skip
        assert action in timeline


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", "")


def test_flag_by_hand_dismiss_and_flag_again(offices: Context) -> None:
    ctx = offices
    case_id = notified(ctx, possible_life_or_death=False, cause="盗窃")
    assert escalations.escalation_of(ctx, case_id) is None  # nothing recognised
    with pytest.raises(ValidationError):
        escalations.flag_case(ctx, case_id=case_id, criterion=Criterion.OTHER, note="")
    escalations.flag_case(ctx, case_id=case_id, criterion=Criterion.PROTEST, note="检察院抗诉")
    with pytest.raises(ConflictError):
        escalations.flag_case(ctx, case_id=case_id, criterion=Criterion.PROTEST, note="检察院抗诉")
    escalations.decide(ctx, case_id=case_id, confirm=False, note="抗诉已撤回")
    view = escalations.escalation_of(ctx, case_id)
    assert view is not None and view.state is E.DISMISSED and view.decided[2] == "抗诉已撤回"
    assert not get_case(ctx, case_id).major_difficult
    escalations.flag_case(ctx, case_id=case_id, criterion=Criterion.PUBLIC_ATTENTION)
    view = escalations.escalation_of(ctx, case_id)
    assert view is not None and view.state is E.CANDIDATE
    assert view.reasons == ("抗诉案件：检察院抗诉", "社会广泛关注")
    with pytest.raises(NotFound):
        escalations.report(ctx, case_id=notified(ctx, possible_life_or_death=False),
                           reported_on=date(2026, 11, 1), authority="司法局",
                           reference_no="", content="x")  # fmt: skip


# A labour case applied for (not notified): a group case by its number of aided persons.
CIVIL: dict[str, object] = dict(
    source=CaseSource.APPLICATION, case_type=CaseType.LABOUR_ARBITRATION, stage=None,
    cause="追索劳动报酬", hardship_basis="诚信承诺", possible_life_or_death=False,
    notifying_organ=None,
)  # fmt: skip


def test_group_threshold_and_a_later_scan(offices: Context) -> None:
    ctx = offices
    small = notified(ctx, aided_persons=6, **CIVIL)
    big = notified(ctx, aided_persons=12, **CIVIL)
    assert escalations.escalation_of(ctx, small) is None
    view = escalations.escalation_of(ctx, big)
    assert view is not None and view.reasons == ("群体性案件（受援人或并案12人，标准10人）",)
    # The office lowers the threshold: a scan of open cases finds the smaller group too.
    set_recognition_rules(ctx, RecognitionRules(group_threshold=5))
    found = escalations.scan_candidates(ctx)  # a list to confirm: nothing created yet
    assert [c.case_id for c in found] == [small]
    assert found[0].reasons == ("群体性案件（受援人或并案6人，标准5人）",)
    assert escalations.escalation_of(ctx, small) is None
    assert escalations.add_candidates(ctx, case_ids=[small]) == 1
    assert escalations.escalation_of(ctx, small) is not None
    assert escalations.scan_candidates(ctx) == []  # never twice
    assert escalations.add_candidates(ctx, case_ids=[small]) == 0
    with pytest.raises(ValidationError):
        set_recognition_rules(ctx, RecognitionRules(group_threshold=0))


def test_a_minor_in_a_serious_case_is_recognised(offices: Context) -> None:
    ctx = offices
    case_id = notified(
        ctx, possible_life_or_death=False, cause="故意伤害",
        person=PersonInput(name="小明", id_number="430202201003150018"),
    )  # fmt: skip
    view = escalations.escalation_of(ctx, case_id)
    assert view is not None and view.reasons == ("未成年犯罪嫌疑人涉嫌严重犯罪（故意伤害）",)


def test_a_ledger_marking_is_in_the_register_and_counted_once(offices: Context) -> None:
    """One source of truth: every case the ledger marks 重大疑难 is in the register, as
    recorded there (open ones to be discussed, finished ones as history); the statistics
    count exactly those."""
    from legalaid.services.commands.case_ledger import import_ledger
    from tests.conftest import SAMPLE_LEDGER

    ctx = offices
    import_ledger(ctx, SAMPLE_LEDGER)
    rows = escalations.register(ctx, period_from=date(2020, 1, 1), period_to=date(2026, 11, 20))
    imported = [r for r in rows if "ledger-sample.csv" in "".join(r.view.reasons)]
    with SAMPLE_LEDGER.open(encoding="utf-8-sig") as handle:
        marked = sum(row["重大疑难"] == "是" for row in csv.DictReader(handle))
    assert marked == 2 and len(imported) == marked
    states = {get_case(ctx, r.case_id).row.state.value: r.view.state for r in imported}
    assert states["承办中"] is EscalationState.CONFIRMED  # open: to be discussed and reported
    assert states["已结案"] is EscalationState.RECORDED and not states["已结案"].is_open
    for row in imported:
        detail = get_case(ctx, row.case_id)  # the case window says the same, once
        assert detail.major_difficult and detail.escalation == row.view.state.value
    counted = sum(year_statistics(ctx, year=y).major_difficult for y in (2024, 2025, 2026))
    assert counted == len(imported)
