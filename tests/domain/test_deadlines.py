"""Legal deadlines with calendar and working-day counts (official holidays, 调休)."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid.domain.deadlines import (
    DEFAULT_RULES,
    CaseClock,
    DeadlineKind,
    DeadlineRule,
    open_deadline,
)
from legalaid.domain.vocabulary import CaseState
from legalaid.domain.workdays import CountRule, WeekendCalendar, add_days
from legalaid.services.workcalendar import ChineseHolidayCalendar

CN = ChineseHolidayCalendar()
W = CountRule.WORKING_DAYS
C = CountRule.CALENDAR_DAYS


@pytest.mark.parametrize(
    ("start", "days", "rule", "due"),
    [
        (date(2025, 3, 3), 7, C, date(2025, 3, 10)),
        (date(2025, 3, 3), 7, W, date(2025, 3, 12)),  # Monday + 7 working days
        # National Day 2025: 1–8 Oct off, Sat 11 Oct a make-up working day.
        (date(2025, 9, 30), 3, W, date(2025, 10, 11)),
        (date(2025, 9, 30), 4, W, date(2025, 10, 13)),
        # Spring Festival 2025: 28 Jan–4 Feb off, Sun 26 Jan and Sat 8 Feb working.
        (date(2025, 1, 24), 1, W, date(2025, 1, 26)),
        (date(2025, 1, 27), 3, W, date(2025, 2, 7)),
        (date(2025, 12, 31), 30, C, date(2026, 1, 30)),
    ],
)
def test_add_days(start: date, days: int, rule: CountRule, due: date) -> None:
    result = add_days(start, days, rule, CN)
    assert result.day == due
    assert not result.estimated


def test_beyond_holiday_data_uses_weekends_and_says_so() -> None:
    result = add_days(date(2099, 3, 6), 1, W, CN)  # a Friday in a year without data
    assert result.day == date(2099, 3, 9)
    assert result.estimated


def test_weekend_calendar() -> None:
    assert add_days(date(2025, 9, 30), 3, W, WeekendCalendar()).day == date(2025, 10, 3)


@pytest.mark.parametrize(
    ("clock", "kind", "due"),
    [
        (
            CaseClock(CaseState.REGISTERED, applied_on=date(2025, 3, 3)),
            DeadlineKind.REVIEW,
            date(2025, 3, 12),
        ),
        # Ten days awaiting materials move the review deadline (the clock pauses).
        (
            CaseClock(CaseState.REVIEW, applied_on=date(2025, 3, 3), review_paused_days=10),
            DeadlineKind.REVIEW,
            date(2025, 3, 24),
        ),
        (
            CaseClock(
                CaseState.APPROVED, applied_on=date(2025, 3, 3), accepted_on=date(2025, 3, 7)
            ),
            DeadlineKind.ASSIGNMENT,
            date(2025, 3, 12),
        ),
        (
            CaseClock(
                CaseState.NOTIFIED, applied_on=date(2025, 3, 7), accepted_on=date(2025, 3, 7)
            ),
            DeadlineKind.ASSIGNMENT,
            date(2025, 3, 12),
        ),
        (
            CaseClock(
                CaseState.ASSIGNED, applied_on=date(2025, 3, 3), assigned_on=date(2025, 3, 10)
            ),
            DeadlineKind.ENGAGEMENT,
            date(2025, 3, 17),
        ),
        (
            CaseClock(
                CaseState.IN_PROGRESS, applied_on=date(2025, 3, 3), ended_on=date(2025, 6, 1)
            ),
            DeadlineKind.CLOSING_FILE,
            date(2025, 7, 1),
        ),
    ],
)
def test_open_deadline_by_state(clock: CaseClock, kind: DeadlineKind, due: date) -> None:
    deadline = open_deadline(clock, CN)
    assert deadline is not None
    assert deadline.kind is kind
    assert deadline.due == due


@pytest.mark.parametrize(
    "state",
    [
        CaseState.AWAITING_MATERIALS,
        CaseState.CLOSED,
        CaseState.ARCHIVED,
        CaseState.REJECTED,
        CaseState.WITHDRAWN,
        CaseState.CLOSING,
    ],
)
def test_no_deadline_while_paused_or_finished(state: CaseState) -> None:
    assert open_deadline(CaseClock(state, applied_on=date(2025, 3, 3)), CN) is None


def test_count_rule_is_configurable() -> None:
    rules = dict(DEFAULT_RULES)
    rules[DeadlineKind.REVIEW] = DeadlineRule(7, CountRule.CALENDAR_DAYS)
    deadline = open_deadline(CaseClock(CaseState.REVIEW, applied_on=date(2025, 3, 3)), CN, rules)
    assert deadline is not None and deadline.due == date(2025, 3, 10)
    assert deadline.is_overdue(date(2025, 3, 11)) and not deadline.is_overdue(date(2025, 3, 10))
    assert deadline.days_left(date(2025, 3, 8)) == 2


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (date(2025, 2, 6), date(2025, 3, 10)),  # 30 days end on Saturday 8 March → Monday
        (date(2025, 9, 1), date(2025, 10, 9)),  # end on 1 October: after the National Day week
        (date(2025, 3, 3), date(2025, 4, 2)),  # a working day stays as it is
    ],
)
def test_calendar_day_periods_ending_on_a_rest_day_move_to_the_next_working_day(
    start: date, due: date
) -> None:
    # 民事诉讼法 s.85: the last day of a period falling on a rest day, the next working day.
    assert add_days(start, 30, CountRule.CALENDAR_DAYS, CN).day == due
