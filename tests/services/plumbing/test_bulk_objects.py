"""The ledger's raised garbage-collection threshold comes back however imports overlap (the
desktop's worker and a background import run on two threads)."""

from __future__ import annotations

import gc

from legalaid.services.plumbing.ledger_files import bulk_objects


def test_overlapping_imports_give_the_usual_thresholds_back() -> None:
    usual = gc.get_threshold()
    first, second = bulk_objects(), bulk_objects()
    first.__enter__()
    second.__enter__()
    assert gc.get_threshold()[0] >= 200_000
    first.__exit__(None, None, None)  # the first ends while the second still runs
    assert gc.get_threshold()[0] >= 200_000
    second.__exit__(None, None, None)
    assert gc.get_threshold() == usual
