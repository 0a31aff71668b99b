"""Files kept with a case (signed minutes, scans, judgments), stored in the database so that
backups and the office's PostgreSQL carry them; each with its size and SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.errors import NotFound, ValidationError
from legalaid.domain.permissions import Action
from legalaid.services.plumbing.authz import authorize, requires
from legalaid.services.plumbing.case_change import log_event
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import AttachmentRecord, CaseRecord

MAX_BYTES = 50 * 1024 * 1024  # a scanned file of a few hundred pages; larger is a mistake


@dataclass(frozen=True)
class Attachment:
    id: int
    kind: str
    filename: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


def _info(record: AttachmentRecord) -> Attachment:
    return Attachment(
        record.id, record.kind, record.filename, record.size, record.sha256,
        record.added_by, record.added_at,
    )  # fmt: skip


def add_attachment(
    ctx: Context, session: Session, case: CaseRecord, *, kind: str, path: Path
) -> AttachmentRecord:
    """Read the file into the case (inside the caller's transaction)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(
                f"文件「{path.name}」有{size // (1024 * 1024)} MB，超过50 MB，请压缩或分册扫描",
                field="文件",
            )
        content = path.read_bytes()
    except OSError:
        raise ValidationError(f"无法读取文件：{path}", field="文件") from None
    if not content:
        raise ValidationError(f"文件「{path.name}」是空的", field="文件")
    record = AttachmentRecord(
        case_id=case.id, kind=kind, filename=path.name[:255], size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), content=content,
        added_by=ctx.actor, added_at=ctx.now(),
    )  # fmt: skip
    session.add(record)
    session.flush()
    log_event(ctx, session, case, "附加文件", detail={"类型": kind, "文件": record.filename})
    return record


@requires(Action.VIEW_CASE)
def attachments_of(ctx: Context, case_id: int) -> list[Attachment]:
    with ctx.reading() as uow:
        records = uow.session.scalars(
            select(AttachmentRecord)
            .where(AttachmentRecord.case_id == case_id)
            .order_by(AttachmentRecord.added_at, AttachmentRecord.id)
        )
        return [_info(r) for r in records]


def save_attachment(ctx: Context, attachment_id: int, folder: Path) -> Path:
    """Write the file out (to open it with the system viewer); its checksum is verified."""
    with ctx.reading() as uow:
        case_id = uow.session.scalar(
            select(AttachmentRecord.case_id).where(AttachmentRecord.id == attachment_id)
        )
    if case_id is None:
        raise NotFound(f"附件（编号{attachment_id}）不存在")
    authorize(ctx, Action.VIEW_CASE, case_id=case_id)
    with ctx.reading() as uow:
        record = uow.session.get(AttachmentRecord, attachment_id)
        if record is None:
            raise NotFound(f"附件（编号{attachment_id}）不存在")
        content = record.content
        if hashlib.sha256(content).hexdigest() != record.sha256:
            raise ValidationError(
                f"附件「{record.filename}」的校验值不符，文件已损坏", field="附件"
            )
        out = folder / f"{record.id}-{Path(record.filename).name}"
    out.write_bytes(content)
    return out
