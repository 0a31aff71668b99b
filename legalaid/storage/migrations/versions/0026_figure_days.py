"""The statistics' daily summary: figures per office and day, kept current by triggers that
mark a day in the same transaction as any change to what it counts

A report at a million cases sums a few thousand summary rows instead of grouping the cases;
a day marked dirty is counted from the cases themselves until the summary is refreshed, so
the figures are exact at every moment. The summary starts with every day marked (the first
statistics refresh fills it) and is rebuilt by ``legalaid figures rebuild``.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# Marks: A = 受理日期 (cases, their groups and handler types), C = 结案日期 (closing, quality,
# recovered amounts, subsidies), S = 服务日期 (consultations, drafting, duty help).
UPSERT = " ON CONFLICT (basis, day) DO UPDATE SET touched = figure_dirty.touched + 1"
# PostgreSQL keeps every version of a row a transaction updates: a million rows marking the
# same few hundred days would stack up versions each mark has to walk. A mark this transaction
# already made or bumped is left as it is (one bump per transaction is all a refresh needs).
# (xmin is the 32-bit transaction id; txid_current() carries the epoch above it.)
PG_ONCE = " WHERE figure_dirty.xmin::text::bigint <> txid_current() % 4294967296"


def _mark(basis: str, day: str) -> str:
    return (f"INSERT INTO figure_dirty (basis, day, touched) SELECT '{basis}', {day}, 0 "
            f"WHERE {day} IS NOT NULL{UPSERT};")  # fmt: skip


def _mark_case(basis: str, case_id: str) -> str:
    column = "accepted_on" if basis == "A" else "closed_on"
    return (f"INSERT INTO figure_dirty (basis, day, touched) SELECT '{basis}', {column}, 0 "
            f"FROM cases WHERE id = {case_id} AND {column} IS NOT NULL{UPSERT};")  # fmt: skip


def _mark_handler(row: str) -> str:
    return "".join(
        f"INSERT INTO figure_dirty (basis, day, touched) SELECT DISTINCT '{b}', {c}, 0 "
        f"FROM cases WHERE handler_id = {row}.id AND {c} IS NOT NULL{UPSERT};"
        for b, c in (("A", "accepted_on"), ("C", "closed_on"))
    )


# Subsidies are computed by the standard in force: a changed standard changes every closed day.
ALL_CLOSED = ("INSERT INTO figure_dirty (basis, day, touched) SELECT DISTINCT 'C', closed_on, 0 "
              f"FROM cases WHERE closed_on IS NOT NULL{UPSERT};")  # fmt: skip

# table → {event: statements}; OLD and NEW as each event has them.
MARKS: dict[str, dict[str, str]] = {
    "cases": {
        "INSERT": _mark("A", "NEW.accepted_on") + _mark("C", "NEW.closed_on"),
        "UPDATE": _mark("A", "OLD.accepted_on")
        + _mark("A", "NEW.accepted_on")
        + _mark("C", "OLD.closed_on")
        + _mark("C", "NEW.closed_on"),
        "DELETE": _mark("A", "OLD.accepted_on") + _mark("C", "OLD.closed_on"),
    },
    "case_groups": {
        "INSERT": _mark_case("A", "NEW.case_id"),
        "UPDATE": _mark_case("A", "OLD.case_id") + _mark_case("A", "NEW.case_id"),
        "DELETE": _mark_case("A", "OLD.case_id"),
    },
    "case_subsidies": {
        "INSERT": _mark_case("C", "NEW.case_id"),
        "UPDATE": _mark_case("C", "OLD.case_id") + _mark_case("C", "NEW.case_id"),
        "DELETE": _mark_case("C", "OLD.case_id"),
    },
    "aid_services": {
        "INSERT": _mark("S", "NEW.served_on"),
        "UPDATE": _mark("S", "OLD.served_on") + _mark("S", "NEW.served_on"),
        "DELETE": _mark("S", "OLD.served_on"),
    },
    "handlers": {"UPDATE OF handler_type": _mark_handler("NEW")},
    "subsidy_standards": {"INSERT": ALL_CLOSED, "UPDATE": ALL_CLOSED, "DELETE": ALL_CLOSED},
}


def _name(table: str, event: str) -> str:
    return f"figures_{table}_{event.split()[0].lower()}"


def upgrade() -> None:
    op.create_table(
        "figure_days",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("basis", sa.String(1), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("figure", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("sub", sa.String(200), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.Column("fen", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure_days")),
    )
    op.create_index(
        "ix_figure_days_read",
        "figure_days",
        ["basis", "day", "office_id", "figure", "key", "sub", "n", "fen"],
    )
    op.create_table(
        "figure_dirty",
        sa.Column("basis", sa.String(1), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("touched", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("basis", "day", name=op.f("pk_figure_dirty")),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        for function in _pg_functions():
            op.execute(function)
    for table, events in MARKS.items():
        for event, statements in events.items():
            name = _name(table, event)
            if sqlite:
                op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                           f"FOR EACH ROW BEGIN {statements} END")  # fmt: skip
            else:
                op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                           f"EXECUTE FUNCTION legalaid_{name}()")  # fmt: skip
    # Every day with something to count starts marked: the first refresh sums them all.
    for basis, table, column in (("A", "cases", "accepted_on"), ("C", "cases", "closed_on"),
                                 ("S", "aid_services", "served_on")):  # fmt: skip
        op.execute(f"INSERT INTO figure_dirty (basis, day, touched) SELECT DISTINCT '{basis}', "
                   f"{column}, 0 FROM {table} WHERE {column} IS NOT NULL")  # fmt: skip


def _pg_functions() -> list[str]:
    """One PL/pgSQL function per trigger (each returns NULL: an AFTER trigger's result is
    ignored)."""
    parts = []
    for table, events in MARKS.items():
        for event, statements in events.items():
            parts.append(
                f"CREATE FUNCTION legalaid_{_name(table, event)}() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN {statements.replace(UPSERT, UPSERT + PG_ONCE)} "
                "RETURN NULL; END $$;"
            )
    return parts


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, events in MARKS.items():
        for event in events:
            name = _name(table, event)
            op.execute(f"DROP TRIGGER {name}" if sqlite else f"DROP TRIGGER {name} ON {table}")
            if not sqlite:
                op.execute(f"DROP FUNCTION legalaid_{name}()")
    op.drop_table("figure_dirty")
    op.drop_index("ix_figure_days_read", table_name="figure_days")
    op.drop_table("figure_days")
