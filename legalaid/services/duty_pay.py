"""值班补贴: duty days from the rota, priced by the subsidy standard in force on each day
(a per-day rate by station kind), paid in the same batches as case subsidies as lines that
belong to no case. A shift joins one batch only, with the amount it was priced at."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from legalaid.domain.subsidy import SubsidyStandard, duty_day_rate
from legalaid.services.subsidies import stored_standards
from legalaid.storage.records import (
    DutyShiftRecord,
    DutyStationRecord,
    FirmRecord,
    HandlerRecord,
    OfficeRecord,
)


@dataclass(frozen=True)
class DutyLine:
    """One lawyer's duty days of a month at one kind of station."""

    handler_id: int
    handler: str
    firm: str
    office: str
    station_kind: str
    month: str
    days: int
    amount: Decimal
    rule: str  # the standard's item and rate, e.g. 值班律师（看守所）150元/日
    payee: str = ""
    account: str = ""


def _query(office_ids: frozenset[int] | None) -> Any:
    firm = aliased(FirmRecord)
    query = (
        select(DutyShiftRecord.id.label("shift"), DutyShiftRecord.on_date,
               DutyShiftRecord.amount, DutyStationRecord.kind, OfficeRecord.code,
               HandlerRecord.id.label("handler_id"), HandlerRecord.name.label("handler"),
               firm.name.label("firm"), HandlerRecord.bank_name.label("own_bank"),
               HandlerRecord.bank_account.label("own_account"),
               firm.bank_name.label("firm_bank"), firm.bank_account.label("firm_account"))
        .join(DutyStationRecord, DutyStationRecord.id == DutyShiftRecord.station_id)
        .join(OfficeRecord, OfficeRecord.id == DutyStationRecord.office_id)
        .join(HandlerRecord, HandlerRecord.id == DutyShiftRecord.handler_id)
        .outerjoin(firm, firm.id == HandlerRecord.firm_id)
        .order_by(DutyShiftRecord.on_date, DutyShiftRecord.id)
    )  # fmt: skip
    if office_ids is not None:
        query = query.where(DutyStationRecord.office_id.in_(sorted(office_ids)))
    return query


def _rate(standards: list[SubsidyStandard], day: date, kind: str) -> tuple[Decimal, str] | None:
    for standard in reversed(standards):  # the latest version in force that day
        if standard.in_force(day):
            found = duty_day_rate(standard, kind)
            return (found[0], f"{found[1]}{found[0]}元/日") if found else None
    return None


def _lines(rows: list[Any], priced: dict[int, tuple[Decimal, str]]) -> list[DutyLine]:
    from legalaid.services.payments import payee_of

    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in rows:
        if row.shift not in priced:
            continue
        rule = priced[row.shift][1]
        month = row.on_date.strftime("%Y-%m")
        groups[(row.handler_id, row.kind, row.code, month, rule)].append(row)
    lines = []
    for (handler_id, kind, office, month, rule), shifts in groups.items():
        first = shifts[0]
        payee, account = payee_of(first.handler, first.firm, (first.own_bank, first.own_account),
                                  (first.firm_bank, first.firm_account))  # fmt: skip
        lines.append(DutyLine(
            handler_id=handler_id, handler=first.handler, firm=first.firm or "", office=office,
            station_kind=kind, month=month, days=len(shifts),
            amount=sum((priced[s.shift][0] for s in shifts), Decimal(0)), rule=rule,
            payee=payee, account=account,
        ))  # fmt: skip
    return sorted(lines, key=lambda x: (x.month, x.office, x.handler, x.station_kind))


def unbatched(
    session: Session,
    period_from: date,
    period_to: date,
    office_ids: frozenset[int] | None,
    handler_id: int | None = None,
) -> tuple[list[DutyLine], dict[int, tuple[Decimal, str]], int]:
    """Duty days of the period not yet in a batch, priced by the standard in force on each
    day: the lines, each shift's price, and how many days no standard prices (left out)."""
    query = _query(office_ids).where(
        DutyShiftRecord.batch_id.is_(None),
        DutyShiftRecord.on_date.between(period_from, period_to),
    )
    if handler_id is not None:
        query = query.where(DutyShiftRecord.handler_id == handler_id)
    rows = list(session.execute(query))
    standards = [standard for _, standard in stored_standards(session)]
    priced: dict[int, tuple[Decimal, str]] = {}
    unpriced = 0
    for row in rows:
        rate = _rate(standards, row.on_date, row.kind)
        if rate is None:
            unpriced += 1
        else:
            priced[row.shift] = rate
    return _lines(rows, priced), priced, unpriced


def in_batch(session: Session, batch_id: int) -> list[DutyLine]:
    """The duty lines of a batch, at the amounts they were priced at when it was made."""
    rows = list(session.execute(_query(None).where(DutyShiftRecord.batch_id == batch_id)))
    priced = {row.shift: (Decimal(row.amount), _stored_rule(row)) for row in rows}
    return _lines(rows, priced)


def _stored_rule(row: Any) -> str:
    return f"值班 {Decimal(row.amount):.2f}元/日"


def duty_pay_in(
    session: Session, start: date, end: date, office_ids: frozenset[int] | None
) -> Decimal:
    """Duty pay of the days in a period: the amount batched where a shift is in a batch, else
    what the standard in force computes (the funding a year's notice publishes)."""
    rows = list(session.execute(_query(office_ids).where(
        DutyShiftRecord.on_date.between(start, end))))  # fmt: skip
    standards = [standard for _, standard in stored_standards(session)]
    total = Decimal(0)
    for row in rows:
        if row.amount is not None:
            total += Decimal(row.amount)
        elif (rate := _rate(standards, row.on_date, row.kind)) is not None:
            total += rate[0]
    return total
