"""Opening a database: SQLite with real transactions, or PostgreSQL."""

from __future__ import annotations

import ntpath
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool

from legalaid.domain.errors import LegalAidError

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 131_072  # 128 MiB per connection
WRITE_OPTION = "legalaid_write"


class DatabaseUnavailable(LegalAidError):
    """The database cannot be opened or written."""


DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs", "ncpfs"}


def is_network_path(
    path: Path,
    mounts: str | None = None,
    *,
    platform: str = sys.platform,
    drive_type: Callable[[str], int] | None = None,
) -> bool:
    """Whether a folder lives on a network share (SMB/NFS), where SQLite's file locking does
    not hold and concurrent use corrupts the database (SQLite's own documentation).

    ``platform`` and ``drive_type`` (Windows' GetDriveTypeW) can be given so that the
    Windows branch is tested on any machine."""
    text = str(path)
    if platform == "win32":
        if text.startswith(("\\\\", "//")):  # \\server\share\…: a UNC path
            return True
        drive = ntpath.splitdrive(text)[0] or ntpath.splitdrive(str(path.resolve()))[0]
        if not drive:
            return False
        if drive_type is None:
            import ctypes

            drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
        return bool(drive_type(drive + "\\") == DRIVE_REMOTE)
    if mounts is None:
        text = str(path.resolve())
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    best, kind = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, parts[2]
    return kind in NETWORK_FILESYSTEMS


def resolve_url(target: str) -> str:
    """A SQLite file path or an SQLAlchemy URL → URL, checking a file's folder first."""
    if "://" in target:
        try:
            make_url(target)
        except ArgumentError:
            raise DatabaseUnavailable(f"数据库地址无效：{target}") from None
        return target
    path = Path(target).expanduser().resolve()
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseUnavailable(f"数据库所在文件夹不存在：{folder}")
    if path.exists() and path.is_dir():
        raise DatabaseUnavailable(f"数据库路径是一个文件夹，不是文件：{path}")
    writable_target = path if path.exists() else folder
    if not os.access(writable_target, os.W_OK):
        raise DatabaseUnavailable(f"没有写入权限（只读磁盘或权限不足）：{writable_target}")
    if is_network_path(folder):
        raise DatabaseUnavailable(
            f"数据库位于网络共享文件夹（{folder}），多台电脑同时使用会损坏 SQLite 数据库；"
            "请改用办公室的 PostgreSQL 服务器（--db postgresql+psycopg://…）"
        )
    return f"sqlite:///{path}"


def create_database_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url, echo=echo)
    return create_engine(url, echo=echo, pool_pre_ping=True, future=True)


# INSERT … RETURNING (SQLite 3.35, 2021). Debian 11's system library is 3.34: the bundles
# carry their own, and a Python linked to an older one is refused with a sentence.
SQLITE_FLOOR = (3, 35, 0)


def check_sqlite_library(version: tuple[int, int, int] = sqlite3.sqlite_version_info) -> None:
    if version < SQLITE_FLOOR:
        found = ".".join(str(p) for p in version)
        raise DatabaseUnavailable(
            f"此 Python 使用的 SQLite 版本为 {found}，本程序需要 3.35 或更高版本："
            "请使用 Windows 安装包或 Linux 安装包（自带新版 SQLite），"
            "或换用链接新版 SQLite 的 Python 3.11 以上版本"
        )


def _sqlite_engine(url: str, *, echo: bool) -> Engine:
    check_sqlite_library()
    # NullPool: each unit of work opens its own connection, so threads never share one and a
    # file is released as soon as work ends (backups, restores, tests).
    engine = create_engine(url, echo=echo, poolclass=NullPool, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own transaction handling commits DDL at once and lets work go on after
        # an error; we switch it off and emit BEGIN ourselves (SQLAlchemy's documented recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if ":memory:" not in url and url != "sqlite://":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # SQLite's default page cache is 2 MB; with a million cases random index inserts
        # and searches would go to disk for nearly every page.
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front so two writers queue instead of failing
        # half-way with SQLITE_BUSY on lock upgrade.
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine
