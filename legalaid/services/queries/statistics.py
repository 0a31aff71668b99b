"""Yearly statistics exactly by the definitions of interfaces.md (one computation feeds the
JSON and the reports).

Every figure is summed per office from the daily summary (daily_figures: the days changed
since it was last summed are counted from the cases themselves); an office's statistics and
the totals are then sums of those counts, so a report with a line per office costs no more
than the totals.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import ServiceKind, split_help
from legalaid.domain.permissions import Action
from legalaid.domain.statistics import YearStatistics, period_end
from legalaid.domain.subsidy import SubsidyStandard
from legalaid.domain.vocabulary import NOT_CASES
from legalaid.services.commands.subsidies import stored_standards
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.daily_figures import (
    ACCEPTED,
    BASES,
    CLOSED,
    EARLIEST,
    Figure,
    recounted,
    refresh,
    summed,
)
from legalaid.storage.records import CaseRecord, OfficeRecord, TargetRecord


@dataclass
class _Figures:
    """One office's raw counts for a period."""

    by_type: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)
    by_handler_type: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_month: Counter[date] = field(default_factory=Counter)  # cases, by the month's 1st day
    cross_region: int = 0
    major_difficult: int = 0
    closed: int = 0
    open_at_start: int = 0
    aided_persons: int = 0
    recovered: Decimal = Decimal(0)
    quality: Counter[str] = field(default_factory=Counter)
    subsidy: Decimal = Decimal(0)
    # The forms of aid that are not cases: person-times by (服务类型, 方式 of a consultation,
    # month number), duty-help rows by 帮助内容 as stored (items joined by 、).
    services: Counter[tuple[str, str | None, int]] = field(default_factory=Counter)
    duty_help: Counter[str] = field(default_factory=Counter)

    def add(self, other: _Figures) -> None:
        for name in ("by_type", "by_source", "by_handler_type", "by_category", "by_month",
                     "services", "duty_help"):  # fmt: skip
            getattr(self, name).update(getattr(other, name))
        self.cross_region += other.cross_region
        self.major_difficult += other.major_difficult
        self.closed += other.closed
        self.open_at_start += other.open_at_start
        self.aided_persons += other.aided_persons
        self.recovered += other.recovered
        self.quality.update(other.quality)
        self.subsidy += other.subsidy


def _ranked(counts: Counter[str]) -> dict[str, int]:
    """Largest first (ties by name), zero counts left out."""
    return {k: v for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if v}


Source = Callable[..., Iterator[Figure]]


def _collect(
    session: Session,
    start: date,
    end: date,
    office_ids: frozenset[int] | None,
    standards: list[SubsidyStandard],
    *,
    source: Source = summed,
    wanted: frozenset[str] | None = None,
) -> dict[int, _Figures]:
    """Every figure of the period per office, from the daily summary (``source=recounted``:
    from the cases and services themselves, the reference the summary is checked against)."""
    figures: dict[int, _Figures] = defaultdict(_Figures)
    for basis in BASES:
        for row in source(session, basis, start, end, office_ids=office_ids, wanted=wanted,
                          standards=standards):  # fmt: skip
            _fold(figures[row.office], row, start.year)
    # Still open when the period began (the 结案率's other half): accepted before it, less
    # those of them closed before it (the summary counts closed cases by the year accepted).
    before = start - timedelta(days=1)
    for row in source(session, ACCEPTED, EARLIEST, before, office_ids=office_ids,
                      wanted=frozenset({"cases"})):  # fmt: skip
        figures[row.office].open_at_start += row.n
    for row in source(session, CLOSED, EARLIEST, before, office_ids=office_ids,
                      wanted=frozenset({"closed_acc"})):  # fmt: skip
        if row.key < f"{start.year:04d}":
            figures[row.office].open_at_start -= row.n
    return figures


def _fold(f: _Figures, row: Figure, year: int) -> None:
    """One summed figure into an office's counts (daily_figures names the figures)."""
    name, key, n = row.figure, row.key, row.n
    if name == "cases":
        f.by_month[date(year, row.month, 1)] += n
    elif name in ("type", "source", "handler", "group", "quality"):
        {"type": f.by_type, "source": f.by_source, "handler": f.by_handler_type,
         "group": f.by_category, "quality": f.quality}[name][key] += n  # fmt: skip
    elif name == "cross":
        f.cross_region += n
    elif name == "major":
        f.major_difficult += n
    elif name == "aided":
        f.aided_persons += n
    elif name == "closed":
        f.closed += n
    elif name == "recovered":
        f.recovered += Decimal(row.fen) / 100
    elif name == "subsidy":
        f.subsidy += Decimal(row.fen) / 100
    elif name == "service":
        f.services[(key, row.sub or None, row.month)] += n
    elif name == "help":
        f.duty_help[key] += n


def _collect_progress(
    session: Session,
    start: date,
    end: date,
    office_ids: frozenset[int] | None,
    standards: list[SubsidyStandard],
) -> dict[int, _Figures]:
    """Only the figures of progress against a target: the cases (by month), those open when
    the period began and those closed in it — by the same definitions as ``_collect``."""
    return _collect(session, start, end, office_ids, standards,
                    wanted=frozenset({"cases", "closed"}))  # fmt: skip


def _statistics(
    year: int,
    end: date,
    office: str | None,
    figures: _Figures,
    by_office: dict[str, int],
    target: int | None,
    consultation_target: int | None = None,
) -> YearStatistics:
    months: Counter[str] = Counter()
    for first, count in figures.by_month.items():
        months[first.strftime("%Y-%m")] += count
    stats = YearStatistics(year=year, until=end, office=office, target=target)
    stats.cases = sum(figures.by_month.values())
    stats.by_type = _ranked(figures.by_type)
    stats.by_source = _ranked(figures.by_source)
    stats.by_handler_type = _ranked(figures.by_handler_type)
    stats.by_category = _ranked(figures.by_category)
    stats.by_office = _ranked(Counter(by_office))
    stats.by_month = dict(sorted(months.items()))
    stats.cross_region = figures.cross_region
    stats.major_difficult = figures.major_difficult
    stats.closed = figures.closed
    stats.open_at_start = figures.open_at_start
    stats.aided_persons = figures.aided_persons
    stats.recovered_amount = figures.recovered.quantize(Decimal("0.01"))
    stats.quality = _ranked(figures.quality)
    stats.subsidy_total = figures.subsidy.quantize(Decimal("0.01"))
    services: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    service_months: dict[str, Counter[str]] = defaultdict(Counter)
    for (kind, channel, month), times in figures.services.items():
        services[kind] += times
        service_months[kind][f"{year}-{month:02d}"] += times
        if channel:
            channels[channel] += times
    help_rows: Counter[str] = Counter()
    for items, count in figures.duty_help.items():
        for item in split_help(items):  # a row with two items counts in both
            help_rows[item.value] += count
    # In the contract's order (法律咨询, 代拟法律文书, 值班律师法律帮助), zero counts left out.
    stats.services = {k.value: services[k.value] for k in ServiceKind if services[k.value]}
    stats.consultations_by_channel = _ranked(channels)
    stats.duty_by_help = _ranked(help_rows)
    stats.services_by_month = {
        k.value: dict(sorted(service_months[k.value].items()))
        for k in ServiceKind
        if k.value in service_months
    }
    stats.consultation_target = consultation_target
    return stats


def _targets(session: Session, year: int) -> dict[int, tuple[int, int | None]]:
    """Per office: the year's case target and its consultation target (人次) if set."""
    rows = session.execute(
        select(TargetRecord.office_id, TargetRecord.cases, TargetRecord.consultations).where(
            TargetRecord.year == year
        )
    )
    return {
        office: (int(cases), None if times is None else int(times)) for office, cases, times in rows
    }


@dataclass(frozen=True)
class StatisticsSet:
    """The period's statistics in total and per office, from one pass."""

    total: YearStatistics
    offices: dict[str, YearStatistics]


def statistics_set(
    ctx: Context, *, year: int, until: date | None = None, office_code: str | None = None
) -> StatisticsSet:
    """Totals (all offices, or ``office_code`` and the offices below it) and each office's
    own statistics. A user with an office gets their own office's tree when none is given,
    and is refused an office outside it (office scope)."""
    return _statistics_set(ctx, year, until, office_code, _collect)


def progress_set(
    ctx: Context, *, year: int, until: date | None = None, office_code: str | None = None
) -> StatisticsSet:
    """As ``statistics_set`` with the figures of progress only — 案件数 (by month and
    office), 结案数, open at the start, the targets and what follows from them (完成率,
    双过半) — and every other figure left empty: the 统计报表 screen's target table, a tenth
    of the whole computation at a million cases."""
    return _statistics_set(ctx, year, until, office_code, _collect_progress)


def recount_set(
    ctx: Context, *, year: int, until: date | None = None, office_code: str | None = None
) -> StatisticsSet:
    """As ``statistics_set`` with every figure counted from the cases and services, the daily
    summary unread: the truth the summary is checked against (``legalaid figures check``)."""
    return _statistics_set(ctx, year, until, office_code, _collect_recounted)


def _collect_recounted(
    session: Session,
    start: date,
    end: date,
    office_ids: frozenset[int] | None,
    standards: list[SubsidyStandard],
) -> dict[int, _Figures]:
    return _collect(session, start, end, office_ids, standards, source=recounted)


def _statistics_set(
    ctx: Context,
    year: int,
    until: date | None,
    office_code: str | None,
    collect: Callable[
        [Session, date, date, frozenset[int] | None, list[SubsidyStandard]], dict[int, _Figures]
    ],
) -> StatisticsSet:
    end = period_end(year, until, ctx.today())
    refresh(ctx.db)  # best effort: the days not summed yet are counted from the cases
    with ctx.reading() as uow:
        session = uow.session
        codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
        if office_code is None:
            office_code = scope.home_code(ctx, session)
        office_ids: frozenset[int] | None = None
        if office_code is not None:
            office_ids = scope.subtree(session, scope.office_by_code(ctx, session, office_code).id)
            codes = {i: c for i, c in codes.items() if i in office_ids}
        standards = [standard for _, standard in stored_standards(session)]
        figures = collect(session, date(year, 1, 1), end, office_ids, standards)
        targets = {i: t for i, t in _targets(session, year).items() if i in codes}
    total = _Figures()
    offices = {}
    for ident, code in codes.items():
        f = figures.get(ident, _Figures())
        total.add(f)
        own = targets.get(ident)
        offices[code] = _statistics(
            year, end, code, f, {code: sum(f.by_month.values())},
            own[0] if own else None, own[1] if own else None,
        )  # fmt: skip
    by_office = {code: stats.cases for code, stats in offices.items()}
    # The target of a tree is the sum of its offices' targets, as for all offices together.
    target = sum(cases for cases, _ in targets.values()) if targets else None
    consulting = [times for _, times in targets.values() if times is not None]
    return StatisticsSet(
        total=_statistics(year, end, office_code, total, by_office, target,
                          sum(consulting) if consulting else None),
        offices=offices,
    )  # fmt: skip


@requires(Action.STATISTICS)
def year_statistics(
    ctx: Context, *, year: int, until: date | None = None, office_code: str | None = None
) -> YearStatistics:
    """The statistics of one office, or of all offices together (``stats --json``)."""
    return statistics_set(ctx, year=year, until=until, office_code=office_code).total


def daily_counts(ctx: Context, *, year: int) -> dict[str, dict[date, int]]:
    """Cases per 受理日期 over a whole year, per office (the pattern forecasts scale by)."""
    with ctx.reading() as uow:
        session = uow.session
        codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
        figures = _collect_days(session, year)
    result: dict[str, dict[date, int]] = {code: {} for code in codes.values()}
    for office_id, day, count in figures:
        result[codes[office_id]][day] = count
    return result


def _collect_days(session: Session, year: int) -> list[Any]:
    return list(
        session.execute(
            select(CaseRecord.office_id, CaseRecord.accepted_on, func.count())
            .where(
                CaseRecord.accepted_on >= date(year, 1, 1),
                CaseRecord.accepted_on <= date(year, 12, 31),
                CaseRecord.state.not_in([s.value for s in NOT_CASES]),
            )
            .group_by(CaseRecord.office_id, CaseRecord.accepted_on)
        )
    )
