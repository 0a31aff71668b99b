"""Shared fixtures: every storage and service test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``LEGALAID_TEST_PG`` (a server URL such as
``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``, set by ``.ci/run``). Without it
the PostgreSQL variants are skipped — except under CI, where a missing server is an error.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.storage.database import Database

SAMPLE_LEDGER = Path(__file__).resolve().parent / "data" / "ledger-sample.csv"
TODAY = date(2026, 11, 20)
PG_ENV = "LEGALAID_TEST_PG"


def pg_server_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI"):
        raise RuntimeError(f"CI must provide a PostgreSQL server in {PG_ENV}")
    return url


class PgDatabases:
    """Creates a fresh database per test from a migrated template (fast: a file copy)."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
        self.template = f"legalaid_tpl_{uuid.uuid4().hex[:8]}"
        self.created: list[str] = []
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.template}"'))
        db = Database(self.url_for(self.template))
        initialise(db)
        db.dispose()

    def url_for(self, name: str) -> str:
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def fresh(self, *, migrated: bool = True) -> str:
        name = f"legalaid_t_{uuid.uuid4().hex[:10]}"
        template = f' TEMPLATE "{self.template}"' if migrated else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
        self.created.append(name)
        return self.url_for(name)

    def close(self) -> None:
        with self.admin.connect() as conn:
            for name in [*self.created, self.template]:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def poppler() -> None:
    """pdftotext and pdffonts read the generated PDFs (poppler-utils; the quick start installs
    them on Debian). A Windows desktop without them skips these checks; CI never does."""
    import shutil

    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        return
    if os.environ.get("CI"):
        raise RuntimeError("CI needs poppler-utils (pdftotext, pdffonts)")
    pytest.skip("poppler-utils (pdftotext, pdffonts) not installed")


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases | None]:
    url = pg_server_url()
    if not url:
        yield None
        return
    databases = PgDatabases(url)
    yield databases
    databases.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_database_url(backend: str, tmp_path: Path, pg_databases: PgDatabases | None) -> str:
    """A database URL with no schema yet."""
    if backend == "sqlite":
        return str(tmp_path / "legalaid.sqlite3")
    if pg_databases is None:
        pytest.skip(f"no PostgreSQL server configured ({PG_ENV})")
    return pg_databases.fresh(migrated=False)


@pytest.fixture
def database_url(backend: str, tmp_path: Path, pg_databases: PgDatabases | None) -> str:
    """A migrated, seeded database URL (SQLite file or PostgreSQL database)."""
    if backend == "sqlite":
        path = str(tmp_path / "legalaid.sqlite3")
        db = Database(path)
        initialise(db)
        db.dispose()
        return path
    if pg_databases is None:
        pytest.skip(f"no PostgreSQL server configured ({PG_ENV})")
    return pg_databases.fresh()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> Context:
    return Context(
        db=db,
        actor="测试员",
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 20, 9, 30),
    )


@pytest.fixture
def offices(ctx: Context) -> Context:
    """The three offices of the sample ledger."""
    from legalaid.services.commands.offices import add_office

    add_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株")
    add_office(ctx, code="LL", name="醴陵市法律援助中心", prefix="醴", parent_code="ZZ")
    add_office(ctx, code="YX", name="攸县法律援助中心", prefix="攸", parent_code="ZZ")
    return ctx
