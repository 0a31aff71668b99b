"""The forms of aid that are not cases: consultations, drafting and duty help; duty
stations and their rota; consultation targets; the quality grade's reviewer

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("targets") as batch_op:
        batch_op.add_column(sa.Column("consultations", sa.Integer(), nullable=True))
    # Who gave the closing review's 质量等级.
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("quality_reviewer", sa.String(length=50), nullable=True))
    op.create_table(
        "duty_stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_duty_stations_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_stations")),
        sa.UniqueConstraint("office_id", "name", name=op.f("uq_duty_stations_office_id_name")),
    )
    op.create_index(op.f("ix_duty_stations_office_id"), "duty_stations", ["office_id"])
    op.create_table(
        "duty_shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=False),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["handlers.id"], name=op.f("fk_duty_shifts_handler_id_handlers")
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["payment_batches.id"],
            name=op.f("fk_duty_shifts_batch_id_payment_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["duty_stations.id"],
            ondelete="CASCADE",
            name=op.f("fk_duty_shifts_station_id_duty_stations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_shifts")),
        sa.UniqueConstraint(
            "station_id",
            "on_date",
            "handler_id",
            name=op.f("uq_duty_shifts_station_id_on_date_handler_id"),
        ),
    )
    for column in ("station_id", "on_date", "handler_id", "batch_id"):
        op.create_index(op.f(f"ix_duty_shifts_{column}"), "duty_shifts", [column])
    op.create_table(
        "aid_services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=60), nullable=True),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("groups", sa.String(length=200), nullable=True),
        sa.Column("matter_category", sa.String(length=20), nullable=True),
        sa.Column("help_items", sa.String(length=100), nullable=True),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("handler_name", sa.String(length=50), nullable=True),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("person_times", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["payment_batches.id"],
            name=op.f("fk_aid_services_batch_id_payment_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            ondelete="SET NULL",
            name=op.f("fk_aid_services_case_id_cases"),
        ),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["handlers.id"], name=op.f("fk_aid_services_handler_id_handlers")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_aid_services_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["duty_stations.id"],
            name=op.f("fk_aid_services_station_id_duty_stations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aid_services")),
    )
    op.create_index(
        "ix_aid_services_period",
        "aid_services",
        ["served_on", "office_id", "kind", "channel", "person_times", "help_items"],
    )
    op.create_index("ix_aid_services_office_day", "aid_services", ["office_id", "served_on"])
    for column in ("station_id", "name", "id_number", "phone", "handler_id", "case_id", "batch_id"):
        op.create_index(op.f(f"ix_aid_services_{column}"), "aid_services", [column])


def downgrade() -> None:
    op.drop_table("aid_services")
    op.drop_table("duty_shifts")
    op.drop_table("duty_stations")
    # DROP COLUMN in place (SQLite 3.35+, the floor; PostgreSQL).
    op.execute("ALTER TABLE targets DROP COLUMN consultations")
    op.execute("ALTER TABLE cases DROP COLUMN quality_reviewer")
