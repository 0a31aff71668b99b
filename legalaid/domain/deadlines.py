"""Legal deadlines of a case (domain.md; 办理法律援助案件程序规定)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from legalaid.domain.vocabulary import CaseState
from legalaid.domain.workdays import CountRule, HolidayCalendar, add_days, working_days_between


class DeadlineKind(StrEnum):
    REVIEW = "审查决定"  # decide within 7 日 of receipt (法律援助法 s.43)
    # Assign within 3 日 of the decision (s.43), or of a notification (s.36; 程序规定 s.24).
    ASSIGNMENT = "指派"
    ENGAGEMENT = "签订委托协议"  # agreement and power of attorney within 5 日 (程序规定 s.27)
    CLOSING_FILE = "提交结案材料"  # closing file within 30 日 of the case ending (程序规定)
    CLOSING_REVIEW = "结案审查"  # the centre reviews the closing file within 30 日 (程序规定)
    # Report a major/difficult case upward after its collective discussion (office practice:
    # 3 working days unless the bureau sets otherwise; the Law sets no period).
    ESCALATION_REPORT = "上报重大疑难案件"
    # The justice bureau decides an objection within 5 日 of receiving it (法律援助法 s.49).
    OBJECTION_REVIEW = "异议审查"


@dataclass(frozen=True)
class DeadlineRule:
    days: int
    count: CountRule

    @property
    def text(self) -> str:
        """ "7 日" (the Law's word for calendar days) or "7 个工作日"."""
        if self.count is CountRule.WORKING_DAYS:
            return f"{self.days} 个工作日"
        return f"{self.days} 日"


_CAL = CountRule.CALENDAR_DAYS
# The Law's periods. 法律援助法 and 程序规定 (2023) write 日, never 工作日 (the word appears
# nowhere in the Law; 行政许可法 s.82 shows the law writes 工作日 where it means it): calendar
# days, counted as 民事诉讼法 s.85 does — the first day not counted, a period whose last day
# is a rest day ending on the next working day (workdays.add_days). An office may still
# choose working days; the settings screen says where it departs from these.
LAW_RULES: Mapping[DeadlineKind, DeadlineRule] = {
    DeadlineKind.REVIEW: DeadlineRule(7, _CAL),
    DeadlineKind.ASSIGNMENT: DeadlineRule(3, _CAL),
    DeadlineKind.ENGAGEMENT: DeadlineRule(5, _CAL),
    DeadlineKind.CLOSING_FILE: DeadlineRule(30, _CAL),
    DeadlineKind.CLOSING_REVIEW: DeadlineRule(30, _CAL),
    DeadlineKind.ESCALATION_REPORT: DeadlineRule(3, CountRule.WORKING_DAYS),
    DeadlineKind.OBJECTION_REVIEW: DeadlineRule(5, _CAL),
}
DEFAULT_RULES = LAW_RULES
# The periods the Law itself sets; the escalation report's is office practice only.
STATUTORY = frozenset(LAW_RULES) - {DeadlineKind.ESCALATION_REPORT}
# What releases before 0.2 shipped (the 2012 rule, 司法部令第124号, said 7个工作日): an
# office whose stored rule still equals one of these never edited it (migration 0010).
PREVIOUS_DEFAULTS: Mapping[DeadlineKind, DeadlineRule] = {
    DeadlineKind.REVIEW: DeadlineRule(7, CountRule.WORKING_DAYS),
    DeadlineKind.ASSIGNMENT: DeadlineRule(3, CountRule.WORKING_DAYS),
    DeadlineKind.ENGAGEMENT: DeadlineRule(5, CountRule.WORKING_DAYS),
}


def _week_length(rule: DeadlineRule) -> float:
    # In an ordinary week five working days take seven calendar days.
    return rule.days * 7 / 5 if rule.count is CountRule.WORKING_DAYS else float(rule.days)


def differs_from_law(kind: DeadlineKind, rule: DeadlineRule) -> bool:
    return rule != LAW_RULES[kind]


def longer_than_law(kind: DeadlineKind, rule: DeadlineRule) -> bool:
    """A rule that gives more time than the Law's period (working days counted as a normal
    week): saving one lets cases run past their legal deadline unseen."""
    return kind in STATUTORY and _week_length(rule) > _week_length(LAW_RULES[kind])


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
    # The agreement clock stopped (程序规定 s.27 exception) on this day, until signed.
    agreement_paused_on: date | None = None
    # An objection to a refusal or a termination awaiting the bureau (s.49).
    objection_filed_on: date | None = None


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


# The states in which a case can have a running clock; in any other (closed, archived,
# withdrawn, awaiting materials: the review clock stands still) it has none whatever its dates.
CLOCKED_STATES = frozenset(
    {
        CaseState.REGISTERED,
        CaseState.REVIEW,
        CaseState.APPROVED,
        CaseState.NOTIFIED,
        CaseState.ASSIGNED,
        CaseState.IN_PROGRESS,
        CaseState.CLOSING,
        CaseState.TERMINATED,
        CaseState.REJECTED,  # while an objection awaits the bureau (s.49)
    }
)


def open_deadline(
    clock: CaseClock,
    calendar: HolidayCalendar,
    rules: Mapping[DeadlineKind, DeadlineRule] = DEFAULT_RULES,
) -> Deadline | None:
    """The deadline the case is running against now, if any."""
    state = clock.state
    if state not in CLOCKED_STATES:
        return None
    if clock.objection_filed_on and state in (CaseState.REJECTED, CaseState.TERMINATED):
        # The bureau's clock comes first: the closing file waits for its decision.
        return _deadline(DeadlineKind.OBJECTION_REVIEW, clock.objection_filed_on, calendar, rules)
    if state in (CaseState.REGISTERED, CaseState.REVIEW):
        # The review clock starts at receipt and is paused while materials are awaited.
        start = clock.applied_on + timedelta(days=clock.review_paused_days)
        return _deadline(DeadlineKind.REVIEW, start, calendar, rules)
    if state in (CaseState.APPROVED, CaseState.NOTIFIED) and clock.accepted_on:
        return _deadline(DeadlineKind.ASSIGNMENT, clock.accepted_on, calendar, rules)
    if state is CaseState.ASSIGNED and clock.assigned_on and clock.agreement_paused_on is None:
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


# The clock names of `legalaid deadlines --json` (interfaces.md).
JSON_KIND: Mapping[DeadlineKind, str] = {
    DeadlineKind.REVIEW: "审查",
    DeadlineKind.ASSIGNMENT: "指派",
    DeadlineKind.ENGAGEMENT: "签订委托协议",
    DeadlineKind.CLOSING_FILE: "提交结案材料",
    DeadlineKind.CLOSING_REVIEW: "结案审查",
    DeadlineKind.ESCALATION_REPORT: "上报",
    DeadlineKind.OBJECTION_REVIEW: "异议审查",
}


def deadline_json(case_no: str, office: str, deadline: Deadline, today: date) -> dict[str, object]:
    """One running clock as interfaces.md writes it: rule "7日" (calendar days, a rest-day end
    moving to the next working day) or "7工作日"; remaining_days negative when overdue."""
    rule = deadline.rule
    unit = "工作日" if rule.count is CountRule.WORKING_DAYS else "日"
    return {
        "case_no": case_no,
        "office": office,
        "kind": JSON_KIND[deadline.kind],
        "start": deadline.start.isoformat(),
        "due": deadline.due.isoformat(),
        "rule": f"{rule.days}{unit}",
        "remaining_days": deadline.days_left(today),
        "overdue": deadline.is_overdue(today),
        "estimated": deadline.estimated,
    }


def remaining_text(deadline: Deadline, today: date, calendar: HolidayCalendar) -> str:
    """Time left said plainly, in the rule's own unit — never a rule length that reads like
    time left: "剩余 7 天", "剩余 5 个工作日", "今天到期", "已逾期 3 天"."""
    if deadline.is_overdue(today):
        return f"已逾期 {(today - deadline.due).days} 天"
    if deadline.due == today:
        return "今天到期"
    if deadline.rule.count is CountRule.WORKING_DAYS:
        return f"剩余 {working_days_between(today, deadline.due, calendar)} 个工作日"
    return f"剩余 {deadline.days_left(today)} 天"
