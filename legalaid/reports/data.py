"""Plain report data: what the services compute and the PDF and Excel writers print."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class OfficeLine:
    code: str
    name: str
    target: int | None
    cases: int
    completion_pct: float | None
    time_pct: float
    double_half: bool
    previous_cases: int
    closed: int
    forecast_midyear: int
    forecast_year_end: int
    forecast_basis: str

    @property
    def behind_schedule(self) -> bool:
        """Completion below time progress (序时进度)."""
        return self.completion_pct is not None and self.completion_pct < self.time_pct

    @property
    def at_risk(self) -> bool:
        """The forecast misses half the target by 30 June or the target by year end."""
        if not self.target:
            return False
        return self.forecast_midyear * 2 < self.target or self.forecast_year_end < self.target


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    highlight_rows: frozenset[int] = frozenset()  # row indexes to mark (e.g. behind schedule)
    widths: tuple[float, ...] | None = None  # relative column widths; None: first wider


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar" (monthly trend) or "pie" (shares)
    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]
    previous: tuple[int, ...] | None = None  # last year's series for comparison


@dataclass(frozen=True)
class Report:
    title: str
    organisation: str  # the office name, or the city's offices together
    period: str
    generated_on: date
    summary: tuple[str, ...]
    tables: tuple[Table, ...]
    charts: tuple[Chart, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = field(default_factory=tuple)


def pct_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def money_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):,.2f}"
