"""Office scope (interfaces.md): a user with an office sees and changes only that office and
the offices below it; a user without an office (and the command line of a database with no
account yet) sees every office. Checked here, in the services, for every caller."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.errors import NotFound, PermissionDenied
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import OfficeRecord

K = TypeVar("K")


def below(parents: Iterable[tuple[K, K | None]], root: K) -> frozenset[K]:
    """``root`` and every office below it, however deep, from (office, its parent) pairs."""
    children: dict[K | None, list[K]] = {}
    for ident, parent in parents:
        children.setdefault(parent, []).append(ident)
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:  # a cycle typed into the database must not hang us
                found.add(child)
                todo.append(child)
    return frozenset(found)


def subtree(session: Session, office_id: int) -> frozenset[int]:
    """``office_id`` and every office below it, however deep."""
    rows = session.execute(select(OfficeRecord.id, OfficeRecord.parent_id))
    return below(((ident, parent) for ident, parent in rows), office_id)


def office_ids(ctx: Context, session: Session) -> frozenset[int] | None:
    """The offices the acting user may see; None: all of them."""
    principal = ctx.principal
    if principal is None or principal.office_id is None:
        return None
    return subtree(session, principal.office_id)


def in_scope(ctx: Context, session: Session, office_id: int) -> bool:
    ids = office_ids(ctx, session)
    return ids is None or office_id in ids


def _home_name(ctx: Context, session: Session) -> str:
    principal = ctx.principal
    record = session.get(OfficeRecord, principal.office_id) if principal else None
    return record.name if record is not None else ""


def refusal(ctx: Context, session: Session, what: str) -> PermissionDenied:
    """The one wording of an out-of-scope refusal (the caller audits it)."""
    return PermissionDenied(
        f"{what}属于其他机构；您（{_home_name(ctx, session)}）只能查看和办理本机构及下级机构的事务"
    )


def require_office(ctx: Context, session: Session, office_id: int, what: str) -> None:
    """Refuse an office outside the acting user's scope (the checked service call that
    raised it audits the refusal once its transaction is gone)."""
    if not in_scope(ctx, session, office_id):
        raise refusal(ctx, session, what)


def office_by_code(ctx: Context, session: Session, code: str, what: str = "") -> OfficeRecord:
    """The office ``code`` names, refused when outside the acting user's scope."""
    record = session.scalar(select(OfficeRecord).where(OfficeRecord.code == code.strip()))
    if record is None:
        raise NotFound(f"机构「{code}」不存在")
    require_office(ctx, session, record.id, what or f"机构「{record.code}」")
    return record


def home_code(ctx: Context, session: Session) -> str | None:
    """The acting user's own office code (None without one): the default of reports."""
    principal = ctx.principal
    if principal is None or principal.office_id is None:
        return None
    record = session.get(OfficeRecord, principal.office_id)
    return record.code if record is not None else None
