"""Assigning and reassigning handlers (指派 / 更换承办人), with the qualification checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from legalaid.domain.errors import InvalidTransition, NotFound, ValidationError
from legalaid.domain.groups import is_minor
from legalaid.domain.lifecycle import PENDING_DECISION, is_assignable
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import OPEN_STATES, CaseState, CaseType, HandlerType, Stage
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import (
    CaseRef,
    commit_case,
    load_case,
    log_event,
    move,
    on_or_today,
)
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import AssignmentRecord, CaseRecord, HandlerRecord

# 办理法律援助案件程序规定: a possible life sentence or death penalty needs a lawyer with at
# least three years of criminal defence practice (法律援助法 s.26).
MIN_CRIMINAL_YEARS_FOR_LIFE_OR_DEATH = 3


@dataclass(frozen=True)
class AssignmentResult:
    case: CaseRef
    warnings: tuple[str, ...]


def qualification_problems(case: CaseRecord, handler: HandlerRecord) -> tuple[list[str], list[str]]:
    """(refusals, warnings) for giving ``case`` to ``handler``."""
    refusals: list[str] = []
    warnings: list[str] = []
    if not handler.active:
        refusals.append(f"承办人{handler.name}已停用")
    criminal = case.case_type == CaseType.CRIMINAL_DEFENCE.value
    # 死刑复核 defendants fall under the same rule without a separate tick (s.26).
    if criminal and (case.possible_life_or_death or case.stage == Stage.DEATH_REVIEW.value):
        if handler.handler_type != HandlerType.LAWYER.value:
            refusals.append(
                "可能判处无期徒刑、死刑的案件和死刑复核案件应指派律师承办（法律援助法第二十六条）"
            )
        elif handler.criminal_years < MIN_CRIMINAL_YEARS_FOR_LIFE_OR_DEATH:
            refusals.append(
                f"可能判处无期徒刑、死刑的案件和死刑复核案件应指派具有三年以上刑事辩护执业经历的律师，"
                f"{handler.name}的刑事执业年限为{handler.criminal_years}年（法律援助法第二十六条）"
            )
    return refusals, warnings


def minors_gap(case: CaseRecord, handler: HandlerRecord) -> str | None:
    """未成年人案件应当指派熟悉未成年人身心特点的律师 (应当: a rule, not a suggestion): a
    handler without that expertise only with the clerk's written reason why no such lawyer
    is available."""
    criminal = case.case_type == CaseType.CRIMINAL_DEFENCE.value
    if criminal and _is_minor(case) and not handler.minors_expertise:
        return (
            f"未成年人案件应当指派熟悉未成年人身心特点的律师，{handler.name}未登记此项专长；"
            "如确无此类律师可以指派，须写明原因"
        )
    return None


def _is_minor(case: CaseRecord) -> bool:
    return is_minor(case.person.birth_date, case.applied_on, (g.group_name for g in case.groups))


@requires(Action.ASSIGN)
def assign_handler(
    ctx: Context,
    *,
    case_id: int,
    handler_id: int,
    on: date | None = None,
    reason: str | None = None,
    minors_reason: str | None = None,
    expected_version: int | None = None,
) -> AssignmentResult:
    """Assign a handler; when the case already has one this is a reassignment, which needs a
    reason and keeps the history (更换法律援助人员)."""
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id, expected_version)
        handler = session.get(HandlerRecord, handler_id)
        if handler is None:
            raise NotFound(f"承办人（编号{handler_id}）不存在")
        state = CaseState(case.state)
        in_advance = case.advance_on is not None and state in PENDING_DECISION
        if not is_assignable(state, in_advance=in_advance):
            raise InvalidTransition(
                state.value, CaseState.ASSIGNED.value,
                "该状态下不能指派承办人（尚未决定给予援助的申请，须先行提供后才能指派）",
            )  # fmt: skip
        day = on_or_today(ctx, on)
        if case.accepted_on and day < case.accepted_on:
            raise ValidationError("指派日期早于受理日期", field="指派日期")
        if in_advance and case.advance_on and day < case.advance_on:
            raise ValidationError("指派日期早于先行提供日期", field="指派日期")
        refusals, warnings = qualification_problems(case, handler)
        if refusals:
            raise ValidationError("；".join(refusals), field="承办人")
        gap = minors_gap(case, handler)
        if gap is not None and not (minors_reason or "").strip():
            raise ValidationError(gap, field="未成年人专长说明")
        current = session.scalar(
            select(AssignmentRecord).where(
                AssignmentRecord.case_id == case.id, AssignmentRecord.ended_on.is_(None)
            )
        )
        if current is not None:
            if current.handler_id == handler.id:
                raise ValidationError(f"{handler.name}已是本案承办人", field="承办人")
            if not (reason or "").strip():
                raise ValidationError("更换承办人须写明原因", field="更换原因")
            current.ended_on = day
            log_event(
                ctx,
                session,
                case,
                "更换承办人",
                detail={"原承办人": current.handler.name, "新承办人": handler.name, "原因": reason},
            )
        elif in_advance:
            # 先行提供 (s.44): the handler starts now; the state stays with the pending
            # decision, whose clock keeps running.
            log_event(ctx, session, case, "先行指派", detail={"承办人": handler.name})
            case.assigned_on = day
        else:
            move(ctx, session, case, CaseState.ASSIGNED, "指派", {"承办人": handler.name})
            case.assigned_on = day
        session.add(
            AssignmentRecord(case_id=case.id, handler_id=handler.id, assigned_on=day, reason=reason)
        )
        if gap is not None:  # the written reason stays on the timeline for later review
            why = (minors_reason or "").strip()
            detail: dict[str, object] = {"承办人": handler.name, "原因": why}
            log_event(ctx, session, case, "未指派熟悉未成年人特点的律师", detail=detail)
        case.handler_id = handler.id
        # A new handler has a new agreement to sign: its clock runs from this assignment.
        case.agreement_paused_on = None
        case.agreement_pause_reason = None
        case.updated_at = ctx.now()
        return AssignmentResult(case=commit_case(ctx, uow, case), warnings=tuple(warnings))


@requires(Action.RECORD_AGREEMENT)
def start_handling(
    ctx: Context, *, case_id: int, on: date | None = None, expected_version: int | None = None
) -> CaseRef:
    """The agreement and power of attorney are signed (within 5 days): the case is in hand."""
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        move(
            ctx,
            uow.session,
            case,
            CaseState.IN_PROGRESS,
            "签订委托协议",
            {"日期": on_or_today(ctx, on).isoformat()},
        )
        return commit_case(ctx, uow, case)


@requires(Action.RECORD_AGREEMENT)
def pause_agreement(
    ctx: Context,
    *,
    case_id: int,
    reason: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """The agreement cannot be signed in time 因受援人原因或者其他客观原因 (程序规定 s.27): the
    clock stops, visibly, until the agreement is signed (start_handling)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明无法按时签订委托协议的原因", field="原因")
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        if CaseState(case.state) is not CaseState.ASSIGNED:
            raise ValidationError("只有已指派、尚未签订委托协议的案件才能暂停该期限", field="状态")
        if case.agreement_paused_on is not None:
            raise ValidationError("签订委托协议的期限已经暂停", field="状态")
        day = on_or_today(ctx, on)
        case.agreement_paused_on = day
        case.agreement_pause_reason = reason
        case.updated_at = ctx.now()
        log_event(ctx, uow.session, case, "暂停签订委托协议期限",
                  detail={"日期": day.isoformat(), "原因": reason})  # fmt: skip
        return commit_case(ctx, uow, case)


@dataclass(frozen=True)
class HandlerOption:
    """A handler as the assignment picker shows it for one case."""

    id: int
    name: str
    handler_type: str
    firm: str | None
    open_cases: int
    criminal_years: int
    minors_expertise: bool
    refusals: tuple[str, ...]
    warnings: tuple[str, ...]
    current: bool
    minors_gap: str | None = None  # assignable only with a written reason

    @property
    def qualified(self) -> bool:
        return not self.refusals


@requires(Action.ASSIGN)
def handler_options(ctx: Context, *, case_id: int) -> list[HandlerOption]:
    """Every active handler with caseload and qualification for this case; the suggestion
    (least-loaded qualified handler without warnings) comes first."""
    with ctx.reading() as uow:
        session = uow.session
        case = load_case(session, case_id)
        load = dict(
            session.execute(
                select(CaseRecord.handler_id, func.count())
                .where(CaseRecord.state.in_([s.value for s in OPEN_STATES]))
                .where(CaseRecord.handler_id.is_not(None))
                .group_by(CaseRecord.handler_id)
            ).all()
        )
        options = []
        for handler in session.scalars(select(HandlerRecord).where(HandlerRecord.active.is_(True))):
            refusals, warnings = qualification_problems(case, handler)
            gap = minors_gap(case, handler)
            options.append(
                HandlerOption(
                    id=handler.id,
                    name=handler.name,
                    handler_type=handler.handler_type,
                    firm=handler.firm.name if handler.firm else None,
                    open_cases=int(load.get(handler.id, 0)),
                    criminal_years=handler.criminal_years,
                    minors_expertise=handler.minors_expertise,
                    refusals=tuple(refusals),
                    warnings=tuple(warnings),
                    current=handler.id == case.handler_id,
                    minors_gap=gap,
                )
            )
    options.sort(
        key=lambda o: (
            bool(o.refusals),
            o.minors_gap is not None,
            bool(o.warnings),
            o.current,
            o.open_cases,
            o.name,
        )
    )
    return options
