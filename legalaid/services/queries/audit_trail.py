"""The audit trail for admins and supervisors: filtered reading, export, and the chain check."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from legalaid.domain.errors import ValidationError
from legalaid.domain.identity import mask_id_number
from legalaid.domain.ledger import guard_formula
from legalaid.domain.permissions import Action, allowed
from legalaid.reports.report_data import Report, Table
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.storage import audit
from legalaid.storage.records import AuditRecord, UserRecord


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


def _actors_in_scope(ctx: Context, session: Session) -> list[str] | None:
    """Office scope: the entries of the accounts of the user's offices (their names and
    user names, under which sign-ins are recorded); None: every entry."""
    ids = scope.office_ids(ctx, session)
    if ids is None:
        return None
    names: set[str] = set()
    for username, name in session.execute(
        select(UserRecord.username, UserRecord.display_name).where(
            UserRecord.office_id.in_(sorted(ids))
        )
    ):
        names |= {username, name}
    return sorted(names)


def _query(filters: AuditFilter, actors: list[str] | None = None) -> Select[Any]:
    query = select(AuditRecord)
    if actors is not None:
        query = query.where(AuditRecord.actor.in_(actors))
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


# An ID number inside a change's detail (a person's record before → after).
_ID_NUMBER = re.compile(r"(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])")


def _detail(text: str | None, *, full_id: bool = True) -> str:
    if not text:
        return ""
    data = json.loads(text)
    shown = "；".join(
        f"{k}：{'→'.join(str(x) for x in v) if isinstance(v, list) else v}" for k, v in data.items()
    )
    # Who may not see full ID numbers in the case files does not read them here either.
    return shown if full_id else _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), shown)


def _sees_full_ids(ctx: Context) -> bool:
    principal = ctx.principal
    return principal is None or allowed(principal.role, Action.VIEW_FULL_ID, own_case=True)


@requires(Action.VIEW_AUDIT)
def audit_entries(
    ctx: Context, filters: AuditFilter = AuditFilter(), *, limit: int = 1000, offset: int = 0
) -> tuple[list[AuditRow], int]:
    """The newest first, and how many match."""
    with ctx.reading() as uow:
        session = uow.session
        query = _query(filters, _actors_in_scope(ctx, session))
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        records = session.scalars(query.order_by(AuditRecord.id.desc()).limit(limit).offset(offset))
        full = _sees_full_ids(ctx)
        rows = [AuditRow(r.id, r.at, r.actor, r.action, r.object, r.outcome,
                         _detail(r.detail, full_id=full))
                for r in records]  # fmt: skip
        return rows, total


@requires(Action.VIEW_AUDIT)
def actors_and_actions(ctx: Context) -> tuple[list[str], list[str]]:
    with ctx.reading() as uow:
        query = _query(AuditFilter(), _actors_in_scope(ctx, uow.session)).subquery()
        actors = list(uow.session.scalars(select(query.c.actor).distinct().order_by(query.c.actor)))
        actions = list(
            uow.session.scalars(select(query.c.action).distinct().order_by(query.c.action))
        )
        return actors, actions


@requires(Action.VIEW_AUDIT)
def verify_chain(
    ctx: Context, *, anchor: tuple[int, str] | None = None
) -> tuple[int, audit.BrokenLink | None]:
    """Walk the whole chain; the first broken link if any row was edited or removed, and,
    with an anchor kept outside the database, a chain rewritten and re-sealed."""
    with ctx.reading() as uow:
        checked, broken = audit.verify(uow.session)
        if broken is None and anchor is not None:
            broken = audit.check_anchor(uow.session, *anchor)
        return checked, broken


@requires(Action.VIEW_AUDIT)
def audit_anchor(ctx: Context) -> tuple[int, str]:
    """``(rows, head hash)`` — printed as ``N:HASH`` by ``audit anchor``."""
    with ctx.reading() as uow:
        return audit.anchor(uow.session)


def parse_anchor(text: str) -> tuple[int, str]:
    """``N:HASH`` as ``audit anchor`` prints it."""
    count, _, digest = text.strip().partition(":")
    if not count.isdigit() or len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
        raise ValidationError(
            f"锚点「{text}」格式不对：应为「条数:64位十六进制校验值」，即 audit anchor 的输出",
            field="锚点",
        )
    return int(count), digest


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

        def write_csv(target: Path) -> None:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                # A user name or detail typed as "=..." must not run in a spreadsheet.
                writer.writerows([[guard_formula(str(v)) for v in row] for row in values])

        write_whole(out, write_csv)
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "审计记录"
        sheet.append(header)
        for r, row in enumerate(values, start=2):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
        write_whole(out, book.save)
    from legalaid.services.plumbing.authz import audit_event

    audit_event(ctx, "导出", "audit_log", detail={"文件": out.name, "条数": len(values)})
    return len(values)


@requires(Action.VIEW_AUDIT, audited="打印审计锚点")
def anchor_report(ctx: Context) -> Report:
    """The month's anchor printout: the trail's row count and head hash on paper, signed by
    the director and kept outside the database — ``audit verify --anchor`` later proves that
    nobody rewrote and re-sealed the trail before that row."""
    checked, broken = verify_chain(ctx)
    rows, digest = audit_anchor(ctx)
    state = (
        f"核对结果：记录链完整，共 {checked} 条，每条链接均有效。"
        if broken is None
        else f"核对结果：记录链在第 {broken.id} 条处断开（{broken.reason}），请立即报告。"
    )
    now = ctx.now()
    return Report(
        title="审计记录锚点",
        organisation=_issuer(ctx),
        period=f"截至 {now:%Y-%m-%d %H:%M}",
        generated_on=ctx.today(),
        summary=(
            state,
            f"锚点：{rows}:{digest}",
            "核对方法：legalaid audit verify --anchor 条数:校验值（与上行一致）。"
            "此页由负责人签字后存档于系统之外；日后核对时若提示锚点不符，说明锚点之前的记录被改写过。",
        ),
        tables=(
            Table(
                title="锚点",
                headers=("项目", "值"),
                rows=(
                    ("记录条数", str(rows)),
                    ("末条校验值（前32位）", digest[:32]),
                    ("末条校验值（后32位）", digest[32:]),
                    ("打印人", ctx.actor),
                ),
            ),
        ),
        signatures=("核对人", "负责人"),
        dated="签字日期",
    )


def _issuer(ctx: Context) -> str:
    from legalaid.services.queries.work_summary import report_organisation

    return report_organisation(ctx, None)[0]


def write_anchor_report(ctx: Context, out: Path) -> Report:
    """The anchor printout as a PDF, written whole or not at all."""
    from legalaid.reports.report_pdf import write_pdf

    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"锚点打印件应为 .pdf 文件，现为「{out.name}」", field="文件")
    report = anchor_report(ctx)
    write_whole(out, lambda target: write_pdf(report, target))
    return report
