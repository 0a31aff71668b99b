"""The case number's year and sequence, so that 案号 sorts by office, year and number

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# As domain.numbering reads a number (copied: a migration must not change with later code).
_NUMBER = re.compile(
    r"[^\d]*?[(（〔\[【]?(?:(?P<year>(?:19|20)\d{2})[)）〕\]】]?第?)?(?P<seq>\d{1,6})号?"
)
BATCH = 50_000


def _parts(number: str) -> tuple[int, int]:
    match = _NUMBER.fullmatch(number.strip())
    if match is None:
        return 0, 0
    return int(match.group("year") or 0), int(match.group("seq"))


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(
            sa.Column("number_year", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("number_seq", sa.Integer(), nullable=False, server_default="0")
        )
    bind = op.get_bind()
    last = 0
    while True:  # by id range: a million cases never sit in memory at once
        rows = bind.execute(
            sa.text("SELECT id, case_no FROM cases WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            break
        last = rows[-1][0]
        parts = [{"i": i, "y": y, "s": s} for i, number in rows for y, s in [_parts(number)]]
        bind.execute(
            sa.text("UPDATE cases SET number_year = :y, number_seq = :s WHERE id = :i"), parts
        )
    op.create_index("ix_cases_number", "cases", ["office_id", "number_year", "number_seq", "id"])


def downgrade() -> None:
    op.drop_index("ix_cases_number", table_name="cases")
    # In place, as 0021 (batch mode would copy the whole cases table).
    op.execute("ALTER TABLE cases DROP COLUMN number_seq")
    op.execute("ALTER TABLE cases DROP COLUMN number_year")
