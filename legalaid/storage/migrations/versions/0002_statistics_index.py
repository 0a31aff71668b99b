"""Covering indexes for the statistics of a period

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Every column the yearly statistics read from a case, after the period and state they filter
# on: the whole year's count is an index-only scan instead of a row lookup per case.
PERIOD = [
    "accepted_on", "state", "office_id", "case_type", "source", "cross_region",
    "major_difficult", "handler_id",
]  # fmt: skip
# Closed cases and their subsidy by 结案日期: replaces the plain (state, closed_on) index.
CLOSING = [
    "state", "closed_on", "office_id", "case_type", "stage", "cross_region", "major_difficult",
    "subsidy_paid",
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.create_index("ix_cases_period", PERIOD)
        batch_op.drop_index("ix_cases_state_closed")
        batch_op.create_index("ix_cases_closing", CLOSING)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_cases_closing")
        batch_op.create_index("ix_cases_state_closed", ["state", "closed_on"])
        batch_op.drop_index("ix_cases_period")
