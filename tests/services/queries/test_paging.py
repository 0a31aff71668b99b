"""Page after page, the case list holds every case once, in order, whatever the sort."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.offices import add_office
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseRow, find_cases
from legalaid.storage.database import Database
from legalaid.storage.records import CaseRecord
from tests.conftest import TODAY
from tests.services.commands.test_ledger_and_stats import _sample_rows
from tests.services.plumbing.test_ledger_files import write_csv


@pytest.mark.parametrize("order", ["id", "number", "applied_on", "state", "accepted_on", "due_on"])
def test_keyset_pages_equal_one_long_list(offices: Context, order: str) -> None:
    generate_demo(offices, cases=400, year=2025, seed=3)
    for descending in (True, False):
        whole = find_cases(offices, limit=1000, order=order, descending=descending)
        assert len(whole) == 400
        pages: list[CaseRow] = []
        while True:
            page = find_cases(offices, offset=len(pages), limit=37, order=order,
                              descending=descending, after=pages[-1] if pages else None)  # fmt: skip
            if not page:
                break
            pages.extend(page)
        assert [row.id for row in pages] == [row.id for row in whole]


def test_case_numbers_sort_by_office_year_and_number(offices: Context, tmp_path: Path) -> None:
    """第9号 before 第10号 (as text it would not), each office's numbers together, a new
    application's number as well as the ledger's."""
    rows = [
        {**row, "案号": f"醴法援〔{year}〕第{seq}号", "申请日期": f"{year}-03-0{i % 9 + 1}"}
        for i, (row, (year, seq)) in enumerate(
            zip(_sample_rows()[:6], [(2025, 10), (2024, 3), (2025, 9), (2025, 100), (2024, 12),
                                     (2025, 2)], strict=True)
        )
    ]  # fmt: skip
    for row in rows:
        row["机构"] = "LL"
    import_ledger(offices, write_csv(tmp_path / "l.csv", rows))
    numbers = [r.case_no for r in find_cases(offices, order="number", descending=False)]
    assert numbers == [
        "醴法援〔2024〕第3号", "醴法援〔2024〕第12号", "醴法援〔2025〕第2号",
        "醴法援〔2025〕第9号", "醴法援〔2025〕第10号", "醴法援〔2025〕第100号",
    ]  # fmt: skip
    with offices.db.uow(write=False) as uow:
        parts = uow.session.execute(
            select(CaseRecord.number_year, CaseRecord.number_seq).where(
                CaseRecord.case_no == "醴法援〔2025〕第100号"
            )
        ).one()
    assert tuple(parts) == (2025, 100)


def test_the_migration_gives_numbers_on_file_their_parts(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "old.sqlite3"))
    initialise(db)
    ctx = Context(db=db, actor="测试员", today=lambda: TODAY)
    add_office(ctx, code="LL", name="醴陵市法律援助中心", prefix="醴")
    import_ledger(ctx, write_csv(tmp_path / "l.csv", [
        {**r, "机构": "LL", "案号": n} for r, n in zip(
            _sample_rows()[:3], ["醴法援〔2025〕第9号", "醴法援〔2025〕第10号", "旧编号"],
            strict=True)
    ]))  # fmt: skip
    with db.engine.begin() as connection:  # as a database written before 0024 holds them
        triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'figures%'"
        for (name,) in list(connection.exec_driver_sql(triggers)):  # 0026's
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
        connection.exec_driver_sql("DROP TABLE figure_days")
        connection.exec_driver_sql("DROP TABLE figure_dirty")
        connection.exec_driver_sql("DROP INDEX ix_cases_state_number")  # 0025's, on them
        connection.exec_driver_sql("DROP INDEX ix_cases_number")
        connection.exec_driver_sql("ALTER TABLE cases DROP COLUMN number_seq")
        connection.exec_driver_sql("ALTER TABLE cases DROP COLUMN number_year")
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0023'")
    db.upgrade()
    with db.engine.connect() as connection:
        query = "SELECT case_no, number_year || '/' || number_seq FROM cases"
        parts = {str(n): str(p) for n, p in connection.exec_driver_sql(query)}
    assert parts == {"醴法援〔2025〕第9号": "2025/9", "醴法援〔2025〕第10号": "2025/10",
                     "旧编号": "0/0"}  # fmt: skip
    db.dispose()
