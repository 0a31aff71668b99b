"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 04:49:10.317193
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Two FTS5 indexes kept in step with case_search by triggers: trigram for substrings of three
# or more characters (case number, ID number, phone, names), and per-character tokens for
# one- and two-character names and pinyin initials, where trigram finds nothing.
SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE case_search_tri USING fts5("
    "terms, content='case_search', content_rowid='case_id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE case_search_tok USING fts5("
    "tokens, content='case_search', content_rowid='case_id', tokenize='unicode61')",
    "CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN "
    "INSERT INTO case_search_tri(rowid, terms) VALUES (new.case_id, new.terms); "
    "INSERT INTO case_search_tok(rowid, tokens) VALUES (new.case_id, new.tokens); END",
    "CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN "
    "INSERT INTO case_search_tri(case_search_tri, rowid, terms) "
    "VALUES ('delete', old.case_id, old.terms); "
    "INSERT INTO case_search_tok(case_search_tok, rowid, tokens) "
    "VALUES ('delete', old.case_id, old.tokens); END",
    "CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN "
    "INSERT INTO case_search_tri(case_search_tri, rowid, terms) "
    "VALUES ('delete', old.case_id, old.terms); "
    "INSERT INTO case_search_tok(case_search_tok, rowid, tokens) "
    "VALUES ('delete', old.case_id, old.tokens); "
    "INSERT INTO case_search_tri(rowid, terms) VALUES (new.case_id, new.terms); "
    "INSERT INTO case_search_tok(rowid, tokens) VALUES (new.case_id, new.tokens); END",
]


def upgrade() -> None:
    op.create_table(
        "firms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_firms")),
        sa.UniqueConstraint("name", name=op.f("uq_firms_name")),
    )
    op.create_table(
        "offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=20), nullable=False),
        sa.Column("number_pattern", sa.String(length=100), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["offices.id"], name=op.f("fk_offices_parent_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
        sa.UniqueConstraint("code", name=op.f("uq_offices_code")),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint("id_number", name=op.f("uq_persons_id_number")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "counters",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_counters_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", "kind", name=op.f("pk_counters")),
    )
    op.create_table(
        "handlers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("handler_type", sa.String(length=20), nullable=False),
        sa.Column("firm_id", sa.Integer(), nullable=True),
        sa.Column("licence_no", sa.String(length=40), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("criminal_years", sa.Integer(), nullable=False),
        sa.Column("minors_expertise", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["firm_id"], ["firms.id"], name=op.f("fk_handlers_firm_id_firms")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handlers")),
        sa.UniqueConstraint("name", "firm_id", name=op.f("uq_handlers_name_firm_id")),
    )
    op.create_table(
        "targets",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_targets_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", name=op.f("pk_targets")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_no", sa.String(length=60), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("case_type", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=True),
        sa.Column("cause", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("assigned_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("materials_requested_on", sa.Date(), nullable=True),
        sa.Column("missing_materials", sa.Text(), nullable=True),
        sa.Column("review_paused_days", sa.Integer(), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("hardship_basis", sa.String(length=200), nullable=True),
        sa.Column("notifying_organ", sa.String(length=100), nullable=True),
        sa.Column("cross_region", sa.Boolean(), nullable=False),
        sa.Column("major_difficult", sa.Boolean(), nullable=False),
        sa.Column("possible_life_or_death", sa.Boolean(), nullable=False),
        sa.Column("subsidy_paid", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["handlers.id"], name=op.f("fk_cases_handler_id_handlers")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_cases_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_cases_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_no", name=op.f("uq_cases_case_no")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_accepted_on"), ["accepted_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_applied_on"), ["applied_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_handler_id"), ["handler_id"], unique=False)
        batch_op.create_index(
            "ix_cases_office_accepted", ["office_id", "accepted_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cases_office_id"), ["office_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_state"), ["state"], unique=False)
        batch_op.create_index("ix_cases_state_closed", ["state", "closed_on"], unique=False)

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=False),
        sa.Column("assigned_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_assignments_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["handler_id"], ["handlers.id"], name=op.f("fk_assignments_handler_id_handlers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assignments_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assignments_handler_id"), ["handler_id"], unique=False)

    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("from_state", sa.String(length=10), nullable=True),
        sa.Column("to_state", sa.String(length=10), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_events_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_events_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_groups",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("group_name", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_groups_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "group_name", name=op.f("pk_case_groups")),
    )
    with op.batch_alter_table("case_groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_groups_group_name"), ["group_name"], unique=False)

    op.create_table(
        "case_search",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("tokens", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_search_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_search")),
    )

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS case_search_tri")
        op.execute("DROP TABLE IF EXISTS case_search_tok")
    op.drop_table("case_search")
    with op.batch_alter_table("case_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_groups_group_name"))

    op.drop_table("case_groups")
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_events_case_id"))

    op.drop_table("case_events")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignments_handler_id"))
        batch_op.drop_index(batch_op.f("ix_assignments_case_id"))

    op.drop_table("assignments")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_state_closed")
        batch_op.drop_index(batch_op.f("ix_cases_state"))
        batch_op.drop_index(batch_op.f("ix_cases_person_id"))
        batch_op.drop_index(batch_op.f("ix_cases_office_id"))
        batch_op.drop_index("ix_cases_office_accepted")
        batch_op.drop_index(batch_op.f("ix_cases_handler_id"))
        batch_op.drop_index(batch_op.f("ix_cases_applied_on"))
        batch_op.drop_index(batch_op.f("ix_cases_accepted_on"))

    op.drop_table("cases")
    op.drop_table("targets")
    op.drop_table("handlers")
    op.drop_table("counters")
    op.drop_table("settings")
    op.drop_table("persons")
    op.drop_table("offices")
    op.drop_table("firms")
