"""Statistics with the forms of aid that are not cases, beside their floor: prints figures,
asserts nothing.

    .venv/bin/python -m bench.services [--cases 1000000] [--db PATH] [--runs 5]

Fills a database with demo cases and the services demo gives beside them (three to five
consultations and 0.3–0.6 duty helps per case: about 4.5 services per case), then times, each
over ``--runs`` runs (min and median):

- ``stats --year`` as the command computes it (cases and services together);
- the services' part of it (``services``, ``consultations_by_channel``, ``duty_by_help``,
  by office and month), through the application's own query code;
- the floor: the same services figures by hand-written SQL on a bare sqlite3 connection,
  one grouped pass per figure family, no ORM.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import text

from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import count_cases
from legalaid.services.queries.statistics import _collect_services, _Figures, year_statistics
from legalaid.storage.database import Database

YEAR = 2025


def runs(label: str, action: Callable[[], object], times: int) -> float:
    took = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        took.append(time.perf_counter() - start)
    best, median = min(took), statistics.median(took)
    print(f"{label:<52} min {best:7.3f} s   median {median:7.3f} s")
    return best


def floor(path: Path) -> dict[str, Counter[str]]:
    """The services figures of the year by plain SQL: person-times by kind, channel and
    month; duty-help rows by their items."""
    connection = sqlite3.connect(path)
    start, end = f"{YEAR}-01-01", f"{YEAR}-12-31"
    kinds: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    months: Counter[str] = Counter()
    for kind, channel, month, times in connection.execute(
        "SELECT kind, channel, substr(served_on, 1, 7), sum(person_times) FROM aid_services "
        "WHERE served_on BETWEEN ? AND ? GROUP BY 1, 2, 3",
        (start, end),
    ):
        kinds[kind] += times
        months[f"{kind} {month}"] += times
        if kind == "法律咨询" and channel:
            channels[channel] += times
    helps: Counter[str] = Counter()
    for items, count in connection.execute(
        "SELECT help_items, count(*) FROM aid_services WHERE served_on BETWEEN ? AND ? "
        "AND kind = '值班律师法律帮助' GROUP BY 1",
        (start, end),
    ):
        for item in (items or "").split("、"):
            if item:
                helps[item] += count
    connection.close()
    return {"kinds": kinds, "channels": channels, "months": months, "helps": helps}


def whole_floor(path: Path) -> dict[str, object]:
    """Every figure of ``stats --year`` by hand-written SQL on a bare connection, in as few
    grouped passes as the definitions allow (the period's cases in one pass; the closed ones,
    their grades, recovered amounts and paid subsidies in another), the unpaid subsidies
    computed by the same engine per group of equal facts, and the services' two passes."""
    from legalaid.domain.subsidy import SubsidyFacts, calculate, days_from_text
    from legalaid.domain.vocabulary import CaseType, HandlerType, RegionTier, Stage
    from legalaid.services.commands.subsidies import stored_standards

    connection = sqlite3.connect(path)
    start, end = f"{YEAR}-01-01", f"{YEAR}-12-31"
    out: dict[str, Counter[str]] = defaultdict(Counter)
    not_cases = ("不予援助", "撤回")
    for office, kind, source, cross, major, month, count, aided in connection.execute(
        "SELECT office_id, case_type, source, cross_region, major_difficult, "
        "substr(accepted_on, 1, 7), count(*), sum(coalesce(aided_persons, 1)) FROM cases "
        "WHERE accepted_on BETWEEN ? AND ? AND state NOT IN (?, ?) GROUP BY 1, 2, 3, 4, 5, 6",
        (start, end, *not_cases),
    ):
        out["by_type"][kind] += count
        out["by_source"][source] += count
        out["by_office"][office] += count
        out["by_month"][month] += count
        out["figures"]["cases"] += count
        out["figures"]["cross_region"] += count if cross else 0
        out["figures"]["major_difficult"] += count if major else 0
        out["figures"]["aided_persons"] += aided
    for kind, count in connection.execute(
        "SELECT h.handler_type, count(*) FROM cases c JOIN handlers h ON h.id = c.handler_id "
        "WHERE c.accepted_on BETWEEN ? AND ? AND c.state NOT IN (?, ?) GROUP BY 1",
        (start, end, *not_cases),
    ):
        out["by_handler_type"][kind] += count
    for group, count in connection.execute(
        "SELECT g.group_name, count(*) FROM cases c JOIN case_groups g ON g.case_id = c.id "
        "WHERE c.accepted_on BETWEEN ? AND ? AND c.state NOT IN (?, ?) GROUP BY 1",
        (start, end, *not_cases),
    ):
        out["by_category"][group] += count
    (open_at_start,) = connection.execute(
        "SELECT count(*) FROM cases WHERE accepted_on < ? AND state NOT IN (?, ?) "
        "AND (closed_on IS NULL OR closed_on >= ?)",
        (start, *not_cases, start),
    ).fetchone()
    out["figures"]["open_at_start"] = open_at_start
    subsidy = 0.0
    for state, grade, _unpaid, count, recovered, paid in connection.execute(
        "SELECT state, quality_grade, subsidy_paid IS NULL, count(*), sum(recovered_amount), "
        "sum(subsidy_paid) FROM cases WHERE closed_on BETWEEN ? AND ? "
        "AND state IN ('已结案', '已归档', '终止') GROUP BY 1, 2, 3",
        (start, end),
    ):
        if state != "终止":
            out["figures"]["closed"] += count
            out["figures"]["recovered_cents"] += round((recovered or 0) * 100)
            if grade:
                out["quality"][grade] += count
        subsidy += paid or 0
    (reviewed,) = connection.execute(
        "SELECT sum(coalesce(s.override, s.computed)) FROM cases c JOIN case_subsidies s "
        "ON s.case_id = c.id WHERE c.closed_on BETWEEN ? AND ? AND c.subsidy_paid IS NULL "
        "AND s.state = '已审核' AND c.state IN ('已结案', '已归档', '终止')",
        (start, end),
    ).fetchone()
    subsidy += reviewed or 0
    db = Database(str(path))
    with db.uow(write=False) as uow:
        standards = [standard for _, standard in stored_standards(uow.session)]
    db.dispose()
    for standard in standards:
        last = standard.effective_to.isoformat() if standard.effective_to else "9999-12-31"
        for (state, kind, stage, cross, major, tier, persons, days, done, total, handler,
             count) in connection.execute(
            "SELECT c.state, c.case_type, c.stage, c.cross_region, c.major_difficult, "
            "c.region_tier, c.aided_persons, c.subsidy_days, c.stages_completed, "
            "c.stages_total, h.handler_type, count(*) FROM cases c "
            "LEFT JOIN handlers h ON h.id = c.handler_id "
            "WHERE c.closed_on BETWEEN ? AND ? AND c.subsidy_paid IS NULL "
            "AND c.state IN ('已结案', '已归档', '终止') "
            "AND coalesce(c.assigned_on, c.accepted_on, c.applied_on) BETWEEN ? AND ? "
            "AND c.id NOT IN (SELECT case_id FROM case_subsidies WHERE state = '已审核') "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11",
            (start, end, standard.effective_from.isoformat(), last),
        ):  # fmt: skip
            facts = SubsidyFacts(
                case_type=CaseType(kind), stage=Stage(stage) if stage else None,
                handler_type=HandlerType(handler) if handler else None,
                cross_region=bool(cross), major_difficult=bool(major),
                region_tier=RegionTier(tier) if tier else None,
                extra_persons=max((persons or 1) - 1, 0), days=days_from_text(days),
                terminated=state == "终止", stages_completed=done or 0,
                stages_total=total or 0,
            )  # fmt: skip
            subsidy += float(calculate(standard, facts).amount) * count
    out["figures"]["subsidy_cents"] = round(subsidy * 100)
    connection.close()
    return {**out, "services": floor(path)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "bench-services.sqlite3"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = Database(str(args.db))
    initialise(db)
    ctx = Context(db=db, actor="bench", today=lambda: date(2026, 11, 20))
    if count_cases(ctx) < args.cases:
        start = time.perf_counter()
        generate_demo(ctx, cases=args.cases, year=YEAR, seed=5)
        print(f"demo --cases {args.cases} (with services): {time.perf_counter() - start:.1f} s")
    with db.uow(write=False) as uow:
        services = uow.session.execute(text("SELECT count(*) FROM aid_services")).scalar_one()
    print(f"cases {count_cases(ctx):,}   services {services:,}")

    stats = year_statistics(ctx, year=YEAR)
    figures = floor(args.db)
    assert stats.services == dict(figures["kinds"]), "the floor must give the same figures"
    assert stats.duty_by_help == dict(figures["helps"].most_common())

    def ours() -> None:
        with db.uow(write=False) as uow:
            collected: defaultdict[int, _Figures] = defaultdict(_Figures)
            _collect_services(uow.session, date(YEAR, 1, 1), date(YEAR, 12, 31), None, collected)

    same = whole_floor(args.db)
    figures_of = same["figures"]
    assert isinstance(figures_of, Counter)
    assert (figures_of["cases"], figures_of["closed"]) == (stats.cases, stats.closed)
    assert figures_of["subsidy_cents"] == round(stats.subsidy_total * 100)
    assert figures_of["recovered_cents"] == round(stats.recovered_amount * 100)
    assert dict(same.get("quality", {})) == stats.quality  # type: ignore[call-overload]
    whole = runs(
        f"stats --year {YEAR} (cases and services)",
        lambda: year_statistics(ctx, year=YEAR),
        args.runs,
    )
    whole_base = runs(
        "whole floor (bare sqlite3, the same figures)", lambda: whole_floor(args.db), args.runs
    )
    part = runs("services' part, application code", ours, args.runs)
    base = runs("services' part, floor (bare sqlite3)", lambda: floor(args.db), args.runs)
    print(f"stats ÷ whole floor: {whole / whole_base:.2f}×")
    print(
        f"services' part ÷ floor: {part / base:.2f}×   share of the whole stats: {part / whole:.0%}"
    )
    db.dispose()


if __name__ == "__main__":
    main()
