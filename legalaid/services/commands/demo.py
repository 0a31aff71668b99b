"""Realistic synthetic cases for demonstrations and speed tests (``legalaid demo``)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.errors import ValidationError
from legalaid.domain.groups import ELDERLY, MINORS, WOMEN, groups_by_person
from legalaid.domain.identity import check_character
from legalaid.domain.ledger import LedgerRow
from legalaid.domain.permissions import Action
from legalaid.domain.subsidy import default_subsidy
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseState,
    CaseType,
    Gender,
    HandlerType,
    QualityGrade,
    Stage,
)
from legalaid.services.commands.case_ledger import insert_rows
from legalaid.services.commands.demo_services import generate_services
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.storage import repositories as repo
from legalaid.storage.records import FirmRecord, HandlerRecord, OfficeRecord, TargetRecord

Progress = Callable[[str, int, int], None]
T = TypeVar("T")
CHUNK = 20_000

DEMO_OFFICES = (
    ("ZZ", "株洲市法律援助中心", "株", None),
    ("LL", "醴陵市法律援助中心", "醴", "ZZ"),
    ("YX", "攸县法律援助中心", "攸", "ZZ"),
    ("CL", "茶陵县法律援助中心", "茶", "ZZ"),
    ("YL", "炎陵县法律援助中心", "炎", "ZZ"),
)
REGIONS = (
    "430202",
    "430203",
    "430204",
    "430211",
    "430212",
    "430223",
    "430224",
    "430225",
    "430281",
    "430521",
    "430102",
    "430602",
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤欧阳"
)
GIVEN = (
    "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志文斌宇浩"
    "然思雨欣怡子涵梓轩晨博昊天佳琪梦瑶雪婷海波春林云峰永福德兴旺"
)
CAUSES: dict[CaseType, tuple[str, ...]] = {
    CaseType.CRIMINAL_DEFENCE: (
        "盗窃罪",
        "诈骗罪",
        "故意伤害罪",
        "危险驾驶罪",
        "贩卖毒品罪",
        "寻衅滋事罪",
        "帮助信息网络犯罪活动罪",
        "故意杀人罪",
        "抢劫罪",
        "交通肇事罪",
    ),
    CaseType.CRIMINAL_REPRESENTATION: ("故意伤害罪", "交通肇事罪", "强奸罪", "诈骗罪"),
    CaseType.CIVIL: (
        "离婚纠纷",
        "抚养纠纷",
        "赡养纠纷",
        "机动车交通事故责任纠纷",
        "劳动报酬纠纷",
        "民间借贷纠纷",
        "人身损害赔偿纠纷",
        "继承纠纷",
    ),
    CaseType.ADMINISTRATIVE: ("行政赔偿", "工伤认定", "社会保障行政给付"),
    CaseType.STATE_COMPENSATION: ("刑事赔偿", "行政赔偿"),
    CaseType.LABOUR_ARBITRATION: ("追索劳动报酬", "工伤保险待遇", "经济补偿金", "确认劳动关系"),
    CaseType.NON_LITIGATION: ("人民调解", "工资协商", "交通事故调解", "赡养协议"),
}
STAGES: dict[CaseType, tuple[Stage | None, ...]] = {
    CaseType.CRIMINAL_DEFENCE: (
        Stage.INVESTIGATION,
        Stage.PROSECUTION_REVIEW,
        Stage.TRIAL,
        Stage.TRIAL,
        Stage.SECOND_INSTANCE,
        Stage.RETRIAL,
        Stage.DEATH_REVIEW,
    ),
    CaseType.CRIMINAL_REPRESENTATION: (
        Stage.PROSECUTION_REVIEW,
        Stage.TRIAL,
        Stage.SECOND_INSTANCE,
    ),
    CaseType.CIVIL: (
        Stage.FIRST_INSTANCE,
        Stage.FIRST_INSTANCE,
        Stage.SECOND_INSTANCE,
        Stage.RETRIAL,
        Stage.ENFORCEMENT,
    ),
    CaseType.ADMINISTRATIVE: (Stage.FIRST_INSTANCE, Stage.SECOND_INSTANCE),
    CaseType.STATE_COMPENSATION: (None,),
    CaseType.LABOUR_ARBITRATION: (Stage.ARBITRATION,),
    CaseType.NON_LITIGATION: (None,),
}
APPLICATION_TYPES = (
    (CaseType.CIVIL, 34),
    (CaseType.LABOUR_ARBITRATION, 20),
    (CaseType.NON_LITIGATION, 14),
    (CaseType.CRIMINAL_DEFENCE, 16),
    (CaseType.CRIMINAL_REPRESENTATION, 8),
    (CaseType.ADMINISTRATIVE, 6),
    (CaseType.STATE_COMPENSATION, 2),
)
SOURCES = (
    (CaseSource.APPLICATION, 55),
    (CaseSource.COURT_NOTICE, 20),
    (CaseSource.PROCURATORATE_NOTICE, 8),
    (CaseSource.POLICE_NOTICE, 7),
    (CaseSource.DUTY_LAWYER, 6),
    (CaseSource.OTHER, 4),
)
FIRM_NAMES = (
    "天元",
    "炎帝",
    "神农",
    "瓷城",
    "湘江",
    "金杯",
    "云龙",
    "荷塘",
    "芦淞",
    "石峰",
    "渌江",
    "洣水",
)


def _picker(options: Sequence[tuple[T, int]]) -> tuple[list[T], list[int]]:
    values = [v for v, _ in options]
    cumulative, total = [], 0
    for _, weight in options:
        total += weight
        cumulative.append(total)
    return values, cumulative


def _noop(_stage: str, _done: int, _total: int) -> None:
    return None


def _ensure_offices(session: Session) -> list[OfficeRecord]:
    offices = list(session.scalars(select(OfficeRecord).order_by(OfficeRecord.id)))
    if len(offices) >= 2:
        return offices
    by_code = {o.code: o for o in offices}
    for code, name, prefix, parent in DEMO_OFFICES:
        if code not in by_code:
            record = OfficeRecord(
                code=code,
                name=name,
                prefix=prefix,
                number_pattern="{prefix}法援〔{year}〕第{seq}号",
                parent=by_code.get(parent) if parent else None,
            )
            session.add(record)
            session.flush()
            by_code[code] = record
    return list(by_code.values())


@requires(Action.ADMINISTER, audited="生成演示数据")
def generate_demo(
    ctx: Context,
    *,
    cases: int,
    year: int | None = None,
    seed: int = 1,
    progress: Progress = _noop,
) -> int:
    """Fill the database with ``cases`` synthetic cases over ``year`` and the year before,
    with the consultations, drafting and duty help a centre gives beside them,
    deterministic for ``seed``. Runs in one transaction: all of it or nothing."""
    from sqlalchemy import select

    today = ctx.today()
    year = year or today.year
    if cases < 1:
        raise ValidationError("案件数应至少为1", field="--cases")
    if year > today.year:
        raise ValidationError(f"年份{year}晚于今年", field="--year")
    rng = random.Random(seed)
    reference = min(today, date(year, 12, 31))
    first_day = date(year - 1, 1, 1)
    span = (reference - first_day).days
    with ctx.writing() as uow:
        session = uow.session
        offices = _ensure_offices(session)
        handlers = _ensure_handlers(session, rng, max(12, min(2000, cases // 300)))
        per_office_year = cases / len(offices) / 2
        for office in offices:
            for y in (year - 1, year):
                if session.get(TargetRecord, (office.id, y)) is None:
                    # Targets near the expected volume: some offices ahead, some behind.
                    factor = rng.uniform(0.8, 1.4)
                    session.add(
                        TargetRecord(
                            office_id=office.id,
                            year=y,
                            cases=max(1, round(per_office_year * factor)),
                        )
                    )
        session.flush()
        offices_by_code = {o.code: o for o in session.scalars(select(OfficeRecord))}
        office_codes = [o.code for o in offices]
        sources, source_w = _picker(SOURCES)
        types, type_w = _picker(APPLICATION_TYPES)
        done = 0
        while done < cases:
            batch = min(CHUNK, cases - done)
            rows = [
                _row(
                    rng,
                    done + i + 2,
                    office_codes,
                    handlers,
                    sources,
                    source_w,
                    types,
                    type_w,
                    first_day,
                    span,
                    reference,
                )
                for i in range(batch)
            ]
            insert_rows(ctx, session, rows, offices_by_code, _noop, origin="演示数据")
            done += batch
            progress("生成", done, cases)
        progress("法律帮助", 0, 0)
        names = [rng.choice(SURNAMES[:100]) + rng.choice(GIVEN) + rng.choice(GIVEN)
                 for _ in range(5000)]  # fmt: skip
        generate_services(session, rng, offices, cases, first_day, span, names, ctx.actor,
                          ctx.now())  # fmt: skip
        uow.commit()
    return cases


def _ensure_handlers(
    session: Session, rng: random.Random, count: int
) -> list[tuple[str, HandlerType, str]]:
    existing = [
        (h.name, HandlerType(h.handler_type), h.firm.name if h.firm else "")
        for h in session.scalars(select(HandlerRecord).where(HandlerRecord.active.is_(True)))
    ]
    if len(existing) >= count // 2 and existing:
        return existing
    firm_names = [f"湖南{n}律师事务所" for n in FIRM_NAMES] + [
        "攸县法律服务所",
        "茶陵县城关法律服务所",
        "醴陵市阳三石法律服务所",
    ]
    firms = {}
    for name in firm_names:
        firm = repo.firm_by_name(session, name)
        if firm is None:
            firm = FirmRecord(name=name, kind="律师事务所" if "律师" in name else "基层法律服务所")
            session.add(firm)
            session.flush()
        firms[name] = firm
    result = list(existing)
    seen = {(n, f) for n, _, f in existing}
    while len(result) < count:
        firm_name = rng.choice(firm_names)
        name = rng.choice(SURNAMES[:100]) + "".join(
            rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2)))
        )
        if (name, firm_name) in seen:
            continue
        seen.add((name, firm_name))
        kind = HandlerType.LAWYER if "律师" in firm_name else HandlerType.LEGAL_SERVICE_WORKER
        if rng.random() < 0.05:
            kind = rng.choice(
                (HandlerType.CENTRE_STAFF, HandlerType.SOCIAL_ORGANISATION, HandlerType.VOLUNTEER)
            )
        years = rng.choice((0, 1, 2, 3, 5, 8, 12, 20)) if kind is HandlerType.LAWYER else 0
        session.add(
            HandlerRecord(
                name=name,
                handler_type=kind.value,
                firm=firms[firm_name],
                licence_no=f"1430{rng.randrange(10**12):012d}"
                if kind is HandlerType.LAWYER
                else None,
                phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}",
                criminal_years=years,
                minors_expertise=rng.random() < 0.3,
                active=True,
            )
        )
        result.append((name, kind, firm_name))
    session.flush()
    return result


def _person(
    rng: random.Random, applied: date, case_type: CaseType
) -> tuple[str, Gender, str, date]:
    gender = Gender.MALE if rng.random() < 0.55 else Gender.FEMALE
    roll = rng.random()
    if roll < 0.12 and case_type.is_criminal:
        age = rng.randint(14, 17)
    elif roll < 0.22:
        age = rng.randint(60, 88)
    else:
        age = rng.randint(18, 59)
    birth = applied - timedelta(days=age * 365 + rng.randrange(365))
    body = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{rng.randrange(100):02d}"
    seq_digit = rng.randrange(5) * 2 + (1 if gender is Gender.MALE else 0)
    first17 = body + str(seq_digit)
    name = rng.choice(SURNAMES[:100]) + "".join(
        rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.25 else 2)
    )
    return name, gender, first17 + check_character(first17), birth


def _row(
    rng: random.Random,
    number: int,
    office_codes: list[str],
    handlers: list[tuple[str, HandlerType, str]],
    sources: list[CaseSource],
    source_w: list[int],
    types: list[CaseType],
    type_w: list[int],
    first_day: date,
    span: int,
    reference: date,
) -> LedgerRow:
    source = rng.choices(sources, cum_weights=source_w)[0]
    if source.is_notification:
        case_type = (
            CaseType.CRIMINAL_REPRESENTATION
            if source is CaseSource.COURT_NOTICE and rng.random() < 0.1
            else CaseType.CRIMINAL_DEFENCE
        )
    elif source is CaseSource.DUTY_LAWYER:
        case_type = CaseType.CRIMINAL_DEFENCE
    else:
        case_type = rng.choices(types, cum_weights=type_w)[0]
    applied = first_day + timedelta(days=rng.randrange(span + 1))
    name, gender, id_number, birth = _person(rng, applied, case_type)
    by_person = groups_by_person(birth, gender, applied)
    groups = [g for g in (ELDERLY, MINORS, WOMEN) if g in by_person]
    if case_type in (CaseType.LABOUR_ARBITRATION, CaseType.CIVIL) and rng.random() < 0.35:
        groups.append("农民工")
    for group, share in (
        ("残疾人", 0.04),
        ("低保特困", 0.06),
        ("军人军属", 0.01),
        ("下岗失业人员", 0.05),
    ):
        if rng.random() < share:
            groups.append(group)

    notified = source.is_notification
    accepted = applied + timedelta(days=rng.randint(0, 1 if notified else 6))
    assigned = accepted + timedelta(days=rng.randint(0, 3))
    started = assigned + timedelta(days=rng.randint(1, 5))
    ended = started + timedelta(days=rng.randint(20, 220))
    closed = ended + timedelta(days=rng.randint(3, 40))
    outcome = rng.random()
    accepted_on: date | None = accepted
    assigned_on: date | None = assigned
    closed_on: date | None = None
    if not notified and outcome < 0.05:
        state, accepted_on, assigned_on = CaseState.REJECTED, None, None
    elif not notified and outcome < 0.07:
        state, accepted_on, assigned_on = CaseState.WITHDRAWN, None, None
    elif reference < accepted and not notified:
        state = rng.choice((CaseState.REGISTERED, CaseState.REVIEW, CaseState.AWAITING_MATERIALS))
        accepted_on = assigned_on = None
    elif reference < assigned:
        state = CaseState.NOTIFIED if notified else CaseState.APPROVED
        assigned_on = None
    elif reference < started:
        state = CaseState.ASSIGNED
    elif outcome > 0.97 and reference >= ended:
        state, closed_on = CaseState.TERMINATED, ended
    elif reference < ended:
        state = CaseState.IN_PROGRESS
    elif reference < closed:
        state = CaseState.CLOSING
    else:
        state = (
            CaseState.ARCHIVED
            if (reference - closed).days > 60 and rng.random() < 0.6
            else CaseState.CLOSED
        )
        closed_on = closed
    handler = rng.choice(handlers) if assigned_on else None
    stage = rng.choice(STAGES[case_type])
    cross_region = rng.random() < 0.03
    major = case_type is CaseType.CRIMINAL_DEFENCE and rng.random() < 0.02
    subsidy = None
    if state in (CaseState.CLOSED, CaseState.ARCHIVED) and rng.random() < 0.5:
        subsidy = default_subsidy(
            case_type, stage, cross_region=cross_region, major_difficult=major, terminated=False
        ).amount
    # A closed case's review grade and, for civil and labour matters, what was recovered.
    grade, recovered = None, None
    if state in (CaseState.CLOSED, CaseState.ARCHIVED):
        grade = rng.choices((QualityGrade.EXCELLENT, QualityGrade.GOOD, QualityGrade.PASS,
                             QualityGrade.FAIL, None), (6, 35, 52, 1, 6))[0]  # fmt: skip
        if not case_type.is_criminal and rng.random() < 0.6:
            recovered = Decimal(rng.randrange(2_000, 200_000))
    return LedgerRow(
        row=number,
        case_no=None,
        office_code=rng.choice(office_codes),
        source=source,
        case_type=case_type,
        stage=stage,
        cause=rng.choice(CAUSES[case_type]),
        applied_on=applied,
        accepted_on=accepted_on,
        name=name,
        gender=gender,
        id_number=id_number,
        birth_date=birth,
        phone=f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
        groups=tuple(groups),
        handler_name=handler[0] if handler else None,
        handler_type=handler[1] if handler else None,
        firm_name=handler[2] if handler else None,
        assigned_on=assigned_on,
        closed_on=closed_on,
        state=state,
        cross_region=cross_region,
        major_difficult=major,
        subsidy_paid=subsidy,
        quality_grade=grade,
        recovered_amount=recovered,
    )
