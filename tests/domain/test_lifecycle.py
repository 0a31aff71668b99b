"""Every pair of states: allowed exactly when domain.md's table says so."""

from __future__ import annotations

import itertools

import pytest

from legalaid.domain.errors import InvalidTransition
from legalaid.domain.lifecycle import (
    STEP_TARGET,
    Step,
    StepFacts,
    can_transition,
    check_transition,
    initial_state,
    is_assignable,
    next_steps,
)
from legalaid.domain.vocabulary import CaseSource, CaseState

S = CaseState
ALLOWED = {
    (S.REGISTERED, S.AWAITING_MATERIALS),
    (S.REGISTERED, S.REVIEW),
    (S.AWAITING_MATERIALS, S.REVIEW),
    (S.AWAITING_MATERIALS, S.WITHDRAWN),
    (S.REVIEW, S.APPROVED),
    (S.REVIEW, S.REJECTED),
    (S.REJECTED, S.APPROVED),
    (S.NOTIFIED, S.ASSIGNED),
    (S.APPROVED, S.ASSIGNED),
    (S.ASSIGNED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.CLOSING),
    (S.IN_PROGRESS, S.TERMINATED),
    (S.TERMINATED, S.CLOSING),
    (S.TERMINATED, S.IN_PROGRESS),  # an objection upheld resumes the aid (s.49)
    (S.CLOSING, S.CLOSED),
    (S.CLOSING, S.IN_PROGRESS),
    (S.CLOSED, S.ARCHIVED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_every_transition(current: CaseState, target: CaseState) -> None:
    if (current, target) in ALLOWED:
        check_transition(current, target)
    else:
        with pytest.raises(InvalidTransition) as info:
            check_transition(current, target)
        # The message names both states so a clerk knows what was refused.
        assert current.value in info.value.message
        assert target.value in info.value.message


@pytest.mark.parametrize(
    ("source", "state"),
    [
        (CaseSource.APPLICATION, S.REGISTERED),
        (CaseSource.DUTY_LAWYER, S.REGISTERED),
        (CaseSource.OTHER, S.REGISTERED),
        (CaseSource.COURT_NOTICE, S.NOTIFIED),
        (CaseSource.PROCURATORATE_NOTICE, S.NOTIFIED),
        (CaseSource.POLICE_NOTICE, S.NOTIFIED),
    ],
)
def test_notified_cases_skip_review(source: CaseSource, state: CaseState) -> None:
    assert initial_state(source) is state


def test_notified_case_cannot_be_reviewed() -> None:
    with pytest.raises(InvalidTransition):
        check_transition(S.NOTIFIED, S.REVIEW)


@pytest.mark.parametrize("state", list(S))
def test_assignable_only_between_grant_and_closing(state: CaseState) -> None:
    assert is_assignable(state) == (state in {S.APPROVED, S.NOTIFIED, S.ASSIGNED, S.IN_PROGRESS})


# -- the steps the case window offers ----------------------------------------------------------
def _facts(state: CaseState, **flags: bool) -> StepFacts:
    values = dict(application=True, objection_open=False, in_advance=False,
                  agreement_paused=False)  # fmt: skip
    values.update(flags)
    return StepFacts(state=state, **values)


T = Step
EXPECTED = {
    S.REGISTERED: {T.REVIEW, T.MATERIALS, T.ADVANCE},
    S.AWAITING_MATERIALS: {T.RECEIVED, T.WITHDRAW, T.ADVANCE},
    S.REVIEW: {T.GRANT, T.REJECT, T.ADVANCE},
    S.REJECTED: {T.OBJECTION},
    S.NOTIFIED: {T.ASSIGN},
    S.APPROVED: {T.ASSIGN},
    S.ASSIGNED: {T.ASSIGN, T.ENGAGE, T.PAUSE},
    S.IN_PROGRESS: {T.ASSIGN, T.SUBMIT, T.TERMINATE},
    S.TERMINATED: {T.SUBMIT, T.OBJECTION},
    S.CLOSING: {T.APPROVE, T.RETURN},
    S.CLOSED: {T.ARCHIVE},
    S.ARCHIVED: set(),
    S.WITHDRAWN: set(),
}


@pytest.mark.parametrize("state", list(S))
def test_each_state_offers_its_steps(state: CaseState) -> None:
    assert next_steps(_facts(state)) == EXPECTED[state]


def test_the_facts_beside_the_state_add_or_take_steps() -> None:
    # An objection awaiting the bureau: its decision is offered, a second objection is not.
    assert next_steps(_facts(S.REJECTED, objection_open=True)) == {T.OBJECTION_RESULT}
    # Aid in advance: given once; the handler can be assigned before the decision.
    assert next_steps(_facts(S.REVIEW, in_advance=True)) == {T.GRANT, T.REJECT, T.ASSIGN}
    # A notification is not an application: no aid in advance.
    assert T.ADVANCE not in next_steps(_facts(S.REGISTERED, application=False))
    # A delayed agreement is recorded once; signing is still offered.
    assert next_steps(_facts(S.ASSIGNED, agreement_paused=True)) == {T.ASSIGN, T.ENGAGE}


@pytest.mark.parametrize(
    "state,flags",
    [(s, f) for s in S for f in itertools.product([False, True], repeat=4)],
)
def test_a_step_offered_is_a_move_the_law_allows(
    state: CaseState, flags: tuple[bool, bool, bool, bool]
) -> None:
    facts = StepFacts(state, *flags)
    for step in next_steps(facts):
        if step in STEP_TARGET:
            assert can_transition(state, STEP_TARGET[step]), (state, step)
