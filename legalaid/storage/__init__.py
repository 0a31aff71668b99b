"""Persistence: SQLAlchemy records, the engine, the unit of work and Alembic migrations."""
