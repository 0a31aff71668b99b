"""Ending a case: termination (终止), the closing file (结案审查), closing and archiving."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.closing_file import (
    ChecklistItem,
    Enforcement,
    Hearing,
    Outcome,
    WorkKind,
    check_closing_file,
    checklist,
)
from legalaid.domain.errors import ValidationError
from legalaid.domain.money import AmountError, check_amount
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseState,
    CaseType,
    QualityGrade,
    Stage,
    TerminationReason,
)
from legalaid.services.commands.escalations import refuse_closing_while_open
from legalaid.services.commands.settings import closing_lists
from legalaid.services.commands.subsidies import propose
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import (
    CaseRef,
    commit_case,
    load_case,
    move,
    on_or_today,
)
from legalaid.services.plumbing.context import Context
from legalaid.storage.records import (
    AttachmentRecord,
    CaseDocumentRecord,
    CaseEventRecord,
    CaseRecord,
    WorkEntryRecord,
)


@requires(Action.TERMINATE)
def terminate(
    ctx: Context,
    *,
    case_id: int,
    reason: TerminationReason,
    on: date | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """终止法律援助 for one of the reasons of 法律援助法 s.48."""
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        day = on_or_today(ctx, on)
        earliest = case.assigned_on or case.accepted_on or case.applied_on
        if day < earliest:
            raise ValidationError(
                f"终止日期{day.isoformat()}早于本案的{'指派' if case.assigned_on else '受理'}"
                f"日期{earliest.isoformat()}",
                field="终止日期",
            )
        move(ctx, uow.session, case, CaseState.TERMINATED, "终止援助", {"理由": reason.value})
        case.ended_on = day
        case.closed_on = day
        if case.handler_id is not None and case.subsidy_paid is None:
            propose(ctx, uow.session, case)  # the handler is paid a share (Art. 48 cases too)
        return commit_case(ctx, uow, case)


@requires(Action.VIEW_CASE)
def closing_checklist(ctx: Context, *, case_id: int) -> tuple[ChecklistItem, ...]:
    """What this case's closing file must (R) or may (A) hold."""
    with ctx.reading() as uow:
        case = load_case(uow.session, case_id)
        return _checklist(uow.session, case)


def _checklist(session: Session, case: CaseRecord) -> tuple[ChecklistItem, ...]:
    return checklist(
        CaseType(case.case_type), Stage(case.stage) if case.stage else None,
        application=case.source == CaseSource.APPLICATION.value,
        major_difficult=case.major_difficult, lists=closing_lists(session),
        terminated=case.state == CaseState.TERMINATED.value,
    )  # fmt: skip


@requires(Action.VIEW_CASE)
def filed_items(ctx: Context, *, case_id: int) -> tuple[Outcome | None, list[str]]:
    """The outcome and items of the last submission (kept when a file is returned)."""
    with ctx.reading() as uow:
        case = load_case(uow.session, case_id)
        items = json.loads(case.closing_items) if case.closing_items else []
        return (Outcome(case.outcome) if case.outcome else None), items


def hearing_and_enforcement(
    ctx: Context, *, case_id: int
) -> tuple[Hearing | None, Enforcement | None]:
    """How the case was heard and the enforcement result, as last filed (kept on return)."""
    with ctx.reading() as uow:
        case = load_case(uow.session, case_id)
        return (
            Hearing(case.hearing) if case.hearing else None,
            Enforcement(case.enforcement) if case.enforcement else None,
        )


@requires(Action.SUBMIT_CLOSING)
def submit_closing(
    ctx: Context,
    *,
    case_id: int,
    ended_on: date,
    outcome: Outcome,
    items: Collection[str],
    recovered_amount: Decimal | None = None,
    hearing: Hearing | None = None,
    enforcement: Enforcement | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """The handler files the closing papers (within 30 days of the case ending) with the
    outcome, the checklist and 挽回经济损失 (yuan recovered or obtained for the aided person,
    as annual reports sum it); a file without every required item is refused. ``hearing``
    and ``enforcement`` (how the case was heard, the enforcement result) are recorded here
    once, for the subsidy tables that pay by them."""
    if recovered_amount is not None:
        try:
            check_amount(recovered_amount)
        except AmountError as exc:
            raise ValidationError(f"「挽回经济损失」：{exc.reason}", field="挽回经济损失") from None
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        if ended_on > ctx.today():
            raise ValidationError("「办结日期」不能晚于今天", field="办结日期")
        if case.assigned_on and ended_on < case.assigned_on:
            raise ValidationError("「办结日期」早于指派日期", field="办结日期")
        check_closing_file(_checklist(uow.session, case), set(items))
        case.outcome = outcome.value
        case.hearing = hearing.value if hearing else None
        case.enforcement = enforcement.value if enforcement else None
        case.recovered_amount = recovered_amount
        case.closing_items = json.dumps(sorted(items), ensure_ascii=False)
        case.closing_submitted_on = ctx.today()
        refuse_closing_while_open(uow.session, case)
        detail: dict[str, object] = {
            "办结日期": ended_on.isoformat(), "结果": outcome.value, "材料": len(items)
        }  # fmt: skip
        for label, value in (("审理方式", hearing), ("执行结果", enforcement)):
            if value is not None:
                detail[label] = value.value
        move(
            ctx,
            uow.session,
            case,
            CaseState.CLOSING,
            "提交结案材料",
            detail,
        )
        case.ended_on = ended_on
        return commit_case(ctx, uow, case)


@requires(Action.REVIEW_CLOSING)
def return_closing(
    ctx: Context, *, case_id: int, reason: str, expected_version: int | None = None
) -> CaseRef:
    if not reason.strip():
        raise ValidationError("退回结案材料须写明原因", field="退回原因")
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        move(ctx, uow.session, case, CaseState.IN_PROGRESS, "退回结案材料", {"原因": reason})
        return commit_case(ctx, uow, case)


@requires(Action.REVIEW_CLOSING)
def approve_closing(
    ctx: Context,
    *,
    case_id: int,
    on: date | None = None,
    quality_grade: QualityGrade | None = None,
    expected_version: int | None = None,
) -> CaseRef:
    """Close the case after reviewing its file; the review's 质量等级 is recorded with the
    reviewer (the figures the annual report and the s.58 notice publish)."""
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        day = on_or_today(ctx, on)
        refuse_closing_while_open(uow.session, case)
        detail: dict[str, object] | None = (
            {"质量等级": quality_grade.value} if quality_grade else None
        )
        move(ctx, uow.session, case, CaseState.CLOSED, "结案", detail)
        if quality_grade is not None:
            case.quality_grade = quality_grade.value
            case.quality_reviewer = ctx.actor
        case.closed_on = day
        if case.handler_id is not None and case.subsidy_paid is None:
            propose(ctx, uow.session, case)  # closing proposes the handler's subsidy
        return commit_case(ctx, uow, case)


@requires(Action.REVIEW_CLOSING)
def archive(ctx: Context, *, case_id: int, expected_version: int | None = None) -> CaseRef:
    with ctx.writing() as uow:
        case = load_case(uow.session, case_id, expected_version)
        move(ctx, uow.session, case, CaseState.ARCHIVED, "归档")
        return commit_case(ctx, uow, case)


def returned_files(ctx: Context, *, case_ids: Collection[int]) -> dict[int, tuple[date, str]]:
    """Of these cases, those whose closing file was returned and not yet filed again, with
    the day and the reason (the handler's list marks them)."""
    if not case_ids:
        return {}
    with ctx.reading() as uow:
        rows = uow.session.execute(
            select(CaseEventRecord.case_id, CaseEventRecord.action, CaseEventRecord.at,
                   CaseEventRecord.detail)
            .where(CaseEventRecord.case_id.in_(sorted(case_ids)),
                   CaseEventRecord.action.in_(("退回结案材料", "提交结案材料")))
            .order_by(CaseEventRecord.case_id, CaseEventRecord.id)
        )  # fmt: skip
        last: dict[int, tuple[str, date, str]] = {}
        for case_id, action, at, detail in rows:
            reason = json.loads(detail).get("原因", "") if detail else ""
            last[int(case_id)] = (action, at.date(), str(reason))
    return {i: (day, reason) for i, (action, day, reason) in last.items()
            if action == "退回结案材料"}  # fmt: skip


# What the application itself holds, and the words of the checklist items it stands for:
# documents it issued, files attached by kind, the work logged.
_ISSUED = {
    "受理登记表": ("审查/审批表",), "法律援助申请表": ("法律援助申请表",),
    "给予法律援助决定书": ("给予法律援助决定书",), "指派通知书": ("指派通知书",),
    "法律援助公函": ("法律援助公函",), "更换法律援助人员通知书": ("更换或终止",),
    "终止法律援助决定书": ("更换或终止",), "结案报告表": ("结案报告表",),
}  # fmt: skip
_ATTACHED = {
    "会见笔录": ("会见笔录", "谈话笔录"), "阅卷笔录": ("阅卷笔录",),
    "调查取证材料": ("调查取证材料",), "辩护词/代理词": ("辩护词", "代理词"),
    "判决书/裁定书/调解书": ("判决书", "裁定书", "调解书", "裁决书"),
    "庭审笔录": ("庭审笔录",), "委托协议及授权委托书": ("委托协议",),
    "集体讨论记录": ("集体讨论记录",),
}  # fmt: skip


@requires(Action.VIEW_CASE)
def held_items(ctx: Context, *, case_id: int) -> list[str]:
    """The closing checklist's items the application already holds for this case — the
    documents it issued, the files attached (会见笔录 …), the 会见 logged — to be ticked
    before the handler starts (they still confirm each)."""
    with ctx.reading() as uow:
        session = uow.session
        case = load_case(session, case_id)
        words: set[str] = set()
        for kind in session.scalars(
            select(CaseDocumentRecord.kind).where(CaseDocumentRecord.case_id == case.id)
        ):
            words.update(_ISSUED.get(kind, ()))
        for kind in session.scalars(
            select(AttachmentRecord.kind).where(AttachmentRecord.case_id == case.id)
        ):
            words.update(_ATTACHED.get(kind, ()))
        met = session.scalar(
            select(WorkEntryRecord.id).where(WorkEntryRecord.case_id == case.id,
                                             WorkEntryRecord.kind == WorkKind.MEETING.value)
            .limit(1)
        )  # fmt: skip
        if met is not None:
            words.update(_ATTACHED["会见笔录"])
        return [item.name for item in _checklist(session, case)
                if any(word in item.name for word in words)]  # fmt: skip
