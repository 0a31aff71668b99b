"""Page after page, the case list holds every case once, in order, whatever the sort."""

from __future__ import annotations

import pytest

from legalaid.services.cases import CaseRow, find_cases
from legalaid.services.context import Context
from legalaid.services.demo import generate_demo


@pytest.mark.parametrize("order", ["id", "applied_on", "state", "accepted_on", "due_on"])
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
