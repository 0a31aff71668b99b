"""A search matching many cases reads its page by walking the list's order (SQLite): the
pages are the very rows, in the very order, that looking every match up and sorting gives."""

from __future__ import annotations

import pytest

from legalaid.services.commands.demo import generate_demo
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import cases
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
    monkeypatch.setattr(cases, "HEAD_ORDERS", frozenset())  # the head is another test's
    looked_up = _pages(demo, query, order)  # fewer matches than BROAD_SEARCH here
    monkeypatch.setattr(repositories, "BROAD_SEARCH", 5)  # now every search is broad
    walked = _pages(demo, query, order)
    assert walked == looked_up and walked[0]
    if query == "202":  # every case number: several pages
        assert len(walked) >= 3


@pytest.mark.parametrize("query", ["z", "l", "202", "王", "138", "zs", "张三"])
@pytest.mark.parametrize("order", ["number", "id"])
@pytest.mark.parametrize("head", [10, 60, 150, 4000])
@pytest.mark.parametrize("backend", ["sqlite"])  # PostgreSQL has its trigram indexes
def test_a_page_found_at_the_head_of_the_list_is_the_page(
    demo: Context, monkeypatch: pytest.MonkeyPatch, query: str, order: str, head: int
) -> None:
    """SQLite looks for a search's page among the first cases of the list first (testing
    each one's search row): whether the head holds the page (a common match), holds part of
    it (then the usual way reads it) or is the whole list, every page — by keyset and by
    offset, newest or oldest first — is the one the indexes give."""
    monkeypatch.setattr(cases, "HEAD_ORDERS", frozenset())
    expected = _pages(demo, query, order)
    everything = [case_id for page in expected for case_id in page]
    oldest = [r.id for r in find_cases(demo, CaseFilter(query=query), limit=1000, order=order,
                                       descending=False)]  # fmt: skip
    monkeypatch.setattr(cases, "HEAD_ORDERS", frozenset({"id", "number"}))
    monkeypatch.setattr(cases, "HEAD_ROWS", head)
    assert _pages(demo, query, order) == expected
    for offset in (0, 7, 40):
        page = find_cases(demo, CaseFilter(query=query), limit=20, order=order, offset=offset)
        assert [r.id for r in page] == everything[offset : offset + 20]
    ascending = find_cases(demo, CaseFilter(query=query), limit=1000, order=order,
                           descending=False)  # fmt: skip
    assert [r.id for r in ascending] == oldest
    # With another filter beside the search: the head is of the filtered list.
    office = CaseFilter(query=query, office_code="ZZ")
    monkeypatch.setattr(cases, "HEAD_ORDERS", frozenset())
    filtered = [r.id for r in find_cases(demo, office, limit=1000, order=order)]
    monkeypatch.setattr(cases, "HEAD_ORDERS", frozenset({"id", "number"}))
    assert [r.id for r in find_cases(demo, office, limit=1000, order=order)] == filtered
