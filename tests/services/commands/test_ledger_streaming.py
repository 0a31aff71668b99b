"""The import reads, checks and writes a ledger chunk by chunk inside one transaction: the
outcome must be the one a whole-file import gives — every problem of the file listed,
nothing written on refusal, numbers handed out never meeting a number a later row brings."""

from __future__ import annotations

from pathlib import Path

import pytest

from legalaid.domain.errors import ValidationErrors
from legalaid.services.commands import case_ledger
from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.plumbing import ledger_reader
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases
from tests.services.commands.test_ledger_and_stats import _sample_rows
from tests.services.plumbing.test_ledger_files import write_csv


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger_reader, "CHUNK", 3)
    monkeypatch.setattr(case_ledger, "CHUNK", 3)  # the sample's rows span many chunks


def test_numbers_handed_out_never_meet_a_later_rows_number(
    offices: Context, tmp_path: Path
) -> None:
    rows = [r for r in _sample_rows() if r["机构"] == "LL" and r["申请日期"].startswith("2025")]
    assert len(rows) >= 8
    # Rows 2–7 have no 案号; a row in a later chunk brings the numbers 1 and 5 of the year.
    rows[-1]["案号"] = "醴法援〔2025〕第1号"
    rows[-2]["案号"] = "醴法援〔2025〕第5号"
    import_ledger(offices, write_csv(tmp_path / "l.csv", rows))
    numbers = [c.case_no for c in find_cases(offices)]
    assert len(numbers) == len(set(numbers)) == len(rows)
    assert "醴法援〔2025〕第1号" in numbers and "醴法援〔2025〕第5号" in numbers
    handed_out = sorted(
        n for n in numbers if n not in ("醴法援〔2025〕第1号", "醴法援〔2025〕第5号")
    )
    assert all(n.startswith("醴法援〔2025〕第") for n in handed_out)
    assert min(int(n.split("第")[1].rstrip("号")) for n in handed_out) == 6  # after the 5
    assert not any(n.startswith("#") for n in numbers)  # no placeholder left behind
    # A row numbered at the end is found by its number like any other.
    first = handed_out[0]
    assert [c.case_no for c in find_cases(offices, CaseFilter(query=first))] == [first]


def test_a_problem_in_a_late_chunk_leaves_nothing_and_all_problems_are_listed(
    offices: Context, tmp_path: Path
) -> None:
    rows = _sample_rows()
    assert len(rows) > 12
    rows[10]["机构"] = "QQ"  # written chunks before it must go too
    rows[11]["申请日期"] = "2025-13-01"
    rows.append(dict(rows[0]))  # repeats row 2, many chunks earlier
    with pytest.raises(ValidationErrors) as info:
        import_ledger(offices, write_csv(tmp_path / "bad.csv", rows))
    message = info.value.message
    assert "第12行「机构」" in message and "第13行「申请日期」" in message
    assert f"第{len(rows) + 1}行：与第2行重复" in message
    assert count_cases(offices) == 0
    assert find_cases(offices, CaseFilter(query=rows[0]["受援人"])) == []


def test_a_case_on_file_is_named_by_its_number_and_the_files_own_rows_by_row(
    offices: Context, tmp_path: Path
) -> None:
    rows = _sample_rows()
    import_ledger(offices, write_csv(tmp_path / "first.csv", rows[:4]))
    on_file = {c.name: c.case_no for c in find_cases(offices)}
    # Rows 2–7 new (written in two chunks), row 8 repeats row 3, row 9 a case on file.
    again = [*rows[4:10], dict(rows[5]), dict(rows[0])]
    with pytest.raises(ValidationErrors) as info:
        import_ledger(offices, write_csv(tmp_path / "again.csv", again))
    message = info.value.message
    assert "第8行：与第3行重复" in message  # not with the case the chunk before wrote
    assert f"第9行：与已有案件{on_file[rows[0]['受援人']]}重复" in message
    assert "已有案件" not in message.split("第9行")[0]
    assert count_cases(offices) == 4
