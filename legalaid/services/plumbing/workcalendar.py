"""China's official holidays and make-up working days: the chinese-calendar package, and the
State Council notices an administrator entered for years the package does not know yet."""

from __future__ import annotations

import json
from datetime import date

import chinese_calendar
from sqlalchemy.exc import OperationalError, ProgrammingError

from legalaid.domain.holidays import NoticeCalendar, NoticeDay
from legalaid.storage import repositories as repo
from legalaid.storage.database import Database

NOTICES = "official_calendar"  # settings key: the entered notices, as JSON
PACKAGE_VERSION = "holiday_package_version"  # the package the stored due dates were counted by


class ChineseHolidayCalendar:
    """The packaged data; implements ``legalaid.domain.workdays.HolidayCalendar``."""

    def is_workday(self, day: date) -> bool | None:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            # Beyond the package's data (future years): the caller falls back to weekends.
            return None


def package_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("chinese_calendar")
    except metadata.PackageNotFoundError:
        return "unknown"


def notices_from_json(text: str | None) -> list[NoticeDay]:
    if not text:
        return []
    return [
        NoticeDay(date.fromisoformat(d["date"]), d["kind"] == "上班", d.get("name", ""))
        for d in json.loads(text)
    ]


def notices_to_json(days: list[NoticeDay]) -> str:
    return json.dumps(
        [{"date": d.day.isoformat(), "kind": d.kind, "name": d.name} for d in days],
        ensure_ascii=False,
    )


class OfficeCalendar:
    """The calendar of one database: its entered notices over the packaged data, read once
    (``reload`` after a notice is entered). Implements ``HolidayCalendar``."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._calendar: NoticeCalendar | None = None

    def calendar(self) -> NoticeCalendar:
        if self._calendar is None:
            notices: list[NoticeDay] = []
            try:
                with self._db.uow(write=False) as uow:
                    notices = notices_from_json(repo.get_setting(uow.session, NOTICES))
            except (OperationalError, ProgrammingError):
                notices = []  # no schema yet (before init): the packaged data only
            self._calendar = NoticeCalendar(ChineseHolidayCalendar(), notices)
        return self._calendar

    def reload(self) -> None:
        self._calendar = None

    def is_workday(self, day: date) -> bool | None:
        return self.calendar().is_workday(day)
