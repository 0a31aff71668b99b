"""Every role × action, on the handler's own case and on another's, through the services the
GUI calls: refused with a reason (and audited) or let through to the work itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from legalaid.domain.aid_services import DutyHelp, ServiceInput, ServiceKind, StationKind
from legalaid.domain.closing_file import FollowUpKind, Outcome, WorkKind
from legalaid.domain.documents import DocumentKind
from legalaid.domain.errors import LegalAidError, PermissionDenied
from legalaid.domain.escalation import Criterion
from legalaid.domain.permissions import MATRIX, Action, Role, allowed
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import (
    accounts,
    aid_services,
    assignment,
    case_ledger,
    closing,
    documents,
    duty,
    escalations,
    intake,
    offices,
    payments,
    subsidies,
    worklog,
)
from legalaid.services.commands.aid_services import ServiceForm
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import statistics
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.services.queries.cases import count_cases, find_cases, get_case
from legalaid.storage.database import Database
from legalaid.storage.records import CaseRecord
from tests.conftest import TODAY
from tests.services.closing_files import case_in_progress
from tests.services.commands.test_workflow import application

A = Action
# The specification, written out (the matrix in the code must agree with it).
EXPECTED = {
    Role.CLERK: set(Action) - {A.LOG_WORK, A.APPROVE_SUBSIDY, A.SET_TARGETS, A.VIEW_AUDIT,
                               A.ADMINISTER},
    Role.LAWYER: {A.VIEW_CASE, A.LOG_WORK, A.RECORD_AGREEMENT, A.ATTACH, A.SUBMIT_CLOSING,
                  A.FLAG_MAJOR, A.VIEW_FULL_ID, A.PRINT, A.RECORD_DUTY_HELP, A.VIEW_SERVICES},
    Role.SUPERVISOR: set(Action) - {A.LOG_WORK, A.SUBMIT_CLOSING, A.ADMINISTER},
    Role.ADMIN: {A.VIEW_CASE, A.SET_TARGETS, A.EXPORT, A.STATISTICS, A.VIEW_AUDIT, A.ADMINISTER,
                 A.VIEW_SERVICES},
}  # fmt: skip
CASE_ACTIONS = {A.VIEW_CASE, A.DECIDE, A.ASSIGN, A.LOG_WORK, A.RECORD_AGREEMENT, A.ATTACH,
                A.SUBMIT_CLOSING, A.REVIEW_CLOSING, A.TERMINATE, A.FOLLOW_UP, A.APPROVE_SUBSIDY,
                A.FLAG_MAJOR, A.ESCALATE, A.VIEW_FULL_ID, A.PRINT}  # fmt: skip
# A lawyer records only the duty help they gave themselves: the help the test records names
# the handler of the case it passes ("own": the lawyer's own handler record).
OWN_HANDLER_ACTIONS = {A.RECORD_DUTY_HELP}


def test_the_matrix_is_the_specification() -> None:
    assert {role: set(actions) for role, actions in MATRIX.items()} == EXPECTED
    assert allowed(Role.LAWYER, A.LOG_WORK, own_case=True)
    assert not allowed(Role.LAWYER, A.LOG_WORK, own_case=False)
    assert not allowed(Role.LAWYER, A.ASSIGN, own_case=True)  # no reassigning, no decisions
    assert not allowed(Role.LAWYER, A.DECIDE, own_case=True)


Op = Callable[[Context, int, Path], object]
STATION: list[int] = []


def _handler_of(ctx: Context, case_id: int) -> int | None:
    with ctx.db.uow(write=False) as uow:
        case = uow.session.get(CaseRecord, case_id)
        return case.handler_id if case else None


def _duty_help(ctx: Context, case_id: int) -> int:
    entry = ServiceInput(kind=ServiceKind.DUTY_HELP, served_on=TODAY, name=f"当事人{case_id}",
                         help_items=(DutyHelp.PLEA_WITNESS,), content=ctx.actor)  # fmt: skip
    form = ServiceForm(entry, office_code="ZZ", station_id=STATION[0],
                       handler_id=_handler_of(ctx, case_id))  # fmt: skip
    return aid_services.record_duty_help(ctx, form)


def _consultation(ctx: Context) -> int:
    entry = ServiceInput(kind=ServiceKind.CONSULTATION, served_on=TODAY, name="王芳",
                         channel="来电", content=f"咨询{ctx.actor}")  # fmt: skip
    return aid_services.register_service(ctx, ServiceForm(entry, office_code="ZZ"))


OPS: dict[Action, Op] = {
    A.VIEW_CASE: lambda c, i, t: get_case(c, i),
    A.REGISTER: lambda c, i, t: intake.register(c, application()),
    A.DECIDE: lambda c, i, t: intake.start_review(c, case_id=i),
    A.ASSIGN: lambda c, i, t: assignment.handler_options(c, case_id=i),
    # The cases are in progress: an allowed caller is stopped by the state, not refused.
    A.RECORD_AGREEMENT: lambda c, i, t: assignment.pause_agreement(c, case_id=i, reason="住院"),
    A.LOG_WORK: lambda c, i, t: worklog.log_work(
        c, case_id=i, kind=WorkKind.MEETING, done_on=TODAY, minutes=60, place="看守所"),
    A.ATTACH: lambda c, i, t: worklog.attach_document(
        c, case_id=i, kind="会见笔录", path=t / "scan.pdf"),
    A.SUBMIT_CLOSING: lambda c, i, t: closing.submit_closing(
        c, case_id=i, ended_on=TODAY, outcome=Outcome.JUDGMENT, items=[]),
    A.REVIEW_CLOSING: lambda c, i, t: closing.approve_closing(c, case_id=i),
    A.TERMINATE: lambda c, i, t: closing.terminate(
        c, case_id=i, reason=closing.TerminationReason.OTHER, on=date(1999, 1, 1)),
    A.FOLLOW_UP: lambda c, i, t: worklog.add_follow_up(
        c, case_id=i, kind=FollowUpKind.VISIT, done_on=TODAY, content="满意"),
    A.APPROVE_SUBSIDY: lambda c, i, t: subsidies.review_subsidy(c, case_id=i),
    A.PAY_SUBSIDY: lambda c, i, t: payments.candidates(
        c, period_from=date(2026, 1, 1), period_to=TODAY),
    A.FLAG_MAJOR: lambda c, i, t: escalations.flag_case(
        c, case_id=i, criterion=Criterion.OTHER, note=f"标记{c.actor}"),
    A.ESCALATE: lambda c, i, t: escalations.decide(c, case_id=i, confirm=True, note="确认"),
    A.SET_TARGETS: lambda c, i, t: offices.set_target(c, year=2026, office_code="ZZ", cases=100),
    A.VIEW_FULL_ID: lambda c, i, t: get_case(c, i, full_id=True),
    A.PRINT: lambda c, i, t: documents.write_document(
        c, case_id=i, kind=DocumentKind.REGISTRATION, out=t / "form.pdf"),
    A.EXPORT: lambda c, i, t: case_ledger.export_ledger(c, t / "out.csv"),
    A.STATISTICS: lambda c, i, t: statistics.year_statistics(c, year=2026),
    A.VIEW_AUDIT: lambda c, i, t: audit_entries(c, AuditFilter(), limit=5),
    A.ADMINISTER: lambda c, i, t: accounts.list_users(c),
    A.REGISTER_SERVICE: lambda c, i, t: _consultation(c),
    A.RECORD_DUTY_HELP: lambda c, i, t: _duty_help(c, i),
    A.VIEW_SERVICES: lambda c, i, t: aid_services.list_services(c),
    A.MANAGE_DUTY: lambda c, i, t: duty.save_station(
        c, office_code="ZZ", name=f"{c.actor}工作站", kind=StationKind.COURT),
}  # fmt: skip


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Context, dict[Role, Context], int, int, Path]]:
    folder = tmp_path_factory.mktemp("roles")
    db = Database(str(folder / "roles.sqlite3"))
    initialise(db)
    ctx = Context(db=db, actor="测试员", today=lambda: TODAY)
    offices.add_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株")
    mine = offices.add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    theirs = offices.add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER)
    cases = [case_in_progress(ctx, handler.id) for handler in (mine, theirs)]
    STATION[:] = [duty.save_station(ctx, office_code="ZZ", name="株洲市看守所值班律师工作站",
                                    kind=StationKind.DETENTION)]  # fmt: skip
    people = {Role.CLERK: ("clerk", None), Role.LAWYER: ("lawyer", "林宇浩"),
              Role.SUPERVISOR: ("boss", None), Role.ADMIN: ("admin", None)}  # fmt: skip
    contexts = {}
    for role, (name, handler_name) in people.items():
        accounts.add_user(ctx, username=name, name=name, role=role, password="Passw0rd!",
                          handler=handler_name)  # fmt: skip
        contexts[role] = ctx.signed_in(accounts.sign_in(ctx, username=name, password="Passw0rd!"))
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 scan")
    yield ctx, contexts, cases[0], cases[1], folder
    db.dispose()


@pytest.mark.parametrize("own", [True, False], ids=["own case", "other's case"])
@pytest.mark.parametrize("action", list(Action), ids=[a.name for a in Action])
@pytest.mark.parametrize("role", list(Role), ids=[r.name for r in Role])
def test_role_and_action(
    world: tuple[Context, dict[Role, Context], int, int, Path], role: Role, action: Action,
    own: bool,
) -> None:  # fmt: skip
    _, contexts, mine, theirs, folder = world
    ctx = contexts[role]
    case_id = mine if own else theirs
    # The lawyer's account is linked to the handler of ``mine``; for others "own" is moot.
    expected = action in EXPECTED[role] and (
        role is not Role.LAWYER or action not in CASE_ACTIONS | OWN_HANDLER_ACTIONS or own
    )
    try:
        OPS[action](ctx, case_id, folder)
    except PermissionDenied as refused:
        assert not expected, f"{role.value} refused {action.value}: {refused.message}"
        rows, _ = audit_entries(contexts[Role.ADMIN], AuditFilter(outcome="拒绝"), limit=1)
        # Refused and audited (a full ID first needs the right to see the case at all).
        assert rows[0].actor == ctx.actor
        assert rows[0].action in (action.value, A.VIEW_CASE.value)
        return
    except LegalAidError:
        pass  # allowed through; the case's state or the input stopped the work itself
    assert expected, f"{role.value} was let {action.value}"


def test_a_handler_lists_only_their_own_cases(
    world: tuple[Context, dict[Role, Context], int, int, Path],
) -> None:
    ctx, contexts, mine, theirs, _ = world
    lawyer = contexts[Role.LAWYER]
    assert {row.id for row in find_cases(lawyer)} == {mine}
    assert count_cases(lawyer) == 1
    assert {row.id for row in find_cases(contexts[Role.CLERK])} >= {mine, theirs}
    with pytest.raises(PermissionDenied):
        find_cases(contexts[Role.ADMIN], full_id=True)  # an admin is no caseworker
    masked = get_case(contexts[Role.CLERK], mine).row.id_number
    full = get_case(contexts[Role.CLERK], mine, full_id=True).row.id_number
    assert "*" in masked and "*" not in full
    rows, _ = audit_entries(contexts[Role.ADMIN], AuditFilter(action="查看完整身份证号"), limit=1)
    assert rows[0].actor == "clerk" and rows[0].object == f"cases#{mine}"
    assert ctx.principal is None
