"""The statistics and reports at provincial scale on SQLite and on PostgreSQL, each figure
beside its floor measured in the same run: prints figures, asserts only that the floor gives
the application's figures.

    .venv/bin/python -m bench.figures [--sizes 100000 1000000] [--runs 5] [--folder DIR]

For each size the demo fills a SQLite file (kept in ``--folder`` and reused: a million cases
with their services take about 10 minutes), and the same rows are copied into a PostgreSQL
server the benchmark starts as ``.ci/run`` does (initdb + pg_ctl on a private port, as the
``postgres`` user when run as root; stopped at the end). The daily summary is rebuilt once
(timed), then each figure is taken ``--runs`` times, min and median:

- ``stats --year`` in process, beside two floors: every figure of it by hand-written SQL on a
  bare driver connection over the cases and services (the best single-pass grouping the
  definitions allow — no summary), and the same figures' database work over the daily
  summary by hand-written SQL (one grouped pass);
- ``stats --json``, ``report annual`` and ``report midyear`` as whole processes (start to
  exit, with peak RSS), beside the floor ``legalaid --version`` (the interpreter and the
  package starting);
- searches (a year, one character of a name) beside the unfiltered first page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import daily_figures
from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases
from legalaid.services.queries.statistics import year_statistics
from legalaid.storage.database import Database
from legalaid.storage.records import Base

YEAR = 2025
TODAY = date(2026, 11, 20)
Timing = tuple[float, float]  # min, median


def timed(action: Callable[[], object], times: int) -> Timing:
    took = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        took.append(time.perf_counter() - start)
    return min(took), statistics.median(took)


# The peak RSS of the process itself: VmHWM at exit (a fork's pages before exec, which
# getrusage counts, are the benchmark's, not the command's).
PEAK = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('PEAK ' + line.split()[1] + '\\n')\n"
    "atexit.register(peak)\n"
    "sys.argv = ['legalaid', *sys.argv[1:]]\n"
    "runpy.run_module('legalaid', run_name='__main__')\n"
)


def process(command: Sequence[str]) -> tuple[float, int]:
    """Wall time and peak RSS (MB) of a whole ``legalaid`` process, start to exit."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"legalaid {' '.join(command)} failed: {done.stderr[-400:]}")
    peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK ")]
    return took, int(peak[-1].split()[1]) // 1024


def processes(command: Sequence[str], times: int) -> tuple[Timing, int]:
    runs = [process(command) for _ in range(times)]
    took = [t for t, _ in runs]
    return (min(took), statistics.median(took)), max(rss for _, rss in runs)


# -- the floor: every figure of stats --year by hand-written SQL -------------------------------
class Bare:
    """A bare DB-API connection and the two dialects' few differences."""

    def __init__(self, url: str) -> None:
        self.sqlite = not url.startswith("postgresql")
        if self.sqlite:
            self.connection: Any = sqlite3.connect(url.removeprefix("sqlite:///"))
        else:
            import psycopg

            self.connection = psycopg.connect(url.replace("+psycopg", ""), autocommit=True)

    def month(self, column: str) -> str:
        return f"substr({column}, 1, 7)" if self.sqlite else f"to_char({column}, 'YYYY-MM')"

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        sql = sql if self.sqlite else sql.replace("?", "%s")
        return list(self.connection.execute(sql, params))

    def close(self) -> None:
        self.connection.close()


def floor(url: str, standards: list[Any]) -> dict[str, Counter[str]]:
    """Every figure of ``stats --year`` from the cases and services in as few grouped passes as
    the definitions allow, the unpaid subsidies computed by the same engine per group of
    equal facts."""
    from legalaid.domain.aid_services import split_help
    from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
    from legalaid.domain.subsidy import SubsidyFacts, calculate, days_from_text
    from legalaid.domain.vocabulary import CaseType, HandlerType, QualityGrade, RegionTier, Stage
    from legalaid.services.commands.subsidies import LIFE_OR_DEATH

    bare = Bare(url)
    period = (f"{YEAR}-01-01", f"{YEAR}-12-31")
    out: dict[str, Counter[str]] = defaultdict(Counter)
    figures = out["figures"]
    not_cases = ("不予援助", "撤回")
    for office, kind, source, cross, major, month, count, aided in bare.rows(
        "SELECT office_id, case_type, source, cross_region, major_difficult, "
        f"{bare.month('accepted_on')}, count(*), sum(coalesce(aided_persons, 1)) FROM cases "
        "WHERE accepted_on BETWEEN ? AND ? AND state NOT IN (?, ?) GROUP BY 1, 2, 3, 4, 5, 6",
        (*period, *not_cases),
    ):
        out["by_type"][kind] += count
        out["by_source"][source] += count
        out["by_office"][office] += count
        out["by_month"][month] += count
        figures["cases"] += count
        figures["cross_region"] += count if cross else 0
        figures["major_difficult"] += count if major else 0
        figures["aided_persons"] += int(aided)
    for kind, count in bare.rows(
        "SELECT h.handler_type, count(*) FROM cases c JOIN handlers h ON h.id = c.handler_id "
        "WHERE c.accepted_on BETWEEN ? AND ? AND c.state NOT IN (?, ?) GROUP BY 1",
        (*period, *not_cases),
    ):
        out["by_handler_type"][kind] += count
    for group, count in bare.rows(
        "SELECT g.group_name, count(*) FROM cases c JOIN case_groups g ON g.case_id = c.id "
        "WHERE c.accepted_on BETWEEN ? AND ? AND c.state NOT IN (?, ?) GROUP BY 1",
        (*period, *not_cases),
    ):
        out["by_category"][group] += count
    ((open_at_start,),) = bare.rows(
        "SELECT count(*) FROM cases WHERE accepted_on < ? AND state NOT IN (?, ?) "
        "AND (closed_on IS NULL OR closed_on >= ?)",
        (period[0], *not_cases, period[0]),
    )
    figures["open_at_start"] = open_at_start
    cents = 0
    for state, grade, count, recovered, paid in bare.rows(
        "SELECT state, quality_grade, count(*), sum(round(recovered_amount * 100)), "
        "sum(round(subsidy_paid * 100)) FROM cases WHERE closed_on BETWEEN ? AND ? "
        "AND state IN ('已结案', '已归档', '终止') GROUP BY 1, 2",
        period,
    ):
        if state != "终止":
            figures["closed"] += count
            figures["recovered_cents"] += int(recovered or 0)
            if grade:
                out["quality"][grade] += count
        cents += int(paid or 0)
    ((reviewed,),) = bare.rows(
        "SELECT sum(round(coalesce(s.override, s.computed) * 100)) FROM cases c "
        "JOIN case_subsidies s ON s.case_id = c.id WHERE c.closed_on BETWEEN ? AND ? "
        "AND c.subsidy_paid IS NULL AND s.state = '已审核' "
        "AND c.state IN ('已结案', '已归档', '终止')",
        period,
    )
    cents += int(reviewed or 0)
    for standard in standards:
        last = standard.effective_to.isoformat() if standard.effective_to else "9999-12-31"
        for (state, kind, stage, cross, major, tier, persons, days, done, total, share, grade,
             outcome, hearing, enforcement, ground, life, joined, handler, count) in bare.rows(
            "SELECT c.state, c.case_type, c.stage, c.cross_region, c.major_difficult, "
            "c.region_tier, c.aided_persons, c.subsidy_days, c.stages_completed, "
            "c.stages_total, c.terminated_share, c.quality_grade, c.outcome, c.hearing, "
            "c.enforcement, c.notification_ground, c.possible_life_or_death, c.joined_cases, "
            "h.handler_type, count(*) FROM cases c "
            "LEFT JOIN handlers h ON h.id = c.handler_id "
            "WHERE c.closed_on BETWEEN ? AND ? AND c.subsidy_paid IS NULL "
            "AND c.state IN ('已结案', '已归档', '终止') "
            "AND coalesce(c.assigned_on, c.accepted_on, c.applied_on) BETWEEN ? AND ? "
            "AND c.id NOT IN (SELECT case_id FROM case_subsidies WHERE state = '已审核') "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19",
            (*period, standard.effective_from.isoformat(), last),
        ):  # fmt: skip
            facts = SubsidyFacts(
                case_type=CaseType(kind), stage=Stage(stage) if stage else None,
                handler_type=HandlerType(handler) if handler else None,
                cross_region=bool(cross), major_difficult=bool(major),
                region_tier=RegionTier(tier) if tier else None,
                extra_persons=max((persons or 1) - 1, 0), days=days_from_text(days),
                terminated=state == "终止", stages_completed=done or 0,
                stages_total=total or 0,
                quality_grade=QualityGrade(grade) if grade else None,
                outcome=Outcome(outcome) if outcome else None,
                hearing=Hearing(hearing) if hearing else None,
                enforcement=Enforcement(enforcement) if enforcement else None,
                life_or_death=bool(life) or ground in LIFE_OR_DEATH,
                extra_cases=max((joined or 1) - 1, 0), recorded_share=share,
            )  # fmt: skip
            cents += int(calculate(standard, facts).amount * 100) * count
    figures["subsidy_cents"] = cents
    for kind, channel, times in bare.rows(
        "SELECT kind, channel, sum(person_times) FROM aid_services "
        "WHERE served_on BETWEEN ? AND ? GROUP BY 1, 2",
        period,
    ):
        out["services"][kind] += int(times)
        if kind == "法律咨询" and channel:
            out["channels"][channel] += int(times)
    for items, count in bare.rows(
        "SELECT help_items, count(*) FROM aid_services WHERE served_on BETWEEN ? AND ? "
        "AND kind = '值班律师法律帮助' GROUP BY 1",
        period,
    ):
        for item in split_help(items or ""):
            out["helps"][item.value] += count
    bare.close()
    return out


def summary_floor(url: str) -> int:
    """The same figures' database work over the daily summary by hand-written SQL: the
    period's rows grouped by office, figure and month in one pass, and the two sums of the
    cases still open when the year began. Returns the rows read."""
    bare = Bare(url)
    month = "substr(day, 6, 2)" if bare.sqlite else "extract(month FROM day)"
    rows = bare.rows(
        f"SELECT basis, office_id, figure, key, sub, {month}, sum(n), sum(fen) FROM figure_days "
        "WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5, 6",
        (f"{YEAR}-01-01", f"{YEAR}-12-31"),
    )
    rows += bare.rows(
        "SELECT office_id, figure, sum(n) FROM figure_days WHERE day < ? AND ((basis = 'A' AND "
        "figure = 'cases') OR (basis = 'C' AND figure = 'closed_acc' AND key < ?)) GROUP BY 1, 2",
        (f"{YEAR}-01-01", f"{YEAR:04d}"),
    )
    bare.close()
    return len(rows)


def check_floor(stats: Any, same: dict[str, Counter[str]]) -> None:
    figures = same["figures"]
    ours = (stats.cases, stats.closed, stats.open_at_start)
    assert (figures["cases"], figures["closed"], figures["open_at_start"]) == ours, "floor"
    assert figures["subsidy_cents"] == round(stats.subsidy_total * 100)
    assert figures["recovered_cents"] == round(stats.recovered_amount * 100)
    assert dict(same["quality"]) == stats.quality
    assert dict(same["by_type"]) == stats.by_type
    assert dict(same["services"]) == stats.services
    assert dict(same["helps"]) == stats.duty_by_help


# -- the databases ----------------------------------------------------------------------------
@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """A throwaway server on a private port (as .ci/run starts one); yields its base URL."""
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    initdb = bins[-1] if bins else Path(shutil.which("initdb") or "initdb")
    pg_ctl = initdb.with_name("pg_ctl")
    data = folder / "pg"
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    if not data.exists():
        subprocess.run([*as_postgres, str(initdb), "-D", str(data), "-U", "postgres", "-A",
                        "trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True,
                       stdout=subprocess.DEVNULL, cwd="/")  # fmt: skip
    port = 54000 + os.getpid() % 900
    subprocess.run([*as_postgres, str(pg_ctl), "-D", str(data), "-l", str(folder / "pg.log"),
                    "-w", "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
                    "-c shared_buffers=512MB -c work_mem=64MB", "start"], check=True,
                   stdout=subprocess.DEVNULL, cwd="/")  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_postgres, str(pg_ctl), "-D", str(data), "-m", "fast", "stop"],
                       stdout=subprocess.DEVNULL, cwd="/")  # fmt: skip


def filled_sqlite(folder: Path, size: int) -> str:
    path = folder / f"sqlite-{size}.sqlite3"
    db = Database(str(path))
    initialise(db)
    ctx = Context(db=db, actor="bench", today=lambda: TODAY)
    have = count_cases(ctx)
    if have < size:
        start = time.perf_counter()
        generate_demo(ctx, cases=size - have, year=YEAR, seed=5 + have)
        print(f"  demo --cases {size - have} (SQLite): {time.perf_counter() - start:.0f} s")
    db.dispose()
    return str(path)


def copied_to_postgres(sqlite_path: str, base: str, size: int) -> str:
    """The SQLite file's rows copied into a database of the server (COPY, triggers off as a
    restore has them: the summary is rebuilt after)."""
    import psycopg

    name = f"cases_{size}"
    admin = psycopg.connect(f"{base.replace('+psycopg', '')}/postgres", autocommit=True)
    if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
        admin.close()
        return f"{base}/{name}"
    start = time.perf_counter()
    admin.execute(f"CREATE DATABASE {name}")
    admin.close()
    url = f"{base}/{name}"
    db = Database(url)
    initialise(db)
    db.dispose()
    source = sqlite3.connect(sqlite_path)
    with psycopg.connect(url.replace("+psycopg", "")) as target:
        target.execute("SET session_replication_role = replica")  # no triggers, no FK checks
        tables = Base.metadata.sorted_tables
        for table in reversed(tables):
            target.execute(f'DELETE FROM "{table.name}"')
        for table in tables:
            columns = [c.name for c in table.columns]
            quoted = ", ".join(f'"{c}"' for c in columns)
            with target.cursor().copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
                for row in source.execute(f'SELECT {quoted} FROM "{table.name}"'):
                    copy.write_row(row)
            if "id" in columns and table.c.id.primary_key:
                sequence = f"pg_get_serial_sequence('\"{table.name}\"', 'id')"
                highest = f'coalesce((SELECT max(id) FROM "{table.name}"), 0) + 1'
                target.execute(f"SELECT setval({sequence}, {highest}, false)")
        target.execute("ANALYZE")
    source.close()
    print(f"  copied into PostgreSQL: {time.perf_counter() - start:.0f} s")
    return url


# -- the run -----------------------------------------------------------------------------------
def measure(label: str, url: str, runs: int, results: dict[str, dict[str, Any]]) -> None:
    db = Database(url)
    ctx = Context(db=db, actor="bench", today=lambda: TODAY)
    start = time.perf_counter()
    with ctx.writing() as uow:
        rows = daily_figures.rebuild(uow.session)
        uow.commit()
    print(f"  {label}: figures rebuild {time.perf_counter() - start:.1f} s ({rows:,} rows)")
    if url.startswith("postgresql"):
        # Measured in the steady state: not while autovacuum analyses the rows just rebuilt.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM (ANALYZE) figure_days, figure_dirty"))
    from legalaid.services.commands.subsidies import stored_standards

    with db.uow() as uow:
        standards = [s for _, s in stored_standards(uow.session)]
        services = uow.session.execute(text("SELECT count(*) FROM aid_services")).scalar_one()
    stats = year_statistics(ctx, year=YEAR)
    check_floor(stats, floor(url, standards))
    out = results.setdefault(label, {"cases": count_cases(ctx), "services": services})
    ours = timed(lambda: year_statistics(ctx, year=YEAR), runs)
    out["stats (in process) ÷ cases floor"] = (ours, timed(lambda: floor(url, standards), runs),
                                               None)  # fmt: skip
    out["stats (in process) ÷ summary floor"] = (ours, timed(lambda: summary_floor(url), runs),
                                                 None)  # fmt: skip
    cli = ["--db", url]
    base, base_rss = processes([*cli, "--version"], runs)
    out["legalaid --version (process floor)"] = (base, None, base_rss)
    with tempfile.TemporaryDirectory() as folder:
        for name, command in (
            ("stats --json (process)", ["stats", "--year", str(YEAR), "--json"]),
            ("report annual PDF (process)", ["report", "annual", "--year", str(YEAR),
                                             "--out", f"{folder}/a.pdf"]),
            ("report midyear PDF (process)", ["report", "midyear", "--year", str(YEAR),
                                              "--out", f"{folder}/m.pdf"]),
        ):  # fmt: skip
            took, rss = processes([*cli, *command], runs)
            out[name] = (took, base, rss)
    sample = find_cases(ctx, limit=1)[0]
    # The window's list is in 案号 order, newest first; the floor is its unfiltered first page.
    unfiltered = timed(lambda: find_cases(ctx, limit=200, order="number"), runs)
    for name, query in (("search '2025' (first page)", "2025"),
                        ("search one character (first page)", sample.name[:1]),
                        ("search two characters (first page)", sample.name[:2]),
                        ("search pinyin initials 'zs' (first page)", "zs")):  # fmt: skip
        q = CaseFilter(query=query)
        took = timed(lambda q=q: find_cases(ctx, q, limit=200, order="number"), runs)
        out[name] = (took, unfiltered, None)
    db.dispose()


def report(results: dict[str, dict[str, Any]]) -> None:
    print()
    print(f"{'figure':<42}{'database':<22}{'min s':>8}{'median s':>10}"
          f"{'floor min':>11}{'floor med':>11}{'ratio':>8}{'peak MB':>9}")  # fmt: skip
    names: list[str] = []
    for out in results.values():
        names += [n for n in out if n not in ("cases", "services") and n not in names]
    for name in names:
        for label, out in results.items():
            if name not in out:
                continue
            (low, mid), floor_of, rss = out[name]
            floor_text = ratio = ""
            if floor_of is not None:
                floor_text = f"{floor_of[0]:>11.3f}{floor_of[1]:>11.3f}"
                ratio = f"{low / floor_of[0]:>7.2f}×"
            else:
                floor_text = " " * 22
            memory = f"{rss:>9}" if rss is not None else ""
            print(f"{name:<42}{label:<22}{low:>8.3f}{mid:>10.3f}{floor_text}{ratio:>8}{memory}")
    print()
    for label, out in results.items():
        print(f"{label}: {out['cases']:,} cases, {out['services']:,} services")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "bench-figures"
    )
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    with postgres(args.folder / "server") if not args.no_postgres else _none() as base:
        for size in args.sizes:
            print(f"{size:,} cases")
            path = filled_sqlite(args.folder, size)
            measure(f"SQLite {size:,}", f"sqlite:///{path}", args.runs, results)
            if base is not None:
                url = copied_to_postgres(path, base, size)
                measure(f"PostgreSQL {size:,}", url, args.runs, results)
    report(results)


@contextmanager
def _none() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
