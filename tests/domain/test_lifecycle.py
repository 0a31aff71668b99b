"""Every pair of states: allowed exactly when domain.md's table says so."""

from __future__ import annotations

import itertools

import pytest

from legalaid.domain.errors import InvalidTransition
from legalaid.domain.lifecycle import check_transition, initial_state, is_assignable
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
