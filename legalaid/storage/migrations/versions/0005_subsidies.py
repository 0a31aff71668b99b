"""Subsidy standards (versions) and each case's subsidy with its review and payment

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subsidy_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subsidy_standards")),
    )
    with op.batch_alter_table("subsidy_standards") as batch_op:
        batch_op.create_index(batch_op.f("ix_subsidy_standards_effective_from"), ["effective_from"])
    op.create_table(
        "case_subsidies",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Integer(), nullable=False),
        sa.Column("computed", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("breakdown", sa.Text(), nullable=False),
        sa.Column("override", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reviewed_by", sa.String(length=50), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("paid_by", sa.String(length=50), nullable=True),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_subsidies_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["standard_id"],
            ["subsidy_standards.id"],
            name=op.f("fk_case_subsidies_standard_id_subsidy_standards"),
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_subsidies")),
    )
    with op.batch_alter_table("case_subsidies") as batch_op:
        batch_op.create_index(batch_op.f("ix_case_subsidies_standard_id"), ["standard_id"])
        batch_op.create_index(batch_op.f("ix_case_subsidies_state"), ["state"])


def downgrade() -> None:
    op.drop_table("case_subsidies")
    op.drop_table("subsidy_standards")
