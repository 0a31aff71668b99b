"""案件评查: closed case files inspected for quality by a lawyer or expert, paid per file by
the subsidy standard's 案件评查 item in the same payment batches as case subsidies (pay that
belongs to no case)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from legalaid.domain.errors import NotFound, ValidationError
from legalaid.domain.permissions import Action
from legalaid.domain.subsidy import INSPECTION_ITEM
from legalaid.services.commands.subsidies import stored_standards
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.storage import audit
from legalaid.storage.records import (
    FileInspectionRecord,
    HandlerRecord,
    OfficeRecord,
    PaymentBatchRecord,
)

MAX_FILES = 500  # one day's inspection by one person; more is a typing slip
SUBJECT_LENGTH = 100


@dataclass(frozen=True)
class Inspection:
    id: int
    inspected_on: date
    office_code: str
    handler_id: int
    handler: str
    files: int
    subject: str
    amount: Decimal | None  # the batch's amount, else the standard's price; None: not paid
    batch: str | None  # the payment batch's number once paid in one


@requires(Action.PAY_SUBSIDY)
def record_inspection(
    ctx: Context, *, office_code: str, handler_id: int, inspected_on: date, files: int,
    subject: str,
) -> int:  # fmt: skip
    """Record that a person inspected ``files`` case files on a day (audited)."""
    subject = subject.strip()
    if not subject:
        raise ValidationError("请填写评查事项（如“2026年第三季度结案质量评查”）", field="评查事项")
    if len(subject) > SUBJECT_LENGTH:
        raise ValidationError(f"「评查事项」最多{SUBJECT_LENGTH}字", field="评查事项")
    if not 1 <= files <= MAX_FILES:
        raise ValidationError(f"「评查案卷数」应为1至{MAX_FILES}份", field="评查案卷数")
    if inspected_on > ctx.today():
        raise ValidationError("「评查日期」不能晚于今天", field="评查日期")
    with ctx.writing() as uow:
        session = uow.session
        office = scope.office_by_code(ctx, session, office_code, "评查")
        handler = session.get(HandlerRecord, handler_id)
        if handler is None:
            raise NotFound(f"评查人员（编号{handler_id}）不存在")
        record = FileInspectionRecord(
            office_id=office.id, handler_id=handler.id, inspected_on=inspected_on, files=files,
            subject=subject, recorded_by=ctx.actor,
        )  # fmt: skip
        session.add(record)
        uow.flush()
        audit.record(session, audit.Entry(
            "登记案件评查", f"file_inspections#{record.id}",
            detail={"日期": inspected_on.isoformat(), "案卷数": files},
        ))  # fmt: skip
        uow.commit()
        return record.id


@requires(Action.PAY_SUBSIDY)
def remove_inspection(ctx: Context, *, inspection_id: int) -> None:
    """Remove an inspection recorded by mistake; one paid in a batch stays."""
    with ctx.writing() as uow:
        session = uow.session
        record = session.get(FileInspectionRecord, inspection_id)
        if record is None:
            raise NotFound(f"案件评查（编号{inspection_id}）不存在")
        scope.require_office(ctx, session, record.office_id, "案件评查")
        if record.batch_id is not None:
            raise ValidationError("该次评查已列入发放批次，不能删除", field="案件评查")
        audit.record(session, audit.Entry(
            "删除案件评查", f"file_inspections#{record.id}",
            detail={"日期": record.inspected_on.isoformat(), "案卷数": record.files},
        ))  # fmt: skip
        session.delete(record)
        uow.commit()


@requires(Action.PAY_SUBSIDY)
def list_inspections(ctx: Context, *, year: int) -> list[Inspection]:
    """The year's inspections in the user's offices, newest first, each with its pay."""
    query = (
        select(FileInspectionRecord, OfficeRecord.code, HandlerRecord.name,
               PaymentBatchRecord.number)
        .join(OfficeRecord, OfficeRecord.id == FileInspectionRecord.office_id)
        .join(HandlerRecord, HandlerRecord.id == FileInspectionRecord.handler_id)
        .outerjoin(PaymentBatchRecord, PaymentBatchRecord.id == FileInspectionRecord.batch_id)
        .where(FileInspectionRecord.inspected_on.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(FileInspectionRecord.inspected_on.desc(), FileInspectionRecord.id.desc())
    )  # fmt: skip
    with ctx.reading() as uow:
        session = uow.session
        ids = scope.office_ids(ctx, session)
        if ids is not None:
            query = query.where(FileInspectionRecord.office_id.in_(sorted(ids)))
        standards = [s for _, s in stored_standards(session)]
        result = []
        for record, code, handler, batch in session.execute(query):
            amount = record.amount
            if amount is None:
                standard = next((s for s in reversed(standards)
                                 if s.in_force(record.inspected_on)), None)  # fmt: skip
                rate = standard.per_piece.get(INSPECTION_ITEM) if standard else None
                amount = None if rate is None else rate * record.files
            result.append(Inspection(
                record.id, record.inspected_on, code, record.handler_id, handler,
                record.files, record.subject, amount, batch,
            ))  # fmt: skip
        return result
