"""Creating or upgrading a database (``legalaid init``) and opening one for work."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from legalaid.services.commands.holidays import recount_if_package_changed
from legalaid.services.commands.settings import seed_defaults
from legalaid.services.commands.subsidies import seed_default_standard
from legalaid.services.plumbing.case_deadlines import deadline_rules, recompute_deadlines
from legalaid.services.plumbing.context import Context
from legalaid.storage.database import Database

DEADLINE_REVISION = "0003"


@dataclass(frozen=True)
class InitResult:
    revision: str
    settings_added: int


def initialise(db: Database) -> InitResult:
    """Upgrade the schema to the newest migration and seed default settings (idempotent)."""
    db.upgrade()
    with db.uow(write=True) as uow:
        added = seed_defaults(uow.session)
        seed_default_standard(uow.session, datetime.now())
        uow.flush()
        # Cases from before the deadline column (or imported elsewhere) get theirs now.
        ctx = Context(db=db)
        recompute_deadlines(ctx, uow.session, deadline_rules(uow.session), only_missing=True)
        # A newer holiday package may turn estimated due dates into exact ones.
        recount_if_package_changed(ctx, uow.session)
        uow.commit()
    return InitResult(revision=db.head_revision(), settings_added=added)


def open_context(target: str, *, actor: str = "system", check: bool = True) -> Context:
    db = Database(target)
    if check:
        db.check_schema()
        db.hold()  # a restore elsewhere waits until this desktop or command is closed
    return Context(db=db, actor=actor)


def is_empty_file(target: str) -> bool:
    """An existing SQLite file with nothing in it (0 bytes, or not one table): what an
    interrupted copy or a disk fault leaves. Never taken for a new installation unasked."""
    if "://" in target:
        return False
    path = Path(target)
    if not path.is_file():
        return False
    if path.stat().st_size == 0:
        return True
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError:
        return False  # not a database at all: opening it says so
    return int(tables) == 0


def default_database() -> str:
    """``LEGALAID_DB``, else ``legalaid.sqlite3`` in the per-user data folder (interfaces.md)."""
    from_env = os.environ.get("LEGALAID_DB")
    if from_env:
        return from_env
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("legalaid", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "legalaid.sqlite3")


def check_connection(target: str) -> None:
    """Open the database once, or say in one sentence why not (wrong password, no server)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from legalaid.storage.engine import DatabaseUnavailable

    db = Database(target)
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise DatabaseUnavailable(f"无法连接数据库：{reason}") from None
    finally:
        db.dispose()


def set_up_database(
    target: str,
    *,
    offices: list[tuple[str, str, str]],
    admin: tuple[str, str, str] | None = None,
    demo_cases: int = 0,
) -> None:
    """First run: create the schema, the administrator (user name, name, password), register
    the offices (the first is the parent of the rest), optionally load demonstration data.
    Nothing is registered if an office or the password is wrong."""
    from legalaid.domain.errors import ValidationError
    from legalaid.services.commands.accounts import check_password, create_first_admin
    from legalaid.services.commands.demo import generate_demo
    from legalaid.services.commands.offices import add_office

    for index, (code, name, _prefix) in enumerate(offices, start=1):
        if not code or not name:
            raise ValidationError(f"第{index}个机构：请填写机构代码和名称", field="机构")
    if admin is not None:
        check_password(admin[2])
    db = Database(target)
    try:
        initialise(db)
        ctx = Context(db=db)
        parent = None
        for code, name, prefix in offices:
            add_office(ctx, code=code, name=name, prefix=prefix or None, parent_code=parent)
            parent = parent or code
        if admin is not None:
            create_first_admin(ctx, username=admin[0], name=admin[1], password=admin[2])
        if demo_cases:
            generate_demo(ctx, cases=demo_cases, seed=1)
    finally:
        db.dispose()


def postgres_url(*, host: str, port: int, database: str, user: str, password: str) -> str:
    """An SQLAlchemy URL for the office's PostgreSQL server (password escaped properly)."""
    from sqlalchemy.engine import URL

    url = URL.create(
        "postgresql+psycopg",
        username=user or None,
        password=password or None,
        host=host or None,
        port=port,
        database=database or None,
    )
    return url.render_as_string(hide_password=False)
