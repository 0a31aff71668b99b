"""Subsidy standards (versions) and each case's subsidy: proposal, override, review, payment."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from legalaid.domain.money import AmountError, parse_amount
from legalaid.domain.permissions import Action
from legalaid.domain.subsidy import (
    DEFAULT_STANDARD,
    HandlerPart,
    SubsidyFacts,
    SubsidyLine,
    SubsidyStandard,
    calculate,
    check_parts,
    check_standard,
    check_versions,
    days_from_text,
    days_to_text,
    from_json,
    parts_from_text,
    parts_to_text,
    share_text,
    split,
    standard_in_force,
    to_json,
)
from legalaid.domain.vocabulary import (
    CaseState,
    CaseType,
    HandlerType,
    NotificationGround,
    QualityGrade,
    RegionTier,
    Stage,
)
from legalaid.services.commands.escalations import recognise_case
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import load_case, log_event
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import (
    AssignmentRecord,
    CaseEventRecord,
    CaseRecord,
    CaseSubsidyRecord,
    HandlerRecord,
    SubsidyStandardRecord,
)


class PaymentState(StrEnum):
    PENDING = "待审核"
    REVIEWED = "已审核"
    PAID = "已发放"


@dataclass(frozen=True)
class StandardInfo:
    id: int
    standard: SubsidyStandard
    used: bool


@dataclass(frozen=True)
class PartLine:
    """One handler's part of the subsidy of a case that changed handler."""

    handler_id: int
    handler: str
    basis: str  # 40% · 2个阶段 · 未确定
    amount: Decimal | None  # None until the parts are recorded


@dataclass(frozen=True)
class CaseSubsidy:
    case_id: int
    standard: str
    computed: Decimal
    lines: tuple[SubsidyLine, ...]
    override: Decimal | None
    override_reason: str | None
    state: PaymentState | None  # None: proposed, not yet stored
    reviewed: tuple[str | None, datetime | None]
    paid: tuple[str | None, datetime | None]
    adjusted_by: str | None = None  # who adjusted the amount (may not approve it too)
    # A case that changed handler: each handler's part (one payment line each).
    parts: tuple[PartLine, ...] = ()

    def may_approve(self, actor: str) -> bool:
        """Separation of duties: an adjusted amount is approved by someone else."""
        return self.override is None or self.adjusted_by != actor

    @property
    def amount(self) -> Decimal:
        return self.override if self.override is not None else self.computed

    @property
    def example(self) -> bool:
        """Computed by the shipped example standard, which is there to be replaced."""
        return self.standard == DEFAULT_STANDARD.name


# -- standards ------------------------------------------------------------------------------
def _standard(record: SubsidyStandardRecord) -> SubsidyStandard:
    return from_json(record.rules)


def stored_standards(session: Session) -> list[tuple[int, SubsidyStandard]]:
    records = session.scalars(
        select(SubsidyStandardRecord).order_by(SubsidyStandardRecord.effective_from)
    )
    return [(r.id, _standard(r)) for r in records]


def seed_default_standard(session: Session, now: datetime) -> bool:
    """A new database starts with the shipped 示例标准 (init is idempotent)."""
    if session.scalar(select(SubsidyStandardRecord.id).limit(1)) is not None:
        return False
    session.add(_record(DEFAULT_STANDARD, now))
    return True


def _record(standard: SubsidyStandard, now: datetime) -> SubsidyStandardRecord:
    return SubsidyStandardRecord(
        name=standard.name, authority=standard.authority,
        effective_from=standard.effective_from, effective_to=standard.effective_to,
        rules=to_json(standard), created_at=now,
    )  # fmt: skip


def list_standards(ctx: Context) -> list[StandardInfo]:
    with ctx.reading() as uow:
        session = uow.session
        used = set(session.scalars(select(CaseSubsidyRecord.standard_id).distinct()))
        return [StandardInfo(i, s, i in used) for i, s in stored_standards(session)]


@requires(Action.ADMINISTER)
def add_standard(ctx: Context, standard: SubsidyStandard, *, close_previous: bool = True) -> int:
    """Add a version. The open-ended version before it ends the day before, if asked."""
    check_standard(standard)
    with ctx.writing() as uow:
        session = uow.session
        records = list(session.scalars(select(SubsidyStandardRecord)))
        if close_previous:
            for record in records:
                if record.effective_to is None and record.effective_from < standard.effective_from:
                    record.effective_to = standard.effective_from - timedelta(days=1)
                    record.rules = to_json(_with_end(_standard(record), record.effective_to))
        check_versions([*(_standard(r) for r in records), standard])
        record = _record(standard, ctx.now())
        session.add(record)
        uow.flush()
        uow.commit()
        return record.id


def _with_end(standard: SubsidyStandard, end: date) -> SubsidyStandard:
    from dataclasses import replace

    return replace(standard, effective_to=end)


@requires(Action.ADMINISTER)
def update_standard(ctx: Context, standard_id: int, standard: SubsidyStandard) -> None:
    """Edit a version nobody has been paid by; once used, a new version is the way."""
    check_standard(standard)
    with ctx.writing() as uow:
        session = uow.session
        record = session.get(SubsidyStandardRecord, standard_id)
        if record is None:
            raise NotFound(f"补贴标准（编号{standard_id}）不存在")
        used = session.scalar(select(exists().where(CaseSubsidyRecord.standard_id == standard_id)))
        if used:
            raise ConflictError(f"已有案件按「{record.name}」计算补贴，不能修改；请新建一个版本")
        others = [
            _standard(r)
            for r in session.scalars(
                select(SubsidyStandardRecord).where(SubsidyStandardRecord.id != standard_id)
            )
        ]
        check_versions([*others, standard])
        updated = _record(standard, record.created_at)
        for column in ("name", "authority", "effective_from", "effective_to", "rules"):
            setattr(record, column, getattr(updated, column))
        uow.commit()


@requires(Action.ADMINISTER)
def import_standard(ctx: Context, path: Path) -> int:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        raise ValidationError(f"无法读取补贴标准文件：{path}", field="文件") from None
    return add_standard(ctx, from_json(text))


@requires(Action.EXPORT, audited="导出")
def export_standard(ctx: Context, standard_id: int, path: Path) -> None:
    with ctx.reading() as uow:
        record = uow.session.get(SubsidyStandardRecord, standard_id)
        if record is None:
            raise NotFound(f"补贴标准（编号{standard_id}）不存在")
        path.write_text(record.rules, encoding="utf-8")


def example_in_force(session: Session, first: date, last: date) -> bool:
    """Whether the shipped 示例标准 is in force on some day from ``first`` to ``last``: figures
    computed by it are an example's, and reports say so."""
    return any(
        standard.name == DEFAULT_STANDARD.name
        and standard.effective_from <= last
        and (standard.effective_to is None or standard.effective_to >= first)
        for _, standard in stored_standards(session)
    )


# -- a case's subsidy -------------------------------------------------------------------------
def _facts(session: Session, case: CaseRecord) -> SubsidyFacts:
    terminated = CaseState(case.state) is CaseState.TERMINATED or session.scalar(
        select(
            exists().where(
                CaseEventRecord.case_id == case.id,
                CaseEventRecord.to_state == CaseState.TERMINATED.value,
            )
        )
    )
    return SubsidyFacts(
        case_type=CaseType(case.case_type),
        stage=Stage(case.stage) if case.stage else None,
        handler_type=HandlerType(case.handler.handler_type) if case.handler else None,
        cross_region=case.cross_region,
        region_tier=RegionTier(case.region_tier) if case.region_tier else None,
        major_difficult=case.major_difficult,
        extra_persons=max((case.aided_persons or 1) - 1, 0),
        days=days_from_text(case.subsidy_days),
        terminated=bool(terminated),
        stages_completed=case.stages_completed or 0,
        stages_total=case.stages_total or 0,
        recorded_share=case.terminated_share,
        recorded_share_reason=case.terminated_share_reason,
        quality_grade=QualityGrade(case.quality_grade) if case.quality_grade else None,
        outcome=Outcome(case.outcome) if case.outcome else None,
        hearing=Hearing(case.hearing) if case.hearing else None,
        enforcement=Enforcement(case.enforcement) if case.enforcement else None,
        life_or_death=case.possible_life_or_death or case.notification_ground in LIFE_OR_DEATH,
        extra_cases=max((case.joined_cases or 1) - 1, 0),
    )


# 法律援助法 s.25: a possible life sentence or death penalty (and death-penalty review).
LIFE_OR_DEATH = frozenset({NotificationGround.LIFE_OR_DEATH.value,
                            NotificationGround.DEATH_REVIEW.value})  # fmt: skip


def case_handlers(session: Session, case_id: int) -> dict[int, str]:
    """Everyone who handled the case, in the order they were first assigned."""
    rows = session.execute(
        select(AssignmentRecord.handler_id, HandlerRecord.name)
        .join(HandlerRecord, HandlerRecord.id == AssignmentRecord.handler_id)
        .where(AssignmentRecord.case_id == case_id)
        .order_by(AssignmentRecord.assigned_on, AssignmentRecord.id)
    )
    handlers: dict[int, str] = {}
    for handler_id, name in rows:
        handlers.setdefault(int(handler_id), str(name))
    return handlers


def part_lines(
    amount: Decimal, handlers: dict[int, str], parts_text: str | None
) -> tuple[PartLine, ...]:
    """Each handler's part (a case handled by one person has none)."""
    if len(handlers) < 2:
        return ()
    parts = {p.handler_id: p for p in parts_from_text(parts_text)}
    try:
        check_parts(list(parts.values()), handlers)
    except ValidationError:
        return tuple(PartLine(i, name, "未确定", None) for i, name in handlers.items())
    ordered = [parts[i] for i in handlers]
    return tuple(
        PartLine(p.handler_id, handlers[p.handler_id], p.basis(), value)
        for p, value in zip(ordered, split(amount, ordered), strict=True)
    )


def _case_standard(session: Session, case: CaseRecord) -> tuple[int, SubsidyStandard]:
    # A case keeps the standard in force on its 指派日期.
    day = case.assigned_on or case.accepted_on or case.applied_on
    standards = stored_standards(session)
    standard = standard_in_force([s for _, s in standards], day)
    return next(i for i, s in standards if s is standard), standard


def _compute(
    session: Session, case: CaseRecord
) -> tuple[int, SubsidyStandard, Decimal, tuple[SubsidyLine, ...]]:
    standard_id, standard = _case_standard(session, case)
    result = calculate(standard, _facts(session, case))
    return standard_id, standard, result.amount, result.lines


def _lines_json(lines: tuple[SubsidyLine, ...]) -> str:
    return json.dumps(
        [
            {
                "rule": x.rule,
                "quantity": str(x.quantity),
                "amount": str(x.amount),
                "source": x.source,
            }
            for x in lines
        ],
        ensure_ascii=False,
    )


def _lines(text: str) -> tuple[SubsidyLine, ...]:
    return tuple(
        SubsidyLine(x["rule"], Decimal(x["quantity"]), Decimal(x["amount"]), x.get("source", ""))
        for x in json.loads(text)
    )


@requires(Action.VIEW_CASE)
def case_subsidy(ctx: Context, *, case_id: int) -> CaseSubsidy:
    """The stored subsidy of a case, or what its standard would pay now."""
    with ctx.reading() as uow:
        session = uow.session
        case = load_case(session, case_id)
        record = session.get(CaseSubsidyRecord, case_id)
        handlers = case_handlers(session, case_id)
        if record is None:
            _, standard, amount, lines = _compute(session, case)
            return CaseSubsidy(
                case_id, standard.name, amount, lines, None, None, None, (None, None),
                (None, None), parts=part_lines(amount, handlers, case.subsidy_parts),
            )  # fmt: skip
        standard_record = session.get(SubsidyStandardRecord, record.standard_id)
        amount = record.override if record.override is not None else record.computed
        return CaseSubsidy(
            case_id,
            standard_record.name if standard_record else "",
            record.computed,
            _lines(record.breakdown),
            record.override,
            record.override_reason,
            PaymentState(record.state),
            (record.reviewed_by, record.reviewed_at),
            (record.paid_by, record.paid_at),
            record.override_by,
            part_lines(amount, handlers, case.subsidy_parts),
        )


@dataclass(frozen=True)
class SubsidyBasis:
    """The facts a clerk records for the subsidy, and the per-day items the standard has."""

    region_tier: RegionTier | None
    aided_persons: int
    days: dict[str, int]
    stages: tuple[int, int] | None  # completed of assigned, for a terminated case
    per_day_items: tuple[str, ...]
    by_stages: bool  # the standard pays terminated cases by stages completed
    terminated: bool
    # What the standard pays a terminated case: a share (0–1), or None when it is silent.
    standard_share: Decimal | None
    share: tuple[Decimal, str] | None  # the share a clerk recorded, with its reason
    joined_cases: int  # 同案多件: cases joined in this one (1: none)
    handlers: dict[int, str]  # everyone who handled it (two or more: parts to record)
    parts: tuple[HandlerPart, ...]
    editable: bool
    version: int  # the case's, checked when the basis is saved (no silent overwrite)


@requires(Action.VIEW_CASE)
def subsidy_basis(ctx: Context, *, case_id: int) -> SubsidyBasis:
    with ctx.reading() as uow:
        session = uow.session
        case = load_case(session, case_id)
        _, standard = _case_standard(session, case)
        record = session.get(CaseSubsidyRecord, case_id)
        return SubsidyBasis(
            RegionTier(case.region_tier) if case.region_tier else None,
            case.aided_persons or 1,
            days_from_text(case.subsidy_days),
            (case.stages_completed or 0, case.stages_total) if case.stages_total else None,
            tuple(standard.per_day),
            standard.terminated_by_stages,
            _facts(session, case).terminated,
            standard.terminated_share,
            (case.terminated_share, case.terminated_share_reason or "")
            if case.terminated_share is not None
            else None,
            case.joined_cases or 1,
            case_handlers(session, case_id),
            parts_from_text(case.subsidy_parts),
            record is None or record.state == PaymentState.PENDING.value,
            case.version,
        )


@requires(Action.PAY_SUBSIDY)
def set_subsidy_basis(
    ctx: Context,
    *,
    case_id: int,
    region_tier: RegionTier | None,
    aided_persons: int,
    days: dict[str, int],
    stages: tuple[int, int] | None = None,
    share: tuple[Decimal, str] | None = None,
    joined_cases: int | None = None,
    parts: Sequence[HandlerPart] | None = None,
    expected_version: int | None = None,
) -> CaseSubsidy:
    """Record 异地 tier, aided persons and per-day days; a pending subsidy is recomputed.

    Once the subsidy is approved its basis is fixed (the finance office pays that amount).
    ``share``: for a terminated case, the share of its subsidy to pay and why (a table silent
    on termination pays nothing until one is recorded; a recorded one prevails over the
    table's). ``expected_version``: the case as the clerk saw it — a change by someone else
    meanwhile is refused rather than overwritten. ``joined_cases`` (同案多件) and ``parts``
    (each handler's part of a case that changed handler; empty to clear) stay as they are
    when not given."""
    if aided_persons < 1:
        raise ValidationError("「受援人数」至少为1（含共同受援人、并案）", field="受援人数")
    for item, count in days.items():
        if count < 0:
            raise ValidationError(f"「{item}」的天数不能为负数", field=item)
    if stages is not None and (stages[1] < 1 or not 0 <= stages[0] <= stages[1]):
        raise ValidationError(
            "「已完成阶段」应在0与承办阶段数之间，承办阶段数至少为1", field="已完成阶段"
        )
    if joined_cases is not None and joined_cases < 1:
        raise ValidationError("「同案件数」至少为1", field="同案件数")
    if share is not None:
        if not Decimal(0) <= share[0] <= 1:
            raise ValidationError("「终止援助支付比例」应在0%到100%之间", field="支付比例")
        if not share[1].strip():
            raise ValidationError("确定终止援助的支付比例须写明理由", field="比例理由")
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id, expected_version)
        record = session.get(CaseSubsidyRecord, case_id)
        if record is not None and record.state != PaymentState.PENDING.value:
            raise ConflictError(f"补贴已{record.state}，计算依据不能再修改")
        if share is not None and not _facts(session, case).terminated:
            raise ValidationError("只有终止援助的案件才能确定支付比例", field="支付比例")
        _, standard = _case_standard(session, case)
        unknown = [item for item, count in days.items() if count and item not in standard.per_day]
        if unknown:
            raise ValidationError(
                f"补贴标准「{standard.name}」中没有按日计算的项目「{unknown[0]}」", field=unknown[0]
            )
        if parts:
            handlers = case_handlers(session, case_id)
            if len(handlers) < 2:
                raise ValidationError("本案没有更换过承办人，不需要确定份额", field="承办人份额")
            check_parts(parts, handlers)
        before = _basis_text(case)
        if region_tier is not None:
            case.cross_region = region_tier is not RegionTier.LOCAL
        case.region_tier = region_tier.value if region_tier else None
        case.aided_persons = aided_persons
        case.subsidy_days = days_to_text(days)
        case.stages_completed, case.stages_total = stages if stages else (None, None)
        case.terminated_share, case.terminated_share_reason = (
            (share[0], share[1].strip()) if share else (None, None)
        )
        if joined_cases is not None:
            case.joined_cases = joined_cases
        if parts is not None:
            case.subsidy_parts = parts_to_text(parts)
        case.updated_at = ctx.now()
        after = _basis_text(case)
        detail: dict[str, object] = {k: f"{before[k]}→{after[k]}" for k in before
                                     if before[k] != after[k]}  # fmt: skip
        if record is not None:
            _, _, amount, lines = _compute(session, case)
            if amount != record.computed:
                detail["计算金额"] = f"{record.computed}→{amount}"
            record.computed, record.breakdown = amount, _lines_json(lines)
        if detail:
            log_event(ctx, session, case, "补贴计算依据", detail=detail)
        recognise_case(ctx, session, case)  # more persons may make it a group case
        uow.commit()
    return case_subsidy(ctx, case_id=case_id)


def _basis_text(case: CaseRecord) -> dict[str, object]:
    days = "、".join(f"{k}{v}日" for k, v in days_from_text(case.subsidy_days).items())
    return {
        "异地": case.region_tier or ("是" if case.cross_region else "否"),
        "受援人数": case.aided_persons,
        "按日项目": days or "无",
        "已完成阶段": f"{case.stages_completed}/{case.stages_total}" if case.stages_total else "无",
        "终止支付比例": f"{share_text(case.terminated_share)}（{case.terminated_share_reason}）"
        if case.terminated_share is not None
        else "无",
        "同案件数": case.joined_cases or 1,
        # Handler ids, not names: the timeline's detail stays free of personal data.
        "承办人份额": "、".join(
            f"#{p.handler_id}:{p.basis()}" for p in parts_from_text(case.subsidy_parts)
        )
        or "无",
    }


def fixed_state(session: Session, case_id: int) -> str | None:
    """The subsidy's state once its basis is fixed (approved or paid), else None."""
    record = session.get(CaseSubsidyRecord, case_id)
    if record is None or record.state == PaymentState.PENDING.value:
        return None
    return record.state


def basis_corrected(session: Session, case: CaseRecord, *, field: str) -> dict[str, object]:
    """A fact the subsidy is computed from (``field``) was corrected: a pending subsidy is
    recomputed (the change of amount returned for the timeline); an approved one is fixed —
    the finance office pays that amount — so the correction is refused."""
    record = session.get(CaseSubsidyRecord, case.id)
    if record is None:
        return {}
    if record.state != PaymentState.PENDING.value:
        raise ValidationError(f"补贴已{record.state}，其计算依据「{field}」不能再更正", field=field)
    _, _, amount, lines = _compute(session, case)
    detail: dict[str, object] = {}
    if amount != record.computed:
        detail["计算金额"] = f"{record.computed}→{amount}"
    record.computed, record.breakdown = amount, _lines_json(lines)
    return detail


def propose(ctx: Context, session: Session, case: CaseRecord) -> CaseSubsidyRecord:
    """Closing a case proposes its subsidy (待审核), unless one is already stored."""
    record = session.get(CaseSubsidyRecord, case.id)
    if record is not None:
        return record
    standard_id, _, amount, lines = _compute(session, case)
    record = CaseSubsidyRecord(
        case_id=case.id,
        standard_id=standard_id,
        computed=amount,
        breakdown=_lines_json(lines),
        state=PaymentState.PENDING.value,
    )
    session.add(record)
    log_event(ctx, session, case, "补贴待审核", detail={"金额": str(amount)})
    return record


def _pending(session: Session, case_id: int) -> tuple[CaseRecord, CaseSubsidyRecord]:
    case = load_case(session, case_id)
    record = session.get(CaseSubsidyRecord, case_id)
    if record is None:
        raise NotFound(f"案件{case.case_no}尚未结案，没有待审核的补贴")
    return case, record


@requires(Action.APPROVE_SUBSIDY)
def override_subsidy(ctx: Context, *, case_id: int, amount: str, reason: str) -> CaseSubsidy:
    """A manual amount needs a reason and is kept beside the computed one (audited)."""
    if not reason.strip():
        raise ValidationError("手工调整补贴须写明理由", field="调整理由")
    try:
        value = parse_amount(amount)
    except AmountError as exc:
        raise ValidationError(f"补贴金额「{amount}」：{exc.reason}", field="补贴金额") from None
    with ctx.writing() as uow:
        case, record = _pending(uow.session, case_id)
        if record.state != PaymentState.PENDING.value:
            raise ConflictError(f"补贴已{record.state}，不能再调整")
        log_event(
            ctx,
            uow.session,
            case,
            "调整补贴",
            detail={"计算金额": str(record.computed), "调整为": str(value), "理由": reason},
        )
        record.override, record.override_reason = value, reason.strip()
        record.override_by = ctx.actor
        uow.commit()
    return case_subsidy(ctx, case_id=case_id)


@requires(Action.APPROVE_SUBSIDY)
def review_subsidy(ctx: Context, *, case_id: int) -> CaseSubsidy:
    with ctx.writing() as uow:
        case, record = _pending(uow.session, case_id)
        if record.state != PaymentState.PENDING.value:
            raise ConflictError(f"补贴状态为「{record.state}」，不能审核")
        parts = part_lines(record.computed, case_handlers(uow.session, case_id),
                           case.subsidy_parts)  # fmt: skip
        if any(p.amount is None for p in parts):
            # Each handler is paid for their own part: a clerk decides it first.
            raise ConflictError(
                f"案件{case.case_no}更换过承办人（{'、'.join(p.handler for p in parts)}），"
                "请先在补贴页确定各承办人的份额"
            )
        if record.override is not None and record.override_by == ctx.actor:
            # Separation of duties: an adjusted amount is approved by someone else.
            raise PermissionDenied(f"补贴金额由您（{ctx.actor}）调整，须由另一位负责人审核")
        record.state = PaymentState.REVIEWED.value
        record.reviewed_by, record.reviewed_at = ctx.actor, ctx.now()
        log_event(ctx, uow.session, case, "补贴已审核")
        uow.commit()
    return case_subsidy(ctx, case_id=case_id)


@requires(Action.PAY_SUBSIDY)
def mark_paid(ctx: Context, *, case_ids: list[int]) -> Decimal:
    """Pay reviewed subsidies: all of them or none; the amount becomes the case's 办案补贴."""
    total = Decimal(0)
    with ctx.writing() as uow:
        for case_id in case_ids:
            case, record = _pending(uow.session, case_id)
            if record.state != PaymentState.REVIEWED.value:
                raise ConflictError(
                    f"案件{case.case_no}的补贴状态为「{record.state}」，只能发放已审核的补贴"
                )
            amount = record.override if record.override is not None else record.computed
            record.state = PaymentState.PAID.value
            record.paid_by, record.paid_at = ctx.actor, ctx.now()
            case.subsidy_paid = amount
            log_event(ctx, uow.session, case, "补贴已发放", detail={"金额": str(amount)})
            total += amount
        uow.commit()
    return total
