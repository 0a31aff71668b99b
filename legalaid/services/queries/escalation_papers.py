"""The papers of a 重大疑难 case: the minutes of a collective discussion, the report form to
the supervising authority (重大疑难案件报告表), and the register of escalated cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from legalaid.domain.errors import NotFound, ValidationError
from legalaid.domain.escalation import EscalationState, names_text
from legalaid.domain.permissions import Action
from legalaid.reports.form_data import FormDocument
from legalaid.reports.report_data import Report, Table
from legalaid.services.commands.escalations import (
    EscalationView,
    RegisterRow,
    escalation_of,
    register,
)
from legalaid.services.commands.offices import list_offices
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.services.queries.cases import CaseDetail, get_case


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _case_fields(case: CaseDetail, view: EscalationView) -> tuple[tuple[str, str], ...]:
    row = case.row
    return (
        ("案号", row.case_no),
        ("受援人", row.name),
        ("案件类型", f"{row.case_type}{('·' + row.stage) if row.stage else ''}"),
        ("案由", row.cause or ""),
        ("承办人", row.handler or ""),
        ("列为重大疑难的理由", "；".join(view.reasons)),
    )


def minutes_document(ctx: Context, *, case_id: int, meeting_id: int) -> FormDocument:
    view = escalation_of(ctx, case_id)
    meeting = next((m for m in view.meetings if m.id == meeting_id), None) if view else None
    if view is None or meeting is None:
        raise NotFound(f"集体讨论记录（编号{meeting_id}）不存在")
    case = get_case(ctx, case_id)
    index = [m.id for m in view.meetings].index(meeting_id) + 1
    return FormDocument(
        title="重大疑难案件集体讨论记录",
        number=f"{case.row.case_no}　第{index}次讨论",
        organisation=case.row.office,
        issued_on=meeting.held_on,
        fields=(
            *_case_fields(case, view),
            ("讨论时间", meeting.held_on.isoformat()),
            ("主持人", meeting.chair),
            ("参加人员", names_text(meeting.participants)),
            ("讨论意见", meeting.opinions),
            ("处理方案", meeting.plan),
        ),
        boxes=("主持人签名", "参加人员签名", "记录人签名"),
        notes=("说明：本记录经参加人员签名后扫描附入案卷。",),
    )


def report_document(ctx: Context, *, case_id: int) -> FormDocument:
    view = escalation_of(ctx, case_id)
    reported_on, authority, reference_no, content = view.reported if view else (None,) * 4
    if view is None or reported_on is None:
        raise ValidationError("案件尚未上报主管机关，请先填写上报信息", field="上报")
    case = get_case(ctx, case_id)
    discussions = "；".join(
        f"{m.held_on.isoformat()}由{m.chair}主持，{len(m.participants)}人参加，处理方案：{m.plan}"
        for m in view.meetings
    )
    return FormDocument(
        title="重大疑难案件报告表",
        number=f"文号：{reference_no or '　　　　'}",
        organisation=_office_name(ctx, case.row.office),
        issued_on=reported_on,
        fields=(
            ("报送机关", authority or ""),
            ("报告日期", _day(reported_on)),
            *_case_fields(case, view),
            ("集体讨论情况", discussions),
            ("报告内容", content or ""),
        ),
        boxes=("法律援助机构负责人意见", "主管机关意见"),
        signoff=("填表人", "审核人", "负责人"),
    )


def _office_name(ctx: Context, code: str) -> str:
    return next((o.name for o in list_offices(ctx) if o.code == code), code)


def register_report(
    rows: list[RegisterRow], *, period_from: date, period_to: date, organisation: str,
    today: date,
) -> Report:  # fmt: skip
    counts = {s: sum(r.view.state is s for r in rows) for s in EscalationState}
    summary = "，".join(f"{s.value}{n}件" for s, n in counts.items() if n) or "无"
    table = Table(
        title="重大疑难案件登记",
        headers=(
            "案号",
            "机构",
            "受援人",
            "案由",
            "承办人",
            "状态",
            "列入理由",
            "讨论",
            "上报",
            "批复",
        ),
        # Landscape A4: a 案号, an office's name and a date each fit on one line.
        widths=(16, 17, 6, 9, 6, 10, 16, 7, 7, 6),
        rows=tuple(
            (
                r.case_no,
                r.office,
                r.person,
                r.cause,
                r.handler,
                r.view.state.value,
                "；".join(r.view.reasons),
                "、".join(m.held_on.isoformat() for m in r.view.meetings),
                "　".join(x for x in (_day(r.view.reported[0]), r.view.reported[2] or "") if x),
                _day(r.view.replied[0]),
            )
            for r in rows
        ),
        highlight_rows=frozenset(
            i
            for i, r in enumerate(rows)
            if r.view.report_deadline is not None and r.view.report_deadline.is_overdue(today)
        ),
    )
    return Report(
        title="重大疑难案件登记表",
        organisation=organisation,
        period=f"{period_from.isoformat()}至{period_to.isoformat()}",
        generated_on=today,
        summary=(f"本期列入重大疑难案件{len(rows)}件：{summary}。",),
        tables=(table,),
        notes=("标红：已集体讨论、超过上报期限尚未上报主管机关的案件。",),
        landscape=True,
    )


@requires(Action.PRINT, audited="打印")
def write_register(
    ctx: Context, *, period_from: date, period_to: date, office_code: str | None,
    organisation: str, out: Path,
) -> int:  # fmt: skip
    from legalaid.reports.report_pdf import write_pdf
    from legalaid.reports.report_workbook import write_workbook

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"登记表应为 .pdf 或 .xlsx 文件，现为「{out.name}」", field="文件")
    rows = register(ctx, period_from=period_from, period_to=period_to, office_code=office_code)
    report = register_report(
        rows, period_from=period_from, period_to=period_to, organisation=organisation,
        today=ctx.today(),
    )  # fmt: skip
    writer = write_pdf if suffix == ".pdf" else write_workbook
    write_whole(out, lambda target: writer(report, target))
    return len(rows)


@requires(Action.PRINT, audited="打印")
def write_minutes(ctx: Context, *, case_id: int, meeting_id: int, out: Path) -> None:
    from legalaid.reports.form_pdf import write_form

    document = minutes_document(ctx, case_id=case_id, meeting_id=meeting_id)
    write_whole(out, lambda target: write_form(document, target))


@requires(Action.PRINT, audited="打印")
def write_report_form(ctx: Context, *, case_id: int, out: Path) -> None:
    from legalaid.reports.form_pdf import write_form

    paper = report_document(ctx, case_id=case_id)
    write_whole(out, lambda target: write_form(paper, target))
