"""The statistics' daily summary (``figure_days``, migration 0026): every figure of
interfaces.md counted per office and day, so that a year's report sums a few thousand rows
instead of grouping a million cases.

The summary is a copy kept for speed, never the only copy of the truth. Triggers mark a day
in ``figure_dirty`` in the same transaction as any change to what it counts; a read takes the
summary for the clean days and counts the marked days from the cases and services themselves,
so the figures are exact at every moment, whether or not the summary has caught up.
``refresh`` sums the marked days again (best effort: it never waits for a writer), ``rebuild``
recomputes everything (``legalaid figures rebuild``).

A figure is counted by one of three dates (its *basis*): A 受理日期 — the cases, by type,
source, handler type and category, 跨区域, 重大疑难, 受援人数; C 结案日期 — 结案数, 挽回经济损失,
质量等级, 补贴 and, for the cases still open at a year's start, the year each closed case was
accepted in; S 服务日期 — the services' person-times by kind and 方式, duty help by items.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, case, delete, exists, extract, func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import ServiceKind
from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.subsidy import SubsidyFacts, SubsidyStandard, calculate, days_from_text
from legalaid.domain.vocabulary import (
    CLOSED_STATES,
    NOT_CASES,
    SUBSIDY_STATES,
    CaseState,
    CaseType,
    HandlerType,
    QualityGrade,
    RegionTier,
    Stage,
)
from legalaid.services.commands.subsidies import LIFE_OR_DEATH, PaymentState, stored_standards
from legalaid.storage.database import Database
from legalaid.storage.records import (
    AidServiceRecord,
    CaseGroupRecord,
    CaseRecord,
    CaseSubsidyRecord,
    FigureDayRecord,
    FigureDirtyRecord,
    HandlerRecord,
)

ACCEPTED, CLOSED, SERVED = "A", "C", "S"
BASES = (ACCEPTED, CLOSED, SERVED)
FIGURES = {
    ACCEPTED: frozenset({"cases", "type", "source", "cross", "major", "aided", "handler",
                         "group"}),
    CLOSED: frozenset({"closed", "recovered", "quality", "subsidy", "closed_acc"}),
    SERVED: frozenset({"service", "help"}),
}  # fmt: skip
EARLIEST = date(1900, 1, 1)
# Marked days closer than this are counted from the cases in one grouped query.
CLUSTER_GAP = 7


@dataclass(frozen=True)
class Figure:
    """A summed figure: an office's ``figure`` (with its ``key`` and ``sub``, e.g. a case
    type, a service kind and its 方式) in a month — a count ``n`` and an amount in 分."""

    office: int
    figure: str
    key: str
    sub: str
    month: int
    n: int
    fen: int


_Row = tuple[Any, int, str, str, str]  # day (a date), office, figure, key, sub


def _fen(value: Any) -> int:
    """A sum of amounts in 分, each rounded to 分 by the query: Decimal on PostgreSQL, a
    float on SQLite (exact: whole numbers far below 2**53)."""
    return round(Decimal(str(value or 0)))


# -- counting from the cases and services ---------------------------------------------------
def counted(
    session: Session,
    basis: str,
    lo: date,
    hi: date,
    *,
    office_ids: frozenset[int] | None = None,
    wanted: frozenset[str] | None = None,
    standards: list[SubsidyStandard] | None = None,
) -> dict[_Row, list[int]]:
    """The figures of ``basis`` on each day from ``lo`` to ``hi`` (inclusive), counted from
    the cases and services by the definitions of interfaces.md: {(day, office, figure, key,
    sub): [n, 分]}, zero figures left out."""
    rows: dict[_Row, list[int]] = defaultdict(lambda: [0, 0])
    want = FIGURES[basis] if wanted is None else FIGURES[basis] & wanted
    if want:
        counter = {ACCEPTED: _count_accepted, CLOSED: _count_closed, SERVED: _count_served}[basis]
        counter(session, lo, hi, office_ids, want, standards, rows)
    return {k: v for k, v in rows.items() if (v[0] or v[1]) and k[2] in want}


def _within(column: Any, office_ids: frozenset[int] | None) -> list[Any]:
    return [] if office_ids is None else [column.in_(sorted(office_ids))]


def _count_accepted(
    session: Session,
    lo: date,
    hi: date,
    office_ids: frozenset[int] | None,
    want: frozenset[str],
    _standards: list[SubsidyStandard] | None,
    rows: dict[_Row, list[int]],
) -> None:
    """A case counts on its 受理日期; rejected and withdrawn applications are not cases."""
    in_period = (CaseRecord.accepted_on >= lo, CaseRecord.accepted_on <= hi,
                 CaseRecord.state.not_in([s.value for s in NOT_CASES]),
                 *_within(CaseRecord.office_id, office_ids))  # fmt: skip
    day, office = CaseRecord.accepted_on, CaseRecord.office_id
    columns = (office, day, CaseRecord.case_type, CaseRecord.source, CaseRecord.cross_region,
               CaseRecord.major_difficult)  # fmt: skip
    aided_sum = func.coalesce(func.sum(func.coalesce(CaseRecord.aided_persons, 1)), 0)
    for o, d, case_type, source, cross, major, count, aided in session.execute(
        select(*columns, func.count(), aided_sum).where(*in_period).group_by(*columns)
    ):
        rows[(d, o, "cases", "", "")][0] += count
        rows[(d, o, "type", case_type, "")][0] += count
        rows[(d, o, "source", source, "")][0] += count
        rows[(d, o, "aided", "", "")][0] += int(aided or 0)
        if cross:
            rows[(d, o, "cross", "", "")][0] += count
        if major:
            rows[(d, o, "major", "", "")][0] += count
    if "handler" in want:  # by the current handler's type; cases without one left out
        for o, d, kind, count in session.execute(
            select(office, day, HandlerRecord.handler_type, func.count())
            .join(HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
            .where(*in_period)
            .group_by(office, day, HandlerRecord.handler_type)
        ):
            rows[(d, o, "handler", kind, "")][0] += count
    if "group" in want:  # a case counts once per group it belongs to
        for o, d, group, count in session.execute(
            select(office, day, CaseGroupRecord.group_name, func.count())
            .join(CaseGroupRecord, CaseGroupRecord.case_id == CaseRecord.id)
            .where(*in_period)
            .group_by(office, day, CaseGroupRecord.group_name)
        ):
            rows[(d, o, "group", group, "")][0] += count


def _count_closed(
    session: Session,
    lo: date,
    hi: date,
    office_ids: frozenset[int] | None,
    want: frozenset[str],
    standards: list[SubsidyStandard] | None,
    rows: dict[_Row, list[int]],
) -> None:
    """Closed: 已结案 or 已归档 on 结案日期, with 挽回经济损失 and 质量等级 (ungraded left out);
    subsidy: also 终止 — the amount paid where recorded, else the amount approved, else what
    the standard in force on the 指派日期 computes."""
    closed_in = (CaseRecord.closed_on >= lo, CaseRecord.closed_on <= hi,
                 *_within(CaseRecord.office_id, office_ids))  # fmt: skip
    day, office = CaseRecord.closed_on, CaseRecord.office_id
    subsidy_states = [s.value for s in SUBSIDY_STATES]
    closed_states = {s.value for s in CLOSED_STATES}
    paid_columns = (office, day, CaseRecord.state, CaseRecord.quality_grade,
                    CaseRecord.subsidy_paid.is_(None))  # fmt: skip
    for o, d, state, grade, unpaid, count, paid, recovered in session.execute(
        select(*paid_columns, func.count(), func.sum(func.round(CaseRecord.subsidy_paid * 100)),
               func.sum(func.round(CaseRecord.recovered_amount * 100)))
        .where(*closed_in, CaseRecord.state.in_(subsidy_states))
        .group_by(*paid_columns)
    ):  # fmt: skip
        if state in closed_states:
            rows[(d, o, "closed", "", "")][0] += count
            rows[(d, o, "recovered", "", "")][1] += _fen(recovered)
            if grade:
                rows[(d, o, "quality", grade, "")][0] += count
        if not unpaid:
            rows[(d, o, "subsidy", "", "")][1] += _fen(paid)
    if "closed_acc" in want:  # by the year accepted: those still open when a year began
        accepted_year = extract("year", CaseRecord.accepted_on)
        for o, d, year, count in session.execute(
            select(office, day, accepted_year, func.count())
            .where(*closed_in, CaseRecord.accepted_on.is_not(None),
                   CaseRecord.state.not_in([s.value for s in NOT_CASES]))
            .group_by(office, day, accepted_year)
        ):  # fmt: skip
            rows[(d, o, "closed_acc", f"{int(year):04d}", "")][0] += count
    if "subsidy" in want:
        _count_unpaid(session, closed_in, standards, rows)


def _count_unpaid(
    session: Session,
    closed_in: tuple[Any, ...],
    standards: list[SubsidyStandard] | None,
    rows: dict[_Row, list[int]],
) -> None:
    day, office = CaseRecord.closed_on, CaseRecord.office_id
    subsidy_states = [s.value for s in SUBSIDY_STATES]
    if standards is None:
        standards = [standard for _, standard in stored_standards(session)]
    # Approved but not yet paid: the amount approved (an adjustment included) — the figure
    # finance will pay, not a recomputation.
    reviewed = select(CaseSubsidyRecord.case_id).where(
        CaseSubsidyRecord.state == PaymentState.REVIEWED.value
    )
    approved = func.coalesce(CaseSubsidyRecord.override, CaseSubsidyRecord.computed)
    for o, d, amount in session.execute(
        select(office, day, func.sum(func.round(approved * 100)))
        .join(CaseSubsidyRecord, CaseSubsidyRecord.case_id == CaseRecord.id)
        .where(*closed_in, CaseRecord.subsidy_paid.is_(None),
               CaseSubsidyRecord.state == PaymentState.REVIEWED.value,
               CaseRecord.state.in_(subsidy_states))
        .group_by(office, day)
    ):  # fmt: skip
        rows[(d, o, "subsidy", "", "")][1] += _fen(amount)
    # Otherwise unpaid: what the standard in force on the case's 指派日期 computes (per version).
    assigned = func.coalesce(CaseRecord.assigned_on, CaseRecord.accepted_on, CaseRecord.applied_on)
    unpaid_columns = (office, day, CaseRecord.state, CaseRecord.case_type,
                      CaseRecord.stage, CaseRecord.cross_region, CaseRecord.major_difficult,
                      CaseRecord.region_tier, CaseRecord.aided_persons, CaseRecord.subsidy_days,
                      CaseRecord.stages_completed, CaseRecord.stages_total,
                      CaseRecord.terminated_share, CaseRecord.quality_grade,
                      CaseRecord.outcome, CaseRecord.hearing, CaseRecord.enforcement,
                      CaseRecord.notification_ground, CaseRecord.possible_life_or_death,
                      CaseRecord.joined_cases,
                      HandlerRecord.handler_type)  # fmt: skip
    for standard in standards:
        in_force = [assigned >= standard.effective_from]
        if standard.effective_to is not None:
            in_force.append(assigned <= standard.effective_to)
        found = session.execute(
            select(*unpaid_columns, func.count())
            .outerjoin(HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
            .where(*closed_in, *in_force, CaseRecord.subsidy_paid.is_(None),
                   CaseRecord.id.not_in(reviewed), CaseRecord.state.in_(subsidy_states))
            .group_by(*unpaid_columns)
        )  # fmt: skip
        for (o, d, state, case_type, stage, cross, major, tier, persons, days, done, total,
             share, grade, outcome, hearing, enforcement, ground, life, joined, handler_type,
             count) in found:  # fmt: skip
            facts = SubsidyFacts(
                case_type=CaseType(case_type), stage=Stage(stage) if stage else None,
                handler_type=HandlerType(handler_type) if handler_type else None,
                cross_region=bool(cross), major_difficult=bool(major),
                region_tier=RegionTier(tier) if tier else None,
                extra_persons=max((persons or 1) - 1, 0), days=days_from_text(days),
                terminated=state == CaseState.TERMINATED.value,
                stages_completed=done or 0, stages_total=total or 0,
                quality_grade=QualityGrade(grade) if grade else None,
                outcome=Outcome(outcome) if outcome else None,
                hearing=Hearing(hearing) if hearing else None,
                enforcement=Enforcement(enforcement) if enforcement else None,
                life_or_death=bool(life) or ground in LIFE_OR_DEATH,
                extra_cases=max((joined or 1) - 1, 0),
                recorded_share=share,  # a clerk's share of a terminated case (its reason
            )  # fmt: skip                # words the breakdown only, not the amount)
            amount = calculate(standard, facts).amount * count  # whole 分 (domain/subsidy)
            rows[(d, o, "subsidy", "", "")][1] += int(amount * 100)


def _count_served(
    session: Session,
    lo: date,
    hi: date,
    office_ids: frozenset[int] | None,
    want: frozenset[str],
    _standards: list[SubsidyStandard] | None,
    rows: dict[_Row, list[int]],
) -> None:
    """Services on their 服务日期: person-times by kind and 方式; duty help rows by items."""
    in_period = (AidServiceRecord.served_on >= lo, AidServiceRecord.served_on <= hi,
                 *_within(AidServiceRecord.office_id, office_ids))  # fmt: skip
    day, office = AidServiceRecord.served_on, AidServiceRecord.office_id
    # Only a consultation's 方式 is a channel (duty help names a station, drafting a document
    # kind): the others are counted without it.
    channel = case(
        (AidServiceRecord.kind == ServiceKind.CONSULTATION.value, AidServiceRecord.channel),
        else_=None,
    )
    if "service" in want:
        columns = (office, day, AidServiceRecord.kind, channel)
        for o, d, kind, way, times in session.execute(
            select(*columns, func.sum(AidServiceRecord.person_times))
            .where(*in_period)
            .group_by(*columns)
        ):
            rows[(d, o, "service", kind, way or "")][0] += int(times or 0)
    if "help" in want:
        for o, d, items, count in session.execute(
            select(office, day, AidServiceRecord.help_items, func.count())
            .where(*in_period, AidServiceRecord.kind == ServiceKind.DUTY_HELP.value)
            .group_by(office, day, AidServiceRecord.help_items)
        ):
            if items:
                rows[(d, o, "help", items, "")][0] += count


def recounted(
    session: Session,
    basis: str,
    lo: date,
    hi: date,
    *,
    office_ids: frozenset[int] | None = None,
    wanted: frozenset[str] | None = None,
    standards: list[SubsidyStandard] | None = None,
) -> Iterator[Figure]:
    """As ``summed``, all counted from the cases and services (the summary unread): the
    reference the summary is checked against."""
    rows = counted(session, basis, lo, hi, office_ids=office_ids, wanted=wanted,
                   standards=standards)  # fmt: skip
    for (d, office, figure, key, sub), (n, fen) in rows.items():
        yield Figure(office, figure, key, sub, d.month, n, fen)


# -- reading: the summary for clean days, the cases for marked ones ---------------------------
def _marked(session: Session, basis: str, lo: date, hi: date) -> list[date]:
    return sorted(
        session.scalars(
            select(FigureDirtyRecord.day).where(
                FigureDirtyRecord.basis == basis,
                FigureDirtyRecord.day >= lo,
                FigureDirtyRecord.day <= hi,
            )
        )
    )


def clusters(days: Iterable[date], gap: int = CLUSTER_GAP) -> list[tuple[date, date]]:
    """Sorted days as ranges, days closer than ``gap`` in one range."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if ranges and (day - ranges[-1][1]).days < gap:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


def summed(
    session: Session,
    basis: str,
    lo: date,
    hi: date,
    *,
    office_ids: frozenset[int] | None = None,
    wanted: frozenset[str] | None = None,
    standards: list[SubsidyStandard] | None = None,
) -> Iterator[Figure]:
    """The figures of ``basis`` from ``lo`` to ``hi``, by office, figure and month: the
    summary's rows for the days not marked, the days marked counted afresh."""
    marked = _marked(session, basis, lo, hi)
    day = FigureDayRecord.day
    where = [FigureDayRecord.basis == basis, day >= lo, day <= hi,
             *_within(FigureDayRecord.office_id, office_ids)]  # fmt: skip
    if wanted is not None:
        where.append(FigureDayRecord.figure.in_(sorted(wanted & FIGURES[basis])))
    if marked:
        where.append(
            ~exists().where(FigureDirtyRecord.basis == basis, FigureDirtyRecord.day == day)
        )
    month = extract("month", day)
    columns = (FigureDayRecord.office_id, FigureDayRecord.figure, FigureDayRecord.key,
               FigureDayRecord.sub, month)  # fmt: skip
    for office, figure, key, sub, number, n, fen in session.execute(
        select(*columns, func.sum(FigureDayRecord.n), func.sum(FigureDayRecord.fen))
        .where(*where)
        .group_by(*columns)
    ):
        yield Figure(office, figure, key, sub, int(number), int(n), int(fen))
    dirty = set(marked)
    for a, b in clusters(marked):
        rows = counted(session, basis, a, b, office_ids=office_ids, wanted=wanted,
                       standards=standards)  # fmt: skip
        for (d, office, figure, key, sub), (n, fen) in rows.items():
            if d in dirty:  # the range's other days are in the summary
                yield Figure(office, figure, key, sub, d.month, n, fen)


# -- keeping the summary ---------------------------------------------------------------------
def _write(session: Session, basis: str, rows: dict[_Row, list[int]]) -> None:
    values = [
        {"basis": basis, "day": d, "office_id": o, "figure": f, "key": k, "sub": s, "n": n,
         "fen": fen}
        for (d, o, f, k, s), (n, fen) in rows.items()
    ]  # fmt: skip
    for start in range(0, len(values), 5000):
        session.execute(insert(FigureDayRecord), values[start : start + 5000])


def sum_marked(session: Session, limit: int | None = None) -> int:
    """Sum the marked days (the first ``limit`` of them) again in the caller's write
    transaction; returns the marks cleared. A mark made again meanwhile (its ``touched``
    moved on) stays for the next time."""
    marks = list(
        session.execute(
            select(FigureDirtyRecord.basis, FigureDirtyRecord.day, FigureDirtyRecord.touched)
            .order_by(FigureDirtyRecord.basis, FigureDirtyRecord.day)
            .limit(limit)
        )
    )
    if not marks:
        return 0
    standards = [standard for _, standard in stored_standards(session)]
    by_basis: dict[str, list[date]] = defaultdict(list)
    for basis, day, _ in marks:
        by_basis[basis].append(day)
    for basis, days in by_basis.items():
        dirty = set(days)
        for a, b in clusters(days):
            rows = counted(session, basis, a, b, standards=standards)
            session.execute(
                delete(FigureDayRecord).where(
                    FigureDayRecord.basis == basis,
                    FigureDayRecord.day.in_(sorted(d for d in dirty if a <= d <= b)),
                )
            )
            _write(session, basis, {k: v for k, v in rows.items() if k[0] in dirty})
    table = cast(Table, FigureDirtyRecord.__table__)
    session.execute(
        delete(table).where(table.c.basis == bindparam("b"), table.c.day == bindparam("d"),
                            table.c.touched == bindparam("t")),
        [{"b": b, "d": d, "t": t} for b, d, t in marks],
    )  # fmt: skip
    return len(marks)


DAYS_PER_IMPORT_PASS = 92
# PostgreSQL: one transaction at a time sums marked days, so two never write the same day.
SUMMING_LOCK = 20260026


def sum_in_import(session: Session) -> int:
    """Sum every marked day in the caller's write transaction — an import's, so the days it
    marked are summed with it (the first statistics after it need not count a year from the
    cases) and a cancelled import leaves the summary as it was. On PostgreSQL it waits for a
    refresh running elsewhere to end."""
    _hold_summing_lock(session)
    cleared = 0
    while True:  # a quarter's days per pass: what one pass holds in memory stays small
        done = sum_marked(session, DAYS_PER_IMPORT_PASS)
        cleared += done
        if done < DAYS_PER_IMPORT_PASS:
            return cleared


def _hold_summing_lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SELECT pg_advisory_xact_lock({SUMMING_LOCK})"))


def rebuild(session: Session) -> int:
    """Recompute the whole summary from the cases and services (in the caller's write
    transaction); returns the summary rows written."""
    _hold_summing_lock(session)
    session.execute(delete(FigureDirtyRecord))
    session.execute(delete(FigureDayRecord))
    standards = [standard for _, standard in stored_standards(session)]
    bounds: dict[str, tuple[Any, Any]] = {
        ACCEPTED: (func.min(CaseRecord.accepted_on), func.max(CaseRecord.accepted_on)),
        CLOSED: (func.min(CaseRecord.closed_on), func.max(CaseRecord.closed_on)),
        SERVED: (func.min(AidServiceRecord.served_on), func.max(AidServiceRecord.served_on)),
    }
    written = 0
    for basis, (low, high) in bounds.items():
        lo, hi = session.execute(select(low, high)).one()
        if lo is None:
            continue
        lo, hi = _as_date(lo), _as_date(hi)
        # A year at a time: the rows of one year are what one pass holds in memory.
        for year in range(lo.year, hi.year + 1):
            rows = counted(session, basis, max(lo, date(year, 1, 1)),
                           min(hi, date(year, 12, 31)), standards=standards)  # fmt: skip
            _write(session, basis, rows)
            written += len(rows)
    return written


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


# A refresh sums this many marked days per transaction (a fortnight of a province's cases
# is about a second's work: a writer waits at most that long) and goes on for at most this
# long per call; what is left is counted from the cases by the read and summed next time.
DAYS_PER_TRANSACTION = 14
REFRESH_SECONDS = 2.0


def refresh(db: Database, *, seconds: float = REFRESH_SECONDS) -> int | None:
    """Sum the marked days again as far as that can be done now, without waiting for a
    writer (SQLite: a fifth of a second for the write lock; PostgreSQL: not while another
    refresh runs). Returns the marks cleared, or None when it gave way at once — the figures
    are exact either way."""
    deadline = time.monotonic() + seconds
    cleared = 0
    while True:
        done = _refresh_some(db)
        if done is None:
            return cleared or None
        cleared += done
        if done < DAYS_PER_TRANSACTION or time.monotonic() > deadline:
            return cleared


def _refresh_some(db: Database) -> int | None:
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # a connection of its own (NullPool): the setting ends with it; set on the
            # driver's connection, which begins no transaction
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("PRAGMA busy_timeout=200")
        with Session(bind=connection) as session:
            try:
                if (
                    not sqlite
                    and not session.execute(
                        text(f"SELECT pg_try_advisory_xact_lock({SUMMING_LOCK})")
                    ).scalar()
                ):
                    return None
                cleared = sum_marked(session, DAYS_PER_TRANSACTION)
                session.commit()
            except DBAPIError:
                session.rollback()
                return None
    return cleared
