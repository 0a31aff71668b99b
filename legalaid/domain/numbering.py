"""Case numbers from an office's pattern, e.g. ``{prefix}法援〔{year}〕第{seq}号``."""

from __future__ import annotations

import re
import string
from functools import lru_cache

from legalaid.domain.errors import ValidationError

DEFAULT_PATTERN = "{prefix}法援〔{year}〕第{seq}号"
_FIELDS = {"prefix", "year", "seq"}


def check_pattern(pattern: str) -> None:
    """A pattern must contain ``{seq}`` and may use ``{prefix}`` and ``{year}``."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise ValidationError(f"案号格式「{pattern}」无效：{exc}", field="案号格式") from None
    unknown = names - _FIELDS
    if unknown:
        raise ValidationError(
            f"案号格式中有未知字段：{'、'.join(sorted(unknown))}"
            "（可用 {prefix} {year} {seq}）",
            field="案号格式",
        )
    if "seq" not in names:
        raise ValidationError("案号格式必须包含序号 {seq}", field="案号格式")


def format_case_number(pattern: str, *, prefix: str, year: int, seq: int) -> str:
    return pattern.format(prefix=prefix, year=year, seq=seq)


def parse_sequence(pattern: str, number: str, *, prefix: str, year: int) -> int | None:
    """The sequence number inside ``number`` if it follows the pattern for this office/year."""
    match = _number_regex(pattern, prefix, year).fullmatch(number)
    return int(match.group(1)) if match else None


@lru_cache(maxsize=1024)
def _number_regex(pattern: str, prefix: str, year: int) -> re.Pattern[str]:
    # Built once per office and year: an import checks every kept number against it.
    return re.compile(
        "".join(
            re.escape(literal)
            + {"prefix": re.escape(prefix), "year": str(year), "seq": r"(\d+)"}.get(name or "", "")
            for literal, name, _, _ in string.Formatter().parse(pattern)
        )
    )
