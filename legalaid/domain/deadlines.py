"""Legal deadlines of a case (domain.md; 办理法律援助案件程序规定)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from legalaid.domain.vocabulary import CaseState
from legalaid.domain.workdays import CountRule, HolidayCalendar, add_days


class DeadlineKind(StrEnum):
    REVIEW = "审查决定"  # decide within 7 days of receipt (程序规定 art. 16)
    ASSIGNMENT = "指派"  # assign within 3 days of the decision / notification (art. 22)
    ENGAGEMENT = "签订委托协议"  # agreement and power of attorney within 5 days (art. 24)
    CLOSING_FILE = "提交结案材料"  # closing file within 30 days of the case ending (art. 40)
    CLOSING_REVIEW = "结案审查"  # the centre reviews the closing file within 30 days
    # Report a major/difficult case upward after its collective discussion (office practice:
    # 3 working days unless the bureau sets otherwise).
    ESCALATION_REPORT = "上报重大疑难案件"


@dataclass(frozen=True)
class DeadlineRule:
    days: int
    count: CountRule


# The statutory lengths; the count rule is each office's setting.
DEFAULT_RULES: Mapping[DeadlineKind, DeadlineRule] = {
    DeadlineKind.REVIEW: DeadlineRule(7, CountRule.WORKING_DAYS),
    DeadlineKind.ASSIGNMENT: DeadlineRule(3, CountRule.WORKING_DAYS),
    DeadlineKind.ENGAGEMENT: DeadlineRule(5, CountRule.WORKING_DAYS),
    DeadlineKind.CLOSING_FILE: DeadlineRule(30, CountRule.CALENDAR_DAYS),
    DeadlineKind.CLOSING_REVIEW: DeadlineRule(30, CountRule.CALENDAR_DAYS),
    DeadlineKind.ESCALATION_REPORT: DeadlineRule(3, CountRule.WORKING_DAYS),
}


@dataclass(frozen=True)
class CaseClock:
    """The facts of a case that start or pause its clocks."""

    state: CaseState
    applied_on: date
    accepted_on: date | None = None
    assigned_on: date | None = None
    ended_on: date | None = None
    # Calendar days the review clock stood still while materials were awaited (补正).
    review_paused_days: int = 0
    materials_requested_on: date | None = None
    closing_submitted_on: date | None = None


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    start: date
    due: date
    rule: DeadlineRule
    # True when the working-day count went beyond the official holiday data.
    estimated: bool = False

    def days_left(self, today: date) -> int:
        return (self.due - today).days

    def is_overdue(self, today: date) -> bool:
        return today > self.due


def open_deadline(
    clock: CaseClock,
    calendar: HolidayCalendar,
    rules: Mapping[DeadlineKind, DeadlineRule] = DEFAULT_RULES,
) -> Deadline | None:
    """The deadline the case is running against now, if any."""
    state = clock.state
    if state in (CaseState.REGISTERED, CaseState.REVIEW):
        # The review clock starts at receipt and is paused while materials are awaited.
        start = clock.applied_on + timedelta(days=clock.review_paused_days)
        return _deadline(DeadlineKind.REVIEW, start, calendar, rules)
    if state in (CaseState.APPROVED, CaseState.NOTIFIED) and clock.accepted_on:
        return _deadline(DeadlineKind.ASSIGNMENT, clock.accepted_on, calendar, rules)
    if state is CaseState.ASSIGNED and clock.assigned_on:
        return _deadline(DeadlineKind.ENGAGEMENT, clock.assigned_on, calendar, rules)
    if state is CaseState.CLOSING and clock.closing_submitted_on:
        return _deadline(DeadlineKind.CLOSING_REVIEW, clock.closing_submitted_on, calendar, rules)
    if state in (CaseState.IN_PROGRESS, CaseState.TERMINATED) and clock.ended_on:
        return _deadline(DeadlineKind.CLOSING_FILE, clock.ended_on, calendar, rules)
    return None


def escalation_deadline(
    discussed_on: date,
    calendar: HolidayCalendar,
    rules: Mapping[DeadlineKind, DeadlineRule] = DEFAULT_RULES,
) -> Deadline:
    """The report to the supervising authority is due this long after the discussion."""
    return _deadline(DeadlineKind.ESCALATION_REPORT, discussed_on, calendar, rules)


def _deadline(
    kind: DeadlineKind,
    start: date,
    calendar: HolidayCalendar,
    rules: Mapping[DeadlineKind, DeadlineRule],
) -> Deadline:
    rule = rules[kind]
    due = add_days(start, rule.days, rule.count, calendar)
    return Deadline(kind=kind, start=start, due=due.day, rule=rule, estimated=due.estimated)
