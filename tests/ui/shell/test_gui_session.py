"""Whole sessions in their own processes end with status 0: no abort, no crash on exit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SESSION = Path(__file__).with_name("gui_session.py")


def run_session(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SESSION), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.mark.slow
def test_soak_several_thousand_actions_exits_cleanly(tmp_path: Path) -> None:
    done = run_session("soak", str(tmp_path / "soak.sqlite3"), "3000")
    assert done.returncode == 0, done.stderr[-2000:]
    actions = re.search(r"actions (\d+)", done.stdout)
    assert actions is not None and int(actions.group(1)) >= 3000


def test_intake_dialog_open_close_quit_exits_zero_ten_times(tmp_path: Path) -> None:
    database = tmp_path / "intake.sqlite3"
    codes = []
    for _ in range(10):
        done = run_session("intake", str(database))
        codes.append(done.returncode)
        assert "actions 2" in done.stdout, done.stderr[-2000:]
    assert codes == [0] * 10
