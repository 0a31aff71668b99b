"""Pay that belongs to no case: 值班补贴 for the duty days on the rota (a per-day rate by
station kind), 代拟文书补贴 for documents drafted (a rate per piece) and 案件评查 fees for
case files inspected (a rate per file), each priced by the subsidy standard in force on its
day and paid in the same batches as case subsidies. A day, a piece or an inspection joins one
batch only, with the amount it was priced at."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import literal, select
from sqlalchemy.orm import Session, aliased

from legalaid.domain.aid_services import ServiceKind
from legalaid.domain.errors import ConflictError
from legalaid.domain.subsidy import (
    INSPECTION_ITEM,
    SubsidyStandard,
    drafting_rate,
    duty_day_rate,
)
from legalaid.services.commands.subsidies import stored_standards
from legalaid.storage.records import (
    AidServiceRecord,
    DutyShiftRecord,
    DutyStationRecord,
    FileInspectionRecord,
    FirmRecord,
    HandlerRecord,
    OfficeRecord,
)

DUTY, DRAFTING, INSPECTION = "值班", "代拟法律文书", INSPECTION_ITEM
UNITS = {DUTY: "日", DRAFTING: "件", INSPECTION: "份"}


@dataclass(frozen=True)
class ServicePayLine:
    """One handler's duty days (at one kind of station), drafted documents or inspected
    files (of one inspection subject) of a month."""

    item: str  # 值班 · 代拟法律文书 · 案件评查
    handler_id: int
    handler: str
    firm: str
    office: str
    detail: str  # the station's kind, or the document's kind
    month: str
    count: int
    amount: Decimal
    rule: str  # the standard's item and rate, e.g. 值班律师（看守所）200元/日
    payee: str = ""
    account: str = ""

    @property
    def unit(self) -> str:
        return UNITS[self.item]


@dataclass
class Priced:
    """What a batch takes: each duty shift's and each drafted piece's price."""

    shifts: dict[int, tuple[Decimal, str]] = field(default_factory=dict)
    pieces: dict[int, tuple[Decimal, str]] = field(default_factory=dict)
    inspections: dict[int, tuple[Decimal, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.shifts or self.pieces or self.inspections)

    unpriced: int = 0  # days or pieces no standard in force pays (left out)


def _firm_columns(firm: Any) -> tuple[Any, ...]:
    return (HandlerRecord.id.label("handler_id"), HandlerRecord.name.label("handler"),
            firm.name.label("firm"), HandlerRecord.bank_name.label("own_bank"),
            HandlerRecord.bank_account.label("own_account"),
            firm.bank_name.label("firm_bank"), firm.bank_account.label("firm_account"))  # fmt: skip


def _scoped(
    query: Any, office: Any, office_ids: frozenset[int] | None, firm: Any, firm_name: str | None
) -> Any:
    """The user's offices only, and one unit's handlers when asked."""
    if office_ids is not None:
        query = query.where(office.in_(sorted(office_ids)))
    if firm_name is not None:
        query = query.where(firm.name == firm_name)
    return query


def _duty_query(office_ids: frozenset[int] | None, firm_name: str | None = None) -> Any:
    firm = aliased(FirmRecord)
    query = (
        select(DutyShiftRecord.id.label("ident"), DutyShiftRecord.on_date.label("day"),
               DutyShiftRecord.amount, DutyStationRecord.kind.label("detail"),
               literal(1).label("quantity"), OfficeRecord.code, *_firm_columns(firm))
        .join(DutyStationRecord, DutyStationRecord.id == DutyShiftRecord.station_id)
        .join(OfficeRecord, OfficeRecord.id == DutyStationRecord.office_id)
        .join(HandlerRecord, HandlerRecord.id == DutyShiftRecord.handler_id)
        .outerjoin(firm, firm.id == HandlerRecord.firm_id)
    )  # fmt: skip
    return _scoped(query, DutyStationRecord.office_id, office_ids, firm, firm_name)


def _drafting_query(office_ids: frozenset[int] | None, firm_name: str | None = None) -> Any:
    """Drafted documents with a handler on file (the one paid for the piece)."""
    firm = aliased(FirmRecord)
    query = (
        select(AidServiceRecord.id.label("ident"), AidServiceRecord.served_on.label("day"),
               AidServiceRecord.amount, AidServiceRecord.channel.label("detail"),
               literal(1).label("quantity"), OfficeRecord.code, *_firm_columns(firm))
        .join(OfficeRecord, OfficeRecord.id == AidServiceRecord.office_id)
        .join(HandlerRecord, HandlerRecord.id == AidServiceRecord.handler_id)
        .outerjoin(firm, firm.id == HandlerRecord.firm_id)
        .where(AidServiceRecord.kind == ServiceKind.DRAFTING.value)
    )  # fmt: skip
    return _scoped(query, AidServiceRecord.office_id, office_ids, firm, firm_name)


def _inspection_query(office_ids: frozenset[int] | None, firm_name: str | None = None) -> Any:
    """File inspections (案件评查), paid to the inspector per file."""
    firm = aliased(FirmRecord)
    query = (
        select(FileInspectionRecord.id.label("ident"),
               FileInspectionRecord.inspected_on.label("day"), FileInspectionRecord.amount,
               FileInspectionRecord.subject.label("detail"),
               FileInspectionRecord.files.label("quantity"), OfficeRecord.code,
               *_firm_columns(firm))
        .join(OfficeRecord, OfficeRecord.id == FileInspectionRecord.office_id)
        .join(HandlerRecord, HandlerRecord.id == FileInspectionRecord.handler_id)
        .outerjoin(firm, firm.id == HandlerRecord.firm_id)
    )  # fmt: skip
    return _scoped(query, FileInspectionRecord.office_id, office_ids, firm, firm_name)


def _standard_on(standards: list[SubsidyStandard], day: date) -> SubsidyStandard | None:
    for standard in reversed(standards):  # the latest version in force that day
        if standard.in_force(day):
            return standard
    return None


def _price(
    standards: list[SubsidyStandard], item: str, day: date, detail: str | None, quantity: int = 1
) -> tuple[Decimal, str] | None:
    """The price of a day, a piece or an inspection (its files × the rate), and the rule."""
    standard = _standard_on(standards, day)
    if standard is None:
        return None
    if item == DUTY:
        found = duty_day_rate(standard, detail or "")
    elif item == DRAFTING:
        found = drafting_rate(standard, detail)
    else:
        rate = standard.per_piece.get(INSPECTION_ITEM)
        found = None if rate is None else (rate, INSPECTION_ITEM)
    if found is None:
        return None
    source = standard.clause_of("per_day" if item == DUTY else "per_piece")
    return found[0] * quantity, f"{found[1]}{found[0]}元/{UNITS[item]}（{source}）"


def _lines(item: str, rows: list[Any], priced: dict[int, tuple[Decimal, str]]) -> list[Any]:
    from legalaid.services.commands.payments import payee_of

    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in rows:
        if row.ident in priced:
            key = (row.handler_id, row.detail or "", row.code, row.day.strftime("%Y-%m"),
                   priced[row.ident][1])  # fmt: skip
            # A file inspection counts its files; a duty day or a drafted piece counts one.
            groups[key].append(row)
    lines = []
    for (handler_id, detail, office, month, rule), members in groups.items():
        first = members[0]
        payee, account = payee_of(first.handler, first.firm, (first.own_bank, first.own_account),
                                  (first.firm_bank, first.firm_account))  # fmt: skip
        lines.append(ServicePayLine(
            item=item, handler_id=handler_id, handler=first.handler, firm=first.firm or "",
            office=office, detail=detail, month=month, count=sum(m.quantity for m in members),
            amount=sum((priced[m.ident][0] for m in members), Decimal(0)), rule=rule,
            payee=payee, account=account,
        ))  # fmt: skip
    return lines


def _sorted(lines: list[ServicePayLine]) -> list[ServicePayLine]:
    order = {DUTY: 0, DRAFTING: 1, INSPECTION: 2}
    return sorted(lines, key=lambda x: (order[x.item], x.month, x.office, x.handler, x.detail))


def unbatched(
    session: Session,
    period_from: date,
    period_to: date,
    office_ids: frozenset[int] | None,
    handler_id: int | None = None,
    firm: str | None = None,
) -> tuple[list[ServicePayLine], Priced]:
    """Duty days, drafted pieces and file inspections of the period not yet in a batch,
    priced by the standard in force on each day: the lines and each one's price."""
    standards = [standard for _, standard in stored_standards(session)]
    priced = Priced()
    lines: list[ServicePayLine] = []
    for item, query, id_column, batch_column, day_column, target in (
        (DUTY, _duty_query(office_ids, firm), DutyShiftRecord.handler_id,
         DutyShiftRecord.batch_id, DutyShiftRecord.on_date, priced.shifts),
        (DRAFTING, _drafting_query(office_ids, firm), AidServiceRecord.handler_id,
         AidServiceRecord.batch_id, AidServiceRecord.served_on, priced.pieces),
        (INSPECTION, _inspection_query(office_ids, firm), FileInspectionRecord.handler_id,
         FileInspectionRecord.batch_id, FileInspectionRecord.inspected_on, priced.inspections),
    ):  # fmt: skip
        query = query.where(batch_column.is_(None), day_column.between(period_from, period_to))
        if handler_id is not None:
            query = query.where(id_column == handler_id)
        rows = list(session.execute(query))
        for row in rows:
            price = _price(standards, item, row.day, row.detail, row.quantity)
            if price is None:
                priced.unpriced += 1
            else:
                target[row.ident] = price
        lines += _lines(item, rows, target)
    return _sorted(lines), priced


def in_batch(session: Session, batch_id: int) -> list[ServicePayLine]:
    """The batch's lines of no case, at the amounts they were priced at."""
    lines: list[ServicePayLine] = []
    for item, query, batch_column in (
        (DUTY, _duty_query(None), DutyShiftRecord.batch_id),
        (DRAFTING, _drafting_query(None), AidServiceRecord.batch_id),
        (INSPECTION, _inspection_query(None), FileInspectionRecord.batch_id),
    ):
        rows = list(session.execute(query.where(batch_column == batch_id)))
        priced = {
            row.ident: (Decimal(row.amount),
                        f"{Decimal(row.amount) / row.quantity:.2f}元/{UNITS[item]}")
            for row in rows
        }  # fmt: skip
        lines += _lines(item, rows, priced)
    return _sorted(lines)


def paid_in(
    session: Session, start: date, end: date, office_ids: frozenset[int] | None
) -> dict[str, Decimal]:
    """Duty and drafting pay of the days in a period (the funding a notice publishes): the
    amount batched where there is one, else what the standard in force computes."""
    standards = [standard for _, standard in stored_standards(session)]
    totals = {DUTY: Decimal(0), DRAFTING: Decimal(0), INSPECTION: Decimal(0)}
    for item, query, day_column in (
        (DUTY, _duty_query(office_ids), DutyShiftRecord.on_date),
        (DRAFTING, _drafting_query(office_ids), AidServiceRecord.served_on),
        (INSPECTION, _inspection_query(office_ids), FileInspectionRecord.inspected_on),
    ):
        for row in session.execute(query.where(day_column.between(start, end))):
            if row.amount is not None:
                totals[item] += Decimal(row.amount)
            elif price := _price(standards, item, row.day, row.detail, row.quantity):
                totals[item] += price[0]
    return totals


def take_into_batch(session: Session, batch_id: int, priced: Priced) -> None:
    """Inside the batch's transaction: each priced day and piece joins the batch at its
    price, under a row lock; one another batch took meanwhile is a conflict."""
    _take(session, DutyShiftRecord, priced.shifts, batch_id)
    _take(session, AidServiceRecord, priced.pieces, batch_id)
    _take(session, FileInspectionRecord, priced.inspections, batch_id)


R = TypeVar("R", DutyShiftRecord, AidServiceRecord, FileInspectionRecord)


def _take(
    session: Session, record: type[R], prices: dict[int, tuple[Decimal, str]], batch_id: int
) -> None:
    taken = _locked(session, record, prices)
    if len(taken) != len(prices):
        raise ConflictError("值班、代拟文书或案件评查补贴已被其他发放批次选用，请重新选择")
    for row in taken:
        row.batch_id, row.amount = batch_id, prices[row.id][0]


def _locked(session: Session, record: type[R], prices: dict[int, tuple[Decimal, str]]) -> list[R]:
    if not prices:
        return []
    query = select(record).where(record.id.in_(sorted(prices)), record.batch_id.is_(None))
    return list(session.scalars(query.with_for_update()))
