"""Case-number patterns, the statistics percentages and 双过半, the default subsidy."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from legalaid.domain.errors import ValidationError
from legalaid.domain.numbering import (
    DEFAULT_PATTERN,
    check_pattern,
    format_case_number,
    parse_sequence,
)
from legalaid.domain.statistics import completion_pct, double_half, period_end, time_pct
from legalaid.domain.subsidy import default_subsidy
from legalaid.domain.vocabulary import CaseType, Stage


def test_default_pattern() -> None:
    assert (
        format_case_number(DEFAULT_PATTERN, prefix="株", year=2025, seq=123)
        == "株法援〔2025〕第123号"
    )


@pytest.mark.parametrize(
    ("pattern", "number", "seq"),
    [
        (DEFAULT_PATTERN, "株法援〔2025〕第123号", 123),
        (DEFAULT_PATTERN, "株法援〔2024〕第123号", None),  # another year
        (DEFAULT_PATTERN, "醴法援〔2025〕第123号", None),  # another office
        ("{prefix}援决字[{year}]第{seq}号", "崂援决字[2025]第12号", 12),
    ],
)
def test_parse_sequence(pattern: str, number: str, seq: int | None) -> None:
    prefix = "崂" if "崂" in number else "株"
    assert parse_sequence(pattern, number, prefix=prefix, year=2025) == seq


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("{prefix}法援〔{year}〕", "必须包含序号"),
        ("{office}第{seq}号", "未知字段"),
        ("{seq", "无效"),
    ],
)
def test_bad_patterns(pattern: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_pattern(pattern)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("until", "pct"),
    [
        (date(2025, 6, 30), 49.6),  # 181 / 365
        (date(2024, 6, 30), 49.7),  # 182 / 366
        (date(2025, 12, 31), 100.0),
        (date(2025, 1, 1), 0.3),
    ],
)
def test_time_pct(until: date, pct: float) -> None:
    assert time_pct(until) == pct


@pytest.mark.parametrize(
    ("cases", "target", "pct"),
    [
        (1626, 2400, 67.8),
        (3968, 2405, 165.0),
        (1, 3, 33.3),
        (1, 8, 12.5),
        (5, 0, None),
        (5, None, None),
    ],
)
def test_completion_pct(cases: int, target: int | None, pct: float | None) -> None:
    assert completion_pct(cases, target) == pct


@pytest.mark.parametrize(
    ("until", "completion", "met"),
    [
        (date(2025, 6, 30), 50.0, True),
        (date(2025, 6, 30), 49.9, False),
        (date(2025, 6, 29), 80.0, False),  # time not yet half gone
        (date(2025, 9, 1), 67.8, True),
        (date(2025, 9, 1), None, False),  # no target
    ],
)
def test_double_half(until: date, completion: float | None, met: bool) -> None:
    assert double_half(until, completion) is met


def test_period_end() -> None:
    today = date(2026, 11, 20)
    assert period_end(2025, None, today) == date(2025, 12, 31)
    assert period_end(2026, None, today) == today
    assert period_end(2025, date(2025, 6, 30), today) == date(2025, 6, 30)
    with pytest.raises(ValidationError):
        period_end(2025, date(2024, 6, 30), today)


@pytest.mark.parametrize(
    ("case_type", "stage", "cross", "major", "terminated", "amount"),
    [
        (CaseType.CRIMINAL_DEFENCE, Stage.INVESTIGATION, False, False, False, "2000"),
        (CaseType.CRIMINAL_DEFENCE, Stage.PROSECUTION_REVIEW, False, False, False, "2000"),
        (CaseType.CRIMINAL_DEFENCE, Stage.TRIAL, False, False, False, "3000"),
        (CaseType.CRIMINAL_DEFENCE, Stage.DEATH_REVIEW, False, False, False, "3000"),
        (CaseType.CRIMINAL_DEFENCE, None, False, False, False, "3000"),
        (CaseType.CRIMINAL_REPRESENTATION, Stage.TRIAL, False, False, False, "2500"),
        (CaseType.CIVIL, Stage.FIRST_INSTANCE, False, False, False, "2500"),
        (CaseType.CIVIL, Stage.ENFORCEMENT, False, False, False, "2000"),
        (CaseType.ADMINISTRATIVE, Stage.SECOND_INSTANCE, False, False, False, "3000"),
        (CaseType.STATE_COMPENSATION, None, False, False, False, "3000"),
        (CaseType.LABOUR_ARBITRATION, Stage.ARBITRATION, False, False, False, "2000"),
        (CaseType.NON_LITIGATION, None, False, False, False, "2000"),
        (CaseType.CIVIL, Stage.FIRST_INSTANCE, True, False, False, "3500"),
        (CaseType.CRIMINAL_DEFENCE, Stage.TRIAL, True, True, False, "5000"),
        (CaseType.CRIMINAL_DEFENCE, Stage.TRIAL, False, False, True, "1500"),
        (CaseType.CIVIL, Stage.FIRST_INSTANCE, True, True, True, "2250"),
    ],
)
def test_default_subsidy(
    case_type: CaseType,
    stage: Stage | None,
    cross: bool,
    major: bool,
    terminated: bool,
    amount: str,
) -> None:
    result = default_subsidy(
        case_type, stage, cross_region=cross, major_difficult=major, terminated=terminated
    )
    assert result.amount == Decimal(amount)
    # The breakdown adds up to the amount, line by line.
    assert sum(line.amount for line in result.lines) == result.amount
