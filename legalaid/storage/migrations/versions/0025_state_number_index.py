"""The case list filtered by state reads its pages in 案号 order from an index

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_cases_state_number",
        "cases",
        ["state", "office_id", "number_year", "number_seq", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_cases_state_number", table_name="cases")
