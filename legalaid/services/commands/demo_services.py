"""Demo data for the forms of aid that are not cases: three to five consultations and 0.3–0.6
duty helps per case (national proportions, 法律援助法 s.22), some drafting, duty stations with
a weekday rota, and consultation targets — spread over the offices and the months."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import DRAFT_KINDS, Channel, DutyHelp, ServiceKind, join_help
from legalaid.domain.vocabulary import MATTER_CATEGORIES
from legalaid.storage import repositories as repo
from legalaid.storage.records import (
    AidServiceRecord,
    DutyShiftRecord,
    DutyStationRecord,
    HandlerRecord,
    OfficeRecord,
    TargetRecord,
)

CHUNK = 20_000
CHANNELS = ((Channel.VISIT, 40), (Channel.PHONE, 22), (Channel.HOTLINE, 20),
            (Channel.ONLINE, 12), (Channel.LETTER, 4), (Channel.OTHER, 2))  # fmt: skip
HELPS = ((DutyHelp.CONSULTATION, 45), (DutyHelp.PLEA_WITNESS, 30), (DutyHelp.PROCEDURE, 15),
         (DutyHelp.MEASURES, 6), (DutyHelp.REFERRAL, 4))  # fmt: skip
CHARGES = ("盗窃罪", "危险驾驶罪", "诈骗罪", "故意伤害罪", "帮助信息网络犯罪活动罪", "寻衅滋事罪")
QUESTIONS = ("如何申请法律援助", "对方拒不履行怎么办", "需要准备哪些证据", "诉讼时效是否已过",
             "能否申请先予执行", "赔偿标准如何计算")  # fmt: skip


def _weighted(rng: random.Random, options: Sequence[tuple[object, int]]) -> object:
    return rng.choices([v for v, _ in options], [w for _, w in options])[0]


def _stations(session: Session, offices: list[OfficeRecord]) -> list[tuple[int, int, str]]:
    """Two stations per office (the court's and the detention centre's): (id, office, name)."""
    found = []
    for office in offices:
        short = office.name.removesuffix("法律援助中心")
        for place, kind in (("人民法院", "人民法院"), ("看守所", "看守所")):
            name = f"{short}{place}值班律师工作站"
            ident = session.scalar(
                select(DutyStationRecord.id).where(
                    DutyStationRecord.office_id == office.id, DutyStationRecord.name == name
                )
            )
            if ident is None:
                record = DutyStationRecord(office_id=office.id, name=name, kind=kind, active=True)
                session.add(record)
                session.flush()
                ident = record.id
            found.append((ident, office.id, name))
    return found


def generate_services(
    session: Session,
    rng: random.Random,
    offices: list[OfficeRecord],
    cases: int,
    first_day: date,
    span: int,
    names: Sequence[str],
    actor: str,
    now: datetime,
) -> int:
    """Insert the services in bulk inside the demo's transaction; returns how many."""
    handlers = [
        (h.id, h.name)
        for h in session.scalars(select(HandlerRecord).where(HandlerRecord.active.is_(True)))
    ]
    stations = _stations(session, offices)
    _rota(session, rng, stations, handlers, first_day, span, actor)
    _consultation_targets(session, rng, offices, cases, first_day.year)
    total, rows = 0, []
    wanted = [(ServiceKind.CONSULTATION, round(cases * rng.uniform(3, 5))),
              (ServiceKind.DUTY_HELP, round(cases * rng.uniform(0.3, 0.6))),
              (ServiceKind.DRAFTING, round(cases * 0.08))]  # fmt: skip
    for kind, count in wanted:
        for _ in range(count):
            office = rng.choice(offices)
            day = first_day + timedelta(days=rng.randrange(span + 1))
            row = _service(rng, kind, office.id, day, names, handlers, stations)
            row.update(recorded_by=actor, recorded_at=now, case_id=None, answer=None)
            rows.append(row)
            if len(rows) >= CHUNK:
                repo.bulk_insert(session, AidServiceRecord, rows)
                total += len(rows)
                rows = []
    repo.bulk_insert(session, AidServiceRecord, rows)
    return total + len(rows)


def _service(
    rng: random.Random,
    kind: ServiceKind,
    office_id: int,
    day: date,
    names: Sequence[str],
    handlers: list[tuple[int, str]],
    stations: list[tuple[int, int, str]],
) -> dict[str, object]:
    matter = rng.choice(MATTER_CATEGORIES)
    row: dict[str, object] = {
        "office_id": office_id, "kind": kind.value, "served_on": day,
        "name": rng.choice(names), "gender": rng.choice(("男", "女")), "id_number": None,
        "phone": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}" if rng.random() < 0.3
        else None,
        "groups": rng.choice((None, None, None, "老年人", "农民工", "妇女", "残疾人")),
        "matter_category": None, "help_items": None, "station_id": None,
        "handler_id": None, "handler_name": None, "person_times": 1,
    }  # fmt: skip
    if kind is ServiceKind.CONSULTATION:
        row.update(channel=_weighted(rng, CHANNELS).value,  # type: ignore[attr-defined]
                   matter_category=matter, content=f"{matter}：{rng.choice(QUESTIONS)}",
                   handler_name="窗口值班人员",
                   person_times=1 if rng.random() < 0.9 else rng.randint(2, 4))  # fmt: skip
    elif kind is ServiceKind.DRAFTING:
        handler = rng.choice(handlers)
        row.update(channel=rng.choice(DRAFT_KINDS[:-1]), matter_category=matter,
                   content=f"{matter}纠纷", handler_id=handler[0],
                   handler_name=handler[1])  # fmt: skip
    else:
        own = [s for s in stations if s[1] == office_id] or stations
        station = rng.choice(own)
        handler = rng.choice(handlers)
        items = {_weighted(rng, HELPS)}
        if rng.random() < 0.3:
            items.add(_weighted(rng, HELPS))
        row.update(channel=station[2], station_id=station[0], content=rng.choice(CHARGES),
                   help_items=join_help(items),  # type: ignore[arg-type]
                   handler_id=handler[0], handler_name=handler[1])  # fmt: skip
    return row


def _rota(
    session: Session,
    rng: random.Random,
    stations: list[tuple[int, int, str]],
    handlers: list[tuple[int, str]],
    first_day: date,
    span: int,
    actor: str,
) -> None:
    """One lawyer a working day at each station (weekends stay empty)."""
    if session.scalar(select(DutyShiftRecord.id).limit(1)) is not None or not handlers:
        return
    rows = []
    for station, _office, _name in stations:
        for offset in range(span + 1):
            day = first_day + timedelta(days=offset)
            if day.weekday() < 5:
                handler = rng.choice(handlers)[0]
                rows.append({"station_id": station, "on_date": day, "handler_id": handler,
                             "recorded_by": actor})  # fmt: skip
    repo.bulk_insert(session, DutyShiftRecord, rows)


def _consultation_targets(
    session: Session, rng: random.Random, offices: list[OfficeRecord], cases: int, first: int
) -> None:
    per_office_year = cases / len(offices) / 2 * 4
    for office in offices:
        for year in (first, first + 1):
            target = session.get(TargetRecord, (office.id, year))
            if target is not None and target.consultations is None:
                target.consultations = max(1, round(per_office_year * rng.uniform(0.8, 1.4)))
