"""Duty stations (值班律师工作站) and the duty rota: which lawyer is on duty where and when.
The rota is what duty pay counts (per day, by station kind)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import CHANNEL_LENGTH, StationKind
from legalaid.domain.errors import NotFound, ValidationError
from legalaid.domain.permissions import Action
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.storage import audit
from legalaid.storage.records import (
    DutyShiftRecord,
    DutyStationRecord,
    HandlerRecord,
    OfficeRecord,
)

# A rota is edited a month at a time; a longer span is a typing mistake.
MAX_SPAN_DAYS = 400


@dataclass(frozen=True)
class Station:
    id: int
    office_code: str
    name: str
    kind: StationKind
    address: str | None
    active: bool


@dataclass(frozen=True)
class Shift:
    id: int
    station_id: int
    station: str
    on_date: date
    handler_id: int
    handler: str


def _station(record: DutyStationRecord, codes: dict[int, str]) -> Station:
    return Station(id=record.id, office_code=codes.get(record.office_id, ""), name=record.name,
                   kind=StationKind(record.kind), address=record.address,
                   active=record.active)  # fmt: skip


@requires(Action.VIEW_SERVICES)
def list_stations(ctx: Context, *, include_inactive: bool = False) -> list[Station]:
    with ctx.reading() as uow:
        session = uow.session
        codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
        query = select(DutyStationRecord).order_by(
            DutyStationRecord.office_id, DutyStationRecord.name
        )
        ids = scope.office_ids(ctx, session)
        if ids is not None:
            query = query.where(DutyStationRecord.office_id.in_(sorted(ids)))
        if not include_inactive:
            query = query.where(DutyStationRecord.active.is_(True))
        return [_station(record, codes) for record in session.scalars(query)]


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("「工作站名称」不能为空", field="工作站名称")
    if len(name) > CHANNEL_LENGTH:
        raise ValidationError(f"「工作站名称」过长（最多{CHANNEL_LENGTH}字）", field="工作站名称")
    return name


@requires(Action.MANAGE_DUTY)
def save_station(
    ctx: Context,
    *,
    office_code: str,
    name: str,
    kind: StationKind,
    address: str | None = None,
    station_id: int | None = None,
    active: bool = True,
) -> int:
    """Add a station, or change one (its name, kind, address, whether it is still used)."""
    name = _check_name(name)
    with ctx.writing() as uow:
        session = uow.session
        office = scope.office_by_code(ctx, session, office_code)
        clash = session.scalar(
            select(DutyStationRecord.id).where(
                DutyStationRecord.office_id == office.id, DutyStationRecord.name == name
            )
        )
        if clash is not None and clash != station_id:
            raise ValidationError(f"{office.name}已有工作站「{name}」", field="工作站名称")
        if station_id is None:
            record = DutyStationRecord(
                office_id=office.id,
                name=name,
                kind=kind.value,
                address=(address or "").strip() or None,
                active=active,
            )
            session.add(record)
            uow.flush()
        else:
            record = _own_station(ctx, session, station_id)
            record.office_id, record.name, record.kind = office.id, name, kind.value
            record.address, record.active = (address or "").strip() or None, active
        audit.record(session, audit.Entry("设置值班工作站", f"duty_stations#{record.id}",
                                          detail={"名称": name}))  # fmt: skip
        uow.commit()
        return record.id


def _own_station(ctx: Context, session: Session, station_id: int) -> DutyStationRecord:
    record = session.get(DutyStationRecord, station_id)
    if record is None:
        raise NotFound(f"工作站（编号{station_id}）不存在")
    scope.require_office(ctx, session, record.office_id, f"工作站「{record.name}」")
    return record


def station_for_name(session: Session, office_id: int, name: str) -> int:
    """The station an imported row names, created (kind from its name) when new."""
    found = session.scalar(
        select(DutyStationRecord.id).where(
            DutyStationRecord.office_id == office_id, DutyStationRecord.name == name
        )
    )
    if found is not None:
        return found
    record = DutyStationRecord(office_id=office_id, name=name, kind=StationKind.guess(name).value,
                               active=True)  # fmt: skip
    session.add(record)
    session.flush()
    return record.id


def _span(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("结束日期早于开始日期", field="结束日期")
    if (end - start).days > MAX_SPAN_DAYS:
        raise ValidationError(f"一次最多查看{MAX_SPAN_DAYS}天的值班安排", field="结束日期")


@requires(Action.VIEW_SERVICES)
def shifts_between(
    ctx: Context, start: date, end: date, *, station_id: int | None = None
) -> list[Shift]:
    """The rota from ``start`` to ``end`` (inclusive), by day and station."""
    _span(start, end)
    with ctx.reading() as uow:
        session = uow.session
        query = (
            select(
                DutyShiftRecord.id,
                DutyShiftRecord.station_id,
                DutyStationRecord.name,
                DutyShiftRecord.on_date,
                DutyShiftRecord.handler_id,
                HandlerRecord.name,
            )
            .join(DutyStationRecord, DutyStationRecord.id == DutyShiftRecord.station_id)
            .join(HandlerRecord, HandlerRecord.id == DutyShiftRecord.handler_id)
            .where(DutyShiftRecord.on_date.between(start, end))
            .order_by(DutyShiftRecord.on_date, DutyStationRecord.name, HandlerRecord.name)
        )
        if station_id is not None:
            query = query.where(DutyShiftRecord.station_id == station_id)
        ids = scope.office_ids(ctx, session)
        if ids is not None:
            query = query.where(DutyStationRecord.office_id.in_(sorted(ids)))
        return [Shift(*row) for row in session.execute(query)]


@requires(Action.MANAGE_DUTY)
def set_shift(
    ctx: Context, *, station_id: int, on_date: date, handler_id: int, on_duty: bool = True
) -> None:
    """Put a lawyer on duty at a station on a day, or take them off (idempotent)."""
    with ctx.writing() as uow:
        session = uow.session
        station = _own_station(ctx, session, station_id)
        handler = session.get(HandlerRecord, handler_id)
        if handler is None:
            raise NotFound(f"承办人员（编号{handler_id}）不存在")
        existing = session.scalar(
            select(DutyShiftRecord).where(
                DutyShiftRecord.station_id == station_id,
                DutyShiftRecord.on_date == on_date,
                DutyShiftRecord.handler_id == handler_id,
            )
        )
        if on_duty and existing is None:
            if not handler.active:
                raise ValidationError(f"{handler.name}已停用，不能排班", field="值班律师")
            session.add(
                DutyShiftRecord(
                    station_id=station.id,
                    on_date=on_date,
                    handler_id=handler_id,
                    recorded_by=ctx.actor,
                )
            )
        elif not on_duty and existing is not None:
            if existing.batch_id is not None:
                raise ValidationError(
                    f"{on_date.isoformat()}{handler.name}的值班已列入发放批次，不能取消",
                    field="值班律师",
                )
            session.delete(existing)
        else:
            return
        audit.record(session, audit.Entry(
            "排班" if on_duty else "取消排班", f"duty_stations#{station_id}",
            detail={"日期": on_date.isoformat(), "值班律师": handler.name},
        ))  # fmt: skip
        uow.commit()


@requires(Action.MANAGE_DUTY)
def copy_week(ctx: Context, *, station_id: int, source_monday: date, weeks: int) -> int:
    """Repeat one week's rota of a station over the following ``weeks`` weeks (the usual
    fixed weekly duty); days already planned keep what they have. Returns shifts added."""
    if source_monday.weekday() != 0:
        raise ValidationError("请从周一开始复制", field="开始日期")
    if not 1 <= weeks <= 26:
        raise ValidationError("复制周数应为1–26", field="周数")
    with ctx.writing() as uow:
        session = uow.session
        _own_station(ctx, session, station_id)
        week = list(session.execute(
            select(DutyShiftRecord.on_date, DutyShiftRecord.handler_id).where(
                DutyShiftRecord.station_id == station_id,
                DutyShiftRecord.on_date.between(source_monday, source_monday + timedelta(6)),
            )
        ))  # fmt: skip
        end = source_monday + timedelta(days=7 * weeks + 6)
        planned = {
            day for (day,) in session.execute(
                select(DutyShiftRecord.on_date).where(
                    DutyShiftRecord.station_id == station_id,
                    DutyShiftRecord.on_date.between(source_monday + timedelta(7), end),
                )
            )
        }  # fmt: skip
        added = 0
        for n in range(1, weeks + 1):
            for day, handler_id in week:
                target = day + timedelta(days=7 * n)
                if target in planned:
                    continue
                session.add(
                    DutyShiftRecord(
                        station_id=station_id,
                        on_date=target,
                        handler_id=handler_id,
                        recorded_by=ctx.actor,
                    )
                )
                added += 1
        audit.record(session, audit.Entry("复制排班", f"duty_stations#{station_id}",
                                          detail={"自": source_monday.isoformat(), "周数": weeks,
                                                  "新增": added}))  # fmt: skip
        uow.commit()
        return added


@requires(Action.VIEW_SERVICES)
def duty_days(ctx: Context, start: date, end: date) -> dict[tuple[int, StationKind], int]:
    """Days on duty per (handler, station kind) in the period: what duty pay counts (a
    lawyer at two stations on one day is on duty twice)."""
    days: Counter[tuple[int, StationKind]] = Counter()
    for shift_kind, handler_id in _duty_rows(ctx, start, end):
        days[(handler_id, shift_kind)] += 1
    return dict(days)


def _duty_rows(ctx: Context, start: date, end: date) -> list[tuple[StationKind, int]]:
    with ctx.reading() as uow:
        session = uow.session
        query = (
            select(DutyStationRecord.kind, DutyShiftRecord.handler_id)
            .join(DutyStationRecord, DutyStationRecord.id == DutyShiftRecord.station_id)
            .where(DutyShiftRecord.on_date.between(start, end))
        )
        ids = scope.office_ids(ctx, session)
        if ids is not None:
            query = query.where(DutyStationRecord.office_id.in_(sorted(ids)))
        return [(StationKind(kind), handler) for kind, handler in session.execute(query)]
