"""重大疑难案件: candidates recognised or flagged, confirmed or dismissed, discussed
collectively, reported to the supervising authority and answered. Confirmation sets the
case's 重大疑难 mark that statistics count; an open escalation holds the case's closing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from legalaid.domain.deadlines import Deadline, escalation_deadline
from legalaid.domain.errors import ConflictError, NotFound, ValidationError
from legalaid.domain.escalation import (
    CaseFacts,
    Criterion,
    EscalationState,
    Meeting,
    names_text,
    recognise,
    step,
)
from legalaid.domain.groups import is_minor
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import OPEN_STATES, CaseType
from legalaid.services.commands.attachments import add_attachment
from legalaid.services.commands.settings import recognition_rules
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import load_case, log_event
from legalaid.services.plumbing.case_deadlines import deadline_rules
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import (
    AttachmentRecord,
    CaseRecord,
    EscalationRecord,
    HandlerRecord,
    MeetingRecord,
    OfficeRecord,
    PersonRecord,
)

E = EscalationState
MINUTES = "集体讨论记录"


@dataclass(frozen=True)
class MeetingView:
    id: int
    held_on: date
    chair: str
    participants: tuple[str, ...]
    opinions: str
    plan: str
    minutes_id: int | None
    minutes_name: str | None


@dataclass(frozen=True)
class EscalationView:
    case_id: int
    case_no: str
    state: EscalationState
    reasons: tuple[str, ...]
    flagged_on: date
    flagged_by: str
    decided: tuple[date | None, str | None, str | None]  # on, by, note
    meetings: tuple[MeetingView, ...]
    report_deadline: Deadline | None
    reported: tuple[date | None, str | None, str | None, str | None]  # on, authority, no., text
    replied: tuple[date | None, str | None]
    version: int


# -- recognition ----------------------------------------------------------------------------
def _facts(session: Session, case: CaseRecord) -> CaseFacts:
    person = session.get(PersonRecord, case.person_id)
    birth = person.birth_date if person else None
    minor = is_minor(birth, case.applied_on, (g.group_name for g in case.groups))
    return CaseFacts(
        criminal=CaseType(case.case_type).is_criminal,
        possible_life_or_death=case.possible_life_or_death,
        minor=minor,
        cause=case.cause,
        aided_persons=case.aided_persons or 1,
    )


def recognise_case(ctx: Context, session: Session, case: CaseRecord) -> EscalationRecord | None:
    """Flag the case as a candidate when the office's criteria say so (once: a dismissed
    candidate is not raised again by the same data)."""
    if session.scalar(select(EscalationRecord.id).where(EscalationRecord.case_id == case.id)):
        return None
    reasons = recognise(recognition_rules(session), _facts(session, case))
    if not reasons:
        return None
    return _new(ctx, session, case, reasons, by="系统识别")


def _new(
    ctx: Context, session: Session, case: CaseRecord, reasons: list[str], *, by: str
) -> EscalationRecord:
    record = EscalationRecord(
        case_id=case.id, state=E.CANDIDATE.value, reasons=json.dumps(reasons, ensure_ascii=False),
        flagged_on=ctx.today(), flagged_by=by, updated_at=ctx.now(),
    )  # fmt: skip
    session.add(record)
    log_event(ctx, session, case, "列为重大疑难候选", detail={"理由": reasons})
    return record


@dataclass(frozen=True)
class Candidate:
    """An open case the office's criteria would flag, shown before anything is created."""

    case_id: int
    case_no: str
    person: str
    cause: str
    reasons: tuple[str, ...]


def _likely(ctx: Context, session: Session) -> list[CaseRecord]:
    rules = recognition_rules(session)
    escalated = select(EscalationRecord.case_id)
    likely = [CaseRecord.possible_life_or_death.is_(True),
              CaseRecord.aided_persons >= rules.group_threshold]  # fmt: skip
    likely += [CaseRecord.cause.contains(o) for o in rules.serious_offences]
    query = select(CaseRecord).where(
        CaseRecord.state.in_([s.value for s in OPEN_STATES]),
        CaseRecord.id.not_in(escalated),
        or_(*likely),
    )
    ids = scope.office_ids(ctx, session)
    if ids is not None:  # office scope
        query = query.where(CaseRecord.office_id.in_(sorted(ids)))
    return list(session.scalars(query.order_by(CaseRecord.id)))


@requires(Action.ESCALATE)
def scan_candidates(ctx: Context) -> list[Candidate]:
    """Open cases the criteria flag that are not yet in the register (e.g. after an import or
    a rule change) — a list to confirm; nothing is created."""
    with ctx.reading() as uow:
        session = uow.session
        rules = recognition_rules(session)
        found = []
        for case in _likely(ctx, session):
            reasons = recognise(rules, _facts(session, case))
            if reasons:
                found.append(Candidate(case.id, case.case_no, case.person.name, case.cause or "",
                                       tuple(reasons)))  # fmt: skip
        return found


@requires(Action.ESCALATE)
def add_candidates(ctx: Context, *, case_ids: list[int]) -> int:
    """Put the confirmed cases of a scan in the register as candidates (all or none); cases
    flagged meanwhile or no longer meeting the criteria are left out."""
    with ctx.writing() as uow:
        session = uow.session
        wanted = set(case_ids)
        added = sum(
            recognise_case(ctx, session, case) is not None
            for case in _likely(ctx, session)
            if case.id in wanted
        )
        uow.commit()
        return added


def _check_day(ctx: Context, day: date, label: str, earliest: date | None, after: str) -> None:
    """A step's date: not in the future, not before the step it follows."""
    if day > ctx.today():
        raise ValidationError(f"「{label}」不能晚于今天", field=label)
    if earliest is not None and day < earliest:
        raise ValidationError(f"「{label}」早于{after}", field=label)


# -- the steps ------------------------------------------------------------------------------
def _load(session: Session, case_id: int) -> tuple[CaseRecord, EscalationRecord]:
    case = load_case(session, case_id)
    record = session.scalar(select(EscalationRecord).where(EscalationRecord.case_id == case_id))
    if record is None:
        raise NotFound(f"案件{case.case_no}未列为重大疑难案件")
    return case, record


@requires(Action.FLAG_MAJOR)
def flag_case(ctx: Context, *, case_id: int, criterion: Criterion, note: str = "") -> None:
    """Anyone handling the case may flag it by hand; a dismissed one becomes a candidate again."""
    if criterion is Criterion.OTHER and not note.strip():
        raise ValidationError("「其他重大疑难情形」须写明情况", field="说明")
    reason = criterion.value + (f"：{note.strip()}" if note.strip() else "")
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id)
        record = session.scalar(select(EscalationRecord).where(EscalationRecord.case_id == case_id))
        if record is None:
            _new(ctx, session, case, [reason], by=ctx.actor)
        else:
            reasons = json.loads(record.reasons)
            if reason in reasons and E(record.state).is_open:
                raise ConflictError(f"案件{case.case_no}已因「{reason}」列为重大疑难")
            record.reasons = json.dumps([*reasons, reason], ensure_ascii=False)
            if record.state == E.DISMISSED.value:
                record.state = E.CANDIDATE.value
            record.updated_at = ctx.now()
            log_event(ctx, session, case, "标记重大疑难", detail={"理由": reason})
        uow.commit()


@requires(Action.ESCALATE)
def decide(ctx: Context, *, case_id: int, confirm: bool, note: str, on: date | None = None) -> None:
    """A clerk or supervisor confirms the candidate or dismisses it, with the reason."""
    if not note.strip():
        raise ValidationError("确认或排除重大疑难案件须写明理由", field="理由")
    day = on or ctx.today()
    with ctx.writing() as uow:
        case, record = _load(uow.session, case_id)
        name = "确认" if confirm else "排除"
        record.state = step(E(record.state), name).value
        _check_day(ctx, day, "决定日期", record.flagged_on, "列为候选的日期")
        record.decided_on, record.decided_by = day, ctx.actor
        record.decision_note = note.strip()
        record.updated_at = ctx.now()
        case.major_difficult = confirm  # what statistics count as 重大疑难
        log_event(ctx, uow.session, case, f"{name}重大疑难案件", detail={"理由": note.strip()})
        uow.commit()


@requires(Action.ESCALATE)
def add_meeting(
    ctx: Context,
    *,
    case_id: int,
    held_on: date,
    meeting: Meeting,
    minutes: Path | None = None,
) -> int:
    """Record a collective discussion; the first one starts the reporting deadline."""
    meeting.check()
    with ctx.writing() as uow:
        session = uow.session
        case, record = _load(session, case_id)
        _check_day(ctx, held_on, "讨论日期", record.decided_on, "确认日期")
        record.state = step(E(record.state), "集体讨论").value
        record.discussed_on = record.discussed_on or held_on
        record.updated_at = ctx.now()
        attachment = add_attachment(ctx, session, case, kind=MINUTES, path=minutes) if minutes \
            else None  # fmt: skip
        row = MeetingRecord(
            escalation_id=record.id, held_on=held_on, chair=meeting.chair.strip(),
            participants=json.dumps(list(meeting.participants), ensure_ascii=False),
            opinions=meeting.opinions.strip(), plan=meeting.plan.strip(),
            minutes_id=attachment.id if attachment else None,
            recorded_by=ctx.actor, recorded_at=ctx.now(),
        )  # fmt: skip
        session.add(row)
        log_event(ctx, session, case, "集体讨论",
                  detail={"日期": held_on.isoformat(), "主持人": meeting.chair,
                          "参加人员": names_text(meeting.participants)})  # fmt: skip
        uow.flush()
        uow.commit()
        return row.id


@requires(Action.ESCALATE)
def attach_minutes(ctx: Context, *, meeting_id: int, path: Path) -> None:
    """The signed minutes, scanned after the meeting."""
    with ctx.writing() as uow:
        session = uow.session
        row = session.get(MeetingRecord, meeting_id)
        if row is None:
            raise NotFound(f"集体讨论记录（编号{meeting_id}）不存在")
        record = session.get(EscalationRecord, row.escalation_id)
        assert record is not None
        case = load_case(session, record.case_id)
        row.minutes_id = add_attachment(ctx, session, case, kind=MINUTES, path=path).id
        uow.commit()


@requires(Action.ESCALATE)
def report(
    ctx: Context, *, case_id: int, reported_on: date, authority: str, reference_no: str,
    content: str,
) -> None:  # fmt: skip
    """The report to the supervising authority (上报主管机关) after the discussion."""
    for label, value in (("报送机关", authority), ("报告内容", content)):
        if not value.strip():
            raise ValidationError(f"上报须填写「{label}」", field=label)
    with ctx.writing() as uow:
        case, record = _load(uow.session, case_id)
        record.state = step(E(record.state), "上报").value
        _check_day(ctx, reported_on, "上报日期", record.discussed_on, "集体讨论日期")
        record.reported_on, record.authority = reported_on, authority.strip()
        record.reference_no = reference_no.strip() or None
        record.report_content = content.strip()
        record.updated_at = ctx.now()
        log_event(ctx, uow.session, case, "上报主管机关",
                  detail={"日期": reported_on.isoformat(), "机关": authority.strip(),
                          "文号": reference_no.strip() or "无"})  # fmt: skip
        uow.commit()


@requires(Action.ESCALATE)
def record_reply(ctx: Context, *, case_id: int, replied_on: date, reply: str) -> None:
    if not reply.strip():
        raise ValidationError("请填写主管机关的批复意见", field="批复意见")
    with ctx.writing() as uow:
        case, record = _load(uow.session, case_id)
        record.state = step(E(record.state), "批复").value
        _check_day(ctx, replied_on, "批复日期", record.reported_on, "上报日期")
        record.replied_on, record.reply = replied_on, reply.strip()
        record.updated_at = ctx.now()
        log_event(ctx, uow.session, case, "主管机关批复", detail={"日期": replied_on.isoformat()})
        uow.commit()


def refuse_closing_while_open(session: Session, case: CaseRecord) -> None:
    """A case cannot be closed while its escalation is open (it must be reported and answered,
    or dismissed)."""
    state = session.scalar(
        select(EscalationRecord.state).where(EscalationRecord.case_id == case.id)
    )
    if state is not None and E(state).is_open:
        raise ConflictError(
            f"案件{case.case_no}是重大疑难案件（{state}），须经集体讨论、上报主管机关并收到批复"
            "（或排除）后才能结案"
        )


# -- reading ----------------------------------------------------------------------------------
def _views(
    ctx: Context, session: Session, pairs: list[tuple[CaseRecord, EscalationRecord]]
) -> list[EscalationView]:
    """The views of many escalations with three queries in all (meetings, minutes, rules)."""
    ids = [r.id for _, r in pairs]
    meetings: dict[int, list[MeetingRecord]] = {i: [] for i in ids}
    for m in session.scalars(
        select(MeetingRecord).where(MeetingRecord.escalation_id.in_(ids))
        .order_by(MeetingRecord.held_on, MeetingRecord.id)
    ):  # fmt: skip
        meetings[m.escalation_id].append(m)
    minutes = [m.minutes_id for ms in meetings.values() for m in ms if m.minutes_id]
    names = dict(
        session.execute(
            select(AttachmentRecord.id, AttachmentRecord.filename).where(
                AttachmentRecord.id.in_(minutes)
            )
        ).all()
    ) if minutes else {}  # fmt: skip
    rules = deadline_rules(session)
    views = []
    for case, r in pairs:
        deadline = None
        if r.state == E.DISCUSSED.value and r.discussed_on:
            deadline = escalation_deadline(r.discussed_on, ctx.calendar, rules)
        views.append(EscalationView(
            case.id, case.case_no, E(r.state), tuple(json.loads(r.reasons)), r.flagged_on,
            r.flagged_by, (r.decided_on, r.decided_by, r.decision_note),
            tuple(
                MeetingView(m.id, m.held_on, m.chair, tuple(json.loads(m.participants)),
                            m.opinions, m.plan, m.minutes_id,
                            names.get(m.minutes_id) if m.minutes_id else None)
                for m in meetings[r.id]
            ),
            deadline, (r.reported_on, r.authority, r.reference_no, r.report_content),
            (r.replied_on, r.reply), r.version,
        ))  # fmt: skip
    return views


@requires(Action.VIEW_CASE)
def escalation_of(ctx: Context, case_id: int) -> EscalationView | None:
    with ctx.reading() as uow:
        session = uow.session
        case = load_case(session, case_id)
        record = session.scalar(select(EscalationRecord).where(EscalationRecord.case_id == case_id))
        return _views(ctx, session, [(case, record)])[0] if record else None


@dataclass(frozen=True)
class RegisterRow:
    case_id: int
    case_no: str
    office: str
    person: str
    case_type: str
    cause: str
    handler: str
    view: EscalationView


@requires(Action.ESCALATE)
def register(
    ctx: Context,
    *,
    period_from: date,
    period_to: date,
    office_code: str | None = None,
    state: EscalationState | None = None,
) -> list[RegisterRow]:
    """Escalated cases flagged in the period (and any still open from before), oldest first."""
    with ctx.reading() as uow:
        session = uow.session
        query = (
            select(EscalationRecord, CaseRecord, OfficeRecord.name, PersonRecord.name,
                   HandlerRecord.name)
            .join(CaseRecord, CaseRecord.id == EscalationRecord.case_id)
            .join(OfficeRecord, OfficeRecord.id == CaseRecord.office_id)
            .join(PersonRecord, PersonRecord.id == CaseRecord.person_id)
            .outerjoin(HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
            .where(EscalationRecord.flagged_on <= period_to,
                   or_(EscalationRecord.flagged_on >= period_from,
                       EscalationRecord.state.in_([s.value for s in E if s.is_open])))
            .order_by(EscalationRecord.flagged_on, CaseRecord.case_no)
        )  # fmt: skip
        ids = scope.office_ids(ctx, session)
        if office_code:  # that office and those below it
            ids = scope.subtree(session, scope.office_by_code(ctx, session, office_code).id)
        if ids is not None:
            query = query.where(CaseRecord.office_id.in_(sorted(ids)))
        if state is not None:
            query = query.where(EscalationRecord.state == state.value)
        rows = session.execute(query).all()
        views = _views(ctx, session, [(case, record) for record, case, *_ in rows])
        return [
            RegisterRow(case.id, case.case_no, office, person, case.case_type, case.cause or "",
                        handler or "", view)
            for (_, case, office, person, handler), view in zip(rows, views, strict=True)
        ]  # fmt: skip
