"""Forecasting an office's yearly count from its pace and last year's monthly pattern."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from legalaid.domain.statistics import days_in_year


@dataclass(frozen=True)
class Forecast:
    at_midyear: int  # expected cases by 30 June
    at_year_end: int
    basis: str  # one line stating how it was computed


def _share_by(day: date, daily: Mapping[date, int]) -> Decimal | None:
    """Share of last year's cases accepted on or before the same day of the year."""
    total = sum(daily.values())
    if total == 0:
        return None
    done = sum(n for d, n in daily.items() if (d.month, d.day) <= (day.month, day.day))
    return Decimal(done) / total


def forecast(cases_so_far: int, until: date, previous_year_daily: Mapping[date, int]) -> Forecast:
    """Scale this year's count by how far last year had got at the same date; without last
    year's data (or before it had any cases), by the share of the year gone."""
    midyear = date(until.year, 6, 30)
    share_now = _share_by(until, previous_year_daily)
    if share_now and share_now >= Decimal("0.02"):
        year_end = Decimal(cases_so_far) / share_now
        share_mid = _share_by(midyear, previous_year_daily) or Decimal(0)
        pct = (share_now * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        basis = f"按上年同期进度推算：上年截至{until.month}月{until.day}日完成全年的{pct}%"
    else:
        elapsed = Decimal((until - date(until.year, 1, 1)).days + 1)
        total_days = Decimal(days_in_year(until.year))
        year_end = Decimal(cases_so_far) * total_days / elapsed
        share_mid = Decimal((midyear - date(until.year, 1, 1)).days + 1) / total_days
        basis = "按本年日均进度推算（上年同期无可比数据）"
    at_mid = cases_so_far if until >= midyear else max(cases_so_far, round(year_end * share_mid))
    return Forecast(
        at_midyear=int(at_mid), at_year_end=max(cases_so_far, round(year_end)), basis=basis
    )
