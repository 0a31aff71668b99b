"""Backups while others write, restores that refuse bad files, network shares refused."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from legalaid.services.backups import backup_database, restore_database
from legalaid.services.context import Context
from legalaid.services.demo import generate_demo
from legalaid.services.offices import add_office
from legalaid.services.setup import initialise
from legalaid.storage.backup import BackupError
from legalaid.storage.database import Database
from legalaid.storage.engine import is_network_path, resolve_url

MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
//server/legal /mnt/share cifs rw 0 0
server:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
"""


@pytest.fixture
def live(tmp_path: Path) -> Path:
    path = tmp_path / "live.sqlite3"
    db = Database(str(path))
    initialise(db)
    ctx = Context(db=db)
    add_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株")
    generate_demo(ctx, cases=3000, year=2025, seed=2)
    db.dispose()
    return path


def _cases(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM cases").fetchone()[0])


def test_backup_while_another_connection_writes(live: Path, tmp_path: Path) -> None:
    stop = threading.Event()
    written = []

    def writer() -> None:
        db = Database(str(live))
        ctx = Context(db=db)
        seed = 100
        while not stop.is_set():
            generate_demo(ctx, cases=50, year=2025, seed=seed)
            written.append(seed)
            seed += 1
        db.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.3)
    out = tmp_path / "backup.sqlite3"
    try:
        backup_database(str(live), out)
    finally:
        stop.set()
        thread.join()
    assert written  # the writer really was writing meanwhile
    with sqlite3.connect(out) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _cases(out) % 50 == 0 and _cases(out) >= 3000  # whole transactions only
    with pytest.raises(BackupError) as info:
        backup_database(str(live), out)
    assert "不会覆盖" in info.value.message


def test_restore_keeps_the_replaced_database_aside(live: Path, tmp_path: Path) -> None:
    out = tmp_path / "backup.sqlite3"
    backup_database(str(live), out)
    db = Database(str(live))
    generate_demo(Context(db=db), cases=100, year=2025, seed=9)
    db.dispose()
    assert _cases(live) == 3100
    result = restore_database(str(live), out, now=datetime(2026, 11, 20, 9, 30))
    assert _cases(live) == 3000
    assert result.replaced_kept_at == tmp_path / "live.sqlite3.replaced-20261120-093000"
    assert _cases(result.replaced_kept_at) == 3100
    Database(str(live)).check_schema()


def test_restore_refuses_a_corrupt_or_newer_file_and_changes_nothing(
    live: Path, tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    data = bytearray(live.read_bytes())
    data[20000:60000] = b"\xff" * 40000
    corrupt.write_bytes(bytes(data))
    with pytest.raises(BackupError) as info:
        restore_database(str(live), corrupt)
    assert "损坏" in info.value.message or "无法读取" in info.value.message
    assert "现有数据库未改动" in info.value.message

    newer = tmp_path / "newer.sqlite3"
    backup_database(str(live), newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(BackupError) as info:
        restore_database(str(live), newer)
    assert "更新版本" in info.value.message

    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(BackupError) as info:
        restore_database(str(live), text)
    assert "不是 SQLite 数据库文件" in info.value.message
    assert _cases(live) == 3000
    assert not list(tmp_path.glob("live.sqlite3.replaced-*"))


def test_postgresql_backup_points_to_pg_dump() -> None:
    with pytest.raises(BackupError) as info:
        backup_database("postgresql+psycopg://u@localhost/db", Path("x"))
    assert "pg_dump" in info.value.message


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/share/db", True),
        ("/mnt/share", True),
        ("/srv/nfs/a/b", True),
        ("/mnt/share/local/db", False),
        ("/mnt/shared", False),
        ("/home/clerk", False),
    ],
)
def test_network_shares_are_recognised(path: str, network: bool) -> None:
    assert is_network_path(Path(path), MOUNTS) is network


def test_database_on_this_disk_is_accepted(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "x.sqlite3")).startswith("sqlite:///")
    assert not is_network_path(tmp_path)


def test_daily_backup_once_a_day_and_pruned(live: Path, tmp_path: Path) -> None:
    from datetime import date, timedelta

    from legalaid.services.backups import BackupPolicy, daily_backup

    folder = tmp_path / "backups"
    policy = BackupPolicy(folder=folder, keep_daily=3, keep_monthly=2)
    first = daily_backup(str(live), policy, today=date(2026, 9, 1))
    assert first is not None and first.exists()
    assert daily_backup(str(live), policy, today=date(2026, 9, 1)) is None  # once a day
    day = date(2026, 9, 2)
    while day <= date(2026, 11, 20):
        (folder / f"legalaid-{day.isoformat()}.sqlite3").write_bytes(first.read_bytes())
        day += timedelta(days=1)
    daily_backup(str(live), policy, today=date(2026, 11, 21))
    kept = sorted(p.name for p in folder.iterdir())
    # The last three days, and the first of each of the last two months.
    assert kept == [
        "legalaid-2026-10-01.sqlite3",
        "legalaid-2026-11-01.sqlite3",
        "legalaid-2026-11-19.sqlite3",
        "legalaid-2026-11-20.sqlite3",
        "legalaid-2026-11-21.sqlite3",
    ]


def test_an_sqlite_library_without_returning_is_refused_with_a_sentence() -> None:
    from legalaid.storage.engine import DatabaseUnavailable, check_sqlite_library

    check_sqlite_library((3, 35, 0))
    check_sqlite_library((3, 40, 1))
    with pytest.raises(DatabaseUnavailable) as refused:
        check_sqlite_library((3, 34, 1))  # Debian 11's system library
    assert "3.34.1" in refused.value.message and "3.35" in refused.value.message
