"""The running deadline of each case, stored so lists can filter and sort by it

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("deadline_kind", sa.String(length=20), nullable=True))
        batch_op.create_index("ix_cases_due_on", ["due_on"])
    # Existing databases get their deadlines on the next `legalaid init` (services recompute
    # them after migrating); new cases get them as they change.


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_cases_due_on")
        batch_op.drop_column("deadline_kind")
        batch_op.drop_column("due_on")
