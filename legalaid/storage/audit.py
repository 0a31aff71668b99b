"""The audit trail's storage: entries collected during a transaction (explicit ones, and every
change to the records with its before → after), appended at commit as a hash chain.

Each row's hash covers its id, content and the previous row's hash; the one-row head holds
the last link. Appending locks the head (SELECT … FOR UPDATE on PostgreSQL; SQLite writers are
serialised by BEGIN IMMEDIATE already), so two desktops never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from legalaid.domain.identity import mask_id_number
from legalaid.storage.records import (
    AttachmentRecord,
    AuditHeadRecord,
    AuditRecord,
    Base,
    CaseEventRecord,
    CaseSearchRecord,
    UserRecord,
)

GENESIS = "0" * 64
# Not audited as changes: the trail itself, the timeline (it narrates the same changes), the
# search index (derived) — and of some records, columns that are bookkeeping or secrets.
SKIPPED = (AuditRecord, AuditHeadRecord, CaseEventRecord, CaseSearchRecord)
HIDDEN_COLUMNS = {"updated_at", "version", "content", "password_hash", "search_text"}
# Kept masked in the trail (个人信息保护法: least exposure): that an ID number was set or
# changed, and which one by its first and last four characters, is what an audit needs.
MASKED_COLUMNS = {"id_number", "representative_id_number"}


@dataclass(frozen=True)
class Entry:
    action: str
    object: str
    outcome: str = "成功"
    detail: dict[str, Any] | None = None
    actor: str | None = None  # default: the transaction's actor


def pending(session: Session) -> list[Entry]:
    return session.info.setdefault("audit", [])  # type: ignore[no-any-return]


def record(session: Session, entry: Entry) -> None:
    """Audit ``entry`` with this transaction: written if it commits, gone if it rolls back."""
    pending(session).append(entry)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _masked(value: Any) -> Any:
    return mask_id_number(str(value)) if value else value


def _label(obj: Base) -> str:
    # The primary key as the instance holds it (a new row's identity is not registered yet).
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return f"{obj.__tablename__}#{key[0] if len(key) == 1 else ','.join(map(str, key))}"


def _changes(obj: Base, *, new: bool) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name in HIDDEN_COLUMNS:
            if name == "password_hash" and state.attrs[name].history.has_changes():
                changes[name] = "（已更改）"
            continue
        history = state.attrs[name].history
        shown = _masked if name in MASKED_COLUMNS else _plain
        if new:
            value = state.attrs[name].value
            if value is not None:
                changes[name] = shown(value)
        elif history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            changes[name] = [shown(before), shown(after)]
    return changes


def _after_flush(session: Session, _context: object) -> None:
    entries = pending(session)
    for obj in session.new:
        if isinstance(obj, Base) and not isinstance(obj, SKIPPED):
            detail = _changes(obj, new=True) if not isinstance(obj, AttachmentRecord) else {
                "filename": obj.filename, "size": obj.size, "sha256": obj.sha256}  # fmt: skip
            entries.append(Entry("新增", _label(obj), detail=detail))
    for obj in session.dirty:
        if isinstance(obj, Base) and not isinstance(obj, SKIPPED) and session.is_modified(obj):
            changes = _changes(obj, new=False)
            if changes:
                action = "角色变更" if isinstance(obj, UserRecord) and "role" in changes else "修改"
                entries.append(Entry(action, _label(obj), detail=changes))
    for obj in session.deleted:
        if isinstance(obj, Base) and not isinstance(obj, SKIPPED):
            entries.append(Entry("删除", _label(obj)))


def _before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()  # changes not yet flushed are audited too
    entries = session.info.get("audit")
    if entries:
        session.info["audit"] = []
        append(session, entries, actor=session.info.get("actor", "system"),
               now=session.info.get("now", datetime.now))  # fmt: skip


def install(factory: sessionmaker[Session]) -> None:
    """Audit every write session made by ``factory``."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)


def link_hash(prev: str, row: AuditRecord) -> str:
    text = "|".join(
        [prev, str(row.id), row.at.isoformat(), row.actor, row.action, row.object,
         row.outcome, row.detail or ""]
    )  # fmt: skip
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(
    session: Session, entries: Iterable[Entry], *, actor: str, now: Callable[[], datetime]
) -> None:
    head = session.scalar(select(AuditHeadRecord).where(AuditHeadRecord.id == 1).with_for_update())
    if head is None:
        head = AuditHeadRecord(id=1, last_id=0, last_hash=GENESIS)
        session.add(head)
    at = now().replace(microsecond=0)
    rows = []
    for entry in entries:
        row = AuditRecord(
            id=head.last_id + 1, at=at, actor=(entry.actor or actor)[:50],
            action=entry.action[:30], object=entry.object[:120], outcome=entry.outcome,
            detail=json.dumps(entry.detail, ensure_ascii=False, sort_keys=True, default=str)
            if entry.detail else None,
            prev_hash=head.last_hash, hash="",
        )  # fmt: skip
        row.hash = link_hash(head.last_hash, row)
        head.last_id, head.last_hash = row.id, row.hash
        rows.append(row)
    session.add_all(rows)
    session.flush()


@dataclass(frozen=True)
class BrokenLink:
    id: int
    reason: str


def anchor(session: Session) -> tuple[int, str]:
    """The rows so far and the head hash: kept outside the database (printed, filed), it
    shows a chain later re-sealed from scratch, which the links alone cannot."""
    head = session.get(AuditHeadRecord, 1)
    return (head.last_id, head.last_hash) if head is not None else (0, GENESIS)


def check_anchor(session: Session, rows: int, hash_: str) -> BrokenLink | None:
    """Row ``rows`` must still carry ``hash_`` (0 rows: the genesis)."""
    if rows == 0:
        return None if hash_ == GENESIS else BrokenLink(0, "锚点与空记录链不符")
    row = session.get(AuditRecord, rows)
    if row is None:
        return BrokenLink(rows, "锚点所指的记录已不存在（记录链被截短或重建）")
    if row.hash != hash_:
        return BrokenLink(rows, "该条记录的校验值与锚点不符（记录链被改写后重新计算）")
    return None


def verify(session: Session, *, batch: int = 5000) -> tuple[int, BrokenLink | None]:
    """Walk the chain; returns the rows checked and the first broken link, if any."""
    head = session.get(AuditHeadRecord, 1)
    prev, expected, checked = GENESIS, 1, 0
    last_id = 0
    while True:
        rows = list(
            session.scalars(
                select(AuditRecord).where(AuditRecord.id >= expected)
                .order_by(AuditRecord.id).limit(batch)
            )
        )  # fmt: skip
        if not rows:
            break
        for row in rows:
            if row.id != expected:
                return checked, BrokenLink(expected, "该条记录缺失（被删除）")
            if row.prev_hash != prev:
                return checked, BrokenLink(row.id, "与前一条记录的链接不符（前一条被删除或修改）")
            if link_hash(prev, row) != row.hash:
                return checked, BrokenLink(row.id, "记录内容与其校验值不符（被修改）")
            prev, expected, checked, last_id = row.hash, row.id + 1, checked + 1, row.id
        session.expunge_all()
    if head is None:
        if checked:
            return checked, BrokenLink(1, "链头记录缺失")
        return checked, None
    if head.last_id != last_id or head.last_hash != prev:
        return checked, BrokenLink(last_id + 1, "末尾的记录缺失（被删除）或链头被修改")
    return checked, None
