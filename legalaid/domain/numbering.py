"""Case numbers from an office's pattern, e.g. ``{prefix}法援〔{year}〕第{seq}号``."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
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


# A case number as people type it: 潭法援(2026)228, 潭法援〔2026〕第228号, 2026第228, 228号 —
# brackets of any kind or none, with or without 第 and 号.
_TYPED_NUMBER = re.compile(
    r"(?P<head>[^\d]*?)[(（〔\[【]?(?:(?P<year>(?:19|20)\d{2})[)）〕\]】]?第?)?(?P<seq>\d{1,6})号?"
)
_BRACKETS = str.maketrans("", "", "()（）〔〕[]【】第号")


@dataclass(frozen=True)
class TypedNumber:
    head: str  # what came before the year (office prefix and 法援), brackets dropped
    year: int | None
    seq: int


def typed_number(text: str) -> TypedNumber | None:
    """The parts of a case number typed loosely, or None when the text is not one."""
    match = _TYPED_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    year = match.group("year")
    return TypedNumber(
        match.group("head").translate(_BRACKETS), int(year) if year else None,
        int(match.group("seq")),
    )  # fmt: skip


def numbers_for(typed: TypedNumber, offices: list[tuple[str, str]]) -> list[str]:
    """The exact numbers ``typed`` may mean, one per office (prefix, pattern) whose number
    for that year and sequence contains what was typed before the year."""
    if typed.year is None:
        return []
    found = []
    for prefix, pattern in offices:
        number = format_case_number(pattern, prefix=prefix, year=typed.year, seq=typed.seq)
        if typed.head in number.translate(_BRACKETS):
            found.append(number)
    return sorted(set(found))


def number_tails(typed: TypedNumber, patterns: list[str]) -> list[str]:
    """Without a year: what every number with this sequence ends with, per pattern
    (〕第228号), so that 228号 finds 第228号 and not 第1228号."""
    tails = set()
    for pattern in patterns:
        head, _, rest = pattern.partition("{year}")
        tail = rest if "{year}" in pattern else head
        if "{seq}" in tail:
            tails.add(tail.format(seq=typed.seq, prefix="", year=""))
    return sorted(tails)


def number_key(number: str) -> tuple[int, int]:
    """(year, sequence) of a case number as stored, (0, 0) where it has none: lists sort by
    office, year and number, so 第9号 comes before 第10号 (as text it would not)."""
    typed = typed_number(number)
    if typed is None:
        return 0, 0
    return typed.year or 0, typed.seq
