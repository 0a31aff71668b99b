"""Numbers of the standard documents issued for each case; caseload index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_documents_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_documents")),
        sa.UniqueConstraint("case_id", "kind", name=op.f("uq_case_documents_case_id_kind")),
        sa.UniqueConstraint("number", name=op.f("uq_case_documents_number")),
    )
    with op.batch_alter_table("case_documents") as batch_op:
        batch_op.create_index(batch_op.f("ix_case_documents_case_id"), ["case_id"])
    # Open cases per handler (assignment picker, handler list) without reading the cases.
    with op.batch_alter_table("cases") as batch_op:
        batch_op.create_index("ix_cases_state_handler", ["state", "handler_id"])


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_cases_state_handler")
    op.drop_table("case_documents")
