"""A terminated case's subsidy share as the clerk records it, with the reason (a table
silent on termination pays nothing until then)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("terminated_share", sa.Numeric(5, 4), nullable=True))
        batch_op.add_column(sa.Column("terminated_share_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL): batch mode would copy the
    # whole cases table (and its DROP TABLE failed with "database table is locked").
    op.execute("ALTER TABLE cases DROP COLUMN terminated_share_reason")
    op.execute("ALTER TABLE cases DROP COLUMN terminated_share")
