"""Consultations, drafted documents and duty help (法律援助法 s.22): the desk registers them,
lists a day or a period, finds a returning person and turns one into an application."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from legalaid.domain.aid_services import (
    ServiceInput,
    ServiceKind,
    check_service,
    repeat_key,
    split_help,
)
from legalaid.domain.errors import NotFound, PermissionDenied, ValidationError
from legalaid.domain.identity import mask_id_number
from legalaid.domain.permissions import Action, Role
from legalaid.domain.vocabulary import Gender
from legalaid.reports.report_data import Report, Table
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import may, requires
from legalaid.services.plumbing.context import Context
from legalaid.storage import audit
from legalaid.storage.records import (
    AidServiceRecord,
    CaseRecord,
    DutyStationRecord,
    HandlerRecord,
    OfficeRecord,
    PersonRecord,
)

GROUP_SEPARATOR = "、"


class RepeatedService(ValidationError):
    """The same service is on file already (a second entry, or a ledger imported twice)."""

    def __init__(self, served_on: date, name: str) -> None:
        super().__init__(
            f"{served_on.isoformat()}已登记过{name}的同一事项；确属另一次服务的，请确认后再保存",
            field="服务对象",
        )


@dataclass(frozen=True)
class ServiceForm:
    """What the desk saves: the entry and where it belongs. ``station_id`` (duty help) names
    the station, ``handler_id`` who gave the help (their name is taken from the record)."""

    entry: ServiceInput
    office_code: str
    station_id: int | None = None
    handler_id: int | None = None
    allow_repeat: bool = False


@dataclass(frozen=True)
class ServiceEntry:
    """A stored service as lists and the desk show it (ID numbers masked unless allowed)."""

    id: int
    office_code: str
    kind: ServiceKind
    served_on: date
    channel: str | None
    station_id: int | None
    name: str
    gender: str | None
    id_number: str | None
    phone: str | None
    groups: tuple[str, ...]
    matter_category: str | None
    help_items: tuple[str, ...]
    content: str | None
    answer: str | None
    handler_name: str | None
    handler_id: int | None
    person_times: int
    case_id: int | None
    case_no: str | None
    recorded_by: str


@dataclass(frozen=True)
class ServiceFilter:
    """A list of services: a day or a period, a kind, text in name, phone, ID or content."""

    day_from: date | None = None
    day_to: date | None = None
    kind: ServiceKind | None = None
    text: str = ""
    office_code: str | None = None
    handler_id: int | None = None


@dataclass(frozen=True)
class ReturningPerson:
    """What the desk fills in for a person served before (a case or an earlier service)."""

    name: str
    gender: Gender | None
    id_number: str | None
    phone: str | None
    groups: tuple[str, ...]
    visits: int  # services on file for this person
    cases: int


def _own_duty_only(ctx: Context, kind: ServiceKind, handler_id: int | None) -> None:
    """A lawyer records only the duty help they gave themselves."""
    principal = ctx.principal
    if principal is None or principal.role is not Role.LAWYER:
        return
    if kind is not ServiceKind.DUTY_HELP:
        raise PermissionDenied(f"{principal.role.value}只能记录本人的值班律师法律帮助")
    if handler_id is None or handler_id != principal.handler_id:
        raise PermissionDenied("只能记录本人提供的值班律师法律帮助")


def _values(ctx: Context, session: Session, form: ServiceForm) -> dict[str, Any]:
    """The entry checked and ready to store; the station and handler chosen from the lists
    give the 方式 and the handler's name (so a duty help names its lawyer and station)."""
    office = session.scalar(select(OfficeRecord).where(OfficeRecord.code == form.office_code))
    if office is None:
        raise ValidationError(f"机构「{form.office_code}」不存在", field="机构")
    scope.require_office(ctx, session, office.id, f"机构「{office.name}」")
    entry = form.entry
    if form.station_id is not None:
        station = session.get(DutyStationRecord, form.station_id)
        if station is None or station.office_id not in scope.subtree(session, office.id):
            raise ValidationError("所选工作站不属于该机构", field="工作站")
        entry = replace(entry, channel=station.name)
    if form.handler_id is not None:
        handler = session.get(HandlerRecord, form.handler_id)
        if handler is None:
            raise NotFound(f"承办人员（编号{form.handler_id}）不存在")
        entry = replace(entry, handler_name=handler.name)
    checked = check_service(entry, today=ctx.today())
    return {
        "office_id": office.id, "kind": checked.kind.value, "served_on": checked.served_on,
        "channel": checked.channel, "station_id": form.station_id, "name": checked.name,
        "gender": checked.gender.value if checked.gender else None,
        "id_number": checked.id_number, "phone": checked.phone,
        "groups": GROUP_SEPARATOR.join(checked.groups) or None,
        "matter_category": checked.matter_category, "help_items": checked.help_items,
        "content": checked.content, "answer": checked.answer,
        "handler_name": checked.handler_name, "handler_id": form.handler_id,
        "person_times": checked.person_times,
    }  # fmt: skip


def _repeats(session: Session, values: dict[str, Any], *, besides: int | None = None) -> bool:
    query = select(AidServiceRecord).where(
        AidServiceRecord.office_id == values["office_id"],
        AidServiceRecord.served_on == values["served_on"],
        AidServiceRecord.kind == values["kind"],
        AidServiceRecord.name == values["name"],
    )
    if besides is not None:
        query = query.where(AidServiceRecord.id != besides)
    key = repeat_key(values["office_id"], values["served_on"], values["kind"], values["name"],
                     values["id_number"], values["content"], values["handler_name"])  # fmt: skip
    return any(
        repeat_key(r.office_id, r.served_on, r.kind, r.name, r.id_number, r.content, r.handler_name)
        == key
        for r in session.scalars(query)
    )


def _save(ctx: Context, form: ServiceForm) -> int:
    with ctx.writing() as uow:
        session = uow.session
        values = _values(ctx, session, form)
        if not form.allow_repeat and _repeats(session, values):
            raise RepeatedService(values["served_on"], values["name"])
        record = AidServiceRecord(**values, recorded_by=ctx.actor, recorded_at=ctx.now())
        session.add(record)
        uow.flush()
        audit.record(session, audit.Entry(
            "登记法律帮助", f"aid_services#{record.id}",
            detail={"类型": values["kind"], "日期": values["served_on"].isoformat()},
        ))  # fmt: skip
        uow.commit()
        return record.id


@requires(Action.REGISTER_SERVICE)
def register_service(ctx: Context, form: ServiceForm) -> int:
    """Register a consultation, a drafted document or a duty help (clerks, supervisors)."""
    return _save(ctx, form)


@requires(Action.RECORD_DUTY_HELP)
def record_duty_help(ctx: Context, form: ServiceForm) -> int:
    """A duty lawyer's own record of the help they gave (clerks may record it for them)."""
    _own_duty_only(ctx, form.entry.kind, form.handler_id)
    if form.entry.kind is not ServiceKind.DUTY_HELP:
        raise ValidationError("此处只记录值班律师法律帮助", field="服务类型")
    return _save(ctx, form)


def _editable(ctx: Context, session: Session, service_id: int) -> AidServiceRecord:
    record = session.get(AidServiceRecord, service_id)
    if record is None:
        raise NotFound(f"法律帮助记录（编号{service_id}）不存在")
    scope.require_office(ctx, session, record.office_id, "该法律帮助记录")
    _own_duty_only(ctx, ServiceKind(record.kind), record.handler_id)
    return record


@requires(Action.RECORD_DUTY_HELP)
def update_service(ctx: Context, service_id: int, form: ServiceForm) -> None:
    """Correct a record (the kind stays); clerks any, a duty lawyer their own duty help."""
    if ctx.principal is not None and not may(ctx, Action.REGISTER_SERVICE):
        _own_duty_only(ctx, form.entry.kind, form.handler_id)
    with ctx.writing() as uow:
        session = uow.session
        record = _editable(ctx, session, service_id)
        if record.kind != form.entry.kind.value:
            raise ValidationError("服务类型不能更改；请删除后重新登记", field="服务类型")
        values = _values(ctx, session, form)
        if not form.allow_repeat and _repeats(session, values, besides=service_id):
            raise RepeatedService(values["served_on"], values["name"])
        for key, value in values.items():
            setattr(record, key, value)
        audit.record(session, audit.Entry("更正法律帮助", f"aid_services#{service_id}"))
        uow.commit()


@requires(Action.RECORD_DUTY_HELP)
def delete_service(ctx: Context, service_id: int) -> None:
    """Remove a record entered by mistake (audited); one that became a case stays."""
    with ctx.writing() as uow:
        session = uow.session
        record = _editable(ctx, session, service_id)
        if record.case_id is not None:
            raise ValidationError("该记录已转为案件，不能删除", field="转为案件")
        audit.record(session, audit.Entry(
            "删除法律帮助", f"aid_services#{service_id}",
            detail={"类型": record.kind, "日期": record.served_on.isoformat()},
        ))  # fmt: skip
        session.delete(record)
        uow.commit()


def _entry(row: Any, codes: dict[int, str], full_id: bool) -> ServiceEntry:
    return ServiceEntry(
        id=row.id,
        office_code=codes.get(row.office_id, ""),
        kind=ServiceKind(row.kind),
        served_on=row.served_on,
        channel=row.channel,
        station_id=row.station_id,
        name=row.name,
        gender=row.gender,
        id_number=row.id_number if full_id else (mask_id_number(row.id_number) or None),
        phone=row.phone,
        groups=tuple(g for g in (row.groups or "").split(GROUP_SEPARATOR) if g),
        matter_category=row.matter_category,
        help_items=tuple(h.value for h in split_help(row.help_items)),
        content=row.content,
        answer=row.answer,
        handler_name=row.handler_name,
        handler_id=row.handler_id,
        person_times=row.person_times,
        case_id=row.case_id,
        case_no=row.case_no,
        recorded_by=row.recorded_by,
    )


def _query(ctx: Context, session: Session, filters: ServiceFilter) -> Any:
    query = select(AidServiceRecord.__table__, CaseRecord.case_no).outerjoin(
        CaseRecord, CaseRecord.id == AidServiceRecord.case_id
    )
    if filters.office_code:
        office = scope.office_by_code(ctx, session, filters.office_code)
        query = query.where(AidServiceRecord.office_id.in_(scope.subtree(session, office.id)))
    ids = scope.office_ids(ctx, session)
    if ids is not None:
        query = query.where(AidServiceRecord.office_id.in_(sorted(ids)))
    principal = ctx.principal
    handler_id = filters.handler_id
    if principal is not None and principal.role is Role.LAWYER:
        handler_id = principal.handler_id or -1  # a lawyer sees their own duty help only
    if handler_id is not None:
        query = query.where(AidServiceRecord.handler_id == handler_id)
    if filters.day_from is not None:
        query = query.where(AidServiceRecord.served_on >= filters.day_from)
    if filters.day_to is not None:
        query = query.where(AidServiceRecord.served_on <= filters.day_to)
    if filters.kind is not None:
        query = query.where(AidServiceRecord.kind == filters.kind.value)
    text = filters.text.strip()
    if text:
        like = f"%{text}%"
        query = query.where(or_(
            AidServiceRecord.name.like(like), AidServiceRecord.phone.like(like),
            AidServiceRecord.id_number == text.upper(), AidServiceRecord.content.like(like),
            AidServiceRecord.handler_name.like(like),
        ))  # fmt: skip
    return query


@requires(Action.VIEW_SERVICES)
def list_services(
    ctx: Context, filters: ServiceFilter = ServiceFilter(), *, limit: int = 500, offset: int = 0
) -> list[ServiceEntry]:
    """Newest first; the office scope applies, a lawyer sees their own duty help."""
    full_id = may(ctx, Action.VIEW_FULL_ID)
    with ctx.reading() as uow:
        session = uow.session
        codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
        query = _query(ctx, session, filters).order_by(
            AidServiceRecord.served_on.desc(), AidServiceRecord.id.desc()
        )
        rows = session.execute(query.limit(limit).offset(offset)).all()
        return [_entry(row, codes, full_id) for row in rows]


@requires(Action.VIEW_SERVICES)
def count_services(ctx: Context, filters: ServiceFilter = ServiceFilter()) -> tuple[int, int]:
    """Records and person-times (人次) of the list."""
    with ctx.reading() as uow:
        sub = _query(ctx, uow.session, filters).subquery()
        count, times = uow.session.execute(
            select(func.count(), func.coalesce(func.sum(sub.c.person_times), 0))
        ).one()
        return int(count), int(times)


@requires(Action.VIEW_SERVICES)
def get_service(ctx: Context, service_id: int) -> ServiceEntry:
    full_id = may(ctx, Action.VIEW_FULL_ID)
    with ctx.reading() as uow:
        session = uow.session
        codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
        row = session.execute(
            _query(ctx, session, ServiceFilter()).where(AidServiceRecord.id == service_id)
        ).first()
        if row is None:
            raise NotFound(f"法律帮助记录（编号{service_id}）不存在或不在您的机构范围内")
        return _entry(row, codes, full_id)


@requires(Action.VIEW_SERVICES)
def services_of_case(ctx: Context, case_id: int) -> list[ServiceEntry]:
    """The consultations or duty helps a case came from (转为案件, seen from the case)."""
    full_id = may(ctx, Action.VIEW_FULL_ID)
    with ctx.reading() as uow:
        session = uow.session
        codes = {i: c for i, c in session.execute(select(OfficeRecord.id, OfficeRecord.code))}
        query = _query(ctx, session, ServiceFilter()).where(AidServiceRecord.case_id == case_id)
        return [_entry(row, codes, full_id) for row in session.execute(query)]


@requires(Action.REGISTER_SERVICE)
def returning_person(
    ctx: Context, *, id_number: str | None = None, phone: str | None = None
) -> ReturningPerson | None:
    """A person served before, found by ID number or phone: the desk fills in what is on
    file (a case's person first, then the latest service) and says how often they came."""
    id_number = (id_number or "").strip().upper() or None
    phone = (phone or "").strip() or None
    if id_number is None and phone is None:
        return None
    with ctx.reading() as uow:
        session = uow.session
        ids = scope.office_ids(ctx, session)
        services = select(AidServiceRecord).where(
            AidServiceRecord.id_number == id_number
            if id_number
            else AidServiceRecord.phone == phone
        )
        if ids is not None:
            services = services.where(AidServiceRecord.office_id.in_(sorted(ids)))
        earlier = list(session.scalars(services.order_by(AidServiceRecord.served_on.desc())))
        persons = select(PersonRecord).where(
            PersonRecord.id_number == id_number if id_number else PersonRecord.phone == phone
        )
        person = session.scalars(persons).first()
        cases = 0
        if person is not None:
            case_query = select(func.count()).where(CaseRecord.person_id == person.id)
            if ids is not None:
                case_query = case_query.where(CaseRecord.office_id.in_(sorted(ids)))
            cases = int(session.scalar(case_query) or 0)
            if ids is not None and not cases:
                person = None  # a person known only to another office stays unseen
        if person is None and not earlier:
            return None
        latest = earlier[0] if earlier else None
        known: PersonRecord | AidServiceRecord | None = person if person is not None else latest
        assert known is not None
        phone_on_file = (person.phone if person is not None else None) or (
            latest.phone if latest is not None else None
        )
        groups = (latest.groups if latest is not None else None) or ""
        number = known.id_number
        return ReturningPerson(
            name=known.name,
            gender=Gender(known.gender) if known.gender else None,
            id_number=number if may(ctx, Action.VIEW_FULL_ID) else (mask_id_number(number) or None),
            phone=phone_on_file,
            groups=tuple(g for g in groups.split(GROUP_SEPARATOR) if g),
            visits=len(earlier),
            cases=cases,
        )


def link_case(ctx: Context, session: Session, service_id: int, case: CaseRecord) -> None:
    """Inside the registration of ``case``: the service it came from points to it."""
    record = session.get(AidServiceRecord, service_id)
    if record is None:
        raise NotFound(f"法律帮助记录（编号{service_id}）不存在")
    scope.require_office(ctx, session, record.office_id, "该法律帮助记录")
    if record.case_id is not None:
        raise ValidationError("该记录已转为案件", field="转为案件")
    record.case_id = case.id


def _register_rows(entries: list[ServiceEntry]) -> tuple[tuple[str, ...], ...]:
    return tuple(
        (str(n), e.served_on.isoformat(), e.channel or "", e.name, e.gender or "",
         e.phone or "", "、".join(e.groups), e.matter_category or "", e.content or "",
         e.answer or "", e.handler_name or "", str(e.person_times), e.case_no or "")
        for n, e in enumerate(entries, start=1)
    )  # fmt: skip


@requires(Action.REGISTER_SERVICE, audited="打印咨询登记表")
def consultation_register(
    ctx: Context, *, day_from: date, day_to: date, office_code: str | None = None
) -> Report:
    """法律援助咨询登记表 of a day or a period: every consultation in date order, the
    person-times totalled (ID numbers are not printed on it)."""
    from legalaid.services.queries.work_summary import report_organisation

    if day_to < day_from:
        raise ValidationError("结束日期早于开始日期", field="结束日期")
    organisation, _, office_code = report_organisation(ctx, office_code)
    filters = ServiceFilter(day_from=day_from, day_to=day_to, kind=ServiceKind.CONSULTATION,
                            office_code=office_code)  # fmt: skip
    entries = list_services(ctx, filters, limit=100_000)
    entries.sort(key=lambda e: (e.served_on, e.id))
    times = sum(e.person_times for e in entries)
    period = (day_from.isoformat() if day_from == day_to
              else f"{day_from.isoformat()}至{day_to.isoformat()}")  # fmt: skip
    return Report(
        title="法律援助咨询登记表",
        organisation=organisation,
        period=period,
        generated_on=ctx.today(),
        summary=(f"共登记法律咨询{len(entries)}条，{times}人次。",),
        tables=(
            Table(
                title="咨询登记",
                headers=(
                    "序号",
                    "日期",
                    "方式",
                    "咨询人",
                    "性别",
                    "联系电话",
                    "人群类别",
                    "事项类别",
                    "咨询内容",
                    "答复意见",
                    "解答人",
                    "人次",
                    "转为案件",
                ),
                rows=_register_rows(entries),
                widths=(5, 10, 5, 6, 4, 11, 7, 7, 15, 15, 6, 4, 11),
            ),
        ),
        signatures=("登记人", "负责人"),
        dated="日期",
        landscape=True,
    )


def write_consultation_register(
    ctx: Context, *, day_from: date, day_to: date, out: Path, office_code: str | None = None
) -> Report:
    """The register as a PDF (or an Excel workbook), written whole or not at all."""
    from legalaid.reports.report_pdf import write_pdf
    from legalaid.reports.report_workbook import write_workbook
    from legalaid.services.plumbing.files import write_whole

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"登记表应为 .pdf 或 .xlsx 文件，现为「{out.name}」", field="文件")
    report = consultation_register(ctx, day_from=day_from, day_to=day_to, office_code=office_code)
    writer = write_pdf if suffix == ".pdf" else write_workbook
    write_whole(out, lambda target: writer(report, target))
    return report
