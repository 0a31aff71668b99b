"""Objections to a refusal or a termination (法律援助法 s.49) and the bureau's 5-day clock

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("objection_filed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("objection_ground", sa.Text(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL): no table copy, whose DROP
    # TABLE SQLite refuses while the case tables are referenced.
    op.execute("ALTER TABLE cases DROP COLUMN objection_ground")
    op.execute("ALTER TABLE cases DROP COLUMN objection_filed_on")
