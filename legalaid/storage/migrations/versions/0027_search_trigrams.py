"""PostgreSQL searches names, numbers and pinyin through trigram indexes (pg_trgm)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

# The expression the search matches the tokens with (legalaid.storage.repositories): a
# space on each side makes every token a bounded word, so 许 and zs% are words to pg_trgm.
TOKENS = "(' ' || tokens || ' ')"
INDEXES = (
    "CREATE INDEX ix_case_search_terms_trgm ON case_search USING gin (terms gin_trgm_ops)",
    f"CREATE INDEX ix_case_search_tokens_trgm ON case_search USING gin ({TOKENS} gin_trgm_ops)",
)


def upgrade() -> None:
    # SQLite has its FTS5 indexes (migration 0001).
    if op.get_bind().dialect.name != "postgresql":
        return
    savepoint = op.get_bind().begin_nested()
    try:
        # A trusted extension (PostgreSQL 13+): the database's owner may create it. Without
        # it the searches give the same cases, only by reading the whole search table.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        savepoint.rollback()
        log.warning("pg_trgm 扩展不可用：PostgreSQL 上的检索将逐行比对（结果相同，速度较慢）")
        return
    savepoint.commit()
    for statement in INDEXES:
        op.execute(statement)
    # The planner knows how many cases a pattern matches only from the expression's statistics.
    op.execute("ANALYZE case_search")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_case_search_tokens_trgm")
    op.execute("DROP INDEX IF EXISTS ix_case_search_terms_trgm")
