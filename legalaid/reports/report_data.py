"""Plain report data: what the services compute and the PDF and Excel writers print."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from legalaid.domain.statistics import (
    Standing,
    at_risk,
    behind_time,
    closing_rate,
    standing,
)


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

    until: date  # the report's date: the verdicts are as of then
    open_at_start: int = 0

    @property
    def standing(self) -> Standing:
        return standing(self.until, self.cases, self.target)

    @property
    def behind_schedule(self) -> bool:
        """Completion below time progress (序时进度), by the exact ratio."""
        return behind_time(self.until, self.cases, self.target)

    @property
    def at_risk(self) -> bool:
        return at_risk(self.until, self.cases, self.target,
                       self.forecast_midyear, self.forecast_year_end)  # fmt: skip

    @property
    def closing_rate(self) -> float | None:
        return closing_rate(self.closed, self.open_at_start, self.cases)


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
    # A paper sent or handed on: the issuing centre (with room for its seal), the people who
    # sign it and the date it goes out, all filled in by hand.
    signatures: tuple[str, ...] = ("填表人", "审核人", "负责人")
    dated: str = "报送日期"
    landscape: bool = False  # wide registers


SIGN_LINE = "＿" * 6
# No-break spaces: a paragraph would fold ordinary (and ideographic) spaces into one.
DATE_BLANK = "\u00a0" * 10 + "年" + "\u00a0" * 6 + "月" + "\u00a0" * 6 + "日"


def signoff_lines(report: Report) -> tuple[str, ...]:
    """The sign-off block as text (the PDF draws the seal's circle beside it)."""
    lines = [f"填报单位（盖章）：{report.organisation}"]
    for start in range(0, len(report.signatures), 3):  # three to a line: room to sign
        chunk = report.signatures[start : start + 3]
        lines.append("　　".join(f"{who}：{SIGN_LINE}" for who in chunk))
    if report.dated:
        lines.append(f"{report.dated}：{DATE_BLANK}")
    return tuple(lines)


def pct_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def money_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):,.2f}"
