"""Windows-only code paths, run on any machine by faking the platform calls."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from legalaid.cli import ensure_streams, main
from legalaid.storage.engine import DRIVE_REMOTE, is_network_path

DRIVE_FIXED = 3


def fake_drive_types(remote: set[str]) -> tuple[list[str], object]:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return DRIVE_REMOTE if root in remote else DRIVE_FIXED

    return asked, drive_type


@pytest.mark.parametrize(
    ("path", "network", "asked"),
    [
        (r"\\fileserver\legalaid\db", True, []),  # UNC: no need to ask
        ("//fileserver/legalaid", True, []),
        (r"Z:\legalaid", True, ["Z:\\"]),  # a mapped network drive
        (r"C:\Users\clerk\AppData\Local\legalaid", False, ["C:\\"]),
        (r"d:\data", False, ["d:\\"]),
    ],
)
def test_network_drive_check_on_windows(path: str, network: bool, asked: list[str]) -> None:
    seen, drive_type = fake_drive_types({"Z:\\"})
    found = is_network_path(Path(path), platform="win32", drive_type=drive_type)  # type: ignore[arg-type]
    assert found is network
    assert seen == asked


def test_windowed_program_without_console_runs_commands(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """legalaid.exe (windowed) has sys.stdout and sys.stderr set to None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--db", str(tmp_path / "w.sqlite3"), "init"]) == 0
    assert sys.stdout is not None and sys.stderr is not None
    with pytest.raises(SystemExit) as stop:
        main(["frobnicate"])  # an argparse error writes to stderr: no crash, exit 2
    assert stop.value.code == 2


def test_streams_that_exist_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    ensure_streams()
    assert sys.stdout is out and sys.stderr is err
