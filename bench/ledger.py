"""Ledger speed beside its floor: prints figures, asserts nothing.

    .venv/bin/python -m bench.ledger [--rows 200000] [--folder DIR] [--repeat 3]

Fills a database with demo cases, exports them (CSV and .xlsx), imports the CSV into an
empty database with the same offices (whole process: validation, duplicates, search index,
audit) and, as the floor, loads the same rows into a plain SQLite table with executemany.
Each step runs in its own process, so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from legalaid.domain.ledger import HEADERS


def _step(name: str, folder: Path, rows: int) -> dict[str, float]:
    """Run one step in a child process; its wall time and peak RSS."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.ledger", "--step", name, "--folder", str(folder),
         "--rows", str(rows)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _run_step(name: str, folder: Path, rows: int) -> None:
    from legalaid.services.commands.case_ledger import export_ledger, import_ledger
    from legalaid.services.commands.demo import generate_demo
    from legalaid.services.commands.offices import add_office, list_offices
    from legalaid.services.commands.setup import initialise
    from legalaid.services.plumbing.context import Context
    from legalaid.storage.database import Database

    source = folder / "source.sqlite3"
    for made in ("target.sqlite3", "floor.sqlite3"):  # a repeated run starts empty
        for suffix in ("", "-wal", "-shm"):
            (folder / (made + suffix)).unlink(missing_ok=True)
    start = time.perf_counter()
    if name == "demo":
        db = Database(str(source))
        initialise(db)
        generate_demo(Context(db=db, actor="bench"), cases=rows, year=2025, seed=1)
    elif name in ("export-csv", "export-xlsx"):
        db = Database(str(source))
        suffix = name.split("-")[1]
        export_ledger(Context(db=db, actor="bench"), folder / f"ledger.{suffix}", full_id=True)
    elif name == "import-csv":
        db = Database(str(source))
        offices = list_offices(Context(db=db, actor="bench"))
        target = Database(str(folder / "target.sqlite3"))
        initialise(target)
        ctx = Context(db=target, actor="bench")
        for office in offices:
            add_office(ctx, code=office.code, name=office.name, prefix=office.prefix,
                       parent_code=office.parent_code)  # fmt: skip
        start = time.perf_counter()  # the import from here; creating the database is not it
        import_ledger(ctx, folder / "ledger.csv")
    elif name == "floor":
        with (folder / "ledger.csv").open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            connection = sqlite3.connect(folder / "floor.sqlite3")
            columns = ", ".join(f"c{i} TEXT" for i in range(len(HEADERS)))
            connection.execute(f"CREATE TABLE ledger ({columns})")
            marks = ", ".join("?" * len(HEADERS))
            connection.executemany(f"INSERT INTO ledger VALUES ({marks})", reader)
            connection.commit()
            connection.close()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--step")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (noisy VMs)")
    args = parser.parse_args()
    if args.step:
        _run_step(args.step, args.folder, args.rows)
        return
    with tempfile.TemporaryDirectory() as name:
        folder = args.folder or Path(name)
        if (folder / "source.sqlite3").exists():  # a --folder of an earlier run
            print(f"demo data: {folder / 'source.sqlite3'} (kept from an earlier run)")
        else:
            demo = _step("demo", folder, args.rows)
            print(f"demo data, {args.rows} cases: {demo['seconds']:.1f} s")
        print(f"{args.repeat} runs each; rows/s from the fastest run")
        print(f"{'step':<14}{'min s':>8}{'median s':>10}{'rows/s':>10}{'peak MB':>9}")
        for step in ("export-csv", "export-xlsx", "import-csv", "floor"):
            runs = [_step(step, folder, args.rows) for _ in range(args.repeat)]
            seconds = sorted(run["seconds"] for run in runs)
            peak = max(run["peak_mb"] for run in runs)
            rate = args.rows / seconds[0]
            print(f"{step:<14}{seconds[0]:>8.1f}{statistics.median(seconds):>10.1f}"
                  f"{rate:>10.0f}{peak:>9.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
