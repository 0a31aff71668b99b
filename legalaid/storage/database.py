"""A database: engine, unit-of-work factories and schema migrations (Alembic)."""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from legalaid.storage import audit
from legalaid.storage.engine import DatabaseUnavailable, create_database_engine, resolve_url
from legalaid.storage.uow import UnitOfWork, make_session_factory

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision = ['\"]([^'\"]+)['\"]", re.MULTILINE)


class SchemaTooNew(DatabaseUnavailable):
    """The database was written by a newer version of the application."""


class SchemaOutdated(DatabaseUnavailable):
    """The database needs ``legalaid init`` (an upgrade) before use."""


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """(every revision, head) read from the migration files. Opening a database for work
    checks its revision without importing Alembic, which would add half a second to start."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        match = _REVISION.search(source)
        if match:
            revisions.add(match.group(1))
        down = _DOWN.search(source)
        if down:
            parents.add(down.group(1))
    heads = revisions - parents
    assert len(heads) == 1, f"migrations must have one head, found {sorted(heads)}"
    return frozenset(revisions), heads.pop()


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Database:
    def __init__(self, target: str, *, echo: bool = False) -> None:
        self.url = resolve_url(target)
        self.engine: Engine = create_database_engine(self.url, echo=echo)
        self._read = make_session_factory(self.engine, write=False)
        self._write = make_session_factory(self.engine, write=True)
        # One consistent view for a whole report: SQLite's read transaction already is one
        # (WAL, from its first read); PostgreSQL needs REPEATABLE READ for it.
        self._snapshot = make_session_factory(
            self.engine.execution_options(isolation_level="REPEATABLE READ")
            if self.dialect == "postgresql"
            else self.engine,
            write=False,
        )
        audit.install(self._write)  # every committed change leaves a link in the audit chain
        self._presence: sqlite3.Connection | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def uow(self, *, write: bool = False, info: dict[str, object] | None = None) -> UnitOfWork:
        """``info``: who acts and the clock, for the audit trail of a writing transaction."""
        return UnitOfWork(self._write if write else self._read, info)

    def snapshot(self) -> UnitOfWork:
        """A read transaction that sees one state of the database from start to end."""
        return UnitOfWork(self._snapshot)

    def dispose(self) -> None:
        self.engine.dispose()
        if self._presence is not None:
            self._presence.close()
            self._presence = None

    def hold(self) -> None:
        """Show that this process uses the database until ``dispose`` (SQLite; each unit of
        work opens its own connection, so an idle desktop would otherwise hold nothing): an
        idle connection that a restore's exclusive hold sees, blocking no reader or writer."""
        if self.dialect != "sqlite" or self._presence is not None:
            return
        connection = sqlite3.connect(self.url.removeprefix("sqlite:///"), check_same_thread=False)
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        self._presence = connection

    # -- schema -------------------------------------------------------------------------
    def head_revision(self) -> str:
        return known_revisions()[1]

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as connection:
                return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError) as exc:
            if "alembic_version" in str(exc):
                return None  # no schema yet
            raise

    def check_schema(self) -> None:
        """Refuse a database from a newer application (never downgrade) or an outdated one."""
        current = self.current_revision()
        if current is None:
            raise SchemaOutdated("数据库尚未初始化，请先运行 legalaid init")
        if current not in known_revisions()[0]:
            raise SchemaTooNew(
                "数据库由更新版本的 legalaid 写入，本版本无法使用它；请升级 legalaid"
            )
        if current != self.head_revision():
            raise SchemaOutdated("数据库结构需要升级，请运行 legalaid init")

    def upgrade(self) -> None:
        """Create or upgrade the schema to head inside one transaction (idempotent)."""
        from alembic import command

        current = self.current_revision()
        if current is not None and current not in known_revisions()[0]:
            raise SchemaTooNew(
                "数据库由更新版本的 legalaid 写入，本版本无法使用它；请升级 legalaid"
            )
        with self.engine.begin() as connection:
            config = alembic_config(self.url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()
