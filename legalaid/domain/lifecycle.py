"""The case state machine (domain.md, "Case lifecycle")."""

from __future__ import annotations

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
