"""Shared steps of every case change: load with version check, move state, log the event."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from legalaid.domain.errors import ConflictError, NotFound
from legalaid.domain.lifecycle import check_transition
from legalaid.domain.numbering import format_case_number
from legalaid.domain.vocabulary import CaseState
from legalaid.services.plumbing.case_deadlines import deadline_rules, refresh_deadline
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.search import search_row
from legalaid.storage import repositories as repo
from legalaid.storage.records import CaseEventRecord, CaseRecord, OfficeRecord
from legalaid.storage.uow import UnitOfWork

CASE_NUMBER_KIND = "case"


@dataclass(frozen=True)
class CaseRef:
    """What a change returns: enough to show the result and to edit again."""

    id: int
    case_no: str
    state: CaseState
    version: int


def ref(case: CaseRecord) -> CaseRef:
    return CaseRef(
        id=case.id, case_no=case.case_no, state=CaseState(case.state), version=case.version
    )


def load_case(session: Session, case_id: int, expected_version: int | None = None) -> CaseRecord:
    case = session.get(CaseRecord, case_id)
    if case is None:
        raise NotFound(f"案件（编号{case_id}）不存在")
    if expected_version is not None and case.version != expected_version:
        raise ConflictError(f"案件{case.case_no}已被其他人修改，请重新打开后再操作")
    return case


def log_event(
    ctx: Context,
    session: Session,
    case: CaseRecord,
    action: str,
    *,
    from_state: str | None = None,
    to_state: str | None = None,
    detail: dict[str, object] | None = None,
) -> None:
    session.add(
        CaseEventRecord(
            case_id=case.id,
            at=ctx.now(),
            actor=ctx.actor,
            action=action,
            from_state=from_state,
            to_state=to_state,
            detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
        )
    )


def move(
    ctx: Context,
    session: Session,
    case: CaseRecord,
    target: CaseState,
    action: str,
    detail: dict[str, object] | None = None,
) -> None:
    """Change the state if the lifecycle allows it, and record it on the timeline."""
    current = CaseState(case.state)
    check_transition(current, target)
    case.state = target.value
    case.updated_at = ctx.now()
    log_event(
        ctx, session, case, action, from_state=current.value, to_state=target.value, detail=detail
    )


def allocate_case_numbers(
    session: Session, office: OfficeRecord, year: int, count: int
) -> list[str]:
    """``count`` fresh case numbers for an office and year, skipping numbers already taken
    (e.g. by imported cases): one counter row per office and year, never reused."""
    numbers: list[str] = []
    while len(numbers) < count:
        wanted = count - len(numbers)
        last = repo.reserve_sequence(
            session, office_id=office.id, year=year, kind=CASE_NUMBER_KIND, count=wanted
        )
        batch = [
            format_case_number(office.number_pattern, prefix=office.prefix, year=year, seq=seq)
            for seq in range(last - wanted + 1, last + 1)
        ]
        taken = repo.existing_case_numbers(session, batch)
        numbers.extend(n for n in batch if n not in taken)
    return numbers


def refresh_search(session: Session, case: CaseRecord) -> None:
    person = case.person
    repo.upsert_search_terms(
        session,
        [
            search_row(
                case.id,
                case_no=case.case_no,
                name=person.name,
                id_number=person.id_number,
                phone=person.phone,
            )
        ],
    )


def on_or_today(ctx: Context, day: date | None) -> date:
    return day if day is not None else ctx.today()


def commit_case(ctx: Context, uow: UnitOfWork, case: CaseRecord) -> CaseRef:
    """Store the case's running deadline as its state and dates now imply, then commit."""
    refresh_deadline(ctx, case, deadline_rules(uow.session))
    uow.commit()
    return ref(case)
