"""Subsidy facts of a case: 异地 tier, aided persons, per-day items, stages of a terminated case

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CLOSING = ["state", "closed_on", "office_id", "case_type", "stage", "cross_region",
            "major_difficult", "subsidy_paid"]  # fmt: skip
# The subsidy pass groups unpaid cases by these too; the index keeps covering it.
_FACTS = ["region_tier", "aided_persons", "subsidy_days", "stages_completed", "stages_total"]


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("region_tier", sa.String(length=10), nullable=True))
        batch_op.add_column(
            sa.Column("aided_persons", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.add_column(sa.Column("subsidy_days", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("stages_completed", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("stages_total", sa.Integer(), nullable=True))
    op.drop_index("ix_cases_closing", table_name="cases")
    op.create_index("ix_cases_closing", "cases", [*_CLOSING, *_FACTS])


def downgrade() -> None:
    op.drop_index("ix_cases_closing", table_name="cases")
    op.create_index("ix_cases_closing", "cases", _CLOSING)
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("stages_total")
        batch_op.drop_column("stages_completed")
        batch_op.drop_column("subsidy_days")
        batch_op.drop_column("aided_persons")
        batch_op.drop_column("region_tier")
