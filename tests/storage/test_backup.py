"""Backups while others write, restores that refuse bad files, network shares refused."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from legalaid.services.commands.backups import backup_database, restore_database
from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.offices import add_office
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.storage import backup as storage_backup
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
    # closed at once: a connection left to the garbage collector would hold the file open
    with closing(sqlite3.connect(path)) as connection:
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

    from legalaid.services.commands.backups import BackupPolicy, daily_backup

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


def _audit_actions(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT actor, action FROM audit_log ORDER BY id").fetchall()


def test_restore_is_refused_while_another_connection_has_the_database_open(
    live: Path, tmp_path: Path
) -> None:
    out = tmp_path / "backup.sqlite3"
    backup_database(str(live), out)
    from legalaid.services.commands.setup import open_context

    desktop = open_context(str(live)).db  # another desktop or command, idle
    try:
        with pytest.raises(BackupError) as refused:
            restore_database(str(live), out)
        assert "正被其他窗口或命令使用" in refused.value.message
        assert "现有数据库未改动" in refused.value.message
    finally:
        desktop.dispose()
    assert _cases(live) == 3000
    assert storage_backup.leftovers(live) == []  # no half-built file left behind
    restore_database(str(live), out, actor="admin")  # once it is closed, the restore goes on
    assert _audit_actions(live)[-1] == ("admin", "恢复备份")


WRITE_AND_DIE = """
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint=0")
connection.execute("UPDATE offices SET name = '株洲市法律援助中心（最后一次提交）'")
os.kill(os.getpid(), signal.SIGKILL)  # a desktop that crashed: the commit is only in the log
"""


def test_the_copy_kept_aside_holds_the_last_committed_transaction(
    live: Path, tmp_path: Path
) -> None:
    out = tmp_path / "backup.sqlite3"
    backup_database(str(live), out)
    subprocess.run([sys.executable, "-c", WRITE_AND_DIE, str(live)], check=False)
    assert Path(f"{live}-wal").stat().st_size > 0  # the last commit sits in the log
    result = restore_database(str(live), out, now=datetime(2026, 12, 3, 9, 0))
    assert result.replaced_kept_at is not None
    with closing(sqlite3.connect(result.replaced_kept_at)) as aside:
        assert aside.execute("SELECT name FROM offices").fetchone() == (
            "株洲市法律援助中心（最后一次提交）",
        )
        assert aside.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
    assert not Path(f"{result.replaced_kept_at}-wal").exists()
    with closing(sqlite3.connect(live)) as restored:
        assert restored.execute("SELECT name FROM offices").fetchone() == ("株洲市法律援助中心",)


RESTORE_WHEN_TOLD = """
import sys
from pathlib import Path
from legalaid.services.commands.backups import restore_database
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()
restore_database(sys.argv[1], Path(sys.argv[2]))
"""


def test_a_restore_killed_at_any_moment_leaves_the_old_or_the_new_database(
    live: Path, tmp_path: Path
) -> None:
    out = tmp_path / "backup.sqlite3"
    backup_database(str(live), out)
    db = Database(str(live))
    generate_demo(Context(db=db), cases=100, year=2025, seed=9)
    db.dispose()

    def run(delay: float | None) -> float:
        child = subprocess.Popen(
            [sys.executable, "-c", RESTORE_WHEN_TOLD, str(live), str(out)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline() == "ready\n"
        started = time.perf_counter()
        child.stdin.write("go\n")
        child.stdin.flush()
        if delay is None:
            assert child.wait(timeout=60) == 0
        else:
            time.sleep(delay)
            child.kill()
            child.wait()
        return time.perf_counter() - started

    whole = run(None)  # an uninterrupted restore, to spread the kills over its length
    assert _cases(live) == 3000
    rng = random.Random(7)
    outcomes = []
    for trial in range(24):
        if trial % 2 == 0:  # put the larger database back, so that each kill has work to cut
            db = Database(str(live))
            generate_demo(Context(db=db), cases=100, year=2025, seed=100 + trial)
            db.dispose()
        before = _cases(live)
        run(rng.uniform(0, whole * 1.1))
        with closing(sqlite3.connect(live)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        after = _cases(live)
        assert after in (before, 3000), f"trial {trial}: {before} → {after}"
        outcomes.append(after == 3000 and before != 3000)
    assert len(outcomes) >= 20
    print(f"kills: {len(outcomes)}, new database after {sum(outcomes)}, restore {whole:.2f} s")
    # Leftovers of the interrupted restores are reported, never the live database.
    assert all(p != live for p in storage_backup.leftovers(live))


def test_leftover_copies_are_listed_and_pruned_by_policy(live: Path, tmp_path: Path) -> None:
    from legalaid.services.commands.backups import (
        leftover_copies,
        prune_leftovers,
        remove_leftovers,
    )

    out = tmp_path / "backup.sqlite3"
    backup_database(str(live), out)
    first = restore_database(str(live), out, now=datetime(2026, 10, 1, 9, 0)).replaced_kept_at
    second = restore_database(str(live), out, now=datetime(2026, 12, 1, 9, 0)).replaced_kept_at
    assert first is not None and second is not None
    old = datetime(2026, 10, 1, 9, 0).timestamp()
    os.utime(first, (old, old))
    unfinished = tmp_path / "live.sqlite3.restoring"
    unfinished.write_bytes(b"SQLite format 3\x00")
    os.utime(unfinished, (old, old))
    found = {(c.path.name, c.kind) for c in leftover_copies(str(live))}
    assert found == {
        (first.name, "替换前的数据库"),
        (second.name, "替换前的数据库"),
        ("live.sqlite3.restoring", "未完成的恢复"),
    }
    removed = prune_leftovers(str(live), None, now=datetime(2026, 12, 3, 9, 0), keep_days=30)
    assert set(removed) == {first, unfinished}  # the recent replaced copy is kept
    assert [c.path for c in leftover_copies(str(live))] == [second]
    with pytest.raises(BackupError):
        remove_leftovers([live])  # never the live database
    assert remove_leftovers([second]) == 1
    assert leftover_copies(str(live)) == [] and _cases(live) == 3000
