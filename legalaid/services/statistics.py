"""Yearly statistics exactly by the definitions of interfaces.md (one computation feeds the
JSON and the reports)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from legalaid.domain.errors import NotFound
from legalaid.domain.statistics import YearStatistics, period_end
from legalaid.domain.subsidy import default_subsidy
from legalaid.domain.vocabulary import (
    CLOSED_STATES,
    NOT_CASES,
    SUBSIDY_STATES,
    CaseState,
    CaseType,
    Stage,
)
from legalaid.services.context import Context
from legalaid.storage import repositories as repo
from legalaid.storage.records import CaseGroupRecord, CaseRecord, HandlerRecord, OfficeRecord


def year_statistics(
    ctx: Context, *, year: int, until: date | None = None, office_code: str | None = None
) -> YearStatistics:
    end = period_end(year, until, ctx.today())
    start = date(year, 1, 1)
    with ctx.reading() as uow:
        session = uow.session
        office_id: int | None = None
        if office_code is not None:
            office = repo.office_by_code(session, office_code)
            if office is None:
                raise NotFound(f"机构「{office_code}」不存在")
            office_id = office.id

        def scoped(query: Any) -> Any:
            return query if office_id is None else query.where(CaseRecord.office_id == office_id)

        # A case counts in the period when its 受理日期 falls in it; rejected and withdrawn
        # applications are not cases.
        in_period = (
            CaseRecord.accepted_on >= start,
            CaseRecord.accepted_on <= end,
            CaseRecord.state.not_in([s.value for s in NOT_CASES]),
        )

        def grouped(column: Any, *joins: Any) -> dict[str, int]:
            query = select(column, func.count()).select_from(CaseRecord)
            for target, on in joins:
                query = query.join(target, on)
            query = scoped(query.where(*in_period)).group_by(column)
            counts = {str(k): int(v) for k, v in session.execute(query) if k is not None}
            return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

        stats = YearStatistics(year=year, until=end, office=office_code)
        stats.cases = int(
            session.scalar(scoped(select(func.count()).select_from(CaseRecord).where(*in_period)))
            or 0
        )
        stats.by_type = grouped(CaseRecord.case_type)
        stats.by_source = grouped(CaseRecord.source)
        stats.by_handler_type = grouped(
            HandlerRecord.handler_type, (HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
        )
        stats.by_category = grouped(
            CaseGroupRecord.group_name, (CaseGroupRecord, CaseGroupRecord.case_id == CaseRecord.id)
        )
        stats.by_office = grouped(
            OfficeRecord.code, (OfficeRecord, OfficeRecord.id == CaseRecord.office_id)
        )
        months: Counter[str] = Counter()
        for day, count in session.execute(
            scoped(select(CaseRecord.accepted_on, func.count()).where(*in_period)).group_by(
                CaseRecord.accepted_on
            )
        ):
            months[day.strftime("%Y-%m")] += int(count)
        stats.by_month = dict(sorted(months.items()))
        stats.cross_region = int(
            session.scalar(
                scoped(
                    select(func.count())
                    .select_from(CaseRecord)
                    .where(*in_period, CaseRecord.cross_region.is_(True))
                )
            )
            or 0
        )
        stats.major_difficult = int(
            session.scalar(
                scoped(
                    select(func.count())
                    .select_from(CaseRecord)
                    .where(*in_period, CaseRecord.major_difficult.is_(True))
                )
            )
            or 0
        )

        closed_in_period = (CaseRecord.closed_on >= start, CaseRecord.closed_on <= end)
        stats.closed = int(
            session.scalar(
                scoped(
                    select(func.count())
                    .select_from(CaseRecord)
                    .where(
                        *closed_in_period, CaseRecord.state.in_([s.value for s in CLOSED_STATES])
                    )
                )
            )
            or 0
        )
        stats.subsidy_total = _subsidy_total(session, scoped, closed_in_period)
        stats.target = repo.target_for(session, year, office_id)
        return stats


def _subsidy_total(session: Any, scoped: Any, closed_in_period: tuple[Any, ...]) -> Decimal:
    """Amounts paid where recorded, else what the standard computes (interfaces.md)."""
    due = (*closed_in_period, CaseRecord.state.in_([s.value for s in SUBSIDY_STATES]))
    paid = session.scalar(scoped(select(func.sum(CaseRecord.subsidy_paid)).where(*due)))
    total = Decimal(paid or 0)
    unpaid = session.execute(
        scoped(
            select(
                CaseRecord.case_type,
                CaseRecord.stage,
                CaseRecord.cross_region,
                CaseRecord.major_difficult,
                CaseRecord.state,
                func.count(),
            )
            .where(*due, CaseRecord.subsidy_paid.is_(None))
            .group_by(
                CaseRecord.case_type,
                CaseRecord.stage,
                CaseRecord.cross_region,
                CaseRecord.major_difficult,
                CaseRecord.state,
            )
        )
    )
    for case_type, stage, cross_region, major, state, count in unpaid:
        amount = default_subsidy(
            CaseType(case_type),
            Stage(stage) if stage else None,
            cross_region=bool(cross_region),
            major_difficult=bool(major),
            terminated=state == CaseState.TERMINATED.value,
        ).amount
        total += amount * int(count)
    return total.quantize(Decimal("0.01"))


def daily_counts(ctx: Context, *, year: int, office_code: str | None = None) -> dict[date, int]:
    """Cases per 受理日期 over a whole year (the pattern the forecast scales by)."""
    with ctx.reading() as uow:
        query = (
            select(CaseRecord.accepted_on, func.count())
            .where(
                CaseRecord.accepted_on >= date(year, 1, 1),
                CaseRecord.accepted_on <= date(year, 12, 31),
                CaseRecord.state.not_in([s.value for s in NOT_CASES]),
            )
            .group_by(CaseRecord.accepted_on)
        )
        if office_code is not None:
            office = repo.office_by_code(uow.session, office_code)
            query = query.where(CaseRecord.office_id == (office.id if office else -1))
        return {day: int(count) for day, count in uow.session.execute(query) if day is not None}
