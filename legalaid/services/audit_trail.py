"""The audit trail for admins and supervisors: filtered reading, export, and the chain check."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select

from legalaid.domain.errors import ValidationError
from legalaid.domain.permissions import Action
from legalaid.services.authz import requires
from legalaid.services.context import Context
from legalaid.storage import audit
from legalaid.storage.records import AuditRecord


@dataclass(frozen=True)
class AuditFilter:
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    action: str | None = None
    text: str | None = None  # in the object or the detail
    outcome: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    object: str
    outcome: str
    detail: str


def _query(filters: AuditFilter) -> Select[Any]:
    query = select(AuditRecord)
    if filters.since:
        query = query.where(AuditRecord.at >= datetime.combine(filters.since, time.min))
    if filters.until:
        query = query.where(AuditRecord.at <= datetime.combine(filters.until, time.max))
    if filters.actor:
        query = query.where(AuditRecord.actor == filters.actor)
    if filters.action:
        query = query.where(AuditRecord.action == filters.action)
    if filters.outcome:
        query = query.where(AuditRecord.outcome == filters.outcome)
    if filters.text:
        like = f"%{filters.text}%"
        query = query.where(or_(AuditRecord.object.like(like), AuditRecord.detail.like(like)))
    return query


def _detail(text: str | None) -> str:
    if not text:
        return ""
    data = json.loads(text)
    return "；".join(
        f"{k}：{'→'.join(str(x) for x in v) if isinstance(v, list) else v}" for k, v in data.items()
    )


@requires(Action.VIEW_AUDIT)
def audit_entries(
    ctx: Context, filters: AuditFilter = AuditFilter(), *, limit: int = 1000, offset: int = 0
) -> tuple[list[AuditRow], int]:
    """The newest first, and how many match."""
    with ctx.reading() as uow:
        session = uow.session
        query = _query(filters)
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        records = session.scalars(query.order_by(AuditRecord.id.desc()).limit(limit).offset(offset))
        rows = [AuditRow(r.id, r.at, r.actor, r.action, r.object, r.outcome, _detail(r.detail))
                for r in records]  # fmt: skip
        return rows, total


@requires(Action.VIEW_AUDIT)
def actors_and_actions(ctx: Context) -> tuple[list[str], list[str]]:
    with ctx.reading() as uow:
        actors = list(
            uow.session.scalars(select(AuditRecord.actor).distinct().order_by(AuditRecord.actor))
        )
        actions = list(
            uow.session.scalars(select(AuditRecord.action).distinct().order_by(AuditRecord.action))
        )
        return actors, actions


@requires(Action.VIEW_AUDIT)
def verify_chain(ctx: Context) -> tuple[int, audit.BrokenLink | None]:
    """Walk the whole chain; the first broken link if any row was edited or removed."""
    with ctx.reading() as uow:
        return audit.verify(uow.session)


@requires(Action.VIEW_AUDIT)
def export_audit(ctx: Context, filters: AuditFilter, out: Path) -> int:
    """CSV (UTF-8 with BOM, for Excel) or .xlsx; the export itself is audited."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(f"导出文件应为 .csv 或 .xlsx，现为「{out.name}」", field="文件")
    rows, _ = audit_entries(ctx, filters, limit=1_000_000)
    header = ["序号", "时间", "用户", "操作", "对象", "结果", "详情"]
    values = [[r.id, r.at.isoformat(sep=" "), r.actor, r.action, r.object, r.outcome, r.detail]
              for r in rows]  # fmt: skip
    if suffix == ".csv":
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(values)
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "审计记录"
        sheet.append(header)
        for row in values:
            sheet.append(row)
        book.save(out)
    from legalaid.services.authz import audit_event

    audit_event(ctx, "导出", "audit_log", detail={"文件": out.name, "条数": len(values)})
    return len(values)
