"""Working-day arithmetic for legal deadlines.

China's official holidays and make-up working days (调休) come from a ``HolidayCalendar``
supplied by an adapter (the ``chinese-calendar`` package); beyond its data only weekends
count as rest days and the caller is told so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol


class CountRule(StrEnum):
    CALENDAR_DAYS = "自然日"
    WORKING_DAYS = "工作日"


class HolidayCalendar(Protocol):
    def is_workday(self, day: date) -> bool | None:
        """True/False where the calendar has data, None beyond it."""


class WeekendCalendar:
    """Weekends only: the fallback beyond the official data."""

    def is_workday(self, day: date) -> bool | None:
        return None


@dataclass(frozen=True)
class DueDate:
    day: date
    # True when a working-day count ran past the holiday data (weekends only used).
    estimated: bool = False


def add_days(start: date, days: int, rule: CountRule, calendar: HolidayCalendar) -> DueDate:
    """The due date ``days`` days after ``start`` under the count rule.

    Calendar days: added, and a period whose last day is a rest day (weekend or official
    holiday) ends on the next working day (民事诉讼法 s.85, 刑事诉讼法 s.105). Working days:
    the start day itself does not count (期间开始之日不计算在期间内), each following working
    day does.
    """
    if rule is CountRule.CALENDAR_DAYS:
        day = start + timedelta(days=days)
        estimated = False
        while True:
            known = calendar.is_workday(day)
            if known is None:
                estimated = True
                known = day.weekday() < 5
            if known:
                return DueDate(day, estimated)
            day += timedelta(days=1)
    day = start
    remaining = days
    estimated = False
    while remaining > 0:
        day += timedelta(days=1)
        known = calendar.is_workday(day)
        if known is None:
            estimated = True
            known = day.weekday() < 5
        if known:
            remaining -= 1
    return DueDate(day, estimated)


def working_days_between(start: date, end: date, calendar: HolidayCalendar) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        known = calendar.is_workday(day)
        if known is None:
            known = day.weekday() < 5
        count += bool(known)
    return count
