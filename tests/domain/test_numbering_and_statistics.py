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
from legalaid.domain.statistics import (
    Standing,
    at_risk,
    behind_time,
    closing_rate,
    completion_pct,
    double_half,
    period_end,
    standing,
    time_pct,
)
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
    ("until", "cases", "target", "met"),
    [
        (date(2025, 6, 30), 50, 100, True),
        (date(2025, 6, 30), 49, 100, False),
        (date(2025, 6, 30), 900, 1801, False),  # 49.97 % rounds to 50.0 %: still not half
        (date(2025, 6, 30), 901, 1801, True),
        (date(2025, 6, 29), 80, 100, False),  # time not yet half gone
        (date(2025, 9, 1), 678, 1000, True),
        (date(2025, 9, 1), 678, None, False),  # no target
        (date(2025, 9, 1), 0, 0, False),
    ],
)
def test_double_half_uses_the_exact_ratio(
    until: date, cases: int, target: int | None, met: bool
) -> None:
    assert double_half(until, cases, target) is met


S = Standing


@pytest.mark.parametrize(
    ("until", "cases", "target", "expected", "behind"),
    [
        (date(2025, 6, 30), 900, 1801, S.NOT_DOUBLE_HALF, False),  # ahead of 49.6 % of time
        (date(2025, 6, 30), 901, 1801, S.DOUBLE_HALF, False),
        # Before 30 June: compared with time progress (3 March = 62 of 365 days = 17.0 %).
        (date(2025, 3, 3), 170, 1000, S.ON_PACE, False),
        (date(2025, 3, 3), 169, 1000, S.BEHIND_PACE, True),
        (date(2025, 12, 31), 999, 1000, S.NOT_COMPLETED, True),  # a finished year
        (date(2025, 12, 31), 1200, 1000, S.COMPLETED, False),
        (date(2025, 8, 1), 1000, 1000, S.COMPLETED, False),
        (date(2025, 8, 1), 10, None, S.NO_TARGET, False),
    ],
)
def test_one_standing_for_every_report(
    until: date, cases: int, target: int | None, expected: Standing, behind: bool
) -> None:
    assert standing(until, cases, target) is expected
    assert behind_time(until, cases, target) is behind
    assert expected.falls_short is (expected in (S.NOT_DOUBLE_HALF, S.BEHIND_PACE,
                                                 S.NOT_COMPLETED))  # fmt: skip


@pytest.mark.parametrize(
    ("until", "cases", "target", "midyear", "year_end", "risk"),
    [
        (date(2025, 5, 1), 300, 1000, 480, 1100, True),  # half not reached by 30 June
        (date(2025, 5, 1), 300, 1000, 520, 990, True),  # the year's target not reached
        (date(2025, 5, 1), 300, 1000, 520, 1100, False),
        # After 30 June the 双过半 question is decided: only the year end is at risk.
        (date(2025, 6, 30), 900, 1801, 900, 1900, False),
        (date(2025, 6, 30), 901, 1801, 901, 1700, True),
        (date(2025, 12, 31), 900, 1801, 900, 900, False),  # finished: 未完成, not "at risk"
        (date(2025, 9, 1), 1801, 1801, 1801, 1801, False),  # done
        (date(2025, 9, 1), 10, None, 0, 0, False),
    ],
)
def test_at_risk_never_contradicts_the_verdict(
    until: date, cases: int, target: int | None, midyear: int, year_end: int, risk: bool
) -> None:
    assert at_risk(until, cases, target, midyear, year_end) is risk


@pytest.mark.parametrize(
    ("closed", "open_at_start", "cases", "rate"),
    [(90, 50, 100, 60.0), (120, 80, 100, 66.7), (0, 0, 0, None), (5, 0, 10, 50.0)],
)
def test_closing_rate_counts_the_cases_there_were_to_handle(
    closed: int, open_at_start: int, cases: int, rate: float | None
) -> None:
    assert closing_rate(closed, open_at_start, cases) == rate


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
