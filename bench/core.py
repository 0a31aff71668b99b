"""Speed of the core on a large database: prints figures, asserts nothing.

    .venv/bin/python -m bench.core [--cases 1000000] [--db PATH]

Creates (or reuses) a demo database, then times an export and a re-import of 100,000 rows,
the statistics, and searches by name, ID number and pinyin.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from legalaid.services.commands.case_ledger import export_ledger, import_ledger
from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.offices import add_office, list_offices
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases
from legalaid.services.queries.reporting import write_report
from legalaid.services.queries.statistics import year_statistics
from legalaid.storage.database import Database

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bench.sqlite3")
    args = parser.parse_args()
    db = Database(str(args.db))
    initialise(db)
    ctx = Context(db=db, actor="bench")
    have = count_cases(ctx)
    if have < args.cases:
        timed(
            f"demo --cases {args.cases - have}",
            lambda: generate_demo(ctx, cases=args.cases - have, year=2025, seed=have + 1),
        )
    print(f"cases in database: {count_cases(ctx)}")
    year = 2025
    timed(f"stats --year {year}", lambda: year_statistics(ctx, year=year))
    timed(
        f"stats --year {year} --until {year}-06-30 --office ZZ",
        lambda: year_statistics(ctx, year=year, until=date(year, 6, 30), office_code="ZZ"),
    )
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("annual", "midyear"):
            out = Path(folder) / f"{kind}.pdf"
            timed(
                f"report {kind} --year {year} (PDF)",
                lambda k=kind, o=out: write_report(ctx, kind=k, year=year, out=o),
            )  # type: ignore[misc]
    sample = find_cases(ctx, limit=1, full_id=True)[0]
    for label, query in (
        ("search two-character name", sample.name[:2]),
        ("search one character", sample.name[:1]),
        ("search full ID number", sample.id_number),
        ("search last 4 of ID", sample.id_number[-4:]),
        ("search pinyin initials 'zs'", "zs"),
        ("search case number", sample.case_no),
    ):
        found = timed(
            f"{label} (first page)", lambda q=query: find_cases(ctx, CaseFilter(query=q), limit=200)
        )  # type: ignore[misc]
        timed(
            f"{label} (count={count_cases(ctx, CaseFilter(query=query))})",
            lambda q=query: count_cases(ctx, CaseFilter(query=q)),
        )  # type: ignore[misc]
        assert found
    timed("first page, no filter", lambda: find_cases(ctx, limit=200))
    with tempfile.TemporaryDirectory() as folder:
        ledger = Path(folder) / "ledger.csv"
        small = Database(str(Path(folder) / "src.sqlite3"))
        initialise(small)
        small_ctx = Context(db=small)
        timed(
            "demo --cases 100000 (separate db)",
            lambda: generate_demo(small_ctx, cases=100_000, year=2025, seed=9),
        )
        timed("export 100,000 rows to CSV", lambda: export_ledger(small_ctx, ledger, full_id=True))
        target = Database(str(Path(folder) / "dst.sqlite3"))
        initialise(target)
        target_ctx = Context(db=target)
        for office in list_offices(small_ctx):
            add_office(target_ctx, code=office.code, name=office.name, prefix=office.prefix)
        timed("import 100,000 rows from CSV", lambda: import_ledger(target_ctx, ledger))
        for database in (small, target):
            database.dispose()
    db.dispose()


if __name__ == "__main__":
    main()
