"""Entering a year's official holiday notice, reading a year's calendar, and recounting the
stored due dates when the holiday data changes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from legalaid.domain.holidays import NoticeCalendar, NoticeDay, parse_notice
from legalaid.domain.permissions import Action
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_deadlines import deadline_rules, recompute_deadlines
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.workcalendar import (
    NOTICES,
    PACKAGE_VERSION,
    ChineseHolidayCalendar,
    OfficeCalendar,
    notices_from_json,
    notices_to_json,
    package_version,
)
from legalaid.storage import repositories as repo


@dataclass(frozen=True)
class NoticeEntered:
    years: tuple[int, ...]
    days: int
    recounted: int  # open cases whose due date moved


@requires(Action.ADMINISTER)
def enter_notice(ctx: Context, days: list[NoticeDay]) -> NoticeEntered:
    """Store the notice (it replaces what was entered earlier for the same years) and recount
    every open case's due date with it, in one transaction."""
    years = tuple(sorted({d.day.year for d in days}))
    with ctx.writing() as uow:
        kept = [
            d
            for d in notices_from_json(repo.get_setting(uow.session, NOTICES))
            if d.day.year not in years
        ]
        every = sorted([*kept, *days], key=lambda d: d.day)
        repo.put_setting(uow.session, NOTICES, notices_to_json(every))
        uow.flush()
        counted = replace(ctx, calendar=NoticeCalendar(ChineseHolidayCalendar(), every))
        recounted = recompute_deadlines(counted, uow.session, deadline_rules(uow.session))
        uow.commit()
    if isinstance(ctx.calendar, OfficeCalendar):
        ctx.calendar.reload()
    return NoticeEntered(years=years, days=len(days), recounted=recounted)


def read_notice_file(path: Path) -> list[dict[str, str]]:
    """The rows of a notice table (.csv or .xlsx; columns 日期, 类型, 名称)."""
    from legalaid.services.plumbing.ledger_files import read_rows

    _headers, rows = read_rows(path)
    return [{k: str(v or "") for k, v in r.items()} for r in rows]


def enter_notice_file(ctx: Context, path: Path) -> NoticeEntered:
    """A notice table from a file, all rows or none."""
    return enter_notice(ctx, parse_notice(read_notice_file(path)))


@dataclass(frozen=True)
class YearCalendar:
    year: int
    source: str  # 录入的通知 · 内置数据 · 无（仅按周末估算）
    days: tuple[NoticeDay, ...]  # the days that differ from the week: holidays, make-up days

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "source": self.source,
            "days": [
                {"日期": d.day.isoformat(), "类型": d.kind, "名称": d.name} for d in self.days
            ],
        }


def year_calendar(ctx: Context, year: int) -> YearCalendar:
    with ctx.reading() as uow:
        entered = [
            d
            for d in notices_from_json(repo.get_setting(uow.session, NOTICES))
            if d.day.year == year
        ]
    if entered:
        return YearCalendar(year, "录入的通知", tuple(entered))
    packaged = ChineseHolidayCalendar()
    if packaged.is_workday(date(year, 1, 1)) is None:
        return YearCalendar(year, "无（仅按周末估算）", ())
    import chinese_calendar

    names = {h.value: h.chinese for h in chinese_calendar.Holiday}
    found = []
    day = date(year, 1, 1)
    while day.year == year:
        working = bool(packaged.is_workday(day))
        if working != (day.weekday() < 5):
            _, name = chinese_calendar.get_holiday_detail(day)
            found.append(NoticeDay(day, working, names.get(str(name), str(name or ""))))
        day += timedelta(days=1)
    return YearCalendar(year, "内置数据", tuple(found))


def recount_if_package_changed(ctx: Context, session: Session) -> int:
    """A newer holiday package may know a year that was only estimated: recount every open
    case once per package version (called by ``init`` and at start)."""
    version = package_version()
    if repo.get_setting(session, PACKAGE_VERSION) == version:
        return 0
    recounted = recompute_deadlines(ctx, session, deadline_rules(session))
    repo.put_setting(session, PACKAGE_VERSION, version)
    return recounted
