"""Intake and review (受理与审查): registering applications and notifications, 补正, decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.errors import DuplicateCase, PersonChanged, ValidationError
from legalaid.domain.identity import normalize_phone, parse_id_number
from legalaid.domain.lifecycle import PENDING_DECISION, initial_state
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import (
    AdvanceGround,
    CaseSource,
    CaseState,
    CaseType,
    Gender,
    NotificationGround,
    RegionTier,
    RepresentativeKind,
    Stage,
)
from legalaid.services.commands.aid_services import link_case
from legalaid.services.commands.escalations import recognise_case
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import (
    CaseRef,
    allocate_case_numbers,
    commit_case,
    load_case,
    log_event,
    move,
    on_or_today,
    refresh_search,
)
from legalaid.services.plumbing.case_deadlines import deadline_rules, refresh_deadline
from legalaid.services.plumbing.context import Context
from legalaid.storage import repositories as repo
from legalaid.storage.records import AssignmentRecord, CaseGroupRecord, CaseRecord, PersonRecord


@dataclass(frozen=True)
class PersonInput:
    """The aided person (受援人) as typed at intake."""

    name: str
    id_number: str | None = None
    gender: Gender | None = None
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class RepresentativeInput:
    """The applicant's 法定代理人 or 近亲属 (法律援助法 s.40)."""

    kind: RepresentativeKind
    name: str
    relation: str
    id_number: str | None = None


def representative_fields(
    data: RepresentativeInput | None, today: date
) -> tuple[str, str, str, str | None] | None:
    """The representative's columns (kind, name, relation, ID number), checked."""
    if data is None:
        return None
    name, relation = data.name.strip(), data.relation.strip()
    if not name:
        raise ValidationError(f"请填写{data.kind.value}姓名", field="代理人姓名")
    if not relation:
        raise ValidationError(f"请填写{data.kind.value}与受援人的关系", field="与受援人关系")
    id_number = (data.id_number or "").strip().upper() or None
    if id_number:
        try:
            parse_id_number(id_number, today=today)
        except ValidationError as exc:
            raise ValidationError(
                f"代理人身份证号：{exc.message}", field="代理人身份证号"
            ) from None
    return data.kind.value, name, relation, id_number


@dataclass(frozen=True)
class CaseInput:
    office_code: str
    source: CaseSource
    case_type: CaseType
    received_on: date
    person: PersonInput
    stage: Stage | None = None
    cause: str | None = None
    summary: str | None = None
    groups: Sequence[str] = field(default_factory=tuple)
    # Applications: the applicant's statement and pledge, or the exemption (法律援助法 s.42).
    hardship_basis: str | None = None
    # Notifications: the notifying court, procuratorate, police or state-security organ, the
    # ground (s.25), the organ's own case number and where the person is detained.
    notifying_organ: str | None = None
    notification_ground: NotificationGround | None = None
    organ_case_no: str | None = None
    detention_place: str | None = None
    matter_category: str | None = None  # 事项类别 (s.31)
    representative: RepresentativeInput | None = None  # s.40
    cross_region: bool = False
    possible_life_or_death: bool = False
    # 异地 tier where known (it decides cross_region); persons incl. joined cases.
    region_tier: RegionTier | None = None
    aided_persons: int = 1
    # The clerk confirmed that a case repeating one on file is a different matter.
    allow_duplicate: bool = False
    # The clerk confirmed changing the name or phone of the person on file with this ID.
    update_person: bool = False
    # 转为案件: the consultation or duty help this application came from (linked both ways).
    from_service_id: int | None = None


def _person(
    ctx: Context, session: Session, data: PersonInput, *, update_person: bool = False
) -> PersonRecord:
    name = data.name.strip()
    if not name:
        raise ValidationError("「受援人姓名」不能为空", field="受援人姓名")
    phone = normalize_phone(data.phone) if data.phone else None
    if data.id_number:
        parsed = parse_id_number(data.id_number, today=ctx.today())
        if data.gender is not None and data.gender is not parsed.gender:
            raise ValidationError(
                f"「性别」填写为{data.gender.value}，但身份证号显示为{parsed.gender.value}",
                field="性别",
            )
        # A person already on file (same ID number) is the same person.
        existing = repo.person_by_id_number(session, parsed.value)
        if existing is not None:
            changes = [
                f"{label}「{before or '—'}」→「{after}」"
                for label, before, after in (
                    ("姓名", existing.name, name),
                    ("联系电话", existing.phone, phone),
                    ("住址", existing.address, (data.address or "").strip() or None),
                )
                if after and after != before
            ]
            if changes and not update_person:
                raise PersonChanged(changes)
            existing.name = name
            existing.phone = phone or existing.phone
            existing.address = data.address or existing.address
            return existing
        record = PersonRecord(
            name=name,
            id_number=parsed.value,
            birth_date=parsed.birth_date,
            gender=parsed.gender.value,
            phone=phone,
            address=data.address,
        )
    else:
        record = PersonRecord(
            name=name,
            gender=data.gender.value if data.gender else None,
            phone=phone,
            address=data.address,
        )
    session.add(record)
    return record


def _refuse_duplicate(session: Session, data: CaseInput) -> None:
    known = repo.cases_on_file(session, [data.received_on])
    id_number = (data.person.id_number or "").strip().upper() or None
    existing = known.find(id_number, data.person.name, data.received_on, data.case_type.value)
    if existing is not None:
        raise DuplicateCase(existing)


@requires(Action.REGISTER)
def register(ctx: Context, data: CaseInput) -> CaseRef:
    """Register an application (申请登记) or accept a notification (通知辩护/通知代理)."""
    today = ctx.today()
    if data.received_on > today:
        raise ValidationError("「收到日期」不能晚于今天", field="收到日期")
    if data.source.is_notification and not (data.notifying_organ or "").strip():
        raise ValidationError("通知案件须填写「通知机关」", field="通知机关")
    if data.source is CaseSource.APPLICATION and not (data.hardship_basis or "").strip():
        # Hardship is declared (经济困难状况说明表 + 个人诚信承诺) or exempt by law (s.32/42).
        raise ValidationError(
            "申请案件须填写「经济困难依据」：申请人说明及诚信承诺，或法定免予审查的情形",
            field="经济困难依据",
        )
    if data.aided_persons < 1:
        raise ValidationError("「受援人数」至少为1（含共同受援人、并案）", field="受援人数")
    representative = representative_fields(data.representative, today)
    matter = (data.matter_category or "").strip() or None
    if matter is not None and len(matter) > 20:
        raise ValidationError("「事项类别」过长（最多20字）", field="事项类别")
    with ctx.writing() as uow:
        session = uow.session
        office = repo.office_by_code(session, data.office_code)
        if office is None:
            raise ValidationError(f"机构「{data.office_code}」不存在", field="机构")
        scope.require_office(ctx, session, office.id, f"机构「{office.name}」")
        if not data.allow_duplicate:
            _refuse_duplicate(session, data)
        person = _person(ctx, session, data.person, update_person=data.update_person)
        state = initial_state(data.source)
        now = ctx.now()
        case = CaseRecord(
            case_no=allocate_case_numbers(session, office, data.received_on.year, 1)[0],
            office_id=office.id,
            person=person,
            source=data.source.value,
            case_type=data.case_type.value,
            stage=(
                data.stage.value
                if data.stage
                # A 死刑复核 notification is at that stage even when the stage was left empty.
                else Stage.DEATH_REVIEW.value
                if data.notification_ground is NotificationGround.DEATH_REVIEW
                else None
            ),
            cause=(data.cause or "").strip() or None,
            summary=data.summary,
            state=state.value,
            applied_on=data.received_on,
            # A notification is accepted on receipt; an application once aid is granted.
            accepted_on=data.received_on if state is CaseState.NOTIFIED else None,
            hardship_basis=data.hardship_basis,
            notifying_organ=data.notifying_organ,
            notification_ground=(
                data.notification_ground.value if data.notification_ground else None
            ),
            organ_case_no=(data.organ_case_no or "").strip() or None,
            detention_place=(data.detention_place or "").strip() or None,
            matter_category=matter,
            representative_kind=representative[0] if representative else None,
            representative_name=representative[1] if representative else None,
            representative_relation=representative[2] if representative else None,
            representative_id_number=representative[3] if representative else None,
            cross_region=data.cross_region
            if data.region_tier is None
            else data.region_tier is not RegionTier.LOCAL,
            region_tier=data.region_tier.value if data.region_tier else None,
            aided_persons=data.aided_persons,
            major_difficult=False,
            # The ground says it: no separate tick needed for the three-year rule (s.26).
            possible_life_or_death=data.possible_life_or_death
            or data.notification_ground is NotificationGround.LIFE_OR_DEATH,
            review_paused_days=0,
            created_at=now,
            updated_at=now,
        )
        case.groups = [
            CaseGroupRecord(group_name=g, position=i)
            for i, g in enumerate(dict.fromkeys(x.strip() for x in data.groups if x.strip()))
        ]
        refresh_deadline(ctx, case, deadline_rules(session))  # stored with the insert itself
        session.add(case)
        uow.flush()
        log_event(ctx, session, case, "登记", to_state=state.value)
        if data.from_service_id is not None:
            link_case(ctx, session, data.from_service_id, case)
        refresh_search(session, case)
        recognise_case(ctx, session, case)  # 重大疑难 candidates are seen from the first day
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def request_materials(
    ctx: Context,
    *,
    case_id: int,
    missing: Sequence[str],
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """One notice lists everything missing (补正); the review clock stops meanwhile."""
    items = [m.strip() for m in missing if m.strip()]
    if not items:
        raise ValidationError("请列出需要补充的材料", field="补充材料")
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        day = on_or_today(ctx, on)
        move(ctx, uow.session, case, CaseState.AWAITING_MATERIALS, "通知补正", {"材料": items})
        case.materials_requested_on = day
        case.missing_materials = "\n".join(items)
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def receive_materials(
    ctx: Context, *, case_id: int, on: date | None = None, expected_version: int | None = None
) -> CaseRef:
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        day = on_or_today(ctx, on)
        requested = case.materials_requested_on or day
        if day < requested:
            raise ValidationError("补正材料收到日期早于通知补正日期", field="收到日期")
        move(ctx, uow.session, case, CaseState.REVIEW, "材料补齐")
        case.review_paused_days = (case.review_paused_days or 0) + (day - requested).days
        case.materials_requested_on = None
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def start_review(ctx: Context, *, case_id: int, expected_version: int | None = None) -> CaseRef:
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        move(ctx, uow.session, case, CaseState.REVIEW, "开始审查")
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def withdraw(
    ctx: Context, *, case_id: int, reason: str, expected_version: int | None = None
) -> CaseRef:
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        move(ctx, uow.session, case, CaseState.WITHDRAWN, "撤回申请", {"原因": reason})
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def decide(
    ctx: Context,
    *,
    case_id: int,
    grant: bool,
    reason: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """给予 or 不予法律援助; a rejection needs written reasons (法律援助法 s.38)."""
    reason = reason.strip()
    if not grant and not reason:
        raise ValidationError("不予法律援助须写明理由", field="理由")
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        day = on_or_today(ctx, on)
        if day < case.applied_on:
            raise ValidationError("决定日期早于申请日期", field="决定日期")
        target = CaseState.APPROVED if grant else CaseState.REJECTED
        move(ctx, uow.session, case, target, "给予援助" if grant else "不予援助", {"理由": reason})
        case.decision_reason = reason or None
        if grant:
            case.accepted_on = day
        if case.advance_on is not None and case.handler_id is not None:
            _settle_advance(ctx, uow.session, case, granted=grant, day=day)
        return commit_case(ctx, uow, case)


def _settle_advance(
    ctx: Context, session: Session, case: CaseRecord, *, granted: bool, day: date
) -> None:
    """The decision on a case aided in advance (s.44): granted, the handler assigned then
    simply goes on (the case is assigned); refused, the aid given in advance ends there."""
    if granted:
        move(ctx, session, case, CaseState.ASSIGNED, "先行提供转为指派",
             {"承办人": case.handler.name if case.handler else ""})  # fmt: skip
        return
    spell = session.scalar(
        select(AssignmentRecord).where(
            AssignmentRecord.case_id == case.id, AssignmentRecord.ended_on.is_(None)
        )
    )
    if spell is not None:
        spell.ended_on = day
    case.ended_on = day
    log_event(ctx, session, case, "先行提供的援助终止", detail={"原因": "不予法律援助"})


@requires(Action.DECIDE)
def provide_in_advance(
    ctx: Context,
    *,
    case_id: int,
    ground: AdvanceGround,
    note: str = "",
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """先行提供法律援助 (法律援助法 s.44): a time limit ends within seven days, or preservation
    cannot wait. A handler may be assigned at once; the decision on the application is still
    due by its own clock, and the applicant completes the papers afterwards."""
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        state = CaseState(case.state)
        if case.source != CaseSource.APPLICATION.value:
            raise ValidationError("先行提供只适用于申请案件（通知案件已直接指派）", field="状态")
        if state not in PENDING_DECISION:
            raise ValidationError(
                f"案件状态为「{state.value}」：先行提供只在作出给予或不予的决定之前", field="状态"
            )
        if case.advance_on is not None:
            raise ValidationError(f"本案已于{case.advance_on.isoformat()}先行提供", field="状态")
        day = on_or_today(ctx, on)
        if day < case.applied_on:
            raise ValidationError("先行提供日期早于申请日期", field="先行提供日期")
        if day > ctx.today():
            raise ValidationError("先行提供日期不能晚于今天", field="先行提供日期")
        case.advance_on, case.advance_ground = day, ground.value
        case.updated_at = ctx.now()
        detail: dict[str, object] = {"情形": ground.value}
        if note.strip():
            detail["说明"] = note.strip()
        log_event(ctx, uow.session, case, "先行提供法律援助", detail=detail)
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def file_objection(
    ctx: Context,
    *,
    case_id: int,
    ground: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """The applicant objects to a refusal, or the aided person to a termination (法律援助法
    s.49; the Law sets them no time limit). The bureau's 5-day clock starts."""
    ground = ground.strip()
    if not ground:
        raise ValidationError("请写明异议的理由", field="异议理由")
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        state = CaseState(case.state)
        if state not in (CaseState.REJECTED, CaseState.TERMINATED):
            raise ValidationError("只能对不予援助或终止援助的决定提出异议", field="状态")
        if case.objection_filed_on is not None:
            raise ValidationError("该案已有异议正在审查", field="状态")
        day = on_or_today(ctx, on)
        case.objection_filed_on = day
        case.objection_ground = ground
        case.updated_at = ctx.now()
        against = "不予援助" if state is CaseState.REJECTED else "终止援助"
        log_event(ctx, uow.session, case, "提出异议",
                  detail={"日期": day.isoformat(), "针对": against, "理由": ground})  # fmt: skip
        return commit_case(ctx, uow, case)


@requires(Action.DECIDE)
def decide_objection(
    ctx: Context,
    *,
    case_id: int,
    upheld: bool,
    note: str = "",
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """The justice bureau's decision on the objection (s.49): upheld, the aid is granted (a
    refusal) or resumed (a termination); rejected, the decision stands. The clock closes."""
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        if case.objection_filed_on is None:
            raise ValidationError("该案没有正在审查的异议", field="状态")
        day = on_or_today(ctx, on)
        detail: dict[str, object] = {"日期": day.isoformat(), "说明": note.strip()}
        state = CaseState(case.state)
        if upheld and state is CaseState.REJECTED:
            move(ctx, uow.session, case, CaseState.APPROVED, "异议成立，给予援助", detail)
            case.accepted_on = day
        elif upheld:
            move(ctx, uow.session, case, CaseState.IN_PROGRESS, "异议成立，恢复援助", detail)
            case.ended_on = None
        else:
            log_event(ctx, uow.session, case, "异议不成立，维持决定", detail=detail)
        case.objection_filed_on = None
        case.objection_ground = None
        case.updated_at = ctx.now()
        return commit_case(ctx, uow, case)
