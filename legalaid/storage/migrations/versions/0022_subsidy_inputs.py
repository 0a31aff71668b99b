"""What some subsidy tables pay by, recorded where it happens: how the case was heard and
the enforcement result (at closing), the cases joined (同案多件), and each handler's part of
a case that changed handler

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


def downgrade() -> None:
    # In place, as 0021 (batch mode would copy the whole cases table).
    for column in ("subsidy_parts", "joined_cases", "enforcement", "hearing"):
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")
