"""A large ledger is parsed in a reader process beside the writer. What it gives must be
exactly what parsing in this process gives — the same cases with every column, the same
list of problems, the same refusal of a file that breaks half-way — and a stopped import
leaves no reader process behind."""

from __future__ import annotations

import csv
import multiprocessing
import pickle
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from legalaid.domain.errors import Cancelled, ValidationError, ValidationErrors
from legalaid.domain.ledger import parse_row
from legalaid.services.commands.case_ledger import export_ledger, import_ledger
from legalaid.services.commands.service_ledger import import_services
from legalaid.services.plumbing import ledger_reader
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import count_cases
from tests.services.plumbing.test_ledger_files import _fresh, extended_rows, write_csv

SERVICES = Path(__file__).resolve().parents[2] / "data" / "services-sample.csv"


def _in_reader_process(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file, however small, read in a reader process (a handful of rows per chunk, so a
    file spans many); the files for which one was started."""
    started: list[Path] = []
    real = ledger_reader._from_reader_process

    def counting(source: Any, progress: Any) -> Iterator[Any]:
        started.append(source.path)
        return real(source, progress)

    monkeypatch.setattr(ledger_reader, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(ledger_reader, "CHUNK", 4)
    monkeypatch.setattr(ledger_reader, "_from_reader_process", counting)
    return started


@pytest.fixture
def reader_starts(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    return _in_reader_process(monkeypatch)


def _exported(ctx: Context, path: Path) -> list[dict[str, str]]:
    export_ledger(ctx, path, full_id=True)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_file_read_in_a_reader_process_imports_every_fact_as_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_csv(tmp_path / "ext.csv", extended_rows())
    here = _fresh(tmp_path / "here.sqlite3")
    try:
        assert import_ledger(here, source).cases == 60
        expected = _exported(here, tmp_path / "here.csv")
    finally:
        here.db.dispose()
    started = _in_reader_process(monkeypatch)
    there = _fresh(tmp_path / "there.sqlite3")
    try:
        assert import_ledger(there, source).cases == 60
        assert started == [source]
        assert _exported(there, tmp_path / "there.csv") == expected
    finally:
        there.db.dispose()
    assert not multiprocessing.active_children()


def test_the_reader_process_lists_every_problem_and_nothing_is_written(
    offices: Context, tmp_path: Path, reader_starts: list[Path]
) -> None:
    rows = extended_rows()
    rows[9]["机构"] = "QQ"
    rows[30]["申请日期"] = "2025-13-01"
    rows[50]["身份证号"] = "4302**********1234"
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(ValidationErrors) as info:
        import_ledger(offices, path)
    assert reader_starts == [path]
    message = info.value.message
    assert "第11行「机构」" in message and "第32行「申请日期」" in message
    assert "第52行「身份证号」：这是隐去身份证号的导出文件" in message
    assert [p.row for p in info.value.problems] == [11, 32, 52]
    assert count_cases(offices) == 0


def test_a_file_that_breaks_half_way_is_refused_where_it_breaks(
    offices: Context, tmp_path: Path, reader_starts: list[Path]
) -> None:
    path = write_csv(tmp_path / "giant.csv", extended_rows())
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[40] += ',"' + "案" * 200_000 + '"'  # beyond the csv module's cell limit
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, path)
    assert reader_starts == [path]
    assert info.value.message.startswith("第41行：单元格超过 131,072 个字符的上限")
    assert count_cases(offices) == 0


def test_cancelling_stops_the_reader_and_keeps_nothing(
    offices: Context, tmp_path: Path, reader_starts: list[Path]
) -> None:
    # 1,200 rows in chunks of 4: the reader is still at work when Cancel comes.
    rows = [{**row, "案号": ""} for _ in range(20) for row in extended_rows()]
    path = write_csv(tmp_path / "large.csv", rows)

    def cancel(stage: str, done: int, total: int) -> None:
        raise Cancelled("已取消")

    with pytest.raises(Cancelled):
        import_ledger(offices, path, progress=cancel, allow_duplicates=True)
    assert reader_starts == [path]
    assert not multiprocessing.active_children()
    assert count_cases(offices) == 0


def test_the_services_ledger_reads_in_a_reader_process_too(
    offices: Context, reader_starts: list[Path]
) -> None:
    with SERVICES.open(encoding="utf-8-sig") as handle:
        expected = len(list(csv.DictReader(handle)))
    assert import_services(offices, SERVICES) == expected
    assert reader_starts == [SERVICES]


def test_a_row_crosses_processes_unchanged() -> None:
    raw = extended_rows()[3]
    row = parse_row(raw, 5, today=date(2026, 11, 20))
    again = pickle.loads(pickle.dumps(row))
    assert again == row and again.case_type is row.case_type and again.groups == row.groups


def test_where_no_reader_process_can_start_the_file_is_read_here(
    offices: Context, tmp_path: Path, reader_starts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from multiprocessing.context import SpawnProcess

    def refused(self: SpawnProcess) -> None:
        raise OSError("资源暂时不可用")  # a process limit, say

    monkeypatch.setattr(SpawnProcess, "start", refused)
    path = write_csv(tmp_path / "ext.csv", extended_rows())
    assert import_ledger(offices, path).cases == 60
    assert reader_starts == [path]


def test_a_wrong_header_is_refused_by_the_reader_as_here(
    offices: Context, tmp_path: Path, reader_starts: list[Path]
) -> None:
    rows = [{("申请人" if k == "受援人" else k): v for k, v in r.items()} for r in extended_rows()]
    path = write_csv(tmp_path / "header.csv", rows)
    with pytest.raises(ValidationErrors) as info:
        import_ledger(offices, path)
    assert reader_starts == [path]
    assert info.value.message.startswith("台账「header.csv」的列名有误：")
    assert info.value.problems and all(p.row == 1 for p in info.value.problems)
    assert any("受援人" in p.message for p in info.value.problems)
    assert count_cases(offices) == 0
