"""Permissions are checked here, in the services, for the GUI and any other caller alike;
refusals and failed attempts are audited in their own transaction (the work rolled back)."""

from __future__ import annotations

import functools
import inspect
import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Concatenate, ParamSpec, TypeVar

from legalaid.domain.errors import LegalAidError, NotFound, PermissionDenied
from legalaid.domain.permissions import MATRIX, Action, Role, allowed
from legalaid.services.plumbing.context import Context
from legalaid.storage import audit
from legalaid.storage.records import CaseRecord
from legalaid.storage.uow import Busy

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


def audit_event(
    ctx: Context,
    action: str,
    obj: str,
    *,
    outcome: str = "成功",
    detail: dict[str, Any] | None = None,
) -> None:
    """One audited event in its own transaction (views, reveals, prints, refusals, logins)."""
    with ctx.writing() as uow:
        audit.record(uow.session, audit.Entry(action, obj, outcome, detail))
        uow.commit()


def is_own_case(ctx: Context, case_id: int) -> bool:
    principal = ctx.principal
    if principal is None or principal.handler_id is None:
        return False
    with ctx.reading() as uow:
        case = uow.session.get(CaseRecord, case_id)
        if case is None:
            raise NotFound(f"案件（编号{case_id}）不存在")
        return case.handler_id == principal.handler_id


def may(ctx: Context, action: Action, *, case_id: int | None = None) -> bool:
    principal = ctx.principal
    if principal is None:
        return True
    own = is_own_case(ctx, case_id) if case_id is not None else None
    return allowed(principal.role, action, own_case=own)


def allowed_actions(ctx: Context, *, case_id: int) -> frozenset[Action]:
    """Every action the signed-in user may take on the case, from one reading (a window asks
    this once instead of once per button)."""
    principal = ctx.principal
    if principal is None:
        return frozenset(Action)
    own = is_own_case(ctx, case_id)
    return frozenset(a for a in Action if allowed(principal.role, a, own_case=own))


def _case_out_of_scope(ctx: Context, case_id: int) -> str | None:
    """The refusal when the case belongs to an office outside the user's scope."""
    from legalaid.services.plumbing import scope

    with ctx.reading() as uow:
        ids = scope.office_ids(ctx, uow.session)
        if ids is None:
            return None
        case = uow.session.get(CaseRecord, case_id)
        if case is None:
            raise NotFound(f"案件（编号{case_id}）不存在")
        if case.office_id in ids:
            return None
        return scope.refusal(ctx, uow.session, f"案件{case.case_no}").message


def authorize(ctx: Context, action: Action, *, case_id: int | None = None) -> None:
    """Refuse (audited) unless the signed-in user may take ``action`` on the case: by role,
    by the handler's own-case rule and by office scope."""
    principal = ctx.principal
    if principal is None:
        return
    if case_id is not None and principal.office_id is not None:
        outside = _case_out_of_scope(ctx, case_id)
        if outside is not None:
            audit_event(ctx, action.value, f"cases#{case_id}", outcome="拒绝",
                        detail={"原因": outside})  # fmt: skip
            raise PermissionDenied(outside)
    if may(ctx, action, case_id=case_id):
        return
    if principal.role is Role.LAWYER and action in MATRIX[Role.LAWYER]:
        reason = f"案件未指派给您，不能{action.value}"
    else:
        reason = f"{principal.role.value}无权{action.value}"
    obj = f"cases#{case_id}" if case_id is not None else action.value
    audit_event(ctx, action.value, obj, outcome="拒绝", detail={"原因": reason})
    raise PermissionDenied(reason)


_inside: ContextVar[bool] = ContextVar("legalaid_authorized_call", default=False)


# Waits between tries of a unit of work that met another's lock (SQLite has already waited
# its busy timeout each time; PostgreSQL reports a deadlock at once).
RETRY_WAITS = (0.1, 0.3)


def _retrying(
    fn: Callable[Concatenate[Context, P], T], ctx: Context, /, *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run a checked service, again after a transient lock conflict: its transaction rolled
    back whole, so a new try starts from the same state. "Busy" is shown only after that."""
    for wait in RETRY_WAITS:
        try:
            return fn(ctx, *args, **kwargs)
        except Busy:
            log.info("lock conflict, trying again in %.1f s", wait)
            time.sleep(wait)
    return fn(ctx, *args, **kwargs)


def requires(
    action: Action, *, audited: str | None = None
) -> Callable[[Callable[Concatenate[Context, P], T]], Callable[Concatenate[Context, P], T]]:
    """Check ``action`` (on the call's ``case_id``, if any) and audit a failed attempt; with
    ``audited``, a successful call is audited too (prints, exports). A call made from inside
    another checked call was authorised with it."""

    def wrap(fn: Callable[Concatenate[Context, P], T]) -> Callable[Concatenate[Context, P], T]:
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def inner(ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> T:
            if _inside.get():
                return fn(ctx, *args, **kwargs)
            case_id = signature.bind_partial(ctx, *args, **kwargs).arguments.get("case_id")
            case_id = case_id if isinstance(case_id, int) else None
            obj = f"cases#{case_id}" if case_id is not None else action.value
            if ctx.principal is not None:
                authorize(ctx, action, case_id=case_id)
            token = _inside.set(True)
            try:
                result = _retrying(fn, ctx, *args, **kwargs)
            except LegalAidError as exc:
                if ctx.principal is not None:  # a person's failed attempt (not a script's)
                    refused = isinstance(exc, PermissionDenied)  # e.g. outside office scope
                    audit_event(ctx, action.value, obj, outcome="拒绝" if refused else "失败",
                                detail={"操作": fn.__name__, "原因": exc.message})  # fmt: skip
                raise
            finally:
                # Whatever happened inside, the next call on this thread is checked again.
                _inside.reset(token)
            if audited:  # prints and exports are audited for the command line too
                audit_event(ctx, audited, obj, detail={"操作": fn.__name__})
            return result

        return inner

    return wrap
