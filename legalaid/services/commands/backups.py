"""Backing up and restoring the office's database (``legalaid backup`` / ``restore``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from legalaid.domain.permissions import Action
from legalaid.services.plumbing.authz import authorize
from legalaid.services.plumbing.context import Context
from legalaid.storage import audit
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
    target: str, backup_file: Path, *, actor: str = "system", now: datetime | None = None
) -> RestoreResult:
    """Check the backup (integrity, schema version), keep the current database aside, put the
    backup in its place, upgrade it if it came from an older version and audit the restore in
    it. Refused while any other desktop or command has the database open: every connection of
    this process must be closed (``Database.dispose``) before."""
    from legalaid.services.commands.setup import initialise

    database = storage_backup.sqlite_file(resolve_url(target))
    when = now or datetime.now()
    aside = storage_backup.restore(backup_file, database, now=when)
    db = Database(str(database))
    try:
        upgraded = db.current_revision() != db.head_revision()
        initialise(db)
        with db.uow(write=True, info={"actor": actor, "now": lambda: when}) as uow:
            audit.record(
                uow.session,
                audit.Entry(
                    "恢复备份",
                    "database",
                    detail={
                        "备份文件": backup_file.name,
                        "原数据库另存为": aside.name if aside else "",
                        "结构升级": "是" if upgraded else "否",
                    },
                ),
            )
            uow.commit()
    finally:
        db.dispose()
    log.info("database restored from a backup (upgraded: %s)", upgraded)
    return RestoreResult(replaced_kept_at=aside, upgraded=upgraded)


@dataclass(frozen=True)
class Leftover:
    """A copy of the office's data outside the database: personal data to account for."""

    path: Path
    size: int
    modified: datetime
    kind: str  # 替换前的数据库 · 未完成的恢复 · 未完成的备份


def leftover_copies(target: str, backup_folder: Path | None = None) -> list[Leftover]:
    """The replaced databases and unfinished files beside the database (SQLite only)."""
    url = resolve_url(target)
    if not url.startswith("sqlite:///"):
        return []
    database = storage_backup.sqlite_file(url)
    found = []
    for path in storage_backup.leftovers(database, backup_folder):
        try:
            stat = path.stat()
        except OSError:
            continue  # removed meanwhile
        if storage_backup.REPLACED in path.name:
            kind = "替换前的数据库"
        elif path.name.endswith(storage_backup.RESTORING):
            kind = "未完成的恢复"
        else:
            kind = "未完成的备份"
        found.append(Leftover(path, stat.st_size, datetime.fromtimestamp(stat.st_mtime), kind))
    return found


def remove_leftovers(paths: list[Path]) -> int:
    """Delete leftover copies (never the live database); returns how many were removed."""
    removed = 0
    for path in paths:
        if not (
            storage_backup.REPLACED in path.name
            or path.name.endswith((storage_backup.RESTORING, ".partial"))
        ):
            raise storage_backup.BackupError(f"不是遗留副本，不会删除：{path.name}")
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise storage_backup.BackupError(
                f"无法删除 {path.name}（{exc.strerror or exc}）"
            ) from exc
        removed += 1
    return removed


def discard_leftovers(ctx: Context, paths: list[Path]) -> int:
    """An administrator deletes leftover copies from 设置; the deletion is audited."""
    authorize(ctx, Action.ADMINISTER)
    removed = remove_leftovers(paths)
    with ctx.writing() as uow:
        audit.record(
            uow.session,
            audit.Entry("删除数据副本", "database", detail={"文件": [p.name for p in paths]}),
        )
        uow.commit()
    return removed


def prune_leftovers(
    target: str, backup_folder: Path | None, *, now: datetime, keep_days: int = 30
) -> list[Path]:
    """The policy: replaced databases are kept ``keep_days`` days (time to notice a wrong
    restore), unfinished files one day (a restore or backup may be running now)."""
    old = []
    for leftover in leftover_copies(target, backup_folder):
        limit = keep_days if leftover.kind == "替换前的数据库" else 1
        if now - leftover.modified > timedelta(days=limit):
            old.append(leftover.path)
    remove_leftovers(old)
    return old


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
    prune_leftovers(target, policy.folder, now=datetime.combine(today, datetime.min.time()))
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
