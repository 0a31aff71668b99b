"""The case state machine (domain.md, "Case lifecycle")."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from legalaid.domain.errors import InvalidTransition
from legalaid.domain.vocabulary import CaseSource, CaseState

S = CaseState

# Every allowed transition. Reassignment keeps the state and is not listed here.
TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    # A receipt slip is issued at registration; the centre then asks for materials or reviews.
    S.REGISTERED: frozenset({S.AWAITING_MATERIALS, S.REVIEW}),
    # One notice lists everything missing; the applicant supplies it or withdraws.
    S.AWAITING_MATERIALS: frozenset({S.REVIEW, S.WITHDRAWN}),
    # Decide within 7 days of receipt (程序规定 art. 16).
    S.REVIEW: frozenset({S.APPROVED, S.REJECTED}),
    # An objection upheld by the justice bureau turns a rejection into aid (法律援助法 s.49).
    S.REJECTED: frozenset({S.APPROVED}),
    # Notified cases (通知辩护/通知代理) skip the review and go straight to assignment.
    S.NOTIFIED: frozenset({S.ASSIGNED}),
    S.APPROVED: frozenset({S.ASSIGNED}),
    S.ASSIGNED: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.CLOSING, S.TERMINATED}),
    # A terminated case still files its closing papers (partial subsidy).
    # An objection upheld by the bureau resumes the aid (法律援助法 s.49).
    S.TERMINATED: frozenset({S.CLOSING, S.IN_PROGRESS}),
    # The centre approves the closing file, or returns it for completion.
    S.CLOSING: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset({S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
    S.WITHDRAWN: frozenset(),
}


def initial_state(source: CaseSource) -> CaseState:
    """Applications are registered; notifications from court, procuratorate or police are
    accepted as they come (no hardship review)."""
    return S.NOTIFIED if source.is_notification else S.REGISTERED


def can_transition(current: CaseState, target: CaseState) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: CaseState, target: CaseState) -> None:
    """Raise ``InvalidTransition`` naming both states unless the move is allowed."""
    if target not in TRANSITIONS[current]:
        allowed = "、".join(s.value for s in sorted(TRANSITIONS[current], key=list(S).index))
        reason = f"允许的下一状态为：{allowed}" if allowed else "该状态为终局状态"
        raise InvalidTransition(current.value, target.value, reason)


# An application not yet decided. 先行提供 (法律援助法 s.44) lets aid begin in these states:
# a handler is assigned at once while the decision stays due.
PENDING_DECISION = frozenset({S.REGISTERED, S.AWAITING_MATERIALS, S.REVIEW})


def is_assignable(state: CaseState, *, in_advance: bool = False) -> bool:
    """A handler may be (re)assigned once aid is granted and until the case is closed — or,
    with aid given in advance, while the application is still being decided."""
    if in_advance and state in PENDING_DECISION:
        return True
    return state in (S.APPROVED, S.NOTIFIED, S.ASSIGNED, S.IN_PROGRESS)


class Step(StrEnum):
    """The steps a clerk or handler takes on a case, as the case window offers them."""

    REVIEW = "开始审查"
    MATERIALS = "通知补正"
    RECEIVED = "材料补齐"
    GRANT = "给予法律援助"
    REJECT = "不予法律援助"
    OBJECTION = "提出异议"
    OBJECTION_RESULT = "异议审查决定"
    ADVANCE = "先行提供法律援助"
    ASSIGN = "指派承办人"
    ENGAGE = "签订委托协议"
    PAUSE = "委托协议延迟"
    TERMINATE = "终止法律援助"
    WITHDRAW = "撤回申请"
    SUBMIT = "提交结案材料"
    APPROVE = "结案审查通过"
    RETURN = "退回补充材料"
    ARCHIVE = "归档"


# The state a step moves the case to, where it moves it (the others record a fact: an
# objection, aid in advance, a delayed agreement; assigning again keeps the state).
STEP_TARGET: dict[Step, CaseState] = {
    Step.REVIEW: S.REVIEW, Step.MATERIALS: S.AWAITING_MATERIALS, Step.RECEIVED: S.REVIEW,
    Step.GRANT: S.APPROVED, Step.REJECT: S.REJECTED, Step.ENGAGE: S.IN_PROGRESS,
    Step.TERMINATE: S.TERMINATED, Step.WITHDRAW: S.WITHDRAWN, Step.SUBMIT: S.CLOSING,
    Step.APPROVE: S.CLOSED, Step.RETURN: S.IN_PROGRESS, Step.ARCHIVE: S.ARCHIVED,
}  # fmt: skip


@dataclass(frozen=True)
class StepFacts:
    """What, beside its state, decides a case's next steps."""

    state: CaseState
    application: bool  # an application (not a notification)
    objection_open: bool  # an objection awaits the bureau's decision (s.49)
    in_advance: bool  # aid given in advance (s.44)
    agreement_paused: bool  # the agreement's clock stopped (程序规定 s.27)


def next_steps(facts: StepFacts) -> frozenset[Step]:
    """The steps the law allows now. The case window offers exactly these (each to the roles
    that may take it); the services check the same conditions when a step is taken."""
    state = facts.state
    allowed = TRANSITIONS[state]
    steps = {step for step, target in STEP_TARGET.items() if target in allowed}
    # Of the moves the table allows, some belong to one particular step:
    if state is not S.REGISTERED:
        steps.discard(Step.REVIEW)  # 材料补齐 is the way back to review after 补正
    if state is not S.AWAITING_MATERIALS:
        steps.discard(Step.RECEIVED)
    if state is not S.REVIEW:
        steps.discard(Step.GRANT)  # a refusal becomes a grant only by the objection (s.49)
    if state is not S.ASSIGNED:
        steps.discard(Step.ENGAGE)
    if state is not S.CLOSING:
        steps -= {Step.APPROVE, Step.RETURN}  # resuming after termination is the bureau's
    if state in (S.REJECTED, S.TERMINATED) and not facts.objection_open:
        steps.add(Step.OBJECTION)
    if facts.objection_open:
        steps.add(Step.OBJECTION_RESULT)
    if state in PENDING_DECISION and facts.application and not facts.in_advance:
        steps.add(Step.ADVANCE)
    if is_assignable(state, in_advance=facts.in_advance):
        steps.add(Step.ASSIGN)
    if state is S.ASSIGNED and not facts.agreement_paused:
        steps.add(Step.PAUSE)
    return frozenset(steps)
