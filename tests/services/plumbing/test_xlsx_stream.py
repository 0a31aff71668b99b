"""The streamed ledger workbook: every kind of cell comes back as written, in openpyxl and in
the reader the import uses (calamine), whatever shape each row has."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from legalaid.services.plumbing import xlsx_stream
from legalaid.services.plumbing.xlsx_stream import write_ledger_xlsx

HEADERS = ("案号", "受援人", "申请日期", "办案补贴", "受援人数", "备注", "身份证号")
ROWS: list[tuple[object, ...]] = [
    ("潭法援(2026)1号", "张三", date(2026, 3, 1), Decimal("2000.00"), 1, None, "430225197808134424"),
    (None, " 李四 ", date(2026, 3, 2), None, 2, "两头有空格 ", None),
    ("A&B<1>", "王五", None, Decimal("12.50"), 3, "第一行\n第二行\t制表", "4302"),
    ("x", "赵\x07六", datetime(2026, 3, 4, 12, 0), Decimal("0.00"), 0, "'=1+1", 12345),
    ("y", "钱七", date(2026, 3, 5), Decimal("1E+3"), 1, "含 空格", None),
]  # fmt: skip


def _write(path: Path, rows: list[tuple[object, ...]]) -> int:
    return write_ledger_xlsx(
        path, HEADERS, iter(rows), text_columns=frozenset({0, 6}), widths=[10] * len(HEADERS),
        sheet_name="台账",
    )  # fmt: skip


def test_every_kind_of_cell_comes_back(tmp_path: Path) -> None:
    path = tmp_path / "l.xlsx"
    assert _write(path, ROWS) == len(ROWS)
    sheet = load_workbook(path).active
    assert sheet is not None
    got = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert got[0] == ("潭法援(2026)1号", "张三", datetime(2026, 3, 1), 2000, 1, None,
                      "430225197808134424")  # fmt: skip
    assert got[1][1] == " 李四 " and got[1][5] == "两头有空格 "  # spaces kept
    assert got[2][0] == "A&B<1>" and got[2][5] == "第一行\n第二行\t制表"
    assert got[3][1] == "赵六"  # a control character XML cannot hold is dropped, not fatal
    assert got[3][2] == datetime(2026, 3, 4, 12, 0) and got[3][6] == "12345"  # text column
    assert got[4][3] == 1000 and got[4][5] == "含 空格"
    assert sheet.cell(row=2, column=4).number_format == "#,##0.00"
    assert sheet.cell(row=2, column=3).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=3, column=1).number_format == "@"  # an empty text cell stays text
    with zipfile.ZipFile(path) as archive:  # Excel trims a text's edges unless told not to
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<t xml:space="preserve"> 李四 </t>' in xml and "<t>张三</t>" in xml
    book = CalamineWorkbook.from_path(str(path))
    data = book.get_sheet_by_index(0).to_python()
    assert data[0] == list(HEADERS)
    assert data[3][0] == "A&B<1>" and data[2][1] == " 李四 " and data[5][2] == date(2026, 3, 5)


def test_a_write_that_fails_in_the_writer_thread_is_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the compressing thread writes reaches the caller, which then does
    not report a finished file."""

    class Full:
        def __init__(self, sheet: object) -> None:
            self.sheet = sheet

        def write(self, chunk: bytes) -> int:
            raise OSError(28, "No space left on device")

    original = xlsx_stream._Compressing.__init__

    def failing(self: xlsx_stream._Compressing, sheet: object) -> None:
        original(self, Full(sheet))  # type: ignore[arg-type]

    monkeypatch.setattr(xlsx_stream._Compressing, "__init__", failing)
    with pytest.raises(OSError, match="No space"):
        _write(tmp_path / "full.xlsx", ROWS * 3000)
