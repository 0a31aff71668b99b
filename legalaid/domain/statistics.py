"""Statistics definitions: the period, time progress, completion and 双过半 (interfaces.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from legalaid.domain.errors import ValidationError


def period_end(year: int, until: date | None, today: date) -> date:
    """The date given, else 31 December — or today while the year is still running."""
    if until is not None:
        if until.year != year:
            raise ValidationError(f"截止日期{until.isoformat()}不在{year}年内", field="截止日期")
        return until
    if year == today.year:
        return today
    return date(year, 12, 31)


def days_in_year(year: int) -> int:
    return (date(year, 12, 31) - date(year, 1, 1)).days + 1


def round_pct(value: Decimal) -> float:
    """Percentages are rounded half-up to one decimal."""
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def time_pct(until: date) -> float:
    """Days from 1 January through ``until`` over the days in the year (序时进度)."""
    elapsed = (until - date(until.year, 1, 1)).days + 1
    return round_pct(Decimal(elapsed) * 100 / days_in_year(until.year))


def completion_pct(cases: int, target: int | None) -> float | None:
    if not target:
        return None
    return round_pct(Decimal(cases) * 100 / target)


def double_half(until: date, completion: float | None) -> bool:
    """时间过半、任务过半: on or after 30 June with at least half the target done."""
    if completion is None:
        return False
    return until >= date(until.year, 6, 30) and completion >= 50


@dataclass
class YearStatistics:
    """The figures behind the reports; ``as_json`` gives the contract's layout."""

    year: int
    until: date
    office: str | None
    cases: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    by_handler_type: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_office: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    closed: int = 0
    cross_region: int = 0
    major_difficult: int = 0
    subsidy_total: Decimal = Decimal("0.00")
    target: int | None = None

    @property
    def completion_pct(self) -> float | None:
        return completion_pct(self.cases, self.target)

    @property
    def time_pct(self) -> float:
        return time_pct(self.until)

    @property
    def double_half(self) -> bool:
        return double_half(self.until, self.completion_pct)

    def as_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "until": self.until.isoformat(),
            "office": self.office,
            "cases": self.cases,
            "by_type": self.by_type,
            "by_source": self.by_source,
            "by_handler_type": self.by_handler_type,
            "by_category": self.by_category,
            "by_office": self.by_office,
            "by_month": self.by_month,
            "closed": self.closed,
            "cross_region": self.cross_region,
            "major_difficult": self.major_difficult,
            "subsidy_total": self.subsidy_total.quantize(Decimal("0.01")),
            "target": self.target,
            "completion_pct": self.completion_pct,
            "time_pct": self.time_pct,
            "double_half": self.double_half,
        }
