"""先行提供 (法律援助法 s.44): aid given before the decision, with its date and ground

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("advance_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("advance_ground", sa.String(length=60), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL).
    op.execute("ALTER TABLE cases DROP COLUMN advance_ground")
    op.execute("ALTER TABLE cases DROP COLUMN advance_on")
