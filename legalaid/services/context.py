"""What every service call receives: the database, the acting user, today and the calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from legalaid.domain.workdays import HolidayCalendar
from legalaid.services.workcalendar import ChineseHolidayCalendar
from legalaid.storage.database import Database
from legalaid.storage.uow import UnitOfWork


@dataclass
class Context:
    db: Database
    actor: str = "system"
    today: Callable[[], date] = date.today
    now: Callable[[], datetime] = datetime.now
    calendar: HolidayCalendar = field(default_factory=ChineseHolidayCalendar)

    def reading(self) -> UnitOfWork:
        return self.db.uow(write=False)

    def writing(self) -> UnitOfWork:
        return self.db.uow(write=True)
