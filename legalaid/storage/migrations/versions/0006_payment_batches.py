"""Payment batches for finance

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_payment_batches_number")),
    )
    with op.batch_alter_table("case_subsidies") as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_case_subsidies_batch_id"), ["batch_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_case_subsidies_batch_id_payment_batches"),
            "payment_batches",
            ["batch_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("case_subsidies") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_case_subsidies_batch_id_payment_batches"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_case_subsidies_batch_id"))
        batch_op.drop_column("batch_id")
    op.drop_table("payment_batches")
