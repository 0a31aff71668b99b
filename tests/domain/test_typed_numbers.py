"""Case numbers as clerks type them: any brackets or none, with or without 第 and 号."""

from __future__ import annotations

import pytest

from legalaid.domain.numbering import TypedNumber, number_tails, numbers_for, typed_number

OFFICES = [("潭", "{prefix}法援〔{year}〕第{seq}号"), ("株", "{prefix}法援〔{year}〕第{seq}号"),
           ("醴", "{prefix}援字[{year}]{seq}号")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("潭法援(2026)228", TypedNumber("潭法援", 2026, 228)),
        ("潭法援〔2026〕第228号", TypedNumber("潭法援", 2026, 228)),
        ("2026第228", TypedNumber("", 2026, 228)),
        ("228号", TypedNumber("", None, 228)),
        ("第5号", TypedNumber("", None, 5)),
        ("张三", None),
        ("13812345678", None),  # a phone number is no case number
        ("2026-228", None),
    ],
)
def test_typed_numbers_are_read(text: str, parsed: TypedNumber | None) -> None:
    assert typed_number(text) == parsed


def test_the_numbers_a_typed_one_means() -> None:
    assert numbers_for(TypedNumber("潭法援", 2026, 228), OFFICES) == ["潭法援〔2026〕第228号"]
    assert numbers_for(TypedNumber("", 2026, 228), OFFICES) == [
        "株法援〔2026〕第228号",
        "潭法援〔2026〕第228号",
        "醴援字[2026]228号",
    ]
    assert numbers_for(TypedNumber("", None, 228), OFFICES) == []  # no year: by the tail
    assert number_tails(TypedNumber("", None, 228), [p for _, p in OFFICES]) == [
        "]228号",
        "〕第228号",
    ]
