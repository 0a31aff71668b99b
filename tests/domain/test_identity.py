"""ID numbers (GB 11643-1999) and phone numbers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalaid.domain.errors import ValidationError
from legalaid.domain.identity import (
    age_on,
    check_character,
    mask_id_number,
    normalize_phone,
    parse_id_number,
)
from legalaid.domain.vocabulary import Gender

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        ("430225197808134424", date(1978, 8, 13), Gender.FEMALE),
        ("43022519690807847X", date(1969, 8, 7), Gender.MALE),
        ("11010519491231002X", date(1949, 12, 31), Gender.FEMALE),
        ("430203196201186858", date(1962, 1, 18), Gender.MALE),
        (" 43022519690807847x ", date(1969, 8, 7), Gender.MALE),  # lower-case x, spaces
    ],
)
def test_valid_numbers(number: str, birth: date, gender: Gender) -> None:
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.birth_date == birth
    assert parsed.gender is gender
    assert parsed.value == number.strip().upper()


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        ("43022519780813442", "应为18位，现为17位"),
        ("4302251978081344245", "现为19位"),
        ("43022519780813442A", "最后一位为数字或X"),
        ("4302251978O8134424", "前17位应为数字"),
        ("430225197802304424", "不是有效日期"),  # 30 February
        ("430225203002304424", "不是有效日期"),
        ("430225203001014424", "不合理"),  # born in the future
        ("430225197808134425", "校验位错误：最后一位应为4"),
        ("930225197808134424", "行政区划"),
    ],
)
def test_invalid_numbers_say_what_is_wrong(number: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_id_number(number, today=TODAY)
    assert fragment in info.value.message
    assert info.value.field == "身份证号"


def _valid_first17() -> st.SearchStrategy[str]:
    return st.builds(
        lambda region, day, seq: f"{region}{day:%Y%m%d}{seq:03d}",
        st.sampled_from(["430225", "110105", "440304", "510107"]),
        st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
        st.integers(0, 999),
    )


@given(_valid_first17(), st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(first17: str, position: int, delta: int) -> None:
    """MOD 11-2 detects every single-digit error, whatever the digit and position."""
    number = first17 + check_character(first17)
    parse_id_number(number, today=TODAY)
    changed_digit = str((int(number[position]) + delta) % 10)
    changed = number[:position] + changed_digit + number[position + 1 :]
    with pytest.raises(ValidationError):
        parse_id_number(changed, today=TODAY)


@given(_valid_first17())
def test_generated_numbers_round_trip(first17: str) -> None:
    number = first17 + check_character(first17)
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.birth_date.strftime("%Y%m%d") == first17[6:14]
    assert parsed.gender is (Gender.MALE if int(first17[16]) % 2 else Gender.FEMALE)


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (date(2008, 11, 20), date(2026, 11, 20), 18),
        (date(2008, 11, 21), date(2026, 11, 20), 17),
        (date(1966, 6, 30), date(2026, 6, 30), 60),
        (date(2004, 2, 29), date(2022, 2, 28), 17),
        (date(2004, 2, 29), date(2022, 3, 1), 18),
    ],
)
def test_age_on(birth: date, day: date, age: int) -> None:
    assert age_on(birth, day) == age


def test_masking_keeps_four_and_four() -> None:
    assert mask_id_number("430225197808134424") == "4302**********4424"
    assert mask_id_number(None) == ""


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("13236344021", "13236344021"),
        ("132 3634 4021", "13236344021"),
        ("+86 13236344021", "13236344021"),
        ("0731-22334455", "0731-22334455"),
        ("010-12345678", "010-12345678"),
    ],
)
def test_valid_phones(text: str, normalized: str) -> None:
    assert normalize_phone(text) == normalized


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1323634402", "手机号应为11位，现为10位"),
        ("12236344021", "第二位应为3–9"),
        ("abc", "应为11位手机号或带区号的固定电话"),
        ("22334455", "带区号"),
    ],
)
def test_invalid_phones(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(text)
    assert fragment in info.value.message
