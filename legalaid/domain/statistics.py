"""Statistics definitions: the period, time progress, completion and 双过半 (interfaces.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import CaseType


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


def double_half(until: date, cases: int, target: int | None) -> bool:
    """时间过半、任务过半: on or after 30 June with at least half the target done — the exact
    ratio, cases × 2 ≥ target (900 of 1801 is 49.97 %, not 双过半, though it rounds to 50.0)."""
    return bool(target) and until >= date(until.year, 6, 30) and cases * 2 >= (target or 0)


def behind_time(until: date, cases: int, target: int | None) -> bool:
    """Completion below time progress (慢于序时进度), compared exactly: cases ÷ target <
    days elapsed ÷ days in the year."""
    if not target:
        return False
    elapsed = (until - date(until.year, 1, 1)).days + 1
    return cases * days_in_year(until.year) < target * elapsed


def closing_rate(closed: int, open_at_start: int, cases: int) -> float | None:
    """结案率 as annual reports define it: cases closed in the period over the cases there
    were to handle — still open at its start plus accepted in it — so never above 100 %."""
    workload = open_at_start + cases
    return round_pct(Decimal(closed) * 100 / workload) if workload else None


class Standing(StrEnum):
    """Where an office stands against its target on a report's date — the one verdict every
    report, screen and export prints (never two that contradict each other)."""

    NO_TARGET = "未设任务"
    COMPLETED = "已完成"
    NOT_COMPLETED = "未完成"  # the year is over and the target was not reached
    DOUBLE_HALF = "实现双过半"
    NOT_DOUBLE_HALF = "未实现双过半"
    ON_PACE = "不慢于序时进度"  # before 30 June: measured against time progress, not 双过半
    BEHIND_PACE = "慢于序时进度"

    @property
    def short(self) -> str:
        """The table cell under 双过半 / 进度."""
        return {Standing.DOUBLE_HALF: "实现", Standing.NOT_DOUBLE_HALF: "未实现"}.get(
            self, self.value
        )

    @property
    def falls_short(self) -> bool:
        return self in (Standing.NOT_COMPLETED, Standing.NOT_DOUBLE_HALF, Standing.BEHIND_PACE)


def standing(until: date, cases: int, target: int | None) -> Standing:
    if not target:
        return Standing.NO_TARGET
    if cases >= target:
        return Standing.COMPLETED
    if until >= date(until.year, 12, 31):
        return Standing.NOT_COMPLETED
    if until >= date(until.year, 6, 30):
        return Standing.DOUBLE_HALF if cases * 2 >= target else Standing.NOT_DOUBLE_HALF
    return Standing.BEHIND_PACE if behind_time(until, cases, target) else Standing.ON_PACE


def at_risk(
    until: date, cases: int, target: int | None, forecast_midyear: int, forecast_year_end: int
) -> bool:
    """The forecast says the office will fall short of what is still open: before 30 June,
    half the target by then or the target by year end; after it, the target by year end.
    A decided question (a finished year, a target reached, a 30 June passed) is no risk."""
    if not target or cases >= target or until >= date(until.year, 12, 31):
        return False
    if until < date(until.year, 6, 30) and forecast_midyear * 2 < target:
        return True
    return forecast_year_end < target


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
    open_at_start: int = 0  # cases accepted before the period and still open when it began
    aided_persons: int = 0
    recovered_amount: Decimal = Decimal("0.00")
    quality: dict[str, int] = field(default_factory=dict)
    # The forms of aid that are not cases (人次 by 服务类型; consultations by 方式; duty-help
    # rows per 帮助内容 item) and the 法律咨询 target.
    services: dict[str, int] = field(default_factory=dict)
    consultations_by_channel: dict[str, int] = field(default_factory=dict)
    duty_by_help: dict[str, int] = field(default_factory=dict)
    services_by_month: dict[str, dict[str, int]] = field(default_factory=dict)
    consultation_target: int | None = None

    @property
    def consultations(self) -> int:
        return self.services.get("法律咨询", 0)

    @property
    def consultation_completion_pct(self) -> float | None:
        return completion_pct(self.consultations, self.consultation_target)

    @property
    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for case_type, count in self.by_type.items():
            kind = CaseType(case_type).kind
            kinds[kind] = kinds.get(kind, 0) + count
        return dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def completion_pct(self) -> float | None:
        return completion_pct(self.cases, self.target)

    @property
    def time_pct(self) -> float:
        return time_pct(self.until)

    @property
    def double_half(self) -> bool:
        return double_half(self.until, self.cases, self.target)

    @property
    def standing(self) -> Standing:
        return standing(self.until, self.cases, self.target)

    @property
    def behind_time(self) -> bool:
        return behind_time(self.until, self.cases, self.target)

    @property
    def closing_rate(self) -> float | None:
        return closing_rate(self.closed, self.open_at_start, self.cases)

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
            "by_kind": self.by_kind,
            "aided_persons": self.aided_persons,
            "recovered_amount": self.recovered_amount.quantize(Decimal("0.01")),
            "quality": self.quality,
            "services": self.services,
            "consultations_by_channel": self.consultations_by_channel,
            "duty_by_help": self.duty_by_help,
            "consultation_target": self.consultation_target,
            "consultation_completion_pct": self.consultation_completion_pct,
        }
