"""Forecasts from last year's pattern, or from this year's pace when there is none."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from legalaid.domain.forecast import forecast


def _even_year(year: int, per_day: int) -> dict[date, int]:
    start = date(year, 1, 1)
    return {start + timedelta(days=i): per_day for i in range(365)}


@pytest.mark.parametrize(
    ("cases", "until", "previous", "midyear", "year_end", "basis"),
    [
        # Last year evenly spread: by 31 March 90/365 of the year was done.
        (900, date(2025, 3, 31), _even_year(2023, 10), 1810, 3650, "上年同期"),
        # Last year all in the second half: nothing comparable yet → pace of this year.
        (90, date(2025, 3, 31), {date(2024, 9, 1): 500}, 181, 365, "日均进度"),
        (0, date(2025, 3, 31), {}, 0, 0, "日均进度"),
        # At or after 30 June the midyear figure is what happened.
        (1200, date(2025, 6, 30), _even_year(2023, 10), 1200, 2420, "上年同期"),
    ],
)
def test_forecast(
    cases: int, until: date, previous: dict[date, int], midyear: int, year_end: int, basis: str
) -> None:
    result = forecast(cases, until, previous)
    assert (result.at_midyear, result.at_year_end) == (midyear, year_end)
    assert basis in result.basis


def test_forecast_never_below_what_is_done() -> None:
    result = forecast(500, date(2025, 12, 1), _even_year(2023, 1))
    assert result.at_year_end >= 500 and result.at_midyear >= 500
