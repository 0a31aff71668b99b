"""事项类别 (法律援助法 s.31) and the applicant's representative (s.40)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = (
    ("matter_category", 20),
    ("representative_kind", 10),
    ("representative_name", 50),
    ("representative_relation", 20),
    ("representative_id_number", 18),
)


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        for name, length in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL).
    for name, _length in reversed(COLUMNS):
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
