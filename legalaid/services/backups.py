"""Backing up and restoring the office's database (``legalaid backup`` / ``restore``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from legalaid.storage import backup as storage_backup
from legalaid.storage.database import Database
from legalaid.storage.engine import resolve_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    replaced_kept_at: Path | None
    upgraded: bool


def backup_database(target: str, out: Path) -> Path:
    """A consistent copy of the live database, checked before it is kept."""
    source = storage_backup.sqlite_file(resolve_url(target))
    if not source.exists():
        raise storage_backup.BackupError(f"数据库文件不存在：{source}")
    storage_backup.backup(source, out)
    log.info("backup written (%d bytes)", out.stat().st_size)
    return out


def restore_database(
    target: str, backup_file: Path, *, now: datetime | None = None
) -> RestoreResult:
    """Check the backup (integrity, schema version), keep the current database aside, put the
    backup in its place and upgrade it if it came from an older version."""
    from legalaid.services.setup import initialise

    database = storage_backup.sqlite_file(resolve_url(target))
    aside = storage_backup.restore(backup_file, database, now=now or datetime.now())
    db = Database(str(database))
    try:
        upgraded = db.current_revision() != db.head_revision()
        initialise(db)
    finally:
        db.dispose()
    log.info("database restored from a backup (upgraded: %s)", upgraded)
    return RestoreResult(replaced_kept_at=aside, upgraded=upgraded)
