"""Legal deadlines with calendar and working-day counts (official holidays, 调休)."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid.domain.deadlines import (
    CLOCKED_STATES,
    DEFAULT_RULES,
    CaseClock,
    DeadlineKind,
    DeadlineRule,
    differs_from_law,
    longer_than_law,
    open_deadline,
    remaining_text,
)
from legalaid.domain.vocabulary import CaseState
from legalaid.domain.workdays import CountRule, WeekendCalendar, add_days
from legalaid.services.plumbing.workcalendar import ChineseHolidayCalendar

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
        # 7 日 from Monday 3 March 2025: Monday 10 March (calendar days, 法律援助法 s.43).
        (
            CaseClock(CaseState.REGISTERED, applied_on=date(2025, 3, 3)),
            DeadlineKind.REVIEW,
            date(2025, 3, 10),
        ),
        # Ten days awaiting materials move the review deadline (the clock pauses).
        (
            CaseClock(CaseState.REVIEW, applied_on=date(2025, 3, 3), review_paused_days=10),
            DeadlineKind.REVIEW,
            date(2025, 3, 20),
        ),
        (
            CaseClock(
                CaseState.APPROVED, applied_on=date(2025, 3, 3), accepted_on=date(2025, 3, 7)
            ),
            DeadlineKind.ASSIGNMENT,
            date(2025, 3, 10),
        ),
        (
            CaseClock(
                CaseState.NOTIFIED, applied_on=date(2025, 3, 7), accepted_on=date(2025, 3, 7)
            ),
            DeadlineKind.ASSIGNMENT,
            date(2025, 3, 10),
        ),
        # 5 日 from Monday 10 March end on Saturday 15 March: the next working day.
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


# The Law's examples (issue 12): 日 are calendar days; a period ending in the National Day
# or May Day holidays ends on the first working day after them.
@pytest.mark.parametrize(
    ("clock", "kind", "due"),
    [
        (
            CaseClock(CaseState.REGISTERED, applied_on=date(2026, 9, 28)),
            DeadlineKind.REVIEW,
            date(2026, 10, 8),
        ),
        (
            CaseClock(
                CaseState.APPROVED, applied_on=date(2026, 9, 25), accepted_on=date(2026, 9, 30)
            ),
            DeadlineKind.ASSIGNMENT,
            date(2026, 10, 8),
        ),
        (
            CaseClock(
                CaseState.ASSIGNED, applied_on=date(2026, 4, 20), assigned_on=date(2026, 4, 30)
            ),
            DeadlineKind.ENGAGEMENT,
            date(2026, 5, 6),
        ),
    ],
)
def test_the_laws_examples(clock: CaseClock, kind: DeadlineKind, due: date) -> None:
    deadline = open_deadline(clock, CN)
    assert deadline is not None and deadline.kind is kind
    assert deadline.due == due
    assert not deadline.estimated


def test_shipped_defaults_are_the_laws_calendar_days() -> None:
    assert DEFAULT_RULES[DeadlineKind.REVIEW] == DeadlineRule(7, C)
    assert DEFAULT_RULES[DeadlineKind.ASSIGNMENT] == DeadlineRule(3, C)
    assert DEFAULT_RULES[DeadlineKind.ENGAGEMENT] == DeadlineRule(5, C)
    assert DEFAULT_RULES[DeadlineKind.CLOSING_FILE] == DeadlineRule(30, C)
    assert DEFAULT_RULES[DeadlineKind.CLOSING_REVIEW] == DeadlineRule(30, C)


@pytest.mark.parametrize(
    ("kind", "rule", "differs", "longer"),
    [
        (DeadlineKind.REVIEW, DeadlineRule(7, C), False, False),
        (DeadlineKind.REVIEW, DeadlineRule(7, W), True, True),  # the old habit: 5 days more
        (DeadlineKind.REVIEW, DeadlineRule(5, W), True, False),  # a normal week: 7 days
        (DeadlineKind.REVIEW, DeadlineRule(5, C), True, False),
        (DeadlineKind.ENGAGEMENT, DeadlineRule(6, C), True, True),
        (DeadlineKind.ASSIGNMENT, DeadlineRule(3, W), True, True),
        # The escalation report is office practice: no statutory period to exceed.
        (DeadlineKind.ESCALATION_REPORT, DeadlineRule(10, W), True, False),
    ],
)
def test_rules_compared_with_the_law(
    kind: DeadlineKind, rule: DeadlineRule, differs: bool, longer: bool
) -> None:
    assert differs_from_law(kind, rule) is differs
    assert longer_than_law(kind, rule) is longer


def test_rule_texts_say_days_as_the_law_does() -> None:
    assert DeadlineRule(7, C).text == "7 日"
    assert DeadlineRule(7, W).text == "7 个工作日"


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
    rules[DeadlineKind.REVIEW] = DeadlineRule(7, CountRule.WORKING_DAYS)
    deadline = open_deadline(CaseClock(CaseState.REVIEW, applied_on=date(2025, 3, 3)), CN, rules)
    assert deadline is not None and deadline.due == date(2025, 3, 12)
    assert deadline.is_overdue(date(2025, 3, 13)) and not deadline.is_overdue(date(2025, 3, 12))
    assert deadline.days_left(date(2025, 3, 8)) == 4


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


@pytest.mark.parametrize(
    ("rule", "start", "today", "text"),
    [
        (DeadlineRule(7, C), date(2026, 9, 28), date(2026, 10, 5), "剩余 3 天"),
        # Saturday 8 March: 10, 11 and 12 March are the working days left.
        (DeadlineRule(7, W), date(2025, 3, 3), date(2025, 3, 8), "剩余 3 个工作日"),
        (DeadlineRule(7, C), date(2025, 3, 3), date(2025, 3, 10), "今天到期"),
        (DeadlineRule(7, C), date(2025, 3, 3), date(2025, 3, 12), "已逾期 2 天"),
    ],
)
def test_time_left_is_said_plainly(rule: DeadlineRule, start: date, today: date, text: str) -> None:
    rules = dict(DEFAULT_RULES)
    rules[DeadlineKind.REVIEW] = rule
    deadline = open_deadline(CaseClock(CaseState.REVIEW, applied_on=start), CN, rules)
    assert deadline is not None
    assert remaining_text(deadline, today, CN) == text


def test_the_refusal_states_the_right_to_object_without_an_invented_time_limit() -> None:
    from legalaid.domain.documents import DEFAULT_TEXTS, DocumentKind

    text = DEFAULT_TEXTS[DocumentKind.REFUSAL]
    assert "如对本决定有异议，可以向{bureau}提出；" in text  # no limit for the applicant (s.49)
    assert "自收到异议之日起五日内" in text and "第四十九条" in text
    assert "工作日" not in text


@pytest.mark.parametrize("state", list(CaseState))
def test_a_clock_runs_exactly_in_the_clocked_states(state: CaseState) -> None:
    """Every state the import (and any caller) may skip without a clock has none, whatever
    dates the case carries; every clocked state runs one given its starting fact."""
    day = date(2026, 3, 2)
    clock = CaseClock(
        state=state, applied_on=day, accepted_on=day, assigned_on=day, ended_on=day,
        materials_requested_on=day, closing_submitted_on=day, objection_filed_on=day,
    )  # fmt: skip
    deadline = open_deadline(clock, WeekendCalendar())
    still = {
        CaseState.CLOSED,
        CaseState.ARCHIVED,
        CaseState.WITHDRAWN,
        CaseState.AWAITING_MATERIALS,
    }
    assert (deadline is None) == (state in still)
    assert (state in CLOCKED_STATES) == (deadline is not None)
