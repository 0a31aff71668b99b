"""Consistent SQLite backups (the online backup API, never a file copy) and checked restores."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from legalaid.domain.errors import LegalAidError
from legalaid.storage.database import known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"


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


def restore(backup_file: Path, database: Path, *, now: datetime) -> Path | None:
    """Put a checked backup in place of the database; the replaced file is kept aside and its
    path returned."""
    if not backup_file.is_file():
        raise BackupError(f"备份文件不存在：{backup_file}")
    problem = check_file(backup_file)
    if problem:
        raise BackupError(f"不能恢复「{backup_file.name}」：{problem}；现有数据库未改动")
    aside = None
    if database.exists():
        # Fold the write-ahead log into the file first, so the file set aside is complete.
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        aside = database.with_name(f"{database.name}.replaced-{now:%Y%m%d-%H%M%S}")
        database.replace(aside)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(database)) as dst:  # fmt: skip
            src.backup(dst)
    except sqlite3.DatabaseError:
        database.unlink(missing_ok=True)
        if aside is not None:
            aside.replace(database)
        raise
    return aside
