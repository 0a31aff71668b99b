"""A write that meets another desktop's lock is tried again before "busy" is shown."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from legalaid.domain.errors import ConflictError
from legalaid.services.commands.offices import add_office, get_targets, set_target
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.storage import engine
from legalaid.storage.database import Database
from tests.conftest import TODAY


@pytest.fixture
def office_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Context:
    # SQLite waits its busy timeout (10 s) before giving up; a short one keeps the test quick.
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 150)
    path = tmp_path / "busy.sqlite3"
    db = Database(str(path))
    initialise(db)
    ctx = Context(db=db, actor="测试员", today=lambda: TODAY, now=lambda: datetime(2026, 11, 20))
    add_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株")
    return ctx


def _hold_write_lock(path: str, seconds: float) -> threading.Thread:
    """Another desktop in the middle of a long write."""
    started = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        started.set()
        time.sleep(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    started.wait()
    return thread


def test_a_lock_released_soon_is_waited_out(office_db: Context) -> None:
    ctx = office_db
    holder = _hold_write_lock(ctx.db.url.removeprefix("sqlite:///"), 0.4)
    try:
        set_target(ctx, year=2026, office_code="ZZ", cases=900)  # busy once, then done
    finally:
        holder.join()
    assert get_targets(ctx, year=2026) == {"ZZ": 900}


def test_a_lock_held_on_is_reported_as_busy_and_nothing_is_written(office_db: Context) -> None:
    ctx = office_db
    holder = _hold_write_lock(ctx.db.url.removeprefix("sqlite:///"), 2.0)
    started = time.perf_counter()
    try:
        with pytest.raises(ConflictError) as busy:
            set_target(ctx, year=2026, office_code="ZZ", cases=900)
        waited = time.perf_counter() - started
    finally:
        holder.join()
    assert busy.value.message == "数据库正被其他用户占用，请稍后重试"
    assert waited >= 3 * 0.15 + 0.1 + 0.3  # three tries, each after SQLite's own wait
    assert get_targets(ctx, year=2026) == {}
