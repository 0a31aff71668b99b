"""What some subsidy tables pay by, recorded where it happens: how the case was heard and
the enforcement result (at closing), the cases joined (同案多件), each handler's part of a
case that changed handler, and 案件评查 (file inspections, paid per file)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("hearing", sa.String(10), nullable=True))
        batch_op.add_column(sa.Column("enforcement", sa.String(10), nullable=True))
        batch_op.add_column(
            sa.Column("joined_cases", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.add_column(sa.Column("subsidy_parts", sa.Text(), nullable=True))
    op.create_table(
        "file_inspections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("office_id", sa.Integer(), sa.ForeignKey("offices.id"), nullable=False),
        sa.Column("handler_id", sa.Integer(), sa.ForeignKey("handlers.id"), nullable=False),
        sa.Column("inspected_on", sa.Date(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(50), nullable=False),
        sa.Column("batch_id", sa.Integer(), sa.ForeignKey("payment_batches.id"), nullable=True),
        sa.Column("amount", sa.Numeric(10, 2), nullable=True),
    )
    for column in ("office_id", "handler_id", "inspected_on", "batch_id"):
        op.create_index(f"ix_file_inspections_{column}", "file_inspections", [column])


def downgrade() -> None:
    op.drop_table("file_inspections")
    # In place, as 0021 (batch mode would copy the whole cases table).
    for column in ("subsidy_parts", "joined_cases", "enforcement", "hearing"):
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")
