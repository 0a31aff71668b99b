"""Office scope of payment batches; who adjusted a subsidy (separation of duties); the
bank accounts the payment list names

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payment_batches") as batch_op:
        batch_op.add_column(sa.Column("office_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_payment_batches_office_id"), ["office_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_payment_batches_office_id_offices"), "offices", ["office_id"], ["id"]
        )
    with op.batch_alter_table("case_subsidies") as batch_op:
        batch_op.add_column(sa.Column("override_by", sa.String(length=50), nullable=True))
    for table in ("firms", "handlers"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("bank_name", sa.String(length=60), nullable=True))
            batch_op.add_column(sa.Column("bank_account", sa.String(length=40), nullable=True))


def downgrade() -> None:
    for table in ("handlers", "firms"):
        # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL).
        op.execute(f"ALTER TABLE {table} DROP COLUMN bank_account")
        op.execute(f"ALTER TABLE {table} DROP COLUMN bank_name")
    with op.batch_alter_table("case_subsidies") as batch_op:
        batch_op.drop_column("override_by")
    with op.batch_alter_table("payment_batches") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_payment_batches_office_id_offices"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_payment_batches_office_id"))
        batch_op.drop_column("office_id")
