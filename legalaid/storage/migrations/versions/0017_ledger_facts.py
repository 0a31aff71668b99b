"""The facts the extended ledger carries: 挽回经济损失, 质量等级 and 备注

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(
            sa.Column("recovered_amount", sa.Numeric(precision=14, scale=2), nullable=True)
        )
        batch_op.add_column(sa.Column("quality_grade", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("remarks", sa.Text(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL).
    for name in ("remarks", "quality_grade", "recovered_amount"):
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
