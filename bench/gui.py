"""Speed of the clerk's desktop over a large database: prints figures, asserts nothing.

    .venv/bin/python -m bench.gui --db /tmp/big.sqlite3
    (e.g. after `legalaid --db /tmp/big.sqlite3 demo --cases 1000000`)

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def starts(script: str) -> tuple[list[float], int]:
        runs, peak = [], 0
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", script, str(time.time()), args.db],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()
            runs.append(float(out[-2]))
            peak = max(peak, int(out[-1]) // 1024)
        return runs, peak

    ours, peak = starts(STARTUP)
    bare, bare_peak = starts(BARE)
    print(
        f"{'start → main window with first page':<52} min {min(ours):.3f} s, "
        f"median {statistics.median(ours):.3f} s, peak {peak} MB"
    )
    print(
        f"{'floor: bare window with a table':<52} min {min(bare):.3f} s, "
        f"median {statistics.median(bare):.3f} s, peak {bare_peak} MB"
    )
    print(f"{'start ÷ floor (min)':<52} {min(ours) / min(bare):.2f}×")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from legalaid.services.commands.setup import open_context
    from legalaid.services.queries.cases import find_cases
    from legalaid.ui.shell.main_window import MainWindow

    app = QApplication([])
    ctx = open_context(args.db)
    window = MainWindow(ctx, QSettings("/tmp/bench-gui.ini", QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    page = window.cases
    sample = find_cases(ctx, limit=1, full_id=True)[0]

    def timed(label: str, action: object) -> None:
        start = time.perf_counter()
        action()  # type: ignore[operator]
        app.processEvents()
        print(
            f"{label:<52} {(time.perf_counter() - start) * 1000:8.1f} ms"
            f"  ({page.model.total} cases)"
        )

    timed("filter: state 承办中", lambda: page.state.setCurrentIndex(page.state.findData("承办中")))
    timed(
        "filter: + type 刑事辩护",
        lambda: page.case_type.setCurrentIndex(page.case_type.findData("刑事辩护")),
    )
    timed("filter: + office", lambda: page.office.setCurrentIndex(1))
    # Back to the whole list (three refreshes, not timed), then the one click on 逾期.
    page.state.setCurrentIndex(0)
    page.case_type.setCurrentIndex(0)
    page.office.setCurrentIndex(0)
    app.processEvents()
    timed("filter: overdue only (all states)", lambda: page.overdue.setChecked(True))
    page.overdue.setChecked(False)
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
        page.search.blockSignals(True)
        page.search.setText(query)
        page.search.blockSignals(False)
        timed(label, page.refresh)
    page.search.setText("")
    timed("sort by deadline", lambda: page.model.sort(page.model.DUE))
    timed("scroll: fetch next page", lambda: page.model.fetchMore())
    # Deep scrolling: pages keep coming as fast far down the list (keyset paging by case
    # number); the figure is the 50th page after 49 already loaded.
    page.model.sort(page.model.CASE_NO, Qt.SortOrder.DescendingOrder)
    for _ in range(48):
        page.model.fetchMore()
    timed("scroll: 50th page, newest first", lambda: page.model.fetchMore())

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
        print(
            f"{'section ' + title + ': window held / figures in':<52} {held * 1000:8.1f} ms"
            f" / {(time.perf_counter() - start) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
