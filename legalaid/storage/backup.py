"""Consistent SQLite backups (the online backup API, never a file copy) and checked restores."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from legalaid.domain.errors import LegalAidError
from legalaid.storage.database import known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"
# Beside the live database: the new file being built, and the replaced ones kept aside.
RESTORING = ".restoring"
REPLACED = ".replaced-"


class BackupError(LegalAidError):
    """A backup or restore that cannot be done safely, with the reason."""


def sqlite_file(url: str) -> Path:
    if not url.startswith("sqlite:///"):
        raise BackupError(
            "只有本机 SQLite 数据库可以用 legalaid 备份；PostgreSQL 数据库请用 pg_dump 备份"
        )
    return Path(url.removeprefix("sqlite:///"))


def backup(source: Path, target: Path) -> None:
    """Copy a live database page by page inside SQLite (writers may go on meanwhile), then
    check the copy."""
    if target.exists():
        raise BackupError(f"备份文件已存在，不会覆盖：{target}")
    if not target.parent.is_dir():
        raise BackupError(f"备份文件夹不存在：{target.parent}")
    partial = target.with_name(target.name + ".partial")
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(partial)) as dst:  # fmt: skip
            src.backup(dst, pages=4096)
            # A backup is one self-contained file: no write-ahead log beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        problem = check_file(partial)
        if problem:
            raise BackupError(f"备份校验失败：{problem}")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def check_file(path: Path) -> str | None:
    """None when the file is a sound legalaid database this version can use, else why not."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return "不是 SQLite 数据库文件"
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                return f"文件已损坏（{result}）"
            try:
                revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                return "不是 legalaid 数据库（缺少结构版本）"
    except (OSError, sqlite3.DatabaseError) as exc:
        return f"无法读取（{type(exc).__name__}）"
    if revision is None:
        return "不是 legalaid 数据库（缺少结构版本）"
    if revision[0] not in known_revisions()[0]:
        return "由更新版本的 legalaid 写入，本版本不能恢复它（请先升级 legalaid）"
    return None


IN_USE = (
    "数据库正被其他窗口或命令使用，不能恢复：请先关闭其他电脑和本机上打开此数据库的 legalaid，"
    "再恢复；现有数据库未改动"
)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """A page-by-page copy into ``target`` as one self-contained file (no log beside it)."""
    with closing(sqlite3.connect(target)) as dst:
        source.backup(dst, pages=4096)
        dst.execute("PRAGMA journal_mode=DELETE")


def _exclusive(database: Path) -> sqlite3.Connection:
    """A connection that holds the database alone (refused while any other connection — an idle
    desktop in WAL mode included — has it open): nothing can commit while it is set aside."""
    connection = sqlite3.connect(database, timeout=0.5, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        # In exclusive locking mode the lock a write transaction takes is kept after it ends.
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        connection.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(IN_USE) from None
        raise
    return connection


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def restore(backup_file: Path, database: Path, *, now: datetime) -> Path | None:
    """Put a checked backup in place of the database; the replaced database is kept aside,
    complete, and its path returned.

    The new file is built and checked beside the live one (``.restoring``), the live database
    is held exclusively while its copy is set aside, and the swap is one rename: a kill at any
    moment leaves the old or the new database under the live name, never an empty one."""
    if not backup_file.is_file():
        raise BackupError(f"备份文件不存在：{backup_file}")
    problem = check_file(backup_file)
    if problem:
        raise BackupError(f"不能恢复「{backup_file.name}」：{problem}；现有数据库未改动")
    staging = database.with_name(database.name + RESTORING)
    _remove(staging)  # what an interrupted restore left
    aside: Path | None = None
    try:
        with closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as src:
            _copy(src, staging)
        problem = check_file(staging)
        if problem:
            raise BackupError(f"不能恢复「{backup_file.name}」：{problem}；现有数据库未改动")
        if database.exists():
            aside = database.with_name(f"{database.name}{REPLACED}{now:%Y%m%d-%H%M%S}")
            held = _exclusive(database)
            try:
                _copy(held, aside)  # read through the held lock: the log's commits included
                held.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                held.close()
            problem = check_file(aside)
            if problem:
                raise BackupError(f"现有数据库无法完整另存（{problem}），未恢复；现有数据库未改动")
            # The log was folded in and emptied above: left beside the new file it would be
            # replayed into it.
            for suffix in ("-wal", "-shm"):
                Path(str(database) + suffix).unlink(missing_ok=True)
        os.replace(staging, database)
    except BaseException as exc:
        _remove(staging)
        if aside is not None:
            aside.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise BackupError(f"无法替换数据库文件（{reason}）；现有数据库未改动") from exc
        raise
    return aside


def leftovers(database: Path, backup_folder: Path | None = None) -> list[Path]:
    """Copies of the data that restores and backups leave behind: replaced databases kept
    aside, and the unfinished files of an interrupted restore or backup."""
    found = [
        *database.parent.glob(f"{database.name}{REPLACED}*"),
        *database.parent.glob(f"{database.name}{RESTORING}"),
        *database.parent.glob("*.partial"),
    ]
    if backup_folder is not None and backup_folder.is_dir():
        found += backup_folder.glob("*.partial")
    return sorted({p for p in found if p.is_file() and not p.name.endswith(("-wal", "-shm"))})
