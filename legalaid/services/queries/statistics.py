"""Yearly statistics exactly by the definitions of interfaces.md (one computation feeds the
JSON and the reports).

Every figure is counted per office in one pass (grouped queries served by covering indexes);
an office's statistics and the totals are then sums of those counts, so a report with a line
per office costs no more than the totals.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, extract, func, or_, select
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import ServiceKind, split_help
from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.permissions import Action
from legalaid.domain.statistics import YearStatistics, period_end
from legalaid.domain.subsidy import SubsidyFacts, SubsidyStandard, calculate, days_from_text
from legalaid.domain.vocabulary import (
    CLOSED_STATES,
    NOT_CASES,
    SUBSIDY_STATES,
    CaseState,
    CaseType,
    HandlerType,
    QualityGrade,
    RegionTier,
    Stage,
)
from legalaid.services.commands.subsidies import LIFE_OR_DEATH, PaymentState, stored_standards
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import (
    AidServiceRecord,
    CaseGroupRecord,
    CaseRecord,
    CaseSubsidyRecord,
    HandlerRecord,
    OfficeRecord,
    TargetRecord,
)


@dataclass
class _Figures:
    """One office's raw counts for a period."""

    by_type: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)
    by_handler_type: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_day: Counter[date] = field(default_factory=Counter)
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
        for name in ("by_type", "by_source", "by_handler_type", "by_category", "by_day",
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


def _collect(
    session: Session,
    start: date,
    end: date,
    office_ids: frozenset[int] | None,
    standards: list[SubsidyStandard],
) -> dict[int, _Figures]:
    figures: dict[int, _Figures] = defaultdict(_Figures)
    within = _within(office_ids)
    in_period = _in_period(start, end, within)
    columns = (CaseRecord.office_id, CaseRecord.case_type, CaseRecord.source,
               CaseRecord.cross_region, CaseRecord.major_difficult)  # fmt: skip
    aided_sum = func.coalesce(func.sum(func.coalesce(CaseRecord.aided_persons, 1)), 0)
    for office, case_type, source, cross, major, count, aided in session.execute(
        select(*columns, func.count(), aided_sum).where(*in_period).group_by(*columns)
    ):
        f = figures[office]
        f.aided_persons += int(aided or 0)
        f.by_type[case_type] += count
        f.by_source[source] += count
        f.cross_region += count if cross else 0
        f.major_difficult += count if major else 0
    _count_days(session, in_period, figures)
    # By the current handler's type; cases without a handler are left out.
    for office, kind, count in session.execute(
        select(CaseRecord.office_id, HandlerRecord.handler_type, func.count())
        .join(HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
        .where(*in_period)
        .group_by(CaseRecord.office_id, HandlerRecord.handler_type)
    ):
        figures[office].by_handler_type[kind] += count
    # A case counts once per group it belongs to.
    for office, group, count in session.execute(
        select(CaseRecord.office_id, CaseGroupRecord.group_name, func.count())
        .join(CaseGroupRecord, CaseGroupRecord.case_id == CaseRecord.id)
        .where(*in_period)
        .group_by(CaseRecord.office_id, CaseGroupRecord.group_name)
    ):
        figures[office].by_category[group] += count

    _count_open_at_start(session, start, within, figures)
    closed_in_period = _closed_in_period(start, end, within)
    # One pass over the period's closed and terminated cases. Closed: 已结案 or 已归档 with
    # 结案日期 in the period; over those, 挽回经济损失 summed and cases by 质量等级 (ungraded left
    # out). Subsidy: also 终止; the amount paid where recorded, else what the standard computes.
    paid_columns = (CaseRecord.office_id, CaseRecord.state, CaseRecord.quality_grade,
                    CaseRecord.subsidy_paid.is_(None))  # fmt: skip
    closed_states = {s.value for s in CLOSED_STATES}
    for office, state, grade, unpaid, count, paid, recovered in session.execute(
        select(*paid_columns, func.count(), func.sum(CaseRecord.subsidy_paid),
               func.sum(CaseRecord.recovered_amount))
        .where(*closed_in_period, CaseRecord.state.in_([s.value for s in SUBSIDY_STATES]))
        .group_by(*paid_columns)
    ):  # fmt: skip
        f = figures[office]
        if state in closed_states:
            f.closed += count
            f.recovered += Decimal(recovered or 0)
            if grade:
                f.quality[grade] += count
        if not unpaid:
            f.subsidy += Decimal(paid or 0)
    # Approved but not yet paid: the amount approved (an adjustment included) — the figure
    # finance will pay, not a recomputation.
    reviewed = select(CaseSubsidyRecord.case_id).where(
        CaseSubsidyRecord.state == PaymentState.REVIEWED.value
    )
    for office, amount in session.execute(
        select(CaseRecord.office_id,
               func.sum(func.coalesce(CaseSubsidyRecord.override, CaseSubsidyRecord.computed)))
        .join(CaseSubsidyRecord, CaseSubsidyRecord.case_id == CaseRecord.id)
        .where(*closed_in_period, CaseRecord.subsidy_paid.is_(None),
               CaseSubsidyRecord.state == PaymentState.REVIEWED.value,
               CaseRecord.state.in_([s.value for s in SUBSIDY_STATES]))
        .group_by(CaseRecord.office_id)
    ):  # fmt: skip
        figures[office].subsidy += Decimal(amount or 0)
    _collect_services(session, start, end, office_ids, figures)
    # Otherwise unpaid: what the standard in force on the case's 指派日期 computes (per version).
    assigned = func.coalesce(CaseRecord.assigned_on, CaseRecord.accepted_on, CaseRecord.applied_on)
    unpaid_columns = (CaseRecord.office_id, CaseRecord.state, CaseRecord.case_type,
                      CaseRecord.stage, CaseRecord.cross_region, CaseRecord.major_difficult,
                      CaseRecord.region_tier, CaseRecord.aided_persons, CaseRecord.subsidy_days,
                      CaseRecord.stages_completed, CaseRecord.stages_total,
                      CaseRecord.terminated_share, CaseRecord.quality_grade,
                      CaseRecord.outcome, CaseRecord.hearing, CaseRecord.enforcement,
                      CaseRecord.notification_ground, CaseRecord.possible_life_or_death,
                      CaseRecord.joined_cases,
                      HandlerRecord.handler_type)  # fmt: skip
    for standard in standards:
        in_force = [assigned >= standard.effective_from]
        if standard.effective_to is not None:
            in_force.append(assigned <= standard.effective_to)
        rows = session.execute(
            select(*unpaid_columns, func.count())
            .outerjoin(HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
            .where(*closed_in_period, *in_force, CaseRecord.subsidy_paid.is_(None),
                   CaseRecord.id.not_in(reviewed),
                   CaseRecord.state.in_([s.value for s in SUBSIDY_STATES]))
            .group_by(*unpaid_columns)
        )  # fmt: skip
        for (office, state, case_type, stage, cross, major, tier, persons, days, done, total,
             share, grade, outcome, hearing, enforcement, ground, life, joined, handler_type,
             count) in rows:  # fmt: skip
            facts = SubsidyFacts(
                case_type=CaseType(case_type), stage=Stage(stage) if stage else None,
                handler_type=HandlerType(handler_type) if handler_type else None,
                cross_region=bool(cross), major_difficult=bool(major),
                region_tier=RegionTier(tier) if tier else None,
                extra_persons=max((persons or 1) - 1, 0), days=days_from_text(days),
                terminated=state == CaseState.TERMINATED.value,
                stages_completed=done or 0, stages_total=total or 0,
                quality_grade=QualityGrade(grade) if grade else None,
                outcome=Outcome(outcome) if outcome else None,
                hearing=Hearing(hearing) if hearing else None,
                enforcement=Enforcement(enforcement) if enforcement else None,
                life_or_death=bool(life) or ground in LIFE_OR_DEATH,
                extra_cases=max((joined or 1) - 1, 0),
                recorded_share=share,  # a clerk's share of a terminated case (its reason
            )  # fmt: skip                # words the breakdown only, not the amount)
            figures[office].subsidy += calculate(standard, facts).amount * count
    return figures


def _within(office_ids: frozenset[int] | None) -> list[Any]:
    return [] if office_ids is None else [CaseRecord.office_id.in_(sorted(office_ids))]


def _in_period(start: date, end: date, within: list[Any]) -> tuple[Any, ...]:
    """A case counts in the period when its 受理日期 falls in it; rejected and withdrawn
    applications are not cases (interfaces.md)."""
    return (
        CaseRecord.accepted_on >= start,
        CaseRecord.accepted_on <= end,
        CaseRecord.state.not_in([s.value for s in NOT_CASES]),
        *within,
    )


def _closed_in_period(start: date, end: date, within: list[Any]) -> tuple[Any, ...]:
    return (CaseRecord.closed_on >= start, CaseRecord.closed_on <= end, *within)


def _count_days(session: Session, in_period: tuple[Any, ...], figures: dict[int, _Figures]) -> None:
    """Cases per 受理日期 (their sum is the period's cases; by month for the reports)."""
    for office, day, count in session.execute(
        select(CaseRecord.office_id, CaseRecord.accepted_on, func.count())
        .where(*in_period)
        .group_by(CaseRecord.office_id, CaseRecord.accepted_on)
    ):
        if day is not None:
            figures[office].by_day[day] += count


def _count_open_at_start(
    session: Session, start: date, within: list[Any], figures: dict[int, _Figures]
) -> None:
    """Still open when the period began (the 结案率's other half): accepted before it, not
    closed before it."""
    for office, count in session.execute(
        select(CaseRecord.office_id, func.count())
        .where(CaseRecord.accepted_on < start, *within,
               CaseRecord.state.not_in([s.value for s in NOT_CASES]),
               or_(CaseRecord.closed_on.is_(None), CaseRecord.closed_on >= start))
        .group_by(CaseRecord.office_id)
    ):  # fmt: skip
        figures[office].open_at_start += count


def _collect_progress(
    session: Session,
    start: date,
    end: date,
    office_ids: frozenset[int] | None,
    _standards: list[SubsidyStandard],
) -> dict[int, _Figures]:
    """Only the figures of progress against a target: the cases (by day), those open when
    the period began and those closed in it — by the same definitions as ``_collect``."""
    figures: dict[int, _Figures] = defaultdict(_Figures)
    within = _within(office_ids)
    _count_days(session, _in_period(start, end, within), figures)
    _count_open_at_start(session, start, within, figures)
    for office, count in session.execute(
        select(CaseRecord.office_id, func.count())
        .where(*_closed_in_period(start, end, within),
               CaseRecord.state.in_([s.value for s in CLOSED_STATES]))
        .group_by(CaseRecord.office_id)
    ):  # fmt: skip
        figures[office].closed += count
    return figures


def _collect_services(
    session: Session,
    start: date,
    end: date,
    office_ids: frozenset[int] | None,
    figures: dict[int, _Figures],
) -> None:
    """Services dated in the period (interfaces.md): person-times by kind, 方式 and day; duty
    help rows by their items — two grouped scans of one covering index."""
    in_period = [AidServiceRecord.served_on >= start, AidServiceRecord.served_on <= end]
    if office_ids is not None:
        in_period.append(AidServiceRecord.office_id.in_(sorted(office_ids)))
    # Only a consultation's 方式 is a channel (duty help names a station, drafting a document
    # kind): the others are grouped without it. The period lies within one year, so the
    # month's number names the month.
    channel = case(
        (AidServiceRecord.kind == ServiceKind.CONSULTATION.value, AidServiceRecord.channel),
        else_=None,
    )
    month = extract("month", AidServiceRecord.served_on)
    columns = (AidServiceRecord.office_id, AidServiceRecord.kind, channel, month)
    for office, kind, way, number, times in session.execute(
        select(*columns, func.sum(AidServiceRecord.person_times))
        .where(*in_period)
        .group_by(*columns)
    ):
        figures[office].services[(kind, way, int(number))] += int(times or 0)
    for office, items, count in session.execute(
        select(AidServiceRecord.office_id, AidServiceRecord.help_items, func.count())
        .where(*in_period, AidServiceRecord.kind == ServiceKind.DUTY_HELP.value)
        .group_by(AidServiceRecord.office_id, AidServiceRecord.help_items)
    ):
        if items:
            figures[office].duty_help[items] += count


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
    for day, count in figures.by_day.items():
        months[day.strftime("%Y-%m")] += count
    stats = YearStatistics(year=year, until=end, office=office, target=target)
    stats.cases = sum(figures.by_day.values())
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
            year, end, code, f, {code: sum(f.by_day.values())},
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
