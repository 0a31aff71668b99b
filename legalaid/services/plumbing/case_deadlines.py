"""A case's running deadline, in one place: the rules in force (the Law's, or the office's
own where it counts otherwise), the case's clock, and the due day stored on the case so that
lists, counts and reminders read it without counting again."""

from __future__ import annotations

import json

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from legalaid.domain.deadlines import (
    DEFAULT_RULES,
    CaseClock,
    DeadlineKind,
    DeadlineRule,
    open_deadline,
)
from legalaid.domain.vocabulary import OPEN_STATES, CaseState
from legalaid.domain.workdays import CountRule
from legalaid.services.plumbing.context import Context
from legalaid.storage import repositories as repo
from legalaid.storage.records import CaseRecord

# The setting holding the rules an office changed (the rest follow the Law).
DEADLINE_RULES = "deadline_rules"


def deadline_rules(session: Session) -> dict[DeadlineKind, DeadlineRule]:
    stored = repo.get_setting(session, DEADLINE_RULES)
    rules = dict(DEFAULT_RULES)
    if stored:
        for name, rule in json.loads(stored).items():
            rules[DeadlineKind[name]] = DeadlineRule(int(rule["days"]), CountRule[rule["count"]])
    return rules


def clock_of(case: CaseRecord) -> CaseClock:
    return CaseClock(
        state=CaseState(case.state),
        applied_on=case.applied_on,
        accepted_on=case.accepted_on,
        assigned_on=case.assigned_on,
        ended_on=case.ended_on,
        review_paused_days=case.review_paused_days or 0,
        materials_requested_on=case.materials_requested_on,
        closing_submitted_on=case.closing_submitted_on,
        agreement_paused_on=case.agreement_paused_on,
        objection_filed_on=case.objection_filed_on,
    )


def refresh_deadline(
    ctx: Context, case: CaseRecord, rules: dict[DeadlineKind, DeadlineRule]
) -> None:
    deadline = open_deadline(clock_of(case), ctx.calendar, rules)
    case.due_on = deadline.due if deadline else None
    case.deadline_kind = deadline.kind.value if deadline else None


def recompute_deadlines(
    ctx: Context,
    session: Session,
    rules: dict[DeadlineKind, DeadlineRule],
    *,
    only_missing: bool = False,
) -> int:
    """Store every open case's running deadline again (after a rule change or an upgrade)."""
    query = select(CaseRecord).where(
        or_(
            CaseRecord.state.in_([s.value for s in OPEN_STATES]),
            CaseRecord.objection_filed_on.is_not(None),  # a refused case's objection clock
        )
    )
    if only_missing:
        query = query.where(CaseRecord.due_on.is_(None))
    changes = []
    for case in session.scalars(query.execution_options(yield_per=5000)):
        deadline = open_deadline(clock_of(case), ctx.calendar, rules)
        due = deadline.due if deadline else None
        kind = deadline.kind.value if deadline else None
        if (due, kind) != (case.due_on, case.deadline_kind):
            changes.append({"case_id": case.id, "due": due, "kind": kind})
    session.flush()
    session.expunge_all()  # a million loaded cases need not stay in memory
    for start in range(0, len(changes), 5000):
        repo.bulk_set_deadlines(session, changes[start : start + 5000])
    return len(changes)
