"""Creating or upgrading a database (``legalaid init``) and opening one for work."""

from __future__ import annotations

from dataclasses import dataclass

from legalaid.services.context import Context
from legalaid.services.settings import seed_defaults
from legalaid.storage.database import Database


@dataclass(frozen=True)
class InitResult:
    revision: str
    settings_added: int


def initialise(db: Database) -> InitResult:
    """Upgrade the schema to the newest migration and seed default settings (idempotent)."""
    db.upgrade()
    with db.uow(write=True) as uow:
        added = seed_defaults(uow.session)
        uow.commit()
    return InitResult(revision=db.head_revision(), settings_added=added)


def open_context(target: str, *, actor: str = "system", check: bool = True) -> Context:
    db = Database(target)
    if check:
        db.check_schema()
    return Context(db=db, actor=actor)
