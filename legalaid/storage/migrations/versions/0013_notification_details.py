"""Notified cases: the ground (法律援助法 s.25), the organ's case number, the detention place

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("notification_ground", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("organ_case_no", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("detention_place", sa.String(length=100), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL).
    for column in ("detention_place", "organ_case_no", "notification_ground"):
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")
