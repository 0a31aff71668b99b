"""The handler's work on a case: the work log (会见, 阅卷, 调查取证, 解答咨询, 参加庭审, 其他),
documents attached to the case, and the quality checks that follow (回访, 投诉, …)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from legalaid.domain.closing_file import FollowUpKind, WorkKind
from legalaid.domain.errors import PermissionDenied, ValidationError
from legalaid.domain.permissions import Action, Role
from legalaid.services.commands.attachments import Attachment, add_attachment
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import load_case, log_event
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import FollowUpRecord, HandlerRecord, WorkEntryRecord

DOCUMENT_KINDS = ("会见笔录", "阅卷笔录", "调查取证材料", "辩护词/代理词", "判决书/裁定书/调解书",
                  "庭审笔录", "委托协议及授权委托书", "集体讨论记录", "其他材料")  # fmt: skip


@dataclass(frozen=True)
class WorkEntry:
    id: int
    kind: WorkKind
    done_on: date
    place: str
    minutes: int
    notes: str
    handler: str
    recorded_at: datetime
    recorded_by: str = ""  # who wrote it: only they correct it


def _check_work(ctx: Context, kind: WorkKind, done_on: date, minutes: int, notes: str) -> None:
    if done_on > ctx.today():
        raise ValidationError("「日期」不能晚于今天", field="日期")
    if not 1 <= minutes <= 24 * 60:
        raise ValidationError("「用时」应在1分钟到24小时之间", field="用时")
    if kind is WorkKind.OTHER and not notes.strip():
        raise ValidationError("「其他」工作须在备注中写明内容", field="备注")


@requires(Action.LOG_WORK)
def log_work(
    ctx: Context, *, case_id: int, kind: WorkKind, done_on: date, minutes: int,
    place: str = "", notes: str = "",
) -> int:  # fmt: skip
    """One piece of work by the case's handler."""
    _check_work(ctx, kind, done_on, minutes, notes)
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id)
        if case.handler_id is None:
            raise ValidationError(f"案件{case.case_no}尚未指派承办人", field="承办人")
        if case.assigned_on and done_on < case.assigned_on:
            raise ValidationError("「日期」早于指派日期", field="日期")
        entry = WorkEntryRecord(
            case_id=case.id, handler_id=case.handler_id, kind=kind.value, done_on=done_on,
            place=place.strip() or None, minutes=minutes, notes=notes.strip() or None,
            recorded_by=ctx.actor, recorded_at=ctx.now(),
        )  # fmt: skip
        session.add(entry)
        log_event(
            ctx, session, case, f"办案工作：{kind.value}", detail={"日期": done_on.isoformat()}
        )
        uow.flush()
        uow.commit()
        return entry.id


@requires(Action.LOG_WORK)
def correct_work(
    ctx: Context, *, case_id: int, entry_id: int, kind: WorkKind, done_on: date, minutes: int,
    place: str = "", notes: str = "",
) -> None:  # fmt: skip
    """Its author corrects an entry (a wrong date or duration); the case's timeline keeps
    what it said before."""
    _check_work(ctx, kind, done_on, minutes, notes)
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id)
        entry = session.get(WorkEntryRecord, entry_id)
        if entry is None or entry.case_id != case.id:
            raise ValidationError("该工作记录不存在", field="工作记录")
        if entry.recorded_by != ctx.actor:
            raise PermissionDenied(f"工作记录由{entry.recorded_by}填写，只能由其本人更正")
        if case.assigned_on and done_on < case.assigned_on:
            raise ValidationError("「日期」早于指派日期", field="日期")
        before = (f"{entry.kind} {entry.done_on.isoformat()} {entry.minutes}分钟"
                  f" {entry.place or ''}").strip()  # fmt: skip
        entry.kind, entry.done_on, entry.minutes = kind.value, done_on, minutes
        entry.place, entry.notes = place.strip() or None, notes.strip() or None
        after = f"{kind.value} {done_on.isoformat()} {minutes}分钟 {place.strip()}".strip()
        log_event(ctx, session, case, "更正工作记录", detail={"原为": before, "改为": after})
        uow.commit()


@requires(Action.VIEW_CASE)
def work_log(ctx: Context, *, case_id: int) -> list[WorkEntry]:
    """The case's work, oldest first; a handler sees only their own entries."""
    with ctx.reading() as uow:
        query = (
            select(WorkEntryRecord, HandlerRecord.name)
            .outerjoin(HandlerRecord, HandlerRecord.id == WorkEntryRecord.handler_id)
            .where(WorkEntryRecord.case_id == case_id)
            .order_by(WorkEntryRecord.done_on, WorkEntryRecord.id)
        )
        principal = ctx.principal
        if principal is not None and principal.role is Role.LAWYER:
            query = query.where(WorkEntryRecord.handler_id == principal.handler_id)
        return [
            WorkEntry(e.id, WorkKind(e.kind), e.done_on, e.place or "", e.minutes, e.notes or "",
                      name or "", e.recorded_at, e.recorded_by)
            for e, name in uow.session.execute(query)
        ]  # fmt: skip


@requires(Action.ATTACH, audited="附加文件")
def attach_document(ctx: Context, *, case_id: int, kind: str, path: Path) -> Attachment:
    """A scan, judgment or record kept with the case (inside the database: backups carry it)."""
    if not kind.strip():
        raise ValidationError("请选择材料类型", field="材料类型")
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id)
        record = add_attachment(ctx, uow.session, case, kind=kind.strip(), path=path)
        uow.commit()
        return Attachment(record.id, record.kind, record.filename, record.size, record.sha256,
                          record.added_by, record.added_at)  # fmt: skip


@dataclass(frozen=True)
class FollowUp:
    id: int
    kind: FollowUpKind
    done_on: date
    person: str
    content: str
    result: str
    recorded_by: str


@requires(Action.FOLLOW_UP)
def add_follow_up(
    ctx: Context, *, case_id: int, kind: FollowUpKind, done_on: date, content: str,
    person: str = "", result: str = "",
) -> int:  # fmt: skip
    """回访, a complaint, a file inspection or a court observation, recorded against the case."""
    if not content.strip():
        raise ValidationError("请填写内容", field="内容")
    if done_on > ctx.today():
        raise ValidationError("「日期」不能晚于今天", field="日期")
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id)
        if done_on < case.applied_on:
            raise ValidationError("「日期」早于申请日期", field="日期")
        record = FollowUpRecord(
            case_id=case.id, kind=kind.value, done_on=done_on, person=person.strip() or None,
            content=content.strip(), result=result.strip() or None, recorded_by=ctx.actor,
            recorded_at=ctx.now(),
        )  # fmt: skip
        session.add(record)
        log_event(ctx, session, case, kind.value, detail={"日期": done_on.isoformat()})
        uow.flush()
        uow.commit()
        return record.id


@requires(Action.VIEW_CASE)
def follow_ups(ctx: Context, *, case_id: int) -> list[FollowUp]:
    with ctx.reading() as uow:
        records = uow.session.scalars(
            select(FollowUpRecord).where(FollowUpRecord.case_id == case_id)
            .order_by(FollowUpRecord.done_on, FollowUpRecord.id)
        )  # fmt: skip
        return [FollowUp(r.id, FollowUpKind(r.kind), r.done_on, r.person or "", r.content,
                         r.result or "", r.recorded_by) for r in records]  # fmt: skip
