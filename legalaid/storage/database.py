"""A database: engine, unit-of-work factories and schema migrations (Alembic)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from legalaid.storage.engine import DatabaseUnavailable, create_database_engine, resolve_url
from legalaid.storage.uow import UnitOfWork, make_session_factory

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaTooNew(DatabaseUnavailable):
    """The database was written by a newer version of the application."""


class SchemaOutdated(DatabaseUnavailable):
    """The database needs ``legalaid init`` (an upgrade) before use."""


def alembic_config(url: str) -> Config:
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

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def uow(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self._write if write else self._read)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- schema -------------------------------------------------------------------------
    def head_revision(self) -> str:
        head = ScriptDirectory.from_config(alembic_config(self.url)).get_current_head()
        assert head is not None
        return head

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def check_schema(self) -> None:
        """Refuse a database from a newer application (never downgrade) or an outdated one."""
        current = self.current_revision()
        script = ScriptDirectory.from_config(alembic_config(self.url))
        if current is None:
            raise SchemaOutdated("数据库尚未初始化，请先运行 legalaid init")
        if not _known(script, current):
            raise SchemaTooNew(
                "数据库由更新版本的 legalaid 写入，本版本无法使用它；请升级 legalaid"
            )
        if current != self.head_revision():
            raise SchemaOutdated("数据库结构需要升级，请运行 legalaid init")

    def upgrade(self) -> None:
        """Create or upgrade the schema to head inside one transaction (idempotent)."""
        current = self.current_revision()
        script = ScriptDirectory.from_config(alembic_config(self.url))
        if current is not None and not _known(script, current):
            raise SchemaTooNew(
                "数据库由更新版本的 legalaid 写入，本版本无法使用它；请升级 legalaid"
            )
        with self.engine.begin() as connection:
            config = alembic_config(self.url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:
        return False
