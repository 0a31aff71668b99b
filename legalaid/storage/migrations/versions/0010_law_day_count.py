"""Deadlines in 日 as the Law writes them; settings keep only what an office changed

法律援助法 s.43, s.36 and 程序规定 (2023) s.24, s.27 say 日 (calendar days). Earlier releases
shipped review 7, assignment 3 and agreement 5 *working* days and stored every rule. A stored
rule still equal to that shipped default was never edited: it is dropped, so the Law's
default applies, and the open cases running against it are recounted (``init`` fills the
emptied due dates). A rule the office changed is kept as its own.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen here: the domain's values may change again later.
OLD_DEFAULTS = {
    "REVIEW": {"days": 7, "count": "WORKING_DAYS"},
    "ASSIGNMENT": {"days": 3, "count": "WORKING_DAYS"},
    "ENGAGEMENT": {"days": 5, "count": "WORKING_DAYS"},
    "CLOSING_FILE": {"days": 30, "count": "CALENDAR_DAYS"},
    "CLOSING_REVIEW": {"days": 30, "count": "CALENDAR_DAYS"},
    "ESCALATION_REPORT": {"days": 3, "count": "WORKING_DAYS"},
}
NEW_DEFAULTS = {
    **OLD_DEFAULTS,
    "REVIEW": {"days": 7, "count": "CALENDAR_DAYS"},
    "ASSIGNMENT": {"days": 3, "count": "CALENDAR_DAYS"},
    "ENGAGEMENT": {"days": 5, "count": "CALENDAR_DAYS"},
}
KIND_VALUES = {"REVIEW": "审查决定", "ASSIGNMENT": "指派", "ENGAGEMENT": "签订委托协议"}

settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
cases = sa.table(
    "cases",
    sa.column("due_on", sa.Date),
    sa.column("deadline_kind", sa.String),
)


def _same(a: dict[str, object], b: dict[str, object]) -> bool:
    return int(str(a["days"])) == int(str(b["days"])) and a["count"] == b["count"]


def upgrade() -> None:
    bind = op.get_bind()
    stored_text = bind.execute(
        sa.select(settings.c.value).where(settings.c.key == "deadline_rules")
    ).scalar()
    stored = json.loads(stored_text) if stored_text else {}
    overrides = {}
    recount = []
    for name, new in NEW_DEFAULTS.items():
        rule = stored.get(name)
        if rule is None or _same(rule, OLD_DEFAULTS[name]):
            # Never edited: the default applies; where that default changed, recount.
            if name in KIND_VALUES and not _same(OLD_DEFAULTS[name], new):
                recount.append(KIND_VALUES[name])
            continue
        if not _same(rule, new):
            overrides[name] = {"days": int(rule["days"]), "count": rule["count"]}
    if stored_text is not None:
        bind.execute(
            settings.update()
            .where(settings.c.key == "deadline_rules")
            .values(value=json.dumps(overrides, ensure_ascii=False))
        )
    if recount:
        bind.execute(
            cases.update()
            .where(cases.c.deadline_kind.in_(recount))  # only running clocks carry a kind
            .values(due_on=None, deadline_kind=None)
        )


def downgrade() -> None:
    # The older release reads stored rules over its own defaults: write them all out, as it
    # stored them, so that every office keeps the periods it had.
    bind = op.get_bind()
    stored_text = bind.execute(
        sa.select(settings.c.value).where(settings.c.key == "deadline_rules")
    ).scalar()
    if stored_text is None:
        return
    rules = {**NEW_DEFAULTS, **json.loads(stored_text)}
    bind.execute(
        settings.update()
        .where(settings.c.key == "deadline_rules")
        .values(value=json.dumps(rules, ensure_ascii=False))
    )
