"""Reading and writing ledger files as offices keep them (interfaces.md): .xlsx, .xls and .ods
read by calamine; CSV in UTF-8 (with or without BOM) or GB18030/GBK, CRLF or LF, line breaks
inside quoted cells kept. Exports are typed .xlsx workbooks or UTF-8 CSV with a BOM."""

from __future__ import annotations

import codecs
import csv
import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from legalaid.domain.errors import ValidationError
from legalaid.domain.ledger import (
    CASE_COLUMNS,
    FORMULA_START,
    Columns,
    cell_text,
    guard_formula,
    unguard_formula,
)

READABLE = (".csv", ".xlsx", ".xls", ".ods")
WRITABLE = (".csv", ".xlsx")


def check_suffix(path: Path, *, writing: bool = False) -> str:
    suffix = path.suffix.lower()
    allowed = WRITABLE if writing else READABLE
    if suffix not in allowed:
        kinds = " 或 ".join(allowed)
        raise ValidationError(
            f"不支持的文件类型「{path.suffix}」：台账应为 {kinds} 文件", field="文件"
        )
    return suffix


_bulk_lock = threading.Lock()
_bulk_depth = 0
_usual_threshold: tuple[int, ...] = gc.get_threshold()


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Fewer garbage collections while a ledger's hundreds of thousands of rows are alive:
    none of them form cycles, yet each collection walks them all (15 % of a large import).
    The usual thresholds come back when the last of them ends: two at once on two threads
    (the desktop's worker and a background import) must not leave the raised one behind."""
    global _bulk_depth, _usual_threshold
    with _bulk_lock:
        if _bulk_depth == 0:
            _usual_threshold = gc.get_threshold()
            gc.set_threshold(max(_usual_threshold[0], 200_000), *_usual_threshold[1:])
        _bulk_depth += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_depth -= 1
            if _bulk_depth == 0:
                gc.set_threshold(*_usual_threshold)


def read_rows(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The header row and an iterator over data rows as {header: value}; an empty row is {}."""
    suffix = check_suffix(path)
    if not path.is_file():
        raise ValidationError(f"文件不存在：{path}", field="文件")
    headers, rows = _read_csv(path) if suffix == ".csv" else _read_sheet(path)
    return headers, _within_rows(path, rows)


def expected_rows(path: Path) -> int:
    """About how many data rows a CSV holds, for a progress bar (its line breaks, one inside
    a quoted cell too), without decoding it; 0 for other files or when it cannot say."""
    if path.suffix.lower() != ".csv":
        return 0
    lines = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n")
    except OSError:  # the reading itself names what is wrong with the file
        return 0
    return max(lines - 1, 0)


def detect_encoding(sample: bytes) -> str:
    """The encoding a CSV that is not UTF-8 shows in its bytes: GB18030 for the GBK family
    (its superset), Big5 where that is what reads."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    name = (best.encoding if best is not None else "gb18030").lower().replace("_", "")
    return "big5" if name.replace("-", "") == "big5" else "gb18030"


def _csv_encoding(path: Path) -> str:
    """utf-8-sig when the whole file is UTF-8 (checked in chunks, never loaded whole), else
    the encoding detected from its first megabyte (trimmed to whole lines)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            handle.seek(0)
            sample = handle.read(1 << 20)
    return detect_encoding(sample[: sample.rfind(b"\n") + 1] or sample)


def _read_csv(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    encoding = _csv_encoding(path)
    # newline="": the csv module itself keeps line breaks inside quoted cells and CRLF.
    handle = path.open(encoding=encoding, newline="", errors="strict")
    reader = csv.reader(handle)
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        handle.close()
        raise ValidationError("文件是空的：第1行应为列名", field="文件") from None
    except UnicodeDecodeError:
        handle.close()
        raise _undecodable() from None
    while headers and headers[-1] == "":
        headers.pop()

    def rows() -> Iterator[dict[str, Any]]:
        try:
            for values in reader:
                joined = "".join(values)  # one look at the whole row, not one per cell
                if not joined.strip():
                    yield {}
                elif "'" in joined:  # an apostrophe our export put before a formula-like text
                    yield dict(zip(headers, map(unguard_formula, values), strict=False))
                else:
                    yield dict(zip(headers, values, strict=False))
        except UnicodeDecodeError:
            raise _undecodable() from None
        except csv.Error as exc:
            # A cell beyond the csv module's limit (131,072 characters) or a broken quote.
            reason = (
                f"单元格超过 {csv.field_size_limit():,} 个字符的上限"
                if "field larger" in str(exc)
                else f"无法按 CSV 读取（{exc}）"
            )
            raise ValidationError(f"第{reader.line_num}行：{reason}", field="文件") from None
        finally:
            handle.close()

    return headers, rows()


def _undecodable() -> ValidationError:
    return ValidationError(
        "无法识别 CSV 文件的编码：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」", field="文件"
    )


# A zipped workbook (.xlsx, .ods) is opened only when what it unpacks to stays within this:
# a 200,000-row ledger unpacks to some 150 MB, a "zip bomb" to gigabytes.
MAX_UNPACKED = 1 << 30
# Rows of one file: an Excel sheet's own limit (a CSV could be endless).
MAX_ROWS = 1_048_576


def _within_rows(path: Path, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for count, row in enumerate(rows, start=2):  # the header is row 1
        if count > MAX_ROWS:
            raise ValidationError(
                f"「{path.name}」超过 {MAX_ROWS:,} 行（Excel 工作表的行数上限）："
                "请把台账分成几个文件导入",
                field="文件",
            )
        yield row


def _check_unpacked_size(path: Path) -> None:
    import zipfile

    if not zipfile.is_zipfile(path):
        return  # .xls, or not a workbook at all: calamine says so
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(entry.file_size for entry in archive.infolist())
    if unpacked > MAX_UNPACKED:
        raise ValidationError(
            f"表格文件「{path.name}」解压后有 {unpacked // (1 << 20)} MB，超过上限"
            f" {MAX_UNPACKED // (1 << 20)} MB：请把台账分成几个文件导入",
            field="文件",
        )


def _read_sheet(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The first sheet of an .xlsx, .xls or .ods file, with spreadsheet dates as dates and
    numbers as numbers (so that an ID stored as a number can be told apart and refused)."""
    from python_calamine import CalamineWorkbook

    _check_unpacked_size(path)

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        iterator = iter(sheet.iter_rows())
    except Exception as exc:  # calamine raises its own family for broken or locked files
        raise ValidationError(
            f"无法读取表格文件「{path.name}」：{type(exc).__name__}（文件已损坏、加密或不是表格）",
            field="文件",
        ) from None
    try:
        first = next(iterator)
    except StopIteration:
        raise ValidationError("工作表是空的：第1行应为列名", field="文件") from None
    headers = [str(h).strip() if h not in (None, "") else "" for h in first]
    while headers and headers[-1] == "":
        headers.pop()

    def rows() -> Iterator[dict[str, Any]]:
        for values in iterator:
            cells = [None if v == "" else v for v in values]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
                yield {}
                continue
            yield dict(zip(headers, cells, strict=False))

    return headers, rows()


def write_rows(
    path: Path,
    rows: Iterable[Sequence[Any]],
    columns: Columns = CASE_COLUMNS,
    sheet_name: str = "台账",
) -> int:
    """Write typed ledger rows (cells in ``columns.headers`` order) in a layout (the case
    ledger unless said); returns the number of rows."""
    suffix = check_suffix(path, writing=True)
    if suffix == ".csv":
        count = 0
        # utf-8-sig: Excel on Windows opens it as UTF-8 only with the BOM.
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns.headers)
            for row in rows:
                writer.writerow(_csv_cells(row))
                count += 1
        return count
    return _write_xlsx(path, rows, columns, sheet_name)


_FORMULA_FIRST = frozenset(FORMULA_START)


def _csv_cells(row: Sequence[Any]) -> list[Any]:
    """A typed ledger row as CSV cells: text guarded against formulas; None, dates, counts and
    amounts as the csv module writes them, which is cell_text's text (an export writes some
    six million cells, so the common kinds skip the call)."""
    return [
        ("'" + value if value and value[0] in _FORMULA_FIRST else value)
        if (kind := type(value)) is str
        else value
        if value is None or kind is date or kind is int
        else guard_formula(cell_text(value))
        for value in row
    ]


# Widths in characters: enough for the longest usual value of each column.
_WIDTHS = {"案号": 24, "机构": 8, "案由": 18, "受援人": 10, "身份证号": 21, "联系电话": 14,
           "人群类别": 16, "承办人": 10, "承办单位": 22, "住址": 28, "通知机关": 22,
           "备注": 30, "可能判处无期徒刑死刑": 10, "方式": 22, "服务对象": 10,
           "帮助内容": 24, "内容": 40, "转为案件": 24}  # fmt: skip
_DATE_FORMAT = "yyyy-mm-dd"
_MONEY_FORMAT = "#,##0.00"


def _write_xlsx(
    path: Path, rows: Iterable[Sequence[Any]], columns: Columns, sheet_name: str
) -> int:
    """A real workbook: dates as dates, amounts as numbers with two decimals, ID numbers,
    phones and case numbers as text cells (a number typed into them stays text), the header
    frozen and filtered. Streamed row by row, so memory stays flat."""
    from legalaid.services.plumbing.xlsx_stream import write_ledger_xlsx

    headers = columns.headers
    return write_ledger_xlsx(
        path,
        headers,
        rows,
        text_columns=frozenset(i for i, h in enumerate(headers) if h in columns.text_only),
        widths=[_WIDTHS.get(h, max(10, len(h) * 2 + 2)) for h in headers],
        sheet_name=sheet_name,
    )


def text_cell(sheet: Any, value: str | None) -> Any:
    """A write-only cell that holds ``value`` as text, even when it starts like a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if value is not None:
        cell.data_type = "s"
    return cell
