"""Accounts, the hash-chained audit trail, the work log, follow-ups, the closing file

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["case_id"], ["cases.id"], name=op.f(f"fk_{table}_case_id_cases"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("display_name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["handlers.id"], name=op.f("fk_users_handler_id_handlers")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_users_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("object", sa.String(length=120), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    for column in ("at", "actor", "action"):
        op.create_index(op.f(f"ix_audit_log_{column}"), "audit_log", [column])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    # The chain's head exists from the start, so the first two writers cannot both create it.
    op.execute(
        sa.text(
            "INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, :genesis)"
        ).bindparams(genesis="0" * 64)
    )
    op.create_table(
        "work_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _case_fk("work_entries"),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["handlers.id"], name=op.f("fk_work_entries_handler_id_handlers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_entries")),
    )
    op.create_index(op.f("ix_work_entries_case_id"), "work_entries", ["case_id"])
    op.create_index(op.f("ix_work_entries_handler_id"), "work_entries", ["handler_id"])
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("person", sa.String(length=50), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _case_fk("follow_ups"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    op.create_index(op.f("ix_follow_ups_case_id"), "follow_ups", ["case_id"])
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("closing_items", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("closing_submitted_on", sa.Date(), nullable=True))
    # Closing deadlines changed (a calendar-day period ending on a rest day moves to the next
    # working day; closing files now have a review deadline): `init` recounts these cases.
    op.execute(
        "UPDATE cases SET due_on = NULL, deadline_kind = NULL "
        "WHERE state IN ('承办中', '终止', '结案审查')"
    )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("closing_submitted_on")
        batch_op.drop_column("closing_items")
        batch_op.drop_column("outcome")
    for table in ("follow_ups", "work_entries", "audit_head", "audit_log", "users"):
        op.drop_table(table)
