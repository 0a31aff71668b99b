"""The 统计报表 target table reads only the figures of progress (progress_set): they are the
whole statistics' figures, office by office, for any year, date and office tree."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid.services.commands.demo import generate_demo
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.reporting import _office_lines, office_outlook
from legalaid.services.queries.statistics import daily_counts, progress_set, statistics_set
from legalaid.services.queries.work_summary import report_organisation


@pytest.fixture
def demo(ctx: Context) -> Context:
    generate_demo(ctx, cases=400, year=2026, seed=11)  # 2026 and 2025, every state
    return ctx


@pytest.mark.parametrize(
    ("year", "until", "office"),
    [(2026, None, None), (2026, date(2026, 6, 30), None), (2025, None, None),
     (2026, date(2026, 3, 15), "ZZ"), (2025, date(2025, 9, 1), "LL")],
)  # fmt: skip
def test_progress_figures_are_the_statistics_figures(
    demo: Context, year: int, until: date | None, office: str | None
) -> None:
    whole = statistics_set(demo, year=year, until=until, office_code=office)
    lean = progress_set(demo, year=year, until=until, office_code=office)
    assert lean.offices.keys() == whole.offices.keys()
    assert whole.total.cases > 0 and whole.total.closed > 0
    for code, stats in [(None, whole.total), *whole.offices.items()]:
        mine = lean.total if code is None else lean.offices[code]
        shown = ("cases", "closed", "open_at_start", "target", "by_month", "by_office", "until")
        assert {f: getattr(mine, f) for f in shown} == {f: getattr(stats, f) for f in shown}
        assert (mine.completion_pct, mine.time_pct, mine.double_half) == (
            stats.completion_pct,
            stats.time_pct,
            stats.double_half,
        )


def test_the_target_table_is_what_the_whole_statistics_give(demo: Context) -> None:
    lines = office_outlook(demo, year=2026, until=date(2026, 8, 31))
    _, offices, code = report_organisation(demo, None)
    now = statistics_set(demo, year=2026, until=date(2026, 8, 31), office_code=code)
    before = statistics_set(demo, year=2025, until=date(2025, 8, 31), office_code=code)
    assert lines == _office_lines(offices, now, before, daily_counts(demo, year=2025))
    assert sum(line.cases for line in lines) == now.total.cases
    assert any(line.previous_cases for line in lines) and any(line.closed for line in lines)
