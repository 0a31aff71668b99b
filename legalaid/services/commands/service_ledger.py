"""The services ledger (法律帮助台账, ``--kind services``): import all rows or none, errors
naming row and column; export in the same layout (ID numbers masked unless allowed)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import ServiceKind, check_service, repeat_key
from legalaid.domain.errors import ValidationError, ValidationErrors
from legalaid.domain.ledger import ledger_cells
from legalaid.domain.permissions import Action
from legalaid.domain.service_ledger import (
    SERVICE_COLUMNS,
    SERVICE_HEADERS,
    ServiceRow,
    parse_service_row,
)
from legalaid.services.commands.aid_services import GROUP_SEPARATOR
from legalaid.services.commands.duty import station_for_name
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import audit_event, authorize, requires
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.services.plumbing.ledger_files import check_suffix, write_rows
from legalaid.services.plumbing.ledger_reader import (
    CHUNK,
    Progress,
    cell_problem,
    no_progress,
    read_checked,
)
from legalaid.services.queries import daily_figures
from legalaid.storage import audit
from legalaid.storage import repositories as repo
from legalaid.storage.records import AidServiceRecord, CaseRecord, HandlerRecord, OfficeRecord

SHEET = "法律帮助台账"


@requires(Action.REGISTER_SERVICE)
def import_services(
    ctx: Context, path: Path, *, progress: Progress = no_progress, allow_duplicates: bool = False
) -> int:
    """Import every row in one transaction, or none. A row repeating a service on file (or an
    earlier row) — same office, date, kind, person, content and handler — is refused unless
    ``allow_duplicates``: a ledger imported twice must not double the figures."""
    today = ctx.today()
    rows, problems = read_checked(
        path, SERVICE_COLUMNS, parse_service_row, today, progress, "法律帮助台账"
    )

    with ctx.writing() as uow:
        session = uow.session
        offices = repo.offices_by_code(session)
        in_scope = scope.office_ids(ctx, session)
        for row in rows:
            office = offices.get(row.office_code)
            if office is None:
                problems.append(
                    cell_problem(
                        row.row, "机构", row.office_code, f"机构代码「{row.office_code}」不存在"
                    )
                )
            elif in_scope is not None and office.id not in in_scope:
                problems.append(
                    cell_problem(
                        row.row,
                        "机构",
                        row.office_code,
                        f"{row.office_code}不是您所在机构或其下级机构",
                    )
                )
        cases = _cases(session, rows, in_scope, problems)
        if not allow_duplicates:
            problems += _repeats(session, rows, offices)
        if problems:
            problems.sort(key=lambda p: p.row or 0)
            raise ValidationErrors(
                problems,
                heading=f"法律帮助台账「{path.name}」有 {len(problems)} 处错误，未导入任何数据：",
            )
        handlers = _handlers_by_name(session)
        now, records = ctx.now(), []
        for row in rows:
            checked = check_service(row.entry, today=today)
            office_id = offices[row.office_code].id
            station_id = None
            if checked.kind is ServiceKind.DUTY_HELP and checked.channel:
                station_id = station_for_name(session, office_id, checked.channel)
            records.append(
                {
                    "office_id": office_id,
                    "kind": checked.kind.value,
                    "served_on": checked.served_on,
                    "channel": checked.channel,
                    "station_id": station_id,
                    "name": checked.name,
                    "gender": checked.gender.value if checked.gender else None,
                    "id_number": checked.id_number,
                    "phone": checked.phone,
                    "groups": GROUP_SEPARATOR.join(checked.groups) or None,
                    "matter_category": checked.matter_category,
                    "help_items": checked.help_items,
                    "content": checked.content,
                    "answer": None,
                    "handler_name": checked.handler_name,
                    "handler_id": handlers.get(checked.handler_name or ""),
                    "person_times": checked.person_times,
                    "case_id": cases.get(row.case_no) if row.case_no else None,
                    "recorded_by": ctx.actor,
                    "recorded_at": now,
                }
            )
            if len(records) >= CHUNK:
                repo.bulk_insert(session, AidServiceRecord, records)
                progress("写入", row.row - 1, len(rows))
                records = []
        repo.bulk_insert(session, AidServiceRecord, records)
        audit.record(
            session,
            audit.Entry(
                "导入法律帮助台账", "aid_services", detail={"文件": path.name, "条数": len(rows)}
            ),
        )
        progress("汇总统计", len(rows), len(rows))
        daily_figures.sum_in_import(session)
        # Before the commit: a cancel seen here rolls everything back; after it, none may come.
        progress("提交", len(rows), len(rows))
        uow.commit()
        return len(rows)


def _cases(
    session: Session,
    rows: list[ServiceRow],
    in_scope: frozenset[int] | None,
    problems: list[ValidationError],
) -> dict[str, int]:
    """The cases 转为案件 names: on file and inside the user's scope."""
    numbers = {row.case_no for row in rows if row.case_no}
    found: dict[str, tuple[int, int]] = {}
    listed = sorted(numbers)
    for start in range(0, len(listed), 500):
        for case_id, case_no, office_id in session.execute(
            select(CaseRecord.id, CaseRecord.case_no, CaseRecord.office_id).where(
                CaseRecord.case_no.in_(listed[start : start + 500])
            )
        ):
            found[case_no] = (case_id, office_id)
    for row in rows:
        if not row.case_no:
            continue
        case = found.get(row.case_no)
        if case is None:
            problems.append(
                cell_problem(
                    row.row, "转为案件", row.case_no, f"案件{row.case_no}不存在（请先导入案件台账）"
                )
            )
        elif in_scope is not None and case[1] not in in_scope:
            problems.append(
                cell_problem(
                    row.row,
                    "转为案件",
                    row.case_no,
                    f"案件{row.case_no}不属于您所在机构或其下级机构",
                )
            )
    return {number: case_id for number, (case_id, _) in found.items()}


def _repeats(
    session: Session, rows: list[ServiceRow], offices: dict[str, OfficeRecord]
) -> list[ValidationError]:
    """Rows repeating a service on file or an earlier row of the file."""
    days = sorted({row.entry.served_on for row in rows})
    known: dict[tuple[object, ...], str] = {}
    for start in range(0, len(days), 500):
        for r in session.execute(
            select(
                AidServiceRecord.id,
                AidServiceRecord.office_id,
                AidServiceRecord.served_on,
                AidServiceRecord.kind,
                AidServiceRecord.name,
                AidServiceRecord.id_number,
                AidServiceRecord.content,
                AidServiceRecord.handler_name,
            ).where(AidServiceRecord.served_on.in_(days[start : start + 500]))
        ):
            key = repeat_key(
                r.office_id, r.served_on, r.kind, r.name, r.id_number, r.content, r.handler_name
            )
            known.setdefault(key, "已登记的记录")
    problems = []
    for row in rows:
        office = offices.get(row.office_code)
        if office is None:
            continue
        e = row.entry
        key = repeat_key(
            office.id,
            e.served_on,
            e.kind.value,
            e.name,
            (e.id_number or "").upper() or None,
            e.content,
            e.handler_name,
        )
        earlier = known.get(key)
        if earlier is not None:
            problems.append(
                ValidationError(
                    f"第{row.row}行：与{earlier}重复（同一日期、服务类型、服务对象、内容和办理人）；"
                    "确属另一次服务的，导入时选择「允许重复」（--allow-duplicates）",
                    row=row.row,
                )
            )
        known.setdefault(key, f"第{row.row}行")
    return problems


def _handlers_by_name(session: Session) -> dict[str, int]:
    """Handler names that name exactly one handler (a same-name pair stays unlinked)."""
    seen: dict[str, int | None] = {}
    for ident, name in session.execute(select(HandlerRecord.id, HandlerRecord.name)):
        seen[name] = None if name in seen else ident
    return {name: ident for name, ident in seen.items() if ident is not None}


@requires(Action.EXPORT, audited="导出")
def export_services(
    ctx: Context,
    path: Path,
    *,
    year: int | None = None,
    full_id: bool = False,
    progress: Progress = no_progress,
) -> int:
    """Write the services (of a year, or all) in the ledger layout; full ID numbers need the
    right to see them and are audited. The file appears whole or not at all."""
    if full_id:
        authorize(ctx, Action.VIEW_FULL_ID)
    check_suffix(path, writing=True)

    def write(target: Path) -> int:
        with ctx.reading() as uow:
            return write_rows(
                target,
                _export_rows(ctx, uow.session, year, full_id, progress),
                SERVICE_COLUMNS,
                SHEET,
            )

    count = write_whole(path, write)
    if full_id:
        audit_event(
            ctx,
            "导出完整身份证号",
            "aid_services",
            detail={"文件": path.name, "年度": year, "条数": count},
        )
    return count


def _export_rows(
    ctx: Context, session: Session, year: int | None, full_id: bool, progress: Progress
) -> Iterator[tuple[object, ...]]:
    codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
    query = select(AidServiceRecord.__table__, CaseRecord.case_no).outerjoin(
        CaseRecord, CaseRecord.id == AidServiceRecord.case_id
    )
    ids = scope.office_ids(ctx, session)
    if ids is not None:
        query = query.where(AidServiceRecord.office_id.in_(sorted(ids)))
    if year is not None:
        query = query.where(
            AidServiceRecord.served_on.between(date(year, 1, 1), date(year, 12, 31))
        )
    last_id, done = 0, 0
    while True:
        batch = session.execute(
            query.where(AidServiceRecord.id > last_id).order_by(AidServiceRecord.id).limit(CHUNK)
        ).all()
        if not batch:
            return
        for r in batch:
            yield ledger_cells(
                {
                    "机构": codes[r.office_id],
                    "日期": r.served_on,
                    "服务类型": r.kind,
                    "方式": r.channel,
                    "服务对象": r.name,
                    "性别": r.gender,
                    "身份证号": r.id_number,
                    "联系电话": r.phone,
                    "人群类别": r.groups,
                    "事项类别": r.matter_category,
                    "帮助内容": r.help_items,
                    "内容": r.content,
                    "办理人": r.handler_name,
                    "人次": r.person_times,
                    "转为案件": r.case_no,
                },
                full_id=full_id,
                headers=SERVICE_HEADERS,
            )
        last_id = batch[-1].id
        done += len(batch)
        progress("导出", done, 0)
