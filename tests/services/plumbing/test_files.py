"""Files for people are whole or absent; what is audited is what happened."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from legalaid.services.plumbing.files import FileNotWritten, write_whole


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"

    def half(target: Path) -> None:
        target.write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FileNotWritten) as full:
        write_whole(out, half)
    assert full.value.message == "文件未写出：台账.xlsx（磁盘空间不足）"
    assert not out.exists() and list(tmp_path.iterdir()) == []
    out.write_bytes(b"the previous export")
    with pytest.raises(FileNotWritten) as again:
        write_whole(out, half)
    assert "原有同名文件未改动" in again.value.message
    assert out.read_bytes() == b"the previous export" and len(list(tmp_path.iterdir())) == 1
    assert write_whole(out, lambda target: target.write_bytes(b"new")) == 3
    assert out.read_bytes() == b"new" and len(list(tmp_path.iterdir())) == 1


def test_a_full_database_disk_is_named_for_reads_and_writes(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from legalaid.storage.engine import DatabaseUnavailable
    from legalaid.storage.uow import translate_error

    # SQLite's own "database or disk is full" (SQLITE_FULL), made real by a page limit.
    engine = create_engine(f"sqlite:///{tmp_path / 'full.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x TEXT)"))
    with pytest.raises(OperationalError) as raised, engine.begin() as connection:
        connection.execute(text("PRAGMA max_page_count = 3"))
        connection.execute(text("INSERT INTO t VALUES (:x)"), {"x": "字" * 100_000})
    engine.dispose()
    translated = translate_error(raised.value)
    assert isinstance(translated, DatabaseUnavailable)
    assert "磁盘已满" in translated.message and "数据未改动" in translated.message
    assert "无法保存" not in translated.message  # a read meeting it is told the same
    disk_io = OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))
    assert "读写数据库文件出错" in str(translate_error(disk_io))
