"""Ledger (台账) import and export: the whole file or nothing; errors name row and column."""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from legalaid.domain.deadlines import (
    CLOCKED_STATES,
    CaseClock,
    DeadlineKind,
    DeadlineRule,
    open_deadline,
)
from legalaid.domain.errors import ValidationError, ValidationErrors
from legalaid.domain.escalation import EscalationState
from legalaid.domain.identity import mask_id_number
from legalaid.domain.ledger import (
    CASE_COLUMNS,
    GROUP_SEPARATOR,
    Duplicates,
    LedgerRow,
    amount,
    ledger_state,
    parse_row,
    yes_no,
)
from legalaid.domain.numbering import number_key, parse_sequence
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import OPEN_STATES, CaseState, FirmKind, HandlerType
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import audit_event, authorize, requires
from legalaid.services.plumbing.case_change import CASE_NUMBER_KIND, allocate_case_numbers
from legalaid.services.plumbing.case_deadlines import deadline_rules
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.services.plumbing.ledger_files import (
    bulk_objects,
    check_suffix,
    expected_rows,
    text_cell,
    write_rows,
)
from legalaid.services.plumbing.ledger_reader import (
    CHUNK,
    Progress,
    cell_problem,
    checked_chunks,
    no_progress,
)
from legalaid.services.plumbing.search import search_row, search_terms
from legalaid.services.queries import daily_figures
from legalaid.services.queries.cases import CaseFilter, apply_filters, scoped_filter
from legalaid.storage import audit
from legalaid.storage import repositories as repo
from legalaid.storage.records import (
    CaseGroupRecord,
    CaseRecord,
    EscalationRecord,
    FirmRecord,
    HandlerRecord,
    OfficeRecord,
    PersonRecord,
)


@dataclass(frozen=True)
class ImportResult:
    cases: int
    persons_created: int
    handlers_created: int
    firms_created: int


@requires(Action.REGISTER)
def import_ledger(
    ctx: Context, path: Path, *, progress: Progress = no_progress, allow_duplicates: bool = False
) -> ImportResult:
    """Import every row of the file in one transaction, or none of them. A row that repeats
    a case on file or an earlier row is refused unless ``allow_duplicates``."""
    with bulk_objects():
        return _import_ledger(ctx, path, progress, allow_duplicates)


def _import_ledger(
    ctx: Context, path: Path, progress: Progress, allow_duplicates: bool
) -> ImportResult:
    """Streamed: the file is read, checked and written chunk by chunk, so memory stays flat.
    The first problem stops the writing but not the checking — every problem of the file is
    reported — and the transaction, never committed, leaves the database as it was."""
    chunks = checked_chunks(path, CASE_COLUMNS, parse_for_import, ctx.today(), progress, "台账")
    expected = expected_rows(path)
    with ctx.writing() as uow:
        session = uow.session
        offices = repo.offices_by_code(session)
        checks = _FileChecks(ctx, session, offices, allow_duplicates)
        writer = RowWriter(ctx, session, offices, origin=f"台账「{path.name}」")
        problems: list[ValidationError] = []
        rows_read = 0
        for parsed, row_problems in chunks:
            rows = [p.row for p in parsed]
            rows_read += len(rows)
            problems += row_problems
            problems += checks.check(rows)
            if not problems:
                writer.write(rows, [p.search for p in parsed], [p.number for p in parsed])
                progress("导入", writer.written, max(expected, writer.written))
        if not rows_read and not problems:
            raise ValidationError(f"台账「{path.name}」中没有数据行", field="文件")
        if problems:
            problems.sort(key=lambda p: p.row or 0)
            raise ValidationErrors(
                problems, heading=f"台账「{path.name}」有 {len(problems)} 处错误，未导入任何数据："
            )
        result = writer.finish()
        progress("汇总统计", result.cases, result.cases)
        daily_figures.sum_in_import(session)
        progress("提交", result.cases, result.cases)
        # In the import's own transaction: no committed import without its audit entry.
        detail = {"文件": path.name, "件数": result.cases}
        audit.record(session, audit.Entry("导入台账", "cases", detail=detail))
        uow.commit()
        return result


class Parsed(NamedTuple):
    row: LedgerRow
    search: tuple[str, str] | None  # (terms, tokens) of a row that brings its 案号
    number: tuple[int, int]  # (year, sequence) of that 案号, as lists sort it


def parse_for_import(raw: dict[str, Any], number: int, *, today: date) -> Parsed:
    """A row and its search terms, worked out where the row is parsed: for a large file in
    the reader process, beside the writer (the name's pinyin is a tenth of the work)."""
    row = parse_row(raw, number, today=today)
    if not row.case_no:  # numbered, and then indexed, at the end
        return Parsed(row, None, (0, 0))
    return Parsed(row, search_terms(case_no=row.case_no, name=row.name,
                                    id_number=row.id_number, phone=row.phone),
                  number_key(row.case_no))  # fmt: skip


class _FileChecks:
    """The checks a row needs the database or earlier rows for: its office (and the user's
    scope), its 案号 (unique in the file and not on file) and the duplicate rule, chunk by
    chunk. Only keys are kept across chunks, never rows."""

    def __init__(
        self,
        ctx: Context,
        session: Session,
        offices: dict[str, OfficeRecord],
        allow_duplicates: bool,
    ) -> None:
        self.session = session
        self.offices = offices
        self.in_scope = scope.office_ids(ctx, session)
        self.seen_numbers: dict[str, int] = {}
        self.allow_duplicates = allow_duplicates
        self.known = Duplicates()
        # A day's cases on file are loaded when a chunk first brings that day, before the
        # chunk is written: what this import writes is known by its rows, never read back.
        self.loaded_days: set[date] = set()

    def check(self, rows: list[LedgerRow]) -> list[ValidationError]:
        problems: list[ValidationError] = []
        new_numbers: dict[str, int] = {}
        offices, in_scope = self.offices, self.in_scope
        for row in rows:
            if row.office_code not in offices:
                problems.append(
                    cell_problem(row.row, "机构", row.office_code,
                                  f"机构代码「{row.office_code}」不存在（请先用 office add 登记）")
                )  # fmt: skip
            elif in_scope is not None and offices[row.office_code].id not in in_scope:
                problems.append(
                    cell_problem(row.row, "机构", row.office_code,
                                  f"{row.office_code}不是您所在机构或其下级机构")
                )  # fmt: skip
            if row.case_no:
                if row.case_no in self.seen_numbers:
                    problems.append(
                        cell_problem(row.row, "案号", row.case_no,
                                      f"{row.case_no}与第{self.seen_numbers[row.case_no]}行重复")
                    )  # fmt: skip
                else:
                    self.seen_numbers[row.case_no] = new_numbers[row.case_no] = row.row
        taken = repo.existing_case_numbers(self.session, new_numbers)
        for case_no in sorted(taken, key=new_numbers.__getitem__):
            problems.append(
                cell_problem(new_numbers[case_no], "案号", case_no, f"{case_no}已存在于数据库中")
            )
        if not self.allow_duplicates:
            problems += self._duplicates(rows)
        return problems

    def _duplicates(self, rows: list[LedgerRow]) -> list[ValidationError]:
        """Rows repeating a case on file (named by its 案号) or an earlier row (its number)."""
        days = {row.applied_on for row in rows} - self.loaded_days
        if days:
            repo.cases_on_file(self.session, days, prefix="已有案件", into=self.known)
            self.loaded_days |= days
        problems = []
        for row in rows:
            facts = (row.id_number, row.name, row.applied_on, row.case_type.value)
            earlier = self.known.find(*facts)
            if earlier is not None:
                problems.append(
                    ValidationError(
                        f"第{row.row}行：与{earlier}重复（同一受援人、申请日期和案件类型）；"
                        "确属不同案件的，导入时选择「允许重复」（--allow-duplicates）",
                        row=row.row,
                    )
                )
            self.known.add(*facts, f"第{row.row}行")
        return problems


def insert_rows(
    ctx: Context,
    session: Session,
    rows: list[LedgerRow],
    offices: dict[str, OfficeRecord],
    progress: Progress,
    origin: str = "台账",
) -> ImportResult:
    """Insert checked rows inside the caller's transaction (used by the demo data)."""
    writer = RowWriter(ctx, session, offices, origin=origin)
    for start in range(0, len(rows), CHUNK):
        writer.write(rows[start : start + CHUNK])
        progress("导入", writer.written, len(rows))
    return writer.finish()


class RowWriter:
    """Inserts checked rows inside the caller's transaction, chunk by chunk and in bulk:
    firms and handlers created as needed, one person per ID number, case numbers kept or
    allocated, groups, handler history, timeline and search terms. Rows without a 案号 are
    numbered at ``finish``, after every given number has moved its counter on (so a number
    handed out never meets one a later row brings); until then they hold a placeholder only
    this transaction ever sees."""

    def __init__(
        self, ctx: Context, session: Session, offices: dict[str, OfficeRecord], origin: str
    ) -> None:
        self.ctx, self.session, self.offices, self.origin = ctx, session, offices, origin
        self.firms = {f.name: f.id for f in session.scalars(select(FirmRecord))}
        self.handlers = {(h.name, h.firm_id): h.id for h in session.scalars(select(HandlerRecord))}
        self.rules = deadline_rules(session)
        self.now = ctx.now()
        self.written = self.persons_created = self.handlers_created = self.firms_created = 0
        self.highest: dict[tuple[int, int], int] = {}
        # (office code, year) → [(case id, name, ID number, phone)] of rows without a 案号
        self.blanks: dict[tuple[str, int], list[tuple[int, str, str | None, str | None]]] = (
            defaultdict(list)
        )
        self.placeholder = f"#{secrets.token_hex(8)}-"
        self.office_facts = {
            code: (office.id, office.number_pattern, office.prefix)
            for code, office in offices.items()
        }

    def write(
        self,
        rows: list[LedgerRow],
        searches: list[tuple[str, str] | None] | None = None,
        numbers: list[tuple[int, int]] | None = None,
    ) -> None:
        """``searches`` and ``numbers``: the rows' search terms and (year, sequence) of their
        案号 where already worked out (in the reader process, for a large file).

        Enum members give their ``_value_`` and offices their facts from a plain tuple: at
        200,000 rows the descriptors behind ``.value`` and the ORM's attributes cost a second."""
        if not rows:
            return
        session, ctx = self.session, self.ctx
        offices = self.office_facts
        self._firms_and_handlers(rows)
        firms, handlers = self.firms, self.handlers
        persons, created = _persons(session, rows)
        self.persons_created += created
        ids = repo.reserve_ids(session, CaseRecord.__tablename__, len(rows))
        case_values = []
        for index, (case_id, row) in enumerate(zip(ids, rows, strict=True)):
            office_id, pattern, prefix = offices[row.office_code]
            if row.case_no:
                case_no = row.case_no
                seq = parse_sequence(pattern, case_no, prefix=prefix, year=row.applied_on.year)
                if seq is not None:
                    key = (office_id, row.applied_on.year)
                    self.highest[key] = max(self.highest.get(key, 0), seq)
            else:
                case_no = f"{self.placeholder}{case_id}"
                self.blanks[(row.office_code, row.applied_on.year)].append(
                    (case_id, row.name, row.id_number, row.phone)
                )
            if not row.case_no:
                year, seq = 0, 0
            else:
                year, seq = numbers[index] if numbers else number_key(case_no)
            case_values.append(
                {
                    "id": case_id,
                    "case_no": case_no,
                    "number_year": year,
                    "number_seq": seq,
                    "office_id": office_id,
                    "person_id": persons[row.row],
                    "handler_id": handlers[
                        (row.handler_name, firms.get(row.firm_name) if row.firm_name else None)
                    ]
                    if row.handler_name
                    else None,
                    "source": row.source._value_,
                    "case_type": row.case_type._value_,
                    "stage": row.stage._value_ if row.stage else None,
                    "cause": row.cause,
                    "state": row.state._value_,
                    "applied_on": row.applied_on,
                    "accepted_on": row.accepted_on,
                    "assigned_on": row.assigned_on,
                    "ended_on": row.closed_on if row.state is not CaseState.CLOSING else None,
                    "closed_on": row.closed_on,
                    "cross_region": row.cross_region,
                    "major_difficult": row.major_difficult,
                    "possible_life_or_death": row.possible_life_or_death,
                    "subsidy_paid": row.subsidy_paid,
                    "notifying_organ": row.notifying_organ,
                    "region_tier": row.region_tier._value_ if row.region_tier else None,
                    "aided_persons": row.aided_persons,
                    "outcome": row.outcome._value_ if row.outcome else None,
                    "recovered_amount": row.recovered_amount,
                    "quality_grade": row.quality_grade._value_ if row.quality_grade else None,
                    "matter_category": row.matter_category,
                    "remarks": row.remarks,
                    "review_paused_days": 0,
                    "joined_cases": 1,
                    "created_at": self.now,
                    **_deadline_columns(ctx, row, self.rules),
                    "updated_at": self.now,
                    "version": 1,
                }
            )
        repo.bulk_insert(session, CaseRecord, case_values)
        groups: list[dict[str, Any]] = []
        search: list[dict[str, Any]] = []
        escalated: list[dict[str, Any]] = []
        for index, (case_id, row) in enumerate(zip(ids, rows, strict=True)):
            if row.major_difficult:
                escalated.append(_recorded_escalation(ctx, case_id, row, self.origin))
            groups.extend(
                {"case_id": case_id, "group_name": g, "position": i}
                for i, g in enumerate(row.groups)
            )
            if row.case_no:  # the others once numbered
                terms, tokens = (searches and searches[index]) or search_terms(
                    case_no=row.case_no, name=row.name, id_number=row.id_number,
                    phone=row.phone,
                )  # fmt: skip
                search.append({"case_id": case_id, "terms": terms, "tokens": tokens})
        for record, values_list in ((CaseGroupRecord, groups), (EscalationRecord, escalated)):
            repo.bulk_insert(session, record, values_list)
        # The handler's first spell (from 指派, else 受理 or 申请) and the timeline's 台账导入.
        repo.insert_import_trail(session, ids, at=self.now, actor=ctx.actor, action="台账导入")
        repo.upsert_search_terms(session, search)
        self.written += len(rows)

    def _firms_and_handlers(self, rows: list[LedgerRow]) -> None:
        session, firms, handlers = self.session, self.firms, self.handlers
        new_firms = sorted({r.firm_name for r in rows if r.firm_name and r.firm_name not in firms})
        # Another desktop may create the same firm meanwhile: insert what is missing, then read.
        repo.insert_missing(
            session, FirmRecord, [{"name": n, "kind": FirmKind.guess(n).value} for n in new_firms],
            "name",
        )  # fmt: skip
        if new_firms:
            found = session.execute(
                select(FirmRecord.name, FirmRecord.id).where(FirmRecord.name.in_(new_firms))
            )
            firms.update({str(name): int(ident) for name, ident in found})
            self.firms_created += len(new_firms)
        wanted: dict[tuple[str, int | None], dict[str, Any]] = {}
        for row in rows:
            if not row.handler_name:
                continue
            key = (row.handler_name, firms.get(row.firm_name) if row.firm_name else None)
            if key not in handlers and key not in wanted:
                wanted[key] = {"name": key[0], "firm_id": key[1], "criminal_years": 0,
                               "handler_type": (row.handler_type or HandlerType.LAWYER).value,
                               "minors_expertise": False, "active": True}  # fmt: skip
        # As for firms: a handler another desktop created meanwhile is that handler.
        repo.insert_missing(session, HandlerRecord, list(wanted.values()), "name", "firm_id")
        if wanted:
            names = sorted({name for name, _ in wanted})
            for ident, name, firm_id in session.execute(
                select(HandlerRecord.id, HandlerRecord.name, HandlerRecord.firm_id).where(
                    HandlerRecord.name.in_(names)
                )
            ):
                handlers.setdefault((name, firm_id), ident)
            self.handlers_created += len(wanted)

    def finish(self) -> ImportResult:
        """Move the counters past the numbers given, number the rows that had none, index
        them for search; the result of the whole import."""
        session = self.session
        for (office_id, year), seq in self.highest.items():
            repo.raise_sequence(
                session, office_id=office_id, year=year, kind=CASE_NUMBER_KIND, at_least=seq
            )
        for (code, year), group in self.blanks.items():
            numbers = allocate_case_numbers(session, self.offices[code], year, len(group))
            repo.set_case_numbers(
                session, [(case_id, number) for (case_id, *_), number in zip(group, numbers,
                                                                               strict=True)]
            )  # fmt: skip
            search = [
                search_row(case_id, case_no=number, name=name, id_number=id_number, phone=phone)
                for (case_id, name, id_number, phone), number in zip(group, numbers, strict=True)
            ]
            for start in range(0, len(search), CHUNK):
                repo.upsert_search_terms(session, search[start : start + CHUNK])
        return ImportResult(
            cases=self.written,
            persons_created=self.persons_created,
            handlers_created=self.handlers_created,
            firms_created=self.firms_created,
        )


def _recorded_escalation(ctx: Context, case_id: int, row: LedgerRow, origin: str) -> dict[str, Any]:
    """A case the ledger marks 重大疑难 enters the register as recorded there: an open case as
    confirmed (to be discussed and reported like any other), a finished one as history."""
    today, now = ctx.today(), ctx.now()
    state = EscalationState.CONFIRMED if row.state in OPEN_STATES else EscalationState.RECORDED
    return {
        "case_id": case_id,
        "state": state.value,
        "reasons": json.dumps([f"{origin}第{row.row}行记载为重大疑难"], ensure_ascii=False),
        "flagged_on": today,
        "flagged_by": ctx.actor,
        "decided_on": today,
        "decided_by": ctx.actor,
        "decision_note": f"按{origin}记载",
        "updated_at": now,
        "version": 1,
    }


def _deadline_columns(
    ctx: Context, row: LedgerRow, rules: dict[DeadlineKind, DeadlineRule]
) -> dict[str, Any]:
    if row.state not in CLOCKED_STATES:  # most of a ledger: closed and archived cases
        return {"due_on": None, "deadline_kind": None}
    clock = CaseClock(
        state=row.state,
        applied_on=row.applied_on,
        accepted_on=row.accepted_on,
        assigned_on=row.assigned_on,
        ended_on=row.closed_on if row.state is not CaseState.CLOSING else None,
    )
    deadline = open_deadline(clock, ctx.calendar, rules)
    return {
        "due_on": deadline.due if deadline else None,
        "deadline_kind": deadline.kind._value_ if deadline else None,
    }


def _persons(session: Session, rows: list[LedgerRow]) -> tuple[dict[int, int], int]:
    """(row number → person id, persons created); one ID number is one person."""
    by_id_number = repo.persons_by_id_number(
        session, sorted({r.id_number for r in rows if r.id_number})
    )
    result: dict[int, int] = {}
    pending: list[tuple[LedgerRow, dict[str, Any]]] = []
    first_row_of: dict[str, LedgerRow] = {}
    for row in rows:
        if row.id_number and (row.id_number in by_id_number or row.id_number in first_row_of):
            continue
        if row.id_number:
            first_row_of[row.id_number] = row
        pending.append(
            (
                row,
                {
                    "name": row.name,
                    "gender": row.gender.value if row.gender else None,
                    "id_number": row.id_number,
                    "birth_date": row.birth_date,
                    "phone": row.phone,
                    "address": row.address,
                },
            )
        )
    for start in range(0, len(pending), CHUNK):
        batch = pending[start : start + CHUNK]
        ids = repo.reserve_ids(session, PersonRecord.__tablename__, len(batch))
        for (_, values), person_id in zip(batch, ids, strict=True):
            values["id"] = person_id
        # A person another desktop registered meanwhile (same ID number) is that person.
        with_number = [v for r, v in batch if r.id_number]
        all_written = repo.insert_missing(session, PersonRecord, with_number, "id_number")
        repo.bulk_insert(session, PersonRecord, [v for r, v in batch if not r.id_number])
        numbers = [r.id_number for r, _ in batch if r.id_number]
        if all_written:  # every one under the id reserved for it: nothing to read back
            by_id_number.update({v["id_number"]: v["id"] for v in with_number})
            numbers = []
        by_id_number.update(repo.persons_by_id_number(session, numbers))
        for (row, _), person_id in zip(batch, ids, strict=True):
            if not row.id_number:
                result[row.row] = person_id
    for row in rows:
        if row.id_number:
            result[row.row] = by_id_number[row.id_number]
    return result, len(pending)


# -- export -------------------------------------------------------------------------------
@requires(Action.EXPORT, audited="导出")
def export_ledger(
    ctx: Context,
    path: Path,
    *,
    year: int | None = None,
    full_id: bool = False,
    progress: Progress = no_progress,
    filters: CaseFilter | None = None,
) -> int:
    """Write cases in the ledger layout. With ``year``: every case whose 申请日期, 受理日期 or
    结案日期 falls in that year, so the export carries all of that year's figures; with
    ``filters``, the cases of a list as the desktop shows it. Full ID numbers need the right
    to see them, and such an export is audited with its file. The file appears whole or not
    at all (written aside, then moved into place)."""
    if full_id:
        authorize(ctx, Action.VIEW_FULL_ID)
    check_suffix(path, writing=True)

    def write(target: Path) -> int:
        with ctx.reading() as uow:
            narrowed = scoped_filter(ctx, uow.session, filters or CaseFilter())
            return write_rows(target, _export_rows(uow.session, year, full_id, progress, narrowed))

    count = write_whole(path, write)
    if full_id:
        audit_event(ctx, "导出完整身份证号", "cases", detail={"文件": path.name, "年度": year,
                                                          "件数": count})  # fmt: skip
    return count


_CASE_COLUMNS = (
    "id", "case_no", "office_id", "handler_id", "source", "case_type", "stage", "cause",
    "applied_on", "accepted_on", "assigned_on", "closed_on", "state", "cross_region",
    "major_difficult", "subsidy_paid", "notifying_organ", "possible_life_or_death",
    "region_tier", "aided_persons", "outcome", "recovered_amount", "quality_grade",
    "matter_category", "remarks",
)  # fmt: skip
_PERSON_COLUMNS = ("name", "gender", "id_number", "phone", "address")


def _export_rows(
    session: Session,
    year: int | None,
    full_id: bool,
    progress: Progress,
    filters: CaseFilter,
) -> Iterator[tuple[object, ...]]:
    handler_firm = {
        h.id: (h.name, h.handler_type, h.firm.name if h.firm else None)
        for h in session.scalars(select(HandlerRecord))
    }
    codes = {o.id: o.code for o in session.scalars(select(OfficeRecord))}
    # Columns, not entities: a 200,000-row export should not build 400,000 ORM objects.
    query = select(
        *(getattr(CaseRecord, name) for name in _CASE_COLUMNS),
        *(getattr(PersonRecord, name).label(f"person_{name}") for name in _PERSON_COLUMNS),
    ).join(PersonRecord, PersonRecord.id == CaseRecord.person_id)
    query = apply_filters(query, filters, session)  # the list's filter, the office scope
    if year is not None:
        first, last = date(year, 1, 1), date(year, 12, 31)
        query = query.where(
            or_(
                CaseRecord.applied_on.between(first, last),
                CaseRecord.accepted_on.between(first, last),
                CaseRecord.closed_on.between(first, last),
            )
        )
    connection = session.connection()  # plain rows: no ORM bookkeeping per row
    states = {state.value: ledger_state(state) for state in CaseState}
    last_id, done = 0, 0
    while True:
        batch = connection.execute(
            query.where(CaseRecord.id > last_id).order_by(CaseRecord.id).limit(CHUNK)
        ).all()
        if not batch:
            return
        first, last = batch[0][0], batch[-1][0]
        groups: dict[int, list[str]] = defaultdict(list)
        # By the batch's id range (its primary-key prefix), not a list of 2,000 ids: cases
        # the filter left out may add groups nobody asks for, which costs less.
        for case_id, name in connection.execute(
            select(CaseGroupRecord.case_id, CaseGroupRecord.group_name)
            .where(CaseGroupRecord.case_id.between(first, last))
            .order_by(CaseGroupRecord.case_id, CaseGroupRecord.position)
        ):
            groups[case_id].append(name)
        for (
            case_id, case_no, office_id, handler_id, source, case_type, stage, cause,
            applied_on, accepted_on, assigned_on, closed_on, state, cross_region,
            major_difficult, subsidy_paid, notifying_organ, life_or_death, region_tier,
            aided_persons, outcome, recovered, quality_grade, matter_category, remarks,
            name, gender, id_number, phone, address,
        ) in batch:  # fmt: skip
            handler = handler_firm.get(handler_id) or _NO_HANDLER
            in_groups = groups.get(case_id)
            # HEADERS order; each fact as ledger_cells writes it (a million rows a minute).
            yield (
                case_no, codes[office_id], source, case_type, stage, cause,
                applied_on, accepted_on, name, gender,
                id_number if full_id or not id_number else mask_id_number(id_number), phone,
                GROUP_SEPARATOR.join(in_groups) if in_groups else "",
                handler[0], handler[1], handler[2], assigned_on, closed_on, states[state],
                yes_no(cross_region), yes_no(major_difficult), amount(subsidy_paid),
                address, notifying_organ, yes_no(life_or_death), region_tier,
                aided_persons or 1, outcome, amount(recovered), quality_grade,
                matter_category, remarks,
            )  # fmt: skip
        last_id = last
        done += len(batch)
        progress("导出", done, 0)


_NO_HANDLER = (None, None, None)


def write_problems(problems: list[ValidationError], path: Path) -> None:
    """An import's problems as a workbook a clerk can sort and work through: row, column,
    what is wrong and the cell as read (ID numbers masked: the list leaves the application)."""
    from openpyxl import Workbook

    from legalaid.domain.identity import mask_id_number

    book = Workbook(write_only=True)
    sheet = book.create_sheet("导入错误")
    for column, width in zip("ABCD", (8, 14, 80, 24), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    sheet.append(["行", "列", "说明", "单元格内容"])
    for problem in problems:
        value = problem.value
        if problem.field == "身份证号" and isinstance(value, str):
            value = mask_id_number(value)
        sheet.append([problem.row, problem.field or "", text_cell(sheet, problem.message),
                      text_cell(sheet, "" if value is None else str(value))])  # fmt: skip
    write_whole(path, book.save)
