"""The statistics' daily summary (migration 0026) is a copy, never the truth: after any mix of
changes — made by any path, here plain SQL as a database tool would — the figures it gives are
those counted from the cases and services themselves, whether the marked days have been summed
again or not; a rebuild gives the same rows as the refreshes; a rolled-back change leaves no
mark."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from legalaid.domain.aid_services import Channel, DutyHelp, ServiceKind
from legalaid.domain.vocabulary import CaseState, HandlerType, QualityGrade
from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.commands.subsidies import PaymentState, stored_standards
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import daily_figures
from legalaid.services.queries.statistics import (
    _collect,
    recount_set,
    statistics_set,
)
from legalaid.storage.records import FigureDayRecord, FigureDirtyRecord
from tests.services.plumbing.test_ledger_files import extended_rows, write_csv

DAYS = st.dates(date(2024, 10, 1), date(2026, 12, 31))
PICK = st.integers(0, 10**6)
MONEY = st.none() | st.decimals(Decimal("0"), Decimal("99999.99"), places=2)
GROUPS = ("老年人", "农民工", "未成年人")

OPERATIONS = st.one_of(
    st.tuples(st.just("accept"), PICK, DAYS),
    st.tuples(st.just("close"), PICK, DAYS,
              st.sampled_from([CaseState.CLOSED, CaseState.ARCHIVED, CaseState.TERMINATED])),
    st.tuples(st.just("reopen"), PICK),
    st.tuples(st.just("state"), PICK, st.sampled_from(list(CaseState))),
    st.tuples(st.just("office"), PICK, PICK),
    st.tuples(st.just("money"), PICK, MONEY, MONEY),
    st.tuples(st.just("grade"), PICK, st.none() | st.sampled_from(list(QualityGrade))),
    st.tuples(st.just("flags"), PICK, st.booleans(), st.booleans(), st.integers(1, 4)),
    st.tuples(st.just("group"), PICK, st.sampled_from(GROUPS), st.booleans()),
    st.tuples(st.just("serve"), PICK, DAYS, st.sampled_from(list(ServiceKind)),
              st.sampled_from(list(Channel)), st.integers(1, 5),
              st.sets(st.sampled_from(list(DutyHelp)), max_size=2)),
    st.tuples(st.just("unserve"), PICK),
    st.tuples(st.just("reserve"), PICK, DAYS),
    st.tuples(st.just("handler"), PICK, st.sampled_from(list(HandlerType))),
    st.tuples(st.just("standard"), DAYS),
    st.tuples(st.just("review"), PICK, MONEY),
    st.tuples(st.just("refresh")),
)  # fmt: skip


@pytest.fixture
def loaded(offices: Context, tmp_path: Path) -> Context:
    import_ledger(offices, write_csv(tmp_path / "ledger.csv", extended_rows()))
    return offices


def _ids(connection: Any, table: str) -> list[int]:
    return [i for (i,) in connection.execute(text(f"SELECT id FROM {table} ORDER BY id"))]


def _apply(ctx: Context, operation: tuple[Any, ...]) -> None:
    """One change in its own transaction, by plain SQL (the triggers see every path)."""
    name, *args = operation
    if name == "refresh":
        daily_figures.refresh(ctx.db)
        return
    with ctx.db.engine.begin() as connection:
        cases, offices = _ids(connection, "cases"), _ids(connection, "offices")
        services, handlers = _ids(connection, "aid_services"), _ids(connection, "handlers")
        case = cases[args[0] % len(cases)] if args and isinstance(args[0], int) else None

        def run(sql: str, **values: Any) -> None:
            connection.execute(text(sql), {"case": case, **values})

        if name == "accept":
            run("UPDATE cases SET accepted_on = :day WHERE id = :case", day=args[1])
        elif name == "close":
            run("UPDATE cases SET closed_on = :day, state = :state WHERE id = :case",
                day=args[1], state=args[2].value)  # fmt: skip
        elif name == "reopen":
            run("UPDATE cases SET closed_on = NULL, state = '承办中' WHERE id = :case")
        elif name == "state":
            run("UPDATE cases SET state = :state WHERE id = :case", state=args[1].value)
        elif name == "office":
            run("UPDATE cases SET office_id = :office WHERE id = :case",
                office=offices[args[1] % len(offices)])  # fmt: skip
        elif name == "money":
            run("UPDATE cases SET subsidy_paid = :paid, recovered_amount = :recovered "
                "WHERE id = :case", paid=args[1], recovered=args[2])  # fmt: skip
        elif name == "grade":
            run("UPDATE cases SET quality_grade = :grade WHERE id = :case",
                grade=args[1].value if args[1] else None)  # fmt: skip
        elif name == "flags":
            run("UPDATE cases SET cross_region = :cross, major_difficult = :major, "
                "aided_persons = :persons WHERE id = :case",
                cross=args[1], major=args[2], persons=args[3])  # fmt: skip
        elif name == "group":
            run("DELETE FROM case_groups WHERE case_id = :case AND group_name = :group",
                group=args[1])  # fmt: skip
            if args[2]:
                run("INSERT INTO case_groups (case_id, group_name, position) "
                    "VALUES (:case, :group, 0)", group=args[1])  # fmt: skip
        elif name == "serve":
            office, day, kind, channel, times, items = args
            run("INSERT INTO aid_services (office_id, kind, served_on, channel, name, "
                "person_times, help_items, recorded_by, recorded_at) VALUES (:office, :kind, "
                ":day, :channel, '张三', :times, :items, '测试员', '2026-11-20 09:30:00')",
                office=offices[office % len(offices)], kind=kind.value, day=day,
                channel=channel.value, times=times,
                items="、".join(sorted(i.value for i in items)) or None)  # fmt: skip
        elif name == "unserve" and services:
            run("DELETE FROM aid_services WHERE id = :service",
                service=services[args[0] % len(services)])  # fmt: skip
        elif name == "reserve" and services:
            run("UPDATE aid_services SET served_on = :day WHERE id = :service",
                service=services[args[0] % len(services)], day=args[1])  # fmt: skip
        elif name == "handler":
            run("UPDATE handlers SET handler_type = :kind WHERE id = :handler",
                handler=handlers[args[0] % len(handlers)], kind=args[1].value)  # fmt: skip
        elif name == "standard":  # the version in force from another day: amounts change
            run("UPDATE subsidy_standards SET effective_from = :day "
                "WHERE id = (SELECT min(id) FROM subsidy_standards)", day=args[0])  # fmt: skip
        elif name == "review":
            run("DELETE FROM case_subsidies WHERE case_id = :case")
            if args[1] is not None:
                run("INSERT INTO case_subsidies (case_id, standard_id, computed, breakdown, "
                    "state) VALUES (:case, (SELECT min(id) FROM subsidy_standards), :amount, "
                    "'', :state)", amount=args[1], state=PaymentState.REVIEWED.value)  # fmt: skip


def _figures_both_ways(ctx: Context, year: int, until: date) -> None:
    """Unrefreshed: the summary for clean days, the marked days counted afresh."""
    with ctx.reading() as uow:
        standards = [standard for _, standard in stored_standards(uow.session)]
        start = date(year, 1, 1)
        summed = _collect(uow.session, start, until, None, standards)
        counted = _collect(uow.session, start, until, None, standards,
                           source=daily_figures.recounted)  # fmt: skip
    offices = set(summed) | set(counted)
    assert {o: summed.get(o) for o in offices} == {o: counted.get(o) for o in offices}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=12))
def test_the_summary_gives_the_figures_counted_from_the_cases(
    loaded: Context, operations: list[tuple[Any, ...]]
) -> None:
    for operation in operations:
        _apply(loaded, operation)
    for year, until in ((2025, date(2025, 12, 31)), (2026, date(2026, 6, 30))):
        _figures_both_ways(loaded, year, until)
        # statistics_set sums the marked days first; recount_set reads no summary at all.
        assert (statistics_set(loaded, year=year, until=until).total.as_json()
                == recount_set(loaded, year=year, until=until).total.as_json())  # fmt: skip
    daily_figures.refresh(loaded.db, seconds=600)  # all of it: then the summary alone
    with loaded.reading() as uow:
        assert uow.session.scalar(select(FigureDirtyRecord.day).limit(1)) is None
    _figures_both_ways(loaded, 2026, date(2026, 12, 31))


def _summary(ctx: Context) -> list[tuple[Any, ...]]:
    with ctx.reading() as uow:
        rows = uow.session.execute(
            select(
                FigureDayRecord.basis,
                FigureDayRecord.day,
                FigureDayRecord.office_id,
                FigureDayRecord.figure,
                FigureDayRecord.key,
                FigureDayRecord.sub,
                FigureDayRecord.n,
                FigureDayRecord.fen,
            )
        )
        return sorted(tuple(row) for row in rows)


def test_a_rebuild_writes_what_the_refreshes_kept(loaded: Context) -> None:
    for operation in (("close", 3, date(2026, 3, 2), CaseState.CLOSED), ("money", 3, None,
                      Decimal("1234.56")), ("group", 5, "农民工", True), ("refresh",),
                      ("serve", 1, date(2026, 2, 3), ServiceKind.DUTY_HELP, Channel.VISIT, 2,
                       {DutyHelp.PROCEDURE, DutyHelp.MEASURES}), ("refresh",)):  # fmt: skip
        _apply(loaded, operation)
    kept = _summary(loaded)
    assert kept, "the summary is empty"
    figures = {row[3] for row in kept}
    assert {"cases", "type", "closed", "recovered", "subsidy", "service", "help"} <= figures
    with loaded.writing() as uow:
        written = daily_figures.rebuild(uow.session)
        uow.commit()
    assert written == len(kept)
    assert _summary(loaded) == kept


def test_a_change_marks_its_days_in_its_own_transaction(loaded: Context) -> None:
    daily_figures.refresh(loaded.db)

    def marks() -> set[tuple[str, date]]:
        with loaded.reading() as uow:
            found = uow.session.execute(select(FigureDirtyRecord.basis, FigureDirtyRecord.day))
            return {(b, d if isinstance(d, date) else date.fromisoformat(d)) for b, d in found}

    assert marks() == set()
    with loaded.db.engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(text("UPDATE cases SET closed_on = '2026-05-06' "
                                "WHERE id = (SELECT min(id) FROM cases)"))  # fmt: skip
        transaction.rollback()
    assert marks() == set()  # rolled back with the change
    with loaded.db.engine.begin() as connection:
        accepted = connection.execute(text("SELECT accepted_on FROM cases WHERE id = "
                                           "(SELECT min(id) FROM cases)")).scalar()  # fmt: skip
        connection.execute(text("UPDATE cases SET closed_on = '2026-05-06' "
                                "WHERE id = (SELECT min(id) FROM cases)"))  # fmt: skip
    accepted = accepted if isinstance(accepted, date) else date.fromisoformat(accepted)
    assert marks() == {("A", accepted), ("C", date(2026, 5, 6))}
    assert daily_figures.refresh(loaded.db) == 2
    assert marks() == set()


def _mark_every_day(ctx: Context) -> None:
    with ctx.db.engine.begin() as connection:
        for basis, table, column in (("A", "cases", "accepted_on"), ("C", "cases", "closed_on"),
                                     ("S", "aid_services", "served_on")):  # fmt: skip
            connection.execute(text(
                f"INSERT INTO figure_dirty (basis, day, touched) SELECT DISTINCT '{basis}', "
                f"{column}, 0 FROM {table} WHERE {column} IS NOT NULL"
            ))  # fmt: skip


def test_an_import_sums_the_days_it_marked_in_its_own_transaction(
    offices: Context, tmp_path: Path
) -> None:
    """The first statistics after an import need not count its year from the cases: the
    import sums what it marked before it commits — and a cancelled one leaves the summary
    as it was."""
    from legalaid.services.commands.figures import check_figures
    from legalaid.services.commands.service_ledger import import_services
    from tests.services.commands.test_aid_services import SAMPLE as services

    def cancel_at_commit(stage: str, done: int, total: int) -> None:
        if stage == "提交":
            raise RuntimeError("已取消")

    ledger = write_csv(tmp_path / "ledger.csv", extended_rows())
    with pytest.raises(RuntimeError):
        import_ledger(offices, ledger, progress=cancel_at_commit)
    assert _summary(offices) == []
    import_ledger(offices, ledger)
    with pytest.raises(RuntimeError):
        import_services(offices, services, progress=cancel_at_commit)
    kept = _summary(offices)
    import_services(offices, services)
    with offices.reading() as uow:
        assert list(uow.session.scalars(select(FigureDirtyRecord.day))) == []
    assert {row[3] for row in _summary(offices)} > {row[3] for row in kept} >= {"cases"}
    for year in (2025, 2026):
        assert check_figures(offices, year=year) == []


def test_a_refresh_sums_a_fortnight_per_transaction_and_stops_in_its_time(
    loaded: Context,
) -> None:
    """A refresh never holds the write lock for long: it sums a few marked days per
    transaction and stops when its time is up; the figures are exact all along."""

    def marked() -> int:
        with loaded.reading() as uow:
            return len(list(uow.session.scalars(select(FigureDirtyRecord.day))))

    assert marked() == 0  # the import summed the days it marked
    _mark_every_day(loaded)  # as the migration that brought the summary leaves a database
    before = marked()
    assert before > 2 * daily_figures.DAYS_PER_TRANSACTION
    assert daily_figures.refresh(loaded.db, seconds=0) == daily_figures.DAYS_PER_TRANSACTION
    assert marked() == before - daily_figures.DAYS_PER_TRANSACTION
    _figures_both_ways(loaded, 2025, date(2025, 12, 31))
    assert (
        daily_figures.refresh(loaded.db, seconds=600) == before - daily_figures.DAYS_PER_TRANSACTION
    )
    assert marked() == 0
