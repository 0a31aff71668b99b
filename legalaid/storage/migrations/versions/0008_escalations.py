"""Major or difficult cases: escalations, their collective discussions, case attachments

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(length=50), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_attachments_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_case_id"), "attachments", ["case_id"])
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("flagged_on", sa.Date(), nullable=False),
        sa.Column("flagged_by", sa.String(length=50), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=50), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("discussed_on", sa.Date(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("authority", sa.String(length=100), nullable=True),
        sa.Column("reference_no", sa.String(length=60), nullable=True),
        sa.Column("report_content", sa.Text(), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_escalations_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
        sa.UniqueConstraint("case_id", name=op.f("uq_escalations_case_id")),
    )
    op.create_index(op.f("ix_escalations_state"), "escalations", ["state"])
    op.create_index(op.f("ix_escalations_flagged_on"), "escalations", ["flagged_on"])
    op.create_table(
        "escalation_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("escalation_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("chair", sa.String(length=50), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("opinions", sa.Text(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("minutes_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalations.id"],
            name=op.f("fk_escalation_meetings_escalation_id_escalations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"],
            ["attachments.id"],
            name=op.f("fk_escalation_meetings_minutes_id_attachments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_meetings")),
    )
    op.create_index(
        op.f("ix_escalation_meetings_escalation_id"), "escalation_meetings", ["escalation_id"]
    )


def downgrade() -> None:
    op.drop_table("escalation_meetings")
    op.drop_table("escalations")
    op.drop_table("attachments")
