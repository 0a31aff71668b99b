"""更正: a clerk corrects what was registered for a case (the person, the dates and facts of
the application or notification), with a reason, every field checked as at intake, audited.

What the law's later steps recorded (decisions, assignment, closing) is not corrected here:
those have their own steps. The 异地 tier and the number of aided persons are corrected
with the subsidy's basis, where their effect on the amount is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.errors import ValidationError, ValidationErrors
from legalaid.domain.identity import normalize_phone, parse_id_number
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseType,
    Gender,
    NotificationGround,
    RepresentativeKind,
    Stage,
)
from legalaid.services.commands.escalations import recognise_case
from legalaid.services.commands.intake import RepresentativeInput, representative_fields
from legalaid.services.commands.subsidies import basis_corrected, fixed_state
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import (
    CaseRef,
    commit_case,
    load_case,
    log_event,
    refresh_search,
)
from legalaid.services.plumbing.context import Context
from legalaid.storage import audit
from legalaid.storage.records import CaseGroupRecord, CaseRecord, PersonRecord


@dataclass(frozen=True)
class RegisteredFacts:
    """The facts registered for a case, as they stand or as corrected."""

    name: str
    id_number: str | None
    gender: Gender | None
    phone: str | None
    address: str | None
    received_on: date
    stage: Stage | None
    cause: str | None
    summary: str | None
    matter_category: str | None
    groups: tuple[str, ...] = ()
    possible_life_or_death: bool = False
    hardship_basis: str | None = None  # applications (s.41/42)
    # Notifications (s.25): the organ, the ground, its own case number, place of detention.
    notifying_organ: str | None = None
    notification_ground: NotificationGround | None = None
    organ_case_no: str | None = None
    detention_place: str | None = None
    representative: RepresentativeInput | None = None  # s.40


@dataclass(frozen=True)
class Correctable:
    """What the correction form starts from."""

    case_no: str
    version: int
    notification: bool
    criminal: bool
    facts: RegisteredFacts
    # The person's other cases: a correction of the person is theirs too (one person, one
    # record, found by ID number).
    other_cases: tuple[str, ...] = field(default_factory=tuple)
    # Facts the subsidy is computed from are fixed once it is approved.
    subsidy_fixed: str | None = None


def _facts(case: CaseRecord) -> RegisteredFacts:
    person = case.person
    return RegisteredFacts(
        name=person.name,
        id_number=person.id_number,
        gender=Gender(person.gender) if person.gender else None,
        phone=person.phone,
        address=person.address,
        received_on=case.applied_on,
        stage=Stage(case.stage) if case.stage else None,
        cause=case.cause,
        summary=case.summary,
        matter_category=case.matter_category,
        groups=tuple(g.group_name for g in sorted(case.groups, key=lambda g: g.position)),
        possible_life_or_death=bool(case.possible_life_or_death),
        hardship_basis=case.hardship_basis,
        notifying_organ=case.notifying_organ,
        notification_ground=(
            NotificationGround(case.notification_ground) if case.notification_ground else None
        ),
        organ_case_no=case.organ_case_no,
        detention_place=case.detention_place,
        representative=(
            RepresentativeInput(
                kind=RepresentativeKind(case.representative_kind),
                name=case.representative_name or "",
                relation=case.representative_relation or "",
                id_number=case.representative_id_number,
            )
            if case.representative_kind
            else None
        ),
    )


def _other_cases(session: Session, case: CaseRecord) -> tuple[str, ...]:
    numbers = session.scalars(
        select(CaseRecord.case_no)
        .where(CaseRecord.person_id == case.person_id, CaseRecord.id != case.id)
        .order_by(CaseRecord.applied_on, CaseRecord.id)
    )
    return tuple(numbers)


def _accepted_on_receipt(case: CaseRecord) -> bool:
    """A notification is accepted the day it is received (its 受理 date follows 收到日期)."""
    return CaseSource(case.source).is_notification and case.accepted_on == case.applied_on


@requires(Action.REGISTER)
def correctable(ctx: Context, *, case_id: int) -> Correctable:
    """The registered facts of a case in full (ID numbers too: correcting needs them)."""
    with ctx.reading() as uow:
        session = uow.session
        case = load_case(session, case_id)
        return Correctable(
            case_no=case.case_no,
            version=case.version,
            notification=CaseSource(case.source).is_notification,
            criminal=CaseType(case.case_type).is_criminal,
            facts=_facts(case),
            other_cases=_other_cases(session, case),
            subsidy_fixed=fixed_state(session, case.id),
        )


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


# The longest each column holds, as the form names it.
_LIMITS = {"受援人姓名": 50, "住址": 200, "案由": 200, "事项类别": 20, "经济困难依据": 200,
           "通知机关": 100, "通知机关案号": 60, "羁押场所": 100}  # fmt: skip


def _checked(ctx: Context, case: CaseRecord, new: RegisteredFacts) -> RegisteredFacts:
    """``new`` cleaned and checked as intake checks it; every problem at once, each at its
    field, so the form shows them all beside what was typed."""
    problems: list[ValidationError] = []

    def check(condition: bool, message: str, at: str) -> None:
        if not condition:
            problems.append(ValidationError(message, field=at))

    today = ctx.today()
    name = (new.name or "").strip()
    check(bool(name), "「受援人姓名」不能为空", "受援人姓名")
    id_number = _text(new.id_number)
    gender = new.gender
    if id_number:
        try:
            parsed = parse_id_number(id_number, today=today)
        except ValidationError as exc:
            problems.append(exc)
        else:
            id_number = parsed.value
            stored = Gender(case.person.gender) if case.person.gender else None
            if id_number != case.person.id_number and gender is stored:
                gender = None  # a new ID number brings its own gender unless one was chosen
            if gender is not None and gender is not parsed.gender:
                problems.append(ValidationError(
                    f"「性别」填写为{gender.value}，但身份证号显示为{parsed.gender.value}",
                    field="性别"))  # fmt: skip
            gender = parsed.gender
    phone = _text(new.phone)
    if phone:
        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            problems.append(exc)
    received = new.received_on
    check(received <= today, "「收到日期」不能晚于今天", "收到日期")
    # Every later step's date stays after the day the case came in.
    accepted = None if _accepted_on_receipt(case) else case.accepted_on
    for label, later in (("决定或受理", accepted), ("指派", case.assigned_on),
                         ("先行提供", case.advance_on), ("通知补正", case.materials_requested_on),
                         ("办结", case.ended_on), ("结案", case.closed_on)):  # fmt: skip
        if later is not None and received > later:
            problems.append(ValidationError(
                f"「收到日期」{received.isoformat()}晚于本案{label}日期{later.isoformat()}",
                field="收到日期"))  # fmt: skip
            break
    notification = CaseSource(case.source).is_notification
    organ = _text(new.notifying_organ) if notification else case.notifying_organ
    if notification:
        check(bool(organ), "通知案件须填写「通知机关」", "通知机关")
    hardship = _text(new.hardship_basis) if not notification else case.hardship_basis
    if not notification:
        check(
            bool(hardship),
            "申请案件须填写「经济困难依据」：申请人说明及诚信承诺，或法定免予审查的情形",
            "经济困难依据",
        )
    if new.possible_life_or_death and not CaseType(case.case_type).is_criminal:
        life = "可能判处无期徒刑、死刑"
        problems.append(ValidationError(f"「{life}」只适用于刑事案件", field=life))
    cleaned = RegisteredFacts(
        name=name,
        id_number=id_number,
        gender=gender,
        phone=phone,
        address=_text(new.address),
        received_on=received,
        stage=new.stage,
        cause=_text(new.cause),
        summary=_text(new.summary),
        matter_category=_text(new.matter_category),
        groups=tuple(dict.fromkeys(g.strip() for g in new.groups if g.strip())),
        possible_life_or_death=new.possible_life_or_death,
        hardship_basis=hardship,
        notifying_organ=organ,
        notification_ground=new.notification_ground if notification else None,
        organ_case_no=_text(new.organ_case_no) if notification else None,
        detention_place=_text(new.detention_place) if notification else None,
        representative=new.representative,
    )
    for label, value in (("受援人姓名", cleaned.name), ("住址", cleaned.address),
                         ("案由", cleaned.cause), ("事项类别", cleaned.matter_category),
                         ("经济困难依据", cleaned.hardship_basis),
                         ("通知机关", cleaned.notifying_organ),
                         ("通知机关案号", cleaned.organ_case_no),
                         ("羁押场所", cleaned.detention_place)):  # fmt: skip
        if value and len(value) > _LIMITS[label]:
            problems.append(ValidationError(
                f"「{label}」过长（最多{_LIMITS[label]}字）", field=label))  # fmt: skip
    try:
        representative_fields(new.representative, today)
    except ValidationError as exc:
        problems.append(exc)
    if problems:
        raise ValidationErrors(problems, heading="更正未保存，请修改以下内容：")
    return cleaned


def _shown(value: object) -> str:
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "、".join(str(v) for v in value)
    return str(getattr(value, "value", value))


# Personal data: the timeline names the field only (its values are in the audit trail, ID
# numbers masked there); the case's own facts are shown before → after.
_PERSONAL = {"受援人姓名", "身份证号", "性别", "联系电话", "住址", "代理人"}


@requires(Action.REGISTER)
def correct(
    ctx: Context,
    *,
    case_id: int,
    facts: RegisteredFacts,
    reason: str,
    expected_version: int | None = None,
) -> CaseRef:
    """更正 the registered facts of a case to ``facts``; ``reason`` says why (audited with
    the changes). The person's record is corrected for all of their cases."""
    reason = reason.strip()
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id, expected_version)
        before = _facts(case)
        try:
            after = _checked(ctx, case, facts)
        except ValidationErrors as exc:
            problems = list(exc.problems)
        else:
            problems = []
        if not reason:
            problems.append(ValidationError("请写明更正的原因", field="更正原因"))
        if problems:
            raise ValidationErrors(problems, heading="更正未保存，请修改以下内容：")
        changed = _changes(before, after)
        if not changed:
            raise ValidationError("没有更正任何内容：请修改需要更正的项目", field="更正原因")
        person = case.person
        if after.id_number != before.id_number and after.id_number:
            holder = session.scalar(
                select(PersonRecord).where(
                    PersonRecord.id_number == after.id_number, PersonRecord.id != person.id
                )
            )
            if holder is not None:
                other = session.scalar(
                    select(CaseRecord.case_no).where(CaseRecord.person_id == holder.id).limit(1)
                )
                raise ValidationError(
                    "该身份证号已登记在另一位受援人名下"
                    + (f"（案件{other}）" if other else "")
                    + "：同一人的案件不能在此合并，请核对号码",
                    field="身份证号",
                )
        _apply(ctx, session, case, person, after)
        subsidy = {"阶段", "可能判处无期徒刑、死刑"} & set(changed)
        detail: dict[str, object] = {"原因": reason}
        if subsidy:
            label = sorted(subsidy)[0]
            detail.update(basis_corrected(session, case, field=label))
        detail["更正"] = [
            label if label in _PERSONAL else f"{label}：{_shown(old)}→{_shown(new)}"
            for label, (old, new) in changed.items()
        ]
        log_event(ctx, session, case, "更正登记信息", detail=detail)
        trail = {"原因": reason, "项目": list(changed)}  # values: the record changes, masked
        audit.record(session, audit.Entry("更正登记信息", f"cases#{case.id}", detail=trail))
        refresh_search(session, case)
        recognise_case(ctx, session, case)  # e.g. a corrected age or sentence makes it one
        return commit_case(ctx, uow, case)


def _changes(before: RegisteredFacts, after: RegisteredFacts) -> dict[str, tuple[object, object]]:
    pairs: Sequence[tuple[str, object, object]] = (
        ("受援人姓名", before.name, after.name),
        ("身份证号", before.id_number, after.id_number),
        ("性别", before.gender, after.gender),
        ("联系电话", before.phone, after.phone),
        ("住址", before.address, after.address),
        ("收到日期", before.received_on, after.received_on),
        ("阶段", before.stage, after.stage),
        ("案由", before.cause, after.cause),
        ("案情摘要", before.summary, after.summary),
        ("事项类别", before.matter_category, after.matter_category),
        ("人群", before.groups, after.groups),
        ("可能判处无期徒刑、死刑", before.possible_life_or_death, after.possible_life_or_death),
        ("经济困难依据", before.hardship_basis, after.hardship_basis),
        ("通知机关", before.notifying_organ, after.notifying_organ),
        ("通知理由", before.notification_ground, after.notification_ground),
        ("通知机关案号", before.organ_case_no, after.organ_case_no),
        ("羁押场所", before.detention_place, after.detention_place),
        ("代理人", _rep(before.representative), _rep(after.representative)),
    )
    return {label: (old, new) for label, old, new in pairs if old != new}


def _rep(rep: RepresentativeInput | None) -> tuple[str, ...] | None:
    if rep is None:
        return None
    return (rep.kind.value, rep.name.strip(), rep.relation.strip(),
            (rep.id_number or "").strip().upper())  # fmt: skip


def _apply(
    ctx: Context, session: Session, case: CaseRecord, person: PersonRecord, f: RegisteredFacts
) -> None:
    person.name = f.name
    if f.id_number != person.id_number:
        person.id_number = f.id_number
        person.birth_date = (
            parse_id_number(f.id_number, today=ctx.today()).birth_date if f.id_number else None
        )
    person.gender = f.gender.value if f.gender else None
    person.phone = f.phone
    person.address = f.address
    if _accepted_on_receipt(case):
        case.accepted_on = f.received_on
    case.applied_on = f.received_on
    case.stage = f.stage.value if f.stage else None
    case.cause = f.cause
    case.summary = f.summary
    case.matter_category = f.matter_category
    case.possible_life_or_death = f.possible_life_or_death
    case.hardship_basis = f.hardship_basis
    case.notifying_organ = f.notifying_organ
    case.notification_ground = f.notification_ground.value if f.notification_ground else None
    case.organ_case_no = f.organ_case_no
    case.detention_place = f.detention_place
    rep = representative_fields(f.representative, ctx.today())
    (case.representative_kind, case.representative_name, case.representative_relation,
     case.representative_id_number) = rep if rep else (None, None, None, None)  # fmt: skip
    if tuple(g.group_name for g in sorted(case.groups, key=lambda g: g.position)) != f.groups:
        case.groups = [CaseGroupRecord(group_name=g, position=i) for i, g in enumerate(f.groups)]
    case.updated_at = ctx.now()
