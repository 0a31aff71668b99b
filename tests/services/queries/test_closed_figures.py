"""挽回经济损失 and 质量等级 count over the cases closed in the period (已结案, 已归档) only — a
terminated case (终止) with an amount and a grade on file adds to neither, though its subsidy
falls due in the same pass."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.statistics import year_statistics
from tests.services.plumbing.test_ledger_files import extended_rows, write_csv


def test_recovered_and_quality_count_closed_cases_only(offices: Context, tmp_path: Path) -> None:
    rows = extended_rows()
    terminated = [row for row in rows if row["状态"] == "已结案"][::4]  # ended by 终止 instead
    for row in terminated:
        row["状态"], row["结案方式"] = "终止", ""
        row["挽回经济损失"], row["质量等级"] = "777777.00", "优秀"
    assert len(terminated) >= 5
    import_ledger(offices, write_csv(tmp_path / "ledger.csv", rows))
    for year in (2025, 2026):
        closed = [row for row in rows if row["状态"] in ("已结案", "已归档")
                  and row["结案日期"].startswith(str(year))]  # fmt: skip
        stats = year_statistics(offices, year=year, until=date(year, 12, 31))
        assert stats.recovered_amount == sum(
            (Decimal(row["挽回经济损失"] or 0) for row in closed), Decimal("0.00")
        )
        assert stats.quality == dict(Counter(r["质量等级"] for r in closed if r["质量等级"]))
        assert stats.closed == len(closed)
