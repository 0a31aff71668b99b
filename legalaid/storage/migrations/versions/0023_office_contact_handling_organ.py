"""The office's address and phone for its documents, and the organ handling a case (the
court, procuratorate, police or arbitration body a 公函 is addressed to)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.add_column(sa.Column("phone", sa.String(30), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(200), nullable=True))
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("handling_organ", sa.String(100), nullable=True))


def downgrade() -> None:
    # In place, as 0021 (batch mode would copy the whole cases table).
    op.execute("ALTER TABLE cases DROP COLUMN handling_organ")
    op.execute("ALTER TABLE offices DROP COLUMN address")
    op.execute("ALTER TABLE offices DROP COLUMN phone")
