"""What every service call receives: the database, the acting user, today and the calendar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from legalaid.domain.permissions import Role
from legalaid.domain.workdays import HolidayCalendar
from legalaid.services.workcalendar import OfficeCalendar
from legalaid.storage.database import Database
from legalaid.storage.uow import UnitOfWork


@dataclass(frozen=True)
class Principal:
    """The person signed in at this desktop."""

    user_id: int
    username: str
    name: str
    role: Role
    handler_id: int | None = None  # lawyers: the handler record their cases are assigned to
    office_id: int | None = None


@dataclass
class Context:
    db: Database
    actor: str = "system"
    today: Callable[[], date] = date.today
    now: Callable[[], datetime] = datetime.now
    # The database's own calendar (entered notices over the packaged data) unless given.
    calendar: HolidayCalendar = field(default=None)  # type: ignore[assignment]
    # None: the command line or a test, run by whoever may open the database file itself.
    principal: Principal | None = None

    def __post_init__(self) -> None:
        if self.calendar is None:
            self.calendar = OfficeCalendar(self.db)

    def reading(self) -> UnitOfWork:
        return self.db.uow(write=False)

    def writing(self) -> UnitOfWork:
        return self.db.uow(write=True, info={"actor": self.actor, "now": self.now})

    def signed_in(self, principal: Principal) -> Context:
        """The same database and clock, acting as ``principal``."""
        from dataclasses import replace

        return replace(self, principal=principal, actor=principal.name)
