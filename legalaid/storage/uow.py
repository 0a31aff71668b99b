"""The unit of work: one transaction, committed whole or rolled back whole."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from legalaid.domain.errors import ConflictError
from legalaid.storage.engine import WRITE_OPTION, DatabaseUnavailable


class Busy(ConflictError):
    """Another transaction holds what this one needs (a lock wait ran out, a deadlock was
    broken, a serialisation conflict): trying the whole unit of work again may succeed."""


# PostgreSQL: deadlock_detected, serialization_failure, lock_not_available.
TRANSIENT_SQLSTATES = {"40P01", "40001", "55P03"}


class UnitOfWork:
    """``with db.uow(write=True) as uow: ...; uow.commit()`` — leaving without commit rolls back."""

    def __init__(
        self, factory: sessionmaker[Session], info: dict[str, object] | None = None
    ) -> None:
        self._factory = factory
        self._info = info or {}
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory(info=dict(self._info))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
        if exc is not None:
            translated = translate_error(exc)
            if translated is not None:
                raise translated from exc

    def flush(self) -> None:
        try:
            self.session.flush()
        except Exception as exc:
            translated = translate_error(exc)
            if translated is None:
                raise
            raise translated from exc

    def commit(self) -> None:
        try:
            self.session.commit()
        except Exception as exc:
            translated = translate_error(exc)
            if translated is None:
                raise
            raise translated from exc


def translate_error(exc: BaseException) -> Exception | None:
    """Database errors a user can act on, as sentences; None for bugs."""
    if isinstance(exc, StaleDataError):
        return ConflictError("该案件已被其他人修改，请重新打开后再操作")
    if isinstance(exc, DBAPIError) and "append-only" in str(exc.orig):
        # The audit trail's triggers (migration 0019): its rows are never changed.
        return ConflictError("审计记录只能追加，不能修改或删除（audit_log is append-only）")
    if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return Busy("数据库正被其他用户占用，请稍后重试")
    if isinstance(exc, IntegrityError):
        first_line = str(exc.orig).splitlines()[0] if str(exc.orig) else ""
        return ConflictError(f"数据冲突（唯一值重复或关联数据不存在）：{first_line}")
    if isinstance(exc, OperationalError):
        text = str(exc.orig)
        if "locked" in text or "busy" in text:
            return Busy("数据库正被其他用户占用，请稍后重试")
        if "readonly" in text or "read-only" in text:
            return DatabaseUnavailable("数据库是只读的，无法保存（只读磁盘或权限不足）")
        if ("disk" in text and "full" in text) or "No space left" in text:
            # SQLite says "database or disk is full", PostgreSQL "No space left on device";
            # reads can meet it too (a sort's temporary space, the shared-memory file).
            return DatabaseUnavailable(
                "数据库所在磁盘已满，操作未完成，数据未改动；请腾出磁盘空间后重试"
            )
        if "disk I/O error" in text:
            return DatabaseUnavailable("读写数据库文件出错（磁盘已满、被拔出或损坏），数据未改动")
        if "unable to open" in text:
            return DatabaseUnavailable("无法打开数据库文件")
        return DatabaseUnavailable(f"数据库错误：{text}")
    return None


def make_session_factory(engine: Engine, *, write: bool) -> sessionmaker[Session]:
    bind = engine.execution_options(**{WRITE_OPTION: True}) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False, autoflush=False)
