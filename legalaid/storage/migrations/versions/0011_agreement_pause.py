"""The agreement clock's exception: paused with a reason until the agreement is signed

程序规定 (2023) s.27: the agreement and power of attorney are signed within 5 日, "但因受援人
原因或者其他客观原因无法按时签订的除外".

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("agreement_paused_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("agreement_pause_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL): no table copy, whose DROP
    # TABLE SQLite refuses while the case tables are referenced.
    op.execute("ALTER TABLE cases DROP COLUMN agreement_pause_reason")
    op.execute("ALTER TABLE cases DROP COLUMN agreement_paused_on")
