"""Alembic environment: migrations run inside the caller's transaction when one is given."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from legalaid.storage.engine import create_database_engine
from legalaid.storage.records import Base

config = context.config
target_metadata = Base.metadata


def _include_name(name: str | None, type_: str, _parent: object) -> bool:
    # The SQLite FTS5 search tables and PostgreSQL's trigram indexes (an expression and an
    # extension's operator class) are created by raw SQL and have no model.
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith("case_search_t")
    return not (type_ == "index" and name.endswith("_trgm"))


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_database_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
