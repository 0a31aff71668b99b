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

from legalaid.services.cases import count_cases
from legalaid.services.context import Context
from legalaid.services.demo import generate_demo
from legalaid.services.setup import initialise
from legalaid.services.statistics import _collect_services, _Figures, year_statistics
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

    whole = runs(
        f"stats --year {YEAR} (cases and services)",
        lambda: year_statistics(ctx, year=YEAR),
        args.runs,
    )
    part = runs("services' part, application code", ours, args.runs)
    base = runs("services' part, floor (bare sqlite3)", lambda: floor(args.db), args.runs)
    print(
        f"services' part ÷ floor: {part / base:.2f}×   share of the whole stats: {part / whole:.0%}"
    )
    db.dispose()


if __name__ == "__main__":
    main()
