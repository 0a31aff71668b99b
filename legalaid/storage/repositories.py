"""Queries the services need, kept in one place so services stay free of SQL dialects."""

from __future__ import annotations

import functools
import json
import operator
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Select,
    String,
    Table,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
    union,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.expression import ColumnClause
from sqlalchemy.types import TypeEngine

from legalaid.domain.ledger import Duplicates
from legalaid.domain.numbering import number_key, number_tails, numbers_for, typed_number
from legalaid.storage.records import (
    Base,
    CaseRecord,
    CaseSearchRecord,
    CounterRecord,
    FirmRecord,
    HandlerRecord,
    OfficeRecord,
    PersonRecord,
    SettingRecord,
    TargetRecord,
)


def office_by_code(session: Session, code: str) -> OfficeRecord | None:
    return session.scalar(select(OfficeRecord).where(OfficeRecord.code == code))


def offices_by_code(session: Session) -> dict[str, OfficeRecord]:
    return {o.code: o for o in session.scalars(select(OfficeRecord))}


def firm_by_name(session: Session, name: str) -> FirmRecord | None:
    return session.scalar(select(FirmRecord).where(FirmRecord.name == name))


def handler_by_name(session: Session, name: str, firm_id: int | None) -> HandlerRecord | None:
    query = select(HandlerRecord).where(HandlerRecord.name == name)
    query = query.where(
        HandlerRecord.firm_id.is_(None) if firm_id is None else HandlerRecord.firm_id == firm_id
    )
    return session.scalar(query)


def person_by_id_number(session: Session, id_number: str) -> PersonRecord | None:
    return session.scalar(select(PersonRecord).where(PersonRecord.id_number == id_number))


def case_by_number(session: Session, case_no: str) -> CaseRecord | None:
    return session.scalar(select(CaseRecord).where(CaseRecord.case_no == case_no))


def cases_on_file(
    session: Session,
    days: Iterable[date],
    *,
    prefix: str = "",
    into: Duplicates | None = None,
) -> Duplicates:
    """The cases applied for on these days, as the duplicate rule compares them, each known by
    ``prefix`` + its 案号 (a few hundred days per query), added to ``into`` when given."""
    known = into if into is not None else Duplicates()
    ordered = sorted(set(days))
    for start in range(0, len(ordered), 300):
        query = (
            select(CaseRecord.case_no, PersonRecord.id_number, PersonRecord.name,
                   CaseRecord.applied_on, CaseRecord.case_type)
            .join(PersonRecord, PersonRecord.id == CaseRecord.person_id)
            .where(CaseRecord.applied_on.in_(ordered[start : start + 300]))
        )  # fmt: skip
        for case_no, id_number, name, applied_on, case_type in session.execute(query):
            known.add(id_number, name, applied_on, case_type, f"{prefix}{case_no}")
    return known


def set_case_numbers(session: Session, numbers: Sequence[tuple[int, str]]) -> None:
    """Give cases (by id) their 案号, with its year and sequence for sorting."""
    if numbers:
        table = CaseRecord.__table__
        assert isinstance(table, Table)
        statement = (
            table.update()
            .where(table.c.id == bindparam("ident"))
            .values(case_no=bindparam("no"), number_year=bindparam("y"), number_seq=bindparam("s"))
        )
        session.execute(
            statement,
            [{"ident": i, "no": n, "y": y, "s": s} for i, n in numbers for y, s in [number_key(n)]],
        )


# One statement compiled once for any list (an expanding parameter): a literal list is
# coerced value by value, which at 500 values a chunk cost a large import half a second.
_CASE_NUMBERS = select(CaseRecord.case_no).where(
    CaseRecord.case_no.in_(bindparam("numbers", expanding=True))
)


def existing_case_numbers(session: Session, numbers: Iterable[str]) -> set[str]:
    found: set[str] = set()
    wanted = list(numbers)
    for start in range(0, len(wanted), 500):
        found.update(session.scalars(_CASE_NUMBERS, {"numbers": wanted[start : start + 500]}))
    return found


_PERSONS_BY_ID_NUMBER = select(PersonRecord.id_number, PersonRecord.id).where(
    PersonRecord.id_number.in_(bindparam("numbers", expanding=True))
)


def persons_by_id_number(session: Session, numbers: Sequence[str]) -> dict[str, int]:
    """ID number → person id of those on file."""
    found: dict[str, int] = {}
    for start in range(0, len(numbers), 500):
        rows = session.execute(_PERSONS_BY_ID_NUMBER, {"numbers": numbers[start : start + 500]})
        found.update({str(number): int(ident) for number, ident in rows})
    return found


def insert_import_trail(
    session: Session, case_ids: Sequence[int], *, at: datetime, actor: str, action: str
) -> None:
    """The timeline's first event and the handler's first spell of freshly inserted cases,
    made by the database from the case rows themselves (no row of Python per case)."""
    if not case_ids:
        return
    connection = session.connection()
    ids: Any = list(case_ids)  # PostgreSQL binds the list as an array
    chosen = "c.id = ANY(:ids)"
    if connection.dialect.name == "sqlite":
        ids, chosen = json.dumps(ids), "c.id IN (SELECT value FROM json_each(:ids))"
    connection.execute(
        text(
            "INSERT INTO case_events (case_id, at, actor, action, from_state, to_state, detail)"
            f" SELECT c.id, :at, :actor, :action, NULL, c.state, NULL FROM cases c WHERE {chosen}"
            " ORDER BY c.id"
        ),
        {"ids": ids, "at": at, "actor": actor, "action": action},
    )
    connection.execute(
        text(
            "INSERT INTO assignments (case_id, handler_id, assigned_on, ended_on, reason)"
            " SELECT c.id, c.handler_id, coalesce(c.assigned_on, c.accepted_on, c.applied_on),"
            f" NULL, NULL FROM cases c WHERE c.handler_id IS NOT NULL AND {chosen} ORDER BY c.id"
        ),
        {"ids": ids},
    )


def reserve_sequence(
    session: Session, *, office_id: int, year: int, kind: str, count: int = 1
) -> int:
    """Reserve ``count`` numbers; returns the last one. A counter row updated in the caller's
    transaction (UPDATE … RETURNING) serialises concurrent writers — never max()+1."""
    dialect = session.get_bind().dialect.name
    values = {"office_id": office_id, "year": year, "kind": kind, "last_value": 0}
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(CounterRecord)
    session.execute(insert.values(**values).on_conflict_do_nothing())
    last = session.execute(
        update(CounterRecord)
        .where(
            CounterRecord.office_id == office_id,
            CounterRecord.year == year,
            CounterRecord.kind == kind,
        )
        .values(last_value=CounterRecord.last_value + count)
        .returning(CounterRecord.last_value)
    ).scalar_one()
    return int(last)


def raise_sequence(
    session: Session, *, office_id: int, year: int, kind: str, at_least: int
) -> None:
    """Make sure the counter is past a number taken from outside (an imported case number)."""
    current = reserve_sequence(session, office_id=office_id, year=year, kind=kind, count=0)
    if current < at_least:
        session.execute(
            update(CounterRecord)
            .where(
                CounterRecord.office_id == office_id,
                CounterRecord.year == year,
                CounterRecord.kind == kind,
            )
            .values(last_value=at_least)
        )


def reserve_ids(session: Session, table: str, count: int) -> list[int]:
    """Primary keys for a bulk insert without RETURNING (which SQLAlchemy splices row by row
    and makes a large import quadratic). PostgreSQL draws them from the table's sequence;
    SQLite continues after the largest id, which is safe because a writing unit of work holds
    the database's write lock (BEGIN IMMEDIATE) until it commits."""
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        rows = session.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table, "n": count},
        ).scalars()
        return [int(r) for r in rows]
    last = session.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one()
    return list(range(int(last) + 1, int(last) + count + 1))


_SAMPLES: dict[type, Any] = {
    date: date(2025, 3, 4),
    datetime: datetime(2025, 3, 4, 5, 6, 7, 890),
    bool: True,
    Decimal: Decimal("1234.50"),
}


# A bulk insert stamps all its rows with one time (created_at, updated_at, an event's at):
# rendered once, not 600,000 times in a 200,000-row import.
@functools.lru_cache(maxsize=64)
def _datetime_text(value: datetime) -> str:
    return value.isoformat(" ", "microseconds")


# The driver renders dates, times and booleans itself, at C speed per value, as the same text
# SQLite stores through SQLAlchemy's types (each checked against SQLAlchemy's rendering on a
# sample before the fast path below leaves it to the driver).
sqlite3.register_adapter(date, date.isoformat)
sqlite3.register_adapter(datetime, _datetime_text)
sqlite3.register_adapter(Decimal, float)  # SQLAlchemy's Numeric on SQLite stores floats


def _driver_renders(python_type: type, processor: Callable[[Any], Any]) -> bool:
    sample = _SAMPLES[python_type]
    adapter = sqlite3.adapters.get((python_type, sqlite3.PrepareProtocol))
    return bool((sample if adapter is None else adapter(sample)) == processor(sample))


def _fast_processor(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """None where the driver's own rendering of a value is what SQLAlchemy would bind."""
    processor = column_type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return None
    try:
        python_type = column_type.python_type
    except NotImplementedError:  # a type without one: SQLAlchemy's own conversion
        return processor
    if python_type in _SAMPLES and _driver_renders(python_type, processor):
        return None
    return processor


def _executemany(
    session: Session, table: Table, statement: Insert, rows: Sequence[dict[str, Any]]
) -> int:
    """executemany of rows that all have the same keys. On SQLite the statement is compiled
    once and each row becomes a tuple through its columns' own type conversions, straight to
    the driver: SQLAlchemy's per-row parameter building costs more than SQLite's insert on a
    200,000-row import. PostgreSQL keeps SQLAlchemy's batched multi-row VALUES. Returns the
    rows written as the driver counts them (-1 where it does not)."""
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    width = len(keys)
    # Same keys: the same number of them here, and none missing (KeyError) below.
    if dialect.name != "sqlite" or any(size != width for size in map(len, rows)):
        return connection.execute(statement, list(rows)).rowcount
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or ())
    # Columns the rows leave out that have a plain Python default (cases.joined_cases = 1):
    # the same value for every row, as SQLAlchemy would have put in.
    defaults: dict[str, Any] = {}
    for key in set(order) - set(keys):
        default = table.c[key].default if key in table.c else None
        if default is None or not default.is_scalar:
            return connection.execute(statement, list(rows)).rowcount  # the general path
        defaults[key] = default.arg  # type: ignore[attr-defined]
    if defaults:
        rows = [{**defaults, **row} for row in rows]
    processors = [_fast_processor(table.c[key].type, dialect) for key in order]
    converted = [(i, p) for i, p in enumerate(processors) if p is not None]
    pick = operator.itemgetter(*order)
    params: list[tuple[Any, ...]] = []
    try:
        for row in rows:
            values = pick(row)
            if len(order) == 1:
                values = (values,)
            if converted:
                cells = list(values)
                for i, processor in converted:
                    if cells[i] is not None:
                        cells[i] = processor(cells[i])
                values = tuple(cells)  # the driver layer takes tuples only
            params.append(values)
    except KeyError:  # rows with different keys: SQLAlchemy's general path
        return connection.execute(statement, list(rows)).rowcount
    return connection.exec_driver_sql(compiled.string, params).rowcount


def bulk_insert(session: Session, record: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """executemany of plain rows into a record's table (no ORM bookkeeping, no RETURNING)."""
    if rows:
        table = record.__table__
        assert isinstance(table, Table)
        _executemany(session, table, table.insert(), rows)


def bulk_set_deadlines(session: Session, changes: Sequence[dict[str, Any]]) -> None:
    """Store recomputed deadlines (``case_id``, ``due_on``, ``deadline_kind``). A derived
    column: the case's version is left alone so no clerk's open edit turns stale over it."""
    if changes:
        table = CaseRecord.__table__
        assert isinstance(table, Table)
        statement = (
            table.update()
            .where(table.c.id == bindparam("case_id"))
            .values(due_on=bindparam("due"), deadline_kind=bindparam("kind"))
        )
        session.execute(statement, list(changes))


def get_setting(session: Session, key: str) -> str | None:
    record = session.get(SettingRecord, key)
    return record.value if record else None


def put_setting(session: Session, key: str, value: str) -> None:
    record = session.get(SettingRecord, key)
    if record is None:
        session.add(SettingRecord(key=key, value=value))
    else:
        record.value = value


def target_for(session: Session, year: int, office_id: int | None) -> int | None:
    query = select(func.sum(TargetRecord.cases), func.count()).where(TargetRecord.year == year)
    if office_id is not None:
        query = query.where(TargetRecord.office_id == office_id)
    total, rows = session.execute(query).one()
    return int(total) if rows else None


# -- search -------------------------------------------------------------------------------
_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_LETTERS = re.compile(r"^[a-z]+$")
_ID_NUMBER = re.compile(r"^\d{17}[\dx]$")


class Abandoned(Exception):
    """The read was given up: its answer is no longer wanted (``abandonable``)."""


# SQLite asks the progress handler every this many virtual-machine steps (about 0.3 ms).
_PROGRESS_STEPS = 5000


@contextmanager
def abandonable(session: Session, abandoned: Callable[[], bool]) -> Iterator[None]:
    """Reads in this block stop with ``Abandoned`` soon after ``abandoned()`` turns true: a
    count of half a million cases that a newer search made useless does not go on taking a
    core from the page the clerk now waits for. SQLite asks between its steps; PostgreSQL
    counts on the server, so it is only asked before."""
    if abandoned():
        raise Abandoned
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    driver.set_progress_handler(lambda: 1 if abandoned() else 0, _PROGRESS_STEPS)
    try:
        yield
    except OperationalError as exc:
        # "interrupted", or a step it stopped named otherwise ("vtable constructor failed").
        if abandoned():
            raise Abandoned from exc
        raise
    finally:
        driver.set_progress_handler(None, 0)


def normalize_query(query: str) -> str:
    return re.sub(r"\s+", "", query).lower()


def search_filter(session: Session, query: str, *, ordered: bool = False) -> Any:
    """A SQL condition on ``cases.id`` matching a search for number, name, ID, phone or
    pinyin. SQLite uses the FTS5 indexes (trigram needs three characters, so shorter Chinese
    names go through the per-character index); PostgreSQL the same matches as LIKE patterns
    its pg_trgm indexes answer (``_row_match``). A case number typed loosely (潭法援(2026)228,
    2026第228, 228号) finds the number it means.
    ``ordered``: for a page of the list in its order (not a count)."""
    q = normalize_query(query)
    found = _text_filter(session, q, ordered)
    alternatives = _number_alternatives(session, q)
    if not alternatives:
        return found
    pg = session.get_bind().dialect.name != "sqlite"
    if alternatives[0] == "exact" and pg and not _ID_NUMBER.match(q):
        # PostgreSQL cannot look up "in the search rows OR this number" by two indexes and
        # walks every case instead (0.37 s at a million): one list of ids, unioned.
        ids = select(CaseSearchRecord.case_id).where(_row_match(q, True))
        exact = select(CaseRecord.id).where(alternatives[1])
        return CaseRecord.id.in_(union(ids, exact))
    return or_(found, alternatives[1])


def _number_alternatives(session: Session, q: str) -> tuple[str, Any] | tuple[()]:
    """What a case number typed loosely adds to a search: ("exact", the numbers it means,
    through the unique index) or ("tails", every number ending so — 228号, a scan asked
    for explicitly), or nothing."""
    typed = typed_number(q)
    if typed is None:
        return ()
    offices = [(str(p), str(n)) for p, n in session.execute(
        select(OfficeRecord.prefix, OfficeRecord.number_pattern)
    )]  # fmt: skip
    numbers = numbers_for(typed, offices)
    if numbers:
        return ("exact", CaseRecord.case_no.in_(numbers))
    if typed.year is None and (q.endswith("号") or q.startswith("第")):
        tails = number_tails(typed, sorted({n for _, n in offices}))
        return ("tails", or_(*(CaseRecord.case_no.like("%" + _escape_like(t), escape="\\")
                               for t in tails)))  # fmt: skip
    return ()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# A search matching at least this many cases reads a page by walking the list's order and
# keeping the matches; below it, by looking the matches up and sorting them.
BROAD_SEARCH = 2000


def _text_filter(session: Session, q: str, ordered: bool = False) -> Any:
    if _ID_NUMBER.match(q):
        # A whole ID number (typed, or read from the card): the unique index answers at once,
        # where eighteen digits would be sixteen common trigrams.
        return CaseRecord.person_id.in_(
            select(PersonRecord.id).where(PersonRecord.id_number == q.upper())
        )
    if session.get_bind().dialect.name != "sqlite":
        return CaseRecord.id.in_(select(CaseSearchRecord.case_id).where(_row_match(q, True)))
    ids = _fts_ids(q)
    if ids is None:
        return CaseRecord.id.in_(select(CaseSearchRecord.case_id).where(_row_match(q, False)))
    if ordered and _at_least(session, ids, BROAD_SEARCH):
        # SQLite would look up each of the matches (80,000 for "z", 480,000 for "2026") and
        # sort them all for one page: with ``id + 0`` it cannot use the key for the match, so
        # it walks the list's own index in order and stops at the page (0.17 → 0.04 s, 0.44 →
        # 0.10 s at a million cases); a rare name still goes by its few matches (0.8 ms).
        return (CaseRecord.id + 0).in_(ids)
    return CaseRecord.id.in_(ids)


def _fts_ids(q: str) -> Select[Any] | None:
    """SQLite: the ids of the matching cases from the FTS5 indexes (None: no index fits)."""
    if _LETTERS.match(q):
        # Pinyin: initials (zs) or a spelling (zhang, zhangsan), matched as a token prefix.
        index, match = "case_search_tok", q + "*"
    elif len(q) >= 3:
        index, match = "case_search_tri", '"' + q.replace('"', '""') + '"'
    elif _CJK.match(q):
        # Adjacent characters: a phrase of one-character tokens.
        index, match = "case_search_tok", '"' + " ".join(q) + '"'
    else:
        return None
    return (
        select(text("rowid"))
        .select_from(text(index))
        .where(text(f"{index} MATCH :m").bindparams(m=match))
    )


# The tokens with a space on each side, so that every token is a word bounded on both sides
# (as PostgreSQL's trigram index holds them, migration 0027).
_SPACED_TOKENS: ColumnClause[str] = literal_column("(' ' || case_search.tokens || ' ')", String())


def _row_match(q: str, any_case: bool) -> Any:
    """A search row matching as the FTS5 indexes match, in LIKE patterns (that pg_trgm's
    indexes answer): a pinyin token's prefix (`` zs%``), a phrase of one-character tokens
    (`` 许 天 ``), a substring of the terms (``any_case``: of any letter's case, as FTS5;
    SQLite's LIKE already is for the Latin letters the terms hold)."""
    if _LETTERS.match(q):
        return _SPACED_TOKENS.like("% " + q + "%")
    if len(q) < 3 and _CJK.match(q):
        return _SPACED_TOKENS.like("% " + " ".join(q) + " %")
    like = "%" + _escape_like(q) + "%"
    terms = CaseSearchRecord.terms
    return terms.ilike(like, escape="\\") if any_case else terms.like(like, escape="\\")


def search_by_row(session: Session, query: str) -> Any | None:
    """SQLite, a search by the FTS5 indexes (and no typed case number): a condition testing
    each case's own search row by its key, for reading the head of a list in its order
    instead of first collecting every match (480,000 for "2025" at a million cases: 0.1 s
    before the first row; even asking whether there are 2,000 of "z…" takes 30 ms). None
    when only the usual way applies."""
    q = normalize_query(query)
    if session.get_bind().dialect.name != "sqlite" or not q or _ID_NUMBER.match(q):
        return None
    if _fts_ids(q) is None or _number_alternatives(session, q):
        return None
    return (
        select(CaseSearchRecord.case_id)
        .where(CaseSearchRecord.case_id == CaseRecord.id, _row_match(q, False))
        .exists()
    )


def _at_least(session: Session, ids: Select[Any], count: int) -> bool:
    """Whether the search matches ``count`` cases or more (reads no further than that)."""
    probe = select(func.count()).select_from(ids.limit(count).subquery())
    return (session.scalar(probe) or 0) >= count


def upsert_search_terms(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or replace the search rows of cases (``case_id``, ``terms``, ``tokens``)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    table = CaseSearchRecord.__table__
    assert isinstance(table, Table)
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    statement = insert.on_conflict_do_update(
        index_elements=[table.c.case_id],
        set_={"terms": insert.excluded.terms, "tokens": insert.excluded.tokens},
    )
    if dialect != "sqlite":
        session.connection().execute(statement, list(rows))
        return
    # SQLite's full-text indexes: a replaced row is re-indexed by its UPDATE trigger; new rows
    # are indexed here in one statement per index (migration 0020), not a trigger per row.
    connection = session.connection()
    ids = json.dumps([row["case_id"] for row in rows])
    present = "SELECT case_id FROM case_search WHERE case_id IN (SELECT value FROM json_each(:ids))"
    existing = set(connection.execute(text(present), {"ids": ids}).scalars())
    _executemany(session, table, statement, rows)
    new = json.dumps([row["case_id"] for row in rows if row["case_id"] not in existing])
    for index, column in (("case_search_tri", "terms"), ("case_search_tok", "tokens")):
        connection.execute(
            text(
                f"INSERT INTO {index}(rowid, {column}) SELECT case_id, {column} FROM case_search"
                " WHERE case_id IN (SELECT value FROM json_each(:ids))"
            ),
            {"ids": new},
        )


def insert_missing(
    session: Session, record: type[Base], rows: Sequence[dict[str, Any]], *key: str
) -> bool:
    """Insert rows whose ``key`` (a unique column) is not taken — by this transaction or by
    another desktop importing at the same moment (INSERT … ON CONFLICT DO NOTHING). True when
    the driver counted every row written (none was taken meanwhile)."""
    if not rows:
        return True
    table = record.__table__
    assert isinstance(table, Table)
    dialect = session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    statement = insert.on_conflict_do_nothing(index_elements=list(key))
    return _executemany(session, table, statement, rows) == len(rows)
