"""Backing up and restoring the office's database (``legalaid backup`` / ``restore``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
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


@dataclass(frozen=True)
class BackupPolicy:
    folder: Path
    keep_daily: int = 7
    keep_monthly: int = 12


def default_backup_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("legalaid", appauthor=False)) / "backups"


def daily_backup(target: str, policy: BackupPolicy, *, today: date) -> Path | None:
    """Once a day: a checked backup named after the day, then prune to the last
    ``keep_daily`` days plus the first backup of each of the last ``keep_monthly`` months.
    Returns the new file, or None when today's backup already exists (or for PostgreSQL)."""
    if not resolve_url(target).startswith("sqlite:///"):
        return None  # the server's own backups (pg_dump) protect a PostgreSQL database
    policy.folder.mkdir(parents=True, exist_ok=True)
    out = policy.folder / f"legalaid-{today.isoformat()}.sqlite3"
    if out.exists():
        return None
    backup_database(target, out)
    prune(policy)
    return out


def prune(policy: BackupPolicy) -> list[Path]:
    """Delete daily backups beyond the policy; returns what was deleted."""
    dated = []
    for path in policy.folder.glob("legalaid-????-??-??.sqlite3"):
        try:
            dated.append((date.fromisoformat(path.name[9:19]), path))
        except ValueError:
            continue
    dated.sort(reverse=True)
    keep = {p for _, p in dated[: policy.keep_daily]}
    first_of_month: dict[tuple[int, int], Path] = {}
    for day, path in sorted(dated):
        first_of_month.setdefault((day.year, day.month), path)
    months = sorted(first_of_month, reverse=True)[: policy.keep_monthly]
    keep |= {first_of_month[m] for m in months}
    removed = [p for _, p in dated if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
