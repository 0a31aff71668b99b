"""What every service call receives: the database, the acting user, today and the calendar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime

from legalaid.domain.permissions import Role
from legalaid.domain.workdays import HolidayCalendar
from legalaid.services.plumbing.workcalendar import OfficeCalendar
from legalaid.storage.database import Database
from legalaid.storage.uow import UnitOfWork


class _Shared:
    """The open snapshot lent to one read: leaving it does not end the snapshot."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.session = uow.session

    def __enter__(self) -> _Shared:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None


# Per thread (and task): the database and transaction of the snapshot being read.
_SNAPSHOT: ContextVar[tuple[Database, UnitOfWork] | None] = ContextVar(
    "legalaid_snapshot", default=None
)


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

    def reading(self) -> UnitOfWork | _Shared:
        """A read transaction — inside ``snapshot()``, that snapshot's, so every figure of a
        report comes from one state of the database."""
        shared = _SNAPSHOT.get()
        if shared is not None and shared[0] is self.db:
            return _Shared(shared[1])
        return self.db.uow(write=False)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read made in this block (on this thread) sees the same database state."""
        if _SNAPSHOT.get() is not None:
            yield  # already inside one
            return
        with self.db.snapshot() as uow:
            token = _SNAPSHOT.set((self.db, uow))
            try:
                yield
            finally:
                _SNAPSHOT.reset(token)

    def writing(self) -> UnitOfWork:
        return self.db.uow(write=True, info={"actor": self.actor, "now": self.now})

    def signed_in(self, principal: Principal) -> Context:
        """The same database and clock, acting as ``principal``."""
        from dataclasses import replace

        return replace(self, principal=principal, actor=principal.name)
