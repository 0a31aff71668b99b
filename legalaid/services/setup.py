"""Creating or upgrading a database (``legalaid init``) and opening one for work."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from legalaid.services.context import Context
from legalaid.services.settings import deadline_rules, recompute_deadlines, seed_defaults
from legalaid.storage.database import Database

DEADLINE_REVISION = "0003"


@dataclass(frozen=True)
class InitResult:
    revision: str
    settings_added: int


def initialise(db: Database) -> InitResult:
    """Upgrade the schema to the newest migration and seed default settings (idempotent)."""
    db.upgrade()
    with db.uow(write=True) as uow:
        added = seed_defaults(uow.session)
        uow.flush()
        # Cases from before the deadline column (or imported elsewhere) get theirs now.
        recompute_deadlines(
            Context(db=db), uow.session, deadline_rules(uow.session), only_missing=True
        )
        uow.commit()
    return InitResult(revision=db.head_revision(), settings_added=added)


def open_context(target: str, *, actor: str = "system", check: bool = True) -> Context:
    db = Database(target)
    if check:
        db.check_schema()
    return Context(db=db, actor=actor)


def default_database() -> str:
    """``LEGALAID_DB``, else ``legalaid.sqlite3`` in the per-user data folder (interfaces.md)."""
    from_env = os.environ.get("LEGALAID_DB")
    if from_env:
        return from_env
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("legalaid", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "legalaid.sqlite3")
