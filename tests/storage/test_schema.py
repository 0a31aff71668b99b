"""Migrations, transactions, case numbers and optimistic locking on both databases."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from legalaid.domain.errors import ConflictError
from legalaid.domain.vocabulary import CaseSource, CaseType
from legalaid.services.commands import intake
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.case_change import allocate_case_numbers
from legalaid.services.plumbing.context import Context
from legalaid.storage.database import Database, SchemaOutdated, SchemaTooNew
from legalaid.storage.records import Base, CaseRecord, OfficeRecord


def _include(name: str | None, type_: str, _parent: object) -> bool:
    # Made by raw SQL, without a model: SQLite's FTS5 tables, PostgreSQL's trigram indexes.
    if name is None:
        return True
    if type_ == "table":
        return not (name.startswith("case_search_t") or name == "alembic_version")
    return not (type_ == "index" and name.endswith("_trgm"))


def test_migrations_upgrade_empty_database_to_head_matching_models(empty_database_url: str) -> None:
    db = Database(empty_database_url)
    try:
        assert db.current_revision() is None
        with pytest.raises(SchemaOutdated):
            db.check_schema()
        initialise(db)
        initialise(db)  # idempotent
        assert db.current_revision() == db.head_revision()
        db.check_schema()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": _include}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()


def test_newer_schema_is_refused(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew) as info:
        db.check_schema()
    assert "更新版本" in info.value.message
    with pytest.raises(SchemaTooNew):
        db.upgrade()  # never downgraded


def _office(db: Database) -> int:
    with db.uow(write=True) as uow:
        office = OfficeRecord(
            code="ZZ",
            name="株洲市法律援助中心",
            prefix="株",
            number_pattern="{prefix}法援〔{year}〕第{seq}号",
        )
        uow.session.add(office)
        uow.commit()
        return office.id


def test_failed_transaction_leaves_nothing(db: Database) -> None:
    _office(db)
    with pytest.raises(RuntimeError), db.uow(write=True) as uow:
        uow.session.add(OfficeRecord(code="LL", name="醴陵", prefix="醴", number_pattern="{seq}"))
        uow.flush()
        raise RuntimeError("boom")
    with db.uow() as uow:
        codes = [o.code for o in uow.session.query(OfficeRecord)]
    assert codes == ["ZZ"]


def test_sixteen_threads_get_distinct_case_numbers(db: Database) -> None:
    office_id = _office(db)
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            for _ in range(5):
                with db.uow(write=True) as uow:
                    office = uow.session.get(OfficeRecord, office_id)
                    assert office is not None
                    number = allocate_case_numbers(uow.session, office, 2025, 1)[0]
                    uow.commit()
                with lock:
                    results.append(number)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 80
    assert len(set(results)) == 80
    # No gaps either: a counter row, not max()+1.
    assert sorted(int(n.split("第")[1][:-1]) for n in results) == list(range(1, 81))


def _register(ctx: Context) -> int:
    ref = intake.register(
        ctx,
        CaseInput(
            office_code="ZZ",
            source=CaseSource.APPLICATION,
            case_type=CaseType.CIVIL,
            received_on=date(2025, 3, 3),
            person=PersonInput(name="张三"),
            hardship_basis="个人诚信承诺",
        ),
    )
    return ref.id


def test_two_sessions_editing_the_same_case_conflict(offices: Context) -> None:
    """Both load version 1; the first saves; the second gets a conflict, not an overwrite."""
    ctx = offices
    case_id = _register(ctx)
    with ctx.db.uow() as first, ctx.db.uow() as second:
        a = first.session.get(CaseRecord, case_id)
        b = second.session.get(CaseRecord, case_id)
        assert a is not None and b is not None and a.version == b.version == 1
        a.cause = "离婚纠纷"
        first.commit()
        b.cause = "抚养纠纷"
        with pytest.raises(ConflictError):
            second.commit()
    with ctx.reading() as uow:
        case = uow.session.get(CaseRecord, case_id)
        assert case is not None and case.cause == "离婚纠纷" and case.version == 2


def test_stale_version_through_the_service_is_a_conflict(offices: Context) -> None:
    ctx = offices
    case_id = _register(ctx)
    with ctx.reading() as uow:
        version = uow.session.get(CaseRecord, case_id).version  # type: ignore[union-attr]
    intake.start_review(ctx, case_id=case_id, expected_version=version)
    with pytest.raises(ConflictError) as info:
        intake.request_materials(
            ctx, case_id=case_id, missing=["身份证复印件"], expected_version=version
        )
    assert "已被其他人修改" in info.value.message


def test_sqlite_connections_are_safe(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "pragmas.sqlite3"))
    with db.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    assert pragma == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 10_000,
    }


def test_foreign_keys_are_enforced(db: Database) -> None:
    from legalaid.storage.records import TargetRecord

    with pytest.raises(ConflictError), db.uow(write=True) as uow:
        uow.session.add(TargetRecord(office_id=999, year=2025, cases=10))
        uow.commit()
