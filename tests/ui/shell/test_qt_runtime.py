"""The Qt binding must not lose references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from legalaid.app import BROKEN_BINDING
from legalaid.ui.shell.qt_runtime import (
    Versions,
    known_bad,
    probe_loses_none,
    running_versions,
    startup_problem,
)

CALLS = 10_000
BATCH = 100  # checked often: on the faulty binding the process would abort before 10,000


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)"
)
def test_none_returning_calls_keep_their_reference_to_none(qapp: QApplication) -> None:
    label, table, named = QLabel(), QTableWidget(), QObject()
    calls = [
        lambda i: label.setText(f"第 {i} 件"),
        lambda i: table.setRowCount(i % 50),
        lambda i: named.setObjectName(f"n{i}"),
        lambda i: label.setVisible(bool(i % 2)),
    ]
    enabled = gc.isenabled()  # off once the window's collector runs collections itself
    gc.disable()  # a collection would legitimately free references to None
    try:
        start = sys.getrefcount(None)
        made = 0
        while made < CALLS:
            for i in range(made, made + BATCH):
                calls[i % len(calls)](i)
            made += BATCH
            now = sys.getrefcount(None)
            assert now >= start, (
                f"{running_versions().pyside} on Python {sys.version.split()[0]} lost "
                f"{start - now} references to None in {made} calls"
            )
    finally:
        if enabled:
            gc.enable()
    assert made == CALLS


def test_the_running_binding_passes_the_startup_check() -> None:
    assert probe_loses_none() == 0
    assert startup_problem() is None


@pytest.mark.parametrize(
    ("pyside", "python", "bad"),
    [
        ("6.12.0", (3, 11, 7), True),
        ("6.12.0", (3, 11, 0), True),
        ("6.12.0", (3, 12, 1), False),  # None is immortal there
        ("6.12.0", (3, 13, 0), False),
        ("6.11.3", (3, 11, 7), False),
        ("6.6.0", (3, 11, 7), False),
    ],
)
def test_known_bad_pairs(pyside: str, python: tuple[int, int, int], bad: bool) -> None:
    assert known_bad(Versions(pyside, python)) is bad


def test_refusal_names_the_versions_and_the_fix() -> None:
    message = startup_problem(Versions("6.12.0", (3, 11, 7)))
    assert message is not None
    assert "PySide6 6.12.0" in message and "Python 3.11.7" in message
    assert "quickstart.py app" in message and "Python 3.12" in message


def test_the_desktop_refuses_a_bad_binding_with_a_sentence(tmp_path: Path) -> None:
    """A real process on a binding reported as 6.12.0 under 3.11 stops before any window."""
    code = (
        "import sys, legalaid.ui.shell.qt_runtime as q\n"
        "q.running_versions = lambda: q.Versions('6.12.0', (3, 11, 7))\n"
        "from legalaid.app import main\n"
        "sys.exit(main(db=sys.argv[1]))\n"
    )
    target = tmp_path / "never-created.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == BROKEN_BINDING
    assert "PySide6 6.12.0 与 Python 3.11.7" in done.stderr
    assert not target.exists()  # refused before the first-run wizard or any database
