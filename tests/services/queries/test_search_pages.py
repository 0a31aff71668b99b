"""A search matching many cases reads its page by walking the list's order (SQLite): the
pages are the very rows, in the very order, that looking every match up and sorting gives."""

from __future__ import annotations

import pytest

from legalaid.services.commands.demo import generate_demo
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, find_cases
from legalaid.storage import repositories


@pytest.fixture
def demo(ctx: Context) -> Context:
    generate_demo(ctx, cases=300, year=2026, seed=5)
    return ctx


def _pages(ctx: Context, query: str, order: str) -> list[list[int]]:
    pages: list[list[int]] = []
    after = None
    for _ in range(50):  # keyset paging continues after the last row read
        rows = find_cases(ctx, CaseFilter(query=query), limit=40, order=order, after=after,
                          offset=sum(map(len, pages)))  # fmt: skip
        pages.append([row.id for row in rows])
        if len(rows) < 40:
            return pages
        after = rows[-1]
    raise AssertionError(f"paging never ends: {pages[-2:]}")


@pytest.mark.parametrize("query", ["z", "l", "202", "王", "138"])
@pytest.mark.parametrize("order", ["number", "applied_on", "due_on", "id"])
def test_broad_searches_give_the_same_pages_either_way(
    demo: Context, monkeypatch: pytest.MonkeyPatch, query: str, order: str
) -> None:
    looked_up = _pages(demo, query, order)  # fewer matches than BROAD_SEARCH here
    monkeypatch.setattr(repositories, "BROAD_SEARCH", 5)  # now every search is broad
    walked = _pages(demo, query, order)
    assert walked == looked_up and walked[0]
    if query == "202":  # every case number: several pages
        assert len(walked) >= 3
