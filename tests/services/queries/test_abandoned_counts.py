"""A count the window no longer wants (a newer search came) stops instead of running on, and
leaves the connection as it found it."""

from __future__ import annotations

import pytest

from legalaid.services.commands.demo import generate_demo
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases, count_cases_unless
from legalaid.storage import repositories


@pytest.fixture
def demo(ctx: Context) -> Context:
    generate_demo(ctx, cases=200, year=2026, seed=5)
    return ctx


def test_a_wanted_count_is_the_count(demo: Context) -> None:
    wanted = CaseFilter(query="z")
    assert count_cases_unless(demo, wanted, lambda: False) == count_cases(demo, wanted) > 0


def test_a_count_abandoned_before_it_starts_reads_nothing(demo: Context) -> None:
    assert count_cases_unless(demo, CaseFilter(query="z"), lambda: True) is None


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_stops_a_count_abandoned_on_the_way(
    demo: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repositories, "_PROGRESS_STEPS", 10)
    asked: list[bool] = []

    def abandoned() -> bool:  # wanted when it starts, given up while SQLite counts
        asked.append(True)
        return len(asked) > 1

    pinyin = CaseFilter(query="z")  # a count SQLite walks row by row
    total = count_cases(demo, pinyin)
    assert count_cases_unless(demo, pinyin, abandoned) is None
    assert len(asked) > 1
    # The handler is gone with the count: the next reads run to their end.
    assert count_cases(demo, pinyin) == total > 0
    assert count_cases_unless(demo, pinyin, lambda: False) == total
