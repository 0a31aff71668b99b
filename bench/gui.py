"""Speed of the clerk's desktop over a large database: prints figures, asserts nothing.

    .venv/bin/python -m bench.gui --db /tmp/big.sqlite3 [--db postgresql+psycopg://…] [--runs 5]
    (e.g. after `legalaid --db /tmp/big.sqlite3 demo --cases 1000000`, or the files and the
    server `bench.figures` leaves in its folder; several databases are printed side by side)

Targets on a 2-core machine: start ≤ 1.5 s and ≤ 3× a bare Qt window with a table (the
floor, measured in the same run), filter and search ≤ 100 ms each, no section's first showing
holding the window; peak memory of the window process (VmHWM at exit).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

STARTUP = """
import sys, time
started = float(sys.argv[1])
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from legalaid.services.commands.setup import open_context
from legalaid.ui.shell.application import load_chinese_font
from legalaid.ui.shell.i18n import install_translations
from legalaid.ui.shell.main_window import MainWindow
app = QApplication([])
install_translations(app)
load_chinese_font(app)
settings = QSettings("/tmp/bench-gui.ini", QSettings.Format.IniFormat)
window = MainWindow(open_context(sys.argv[2]), settings)
window.show()
app.processEvents()
assert window.cases.model.rowCount() > 0
print(f"{time.time() - started:.3f}")
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""

# The floor: the interpreter, Qt and a main window showing a table of 200 rows.
BARE = """
import sys, time
started = float(sys.argv[1])
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
model = QStandardItemModel(200, 8)
for row in range(200):
    for column in range(8):
        model.setItem(row, column, QStandardItem(f"{row}-{column}"))
window = QMainWindow()
table = QTableView()
table.setModel(model)
window.setCentralWidget(table)
window.resize(1366, 768)
window.show()
app.processEvents()
print(f"{time.time() - started:.3f}")
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""

# What the fixed stack costs before any of the window's own work: the bare window plus
# SQLAlchemy's ORM with the application's tables mapped, and the first page of cases read by
# one ORM query on the same database (no services, no sign-in, no sections).
STACK = BARE.replace(
    "app = QApplication([])",
    """from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from legalaid.storage.engine import resolve_url
from legalaid.storage.records import CaseRecord
engine = create_engine(resolve_url(sys.argv[2]))
with Session(engine) as session:
    page = session.execute(select(CaseRecord.id, CaseRecord.case_no, CaseRecord.state)
                           .order_by(CaseRecord.id.desc()).limit(200)).all()
app = QApplication([])""",
)


Figures = dict[str, tuple[list[float], str]]  # label → (seconds of each run, note)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, action="append")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def starts(script: str, db: str) -> tuple[list[float], int]:
        runs, peak = [], 0
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", script, str(time.time()), db],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()
            runs.append(float(out[-2]))
            peak = max(peak, int(out[-1]) // 1024)
        return runs, peak

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from legalaid.ui.shell.i18n import install_translations

    app = QApplication([])
    install_translations(app)
    results: dict[str, Figures] = {}
    for db in args.db:
        name = "PostgreSQL" if db.startswith("postgresql") else "SQLite"
        figures: Figures = {}
        ours, peak = starts(STARTUP, db)
        bare, bare_peak = starts(BARE, db)
        figures["start → main window with first page"] = (ours, f"peak {peak} MB")
        figures["floor: bare window with a table"] = (bare, f"peak {bare_peak} MB")
        figures["start ÷ floor (min)"] = ([min(ours) / min(bare)], "×")
        stack, stack_peak = starts(STACK, db)
        figures["floor: bare window + SQLAlchemy ORM + first page"] = (
            stack,
            f"peak {stack_peak} MB",
        )
        figures["start ÷ that floor (min)"] = ([min(ours) / min(stack)], "×")
        window_figures(app, db, args.runs, figures)
        results[name] = figures
    width = 58
    print(f"{'figure (ms; start in s)':<{width}}" + "".join(f"{n + ' min / median':>30}"
                                                       for n in results))  # fmt: skip
    for label in next(iter(results.values())):
        cells = []
        for figures in results.values():
            runs, note = figures.get(label, ([], ""))
            if not runs:
                cells.append(f"{'—':>30}")
            elif note == "×":
                cells.append(f"{runs[0]:>28.2f}× ")
            else:
                scale = 1 if label.startswith(("start", "floor")) else 1000
                text = f"{min(runs) * scale:.{3 if scale == 1 else 1}f} / "
                text += f"{statistics.median(runs) * scale:.{3 if scale == 1 else 1}f}"
                cells.append(f"{text + (' ' + note if note else ''):>30}")
        print(f"{label:<{width}}" + "".join(cells))


def window_figures(app: Any, db: str, runs: int, figures: Figures) -> None:
    """The window's filters, searches, scrolling and sections, each action ``runs`` times
    (undone between runs without being timed)."""
    from PySide6.QtCore import QSettings, Qt

    from legalaid.services.commands.setup import open_context
    from legalaid.services.queries.cases import find_cases
    from legalaid.ui.shell.main_window import MainWindow

    ctx = open_context(db)
    window = MainWindow(ctx, QSettings("/tmp/bench-gui.ini", QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    page = window.cases
    sample = find_cases(ctx, limit=1, full_id=True)[0]

    def settle() -> None:  # the background counts of the step before are in (or given up)
        deadline = time.perf_counter() + 10
        while page.model.total is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)

    def timed(label: str, action: Callable[[], object], undo: Callable[[], object]) -> None:
        took = []
        for _ in range(runs):
            settle()
            start = time.perf_counter()
            action()
            app.processEvents()
            took.append(time.perf_counter() - start)
            undo()
            app.processEvents()
        figures[label] = (took, "")

    def choose(combo: Any, value: object) -> Callable[[], None]:
        return lambda: combo.setCurrentIndex(combo.findData(value) if value is not None else 0)

    timed("filter: state 承办中", choose(page.state, "承办中"), choose(page.state, None))
    page.state.setCurrentIndex(page.state.findData("承办中"))
    criminal, every_type = choose(page.case_type, "刑事辩护"), choose(page.case_type, None)
    timed("filter: + type 刑事辩护", criminal, every_type)
    page.case_type.setCurrentIndex(page.case_type.findData("刑事辩护"))
    timed("filter: + office", lambda: page.office.setCurrentIndex(1),
          lambda: page.office.setCurrentIndex(0))  # fmt: skip
    page.state.setCurrentIndex(0)
    page.case_type.setCurrentIndex(0)
    timed("filter: overdue only (all states)", lambda: page.overdue.setChecked(True),
          lambda: page.overdue.setChecked(False))  # fmt: skip
    for label, query in (
        ("search: two-character name", sample.name[:2]),
        ("search: one character", sample.name[:1]),
        ("search: a year (2025)", "2025"),
        ("search: a year (2026)", "2026"),
        ("search: full ID number", sample.id_number),
        ("search: last 6 of ID", sample.id_number[-6:]),
        ("search: pinyin initials zs", "zs"),
        ("search: case number", sample.case_no),
    ):

        def search(text: str) -> Callable[[], None]:
            def run() -> None:
                page.search.blockSignals(True)
                page.search.setText(text)
                page.search.blockSignals(False)
                page.refresh()

            return run

        timed(label, search(query), search(""))
    timed("sort by deadline", lambda: page.model.sort(page.model.DUE),
          lambda: page.model.sort(page.model.CASE_NO, Qt.SortOrder.DescendingOrder))  # fmt: skip
    timed("scroll: fetch next page", page.model.fetchMore, page.model.reload)
    # Deep scrolling: pages keep coming as fast far down the list (keyset paging by case
    # number); the figure is the 50th page after 49 already loaded.
    took = []
    for _ in range(runs):
        page.model.reload()
        for _ in range(48):
            page.model.fetchMore()
        start = time.perf_counter()
        page.model.fetchMore()
        app.processEvents()
        took.append(time.perf_counter() - start)
    figures["scroll: 50th page, newest first"] = (took, "")

    # Each section's first showing: how long the window is held (the click to the next event)
    # and how long until its figures are in (read in the background behind a cover).
    for index in window.visible_sections:
        title = window.navigation.item(index).text()
        start = time.perf_counter()
        window.show_section(index)
        app.processEvents()
        held = time.perf_counter() - start
        while window.loader.loading:
            app.processEvents()
            time.sleep(0.005)
        figures[f"section {title}: window held"] = ([held], "")
        figures[f"section {title}: figures in"] = ([time.perf_counter() - start], "")
    window.close()
    window.deleteLater()
    app.processEvents()
    ctx.db.dispose()


if __name__ == "__main__":
    main()
