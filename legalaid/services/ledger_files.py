"""Reading and writing ledger files (.csv UTF-8 with or without BOM, .xlsx)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from legalaid.domain.errors import ValidationError
from legalaid.domain.ledger import HEADERS

SUPPORTED = (".csv", ".xlsx")


def check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ValidationError(
            f"不支持的文件类型「{path.suffix}」：台账应为 .xlsx 或 .csv 文件", field="文件"
        )
    return suffix


def read_rows(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The header row and an iterator over data rows as {header: value}."""
    suffix = check_suffix(path)
    if not path.is_file():
        raise ValidationError(f"文件不存在：{path}", field="文件")
    if suffix == ".csv":
        return _read_csv(path)
    return _read_xlsx(path)


def _read_csv(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "CSV 文件不是 UTF-8 编码：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」", field="文件"
        ) from None
    reader = csv.reader(text.splitlines())
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError("文件是空的：第1行应为列名", field="文件") from None

    def rows() -> Iterator[dict[str, Any]]:
        for values in reader:
            if not any(v.strip() for v in values):
                yield {}
                continue
            yield dict(zip(headers, values, strict=False))

    return headers, rows()


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise ValidationError(f"无法读取 Excel 文件：{exc}", field="文件") from None
    sheet = workbook.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    try:
        first = next(iterator)
    except StopIteration:
        raise ValidationError("工作表是空的：第1行应为列名", field="文件") from None
    headers = [str(h).strip() if h is not None else "" for h in first]
    while headers and headers[-1] == "":
        headers.pop()

    def rows() -> Iterator[dict[str, Any]]:
        try:
            for values in iterator:
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                    yield {}
                    continue
                yield dict(zip(headers, values, strict=False))
        finally:
            workbook.close()

    return headers, rows()


def write_rows(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write rows ({header: value}) in the ledger layout; returns the number of rows."""
    suffix = check_suffix(path)
    count = 0
    if suffix == ".csv":
        # utf-8-sig: Excel on Windows opens it as UTF-8 only with the BOM.
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            for row in rows:
                writer.writerow([_csv_text(row.get(h)) for h in HEADERS])
                count += 1
        return count
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append([_xlsx_value(row.get(h)) for h in HEADERS])
        count += 1
    workbook.save(path)
    return count


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.quantize(Decimal("0.01")), "f")
    return str(value)


def _xlsx_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value.quantize(Decimal("0.01")))
    return str(value)
