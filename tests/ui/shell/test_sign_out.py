"""Signing out on a shared PC: the case windows close, the sign-out is audited, and the next
user signs in to a window of their own."""

from __future__ import annotations

import gc

import pytest
from pytestqt.qtbot import QtBot

from legalaid.domain.permissions import Role
from legalaid.services.commands import accounts
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.shell import application
from tests.services.closing_files import case_in_progress


def test_sign_out_hands_the_desk_to_the_next_user(
    offices: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from legalaid.domain.vocabulary import HandlerType
    from legalaid.services.commands.offices import add_handler

    handler = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_id = case_in_progress(offices, handler.id)
    for username, name, role in (("wang", "王芳", Role.CLERK), ("li", "李敏", Role.CLERK)):
        accounts.add_user(offices, username=username, name=name, role=role,
                          password="Passw0rd!2026")  # fmt: skip
    first = offices.signed_in(accounts.sign_in(offices, username="wang", password="Passw0rd!2026"))
    asked: list[str] = []

    def next_user(ctx: Context) -> Context | None:
        asked.append("sign in")
        return ctx.signed_in(accounts.sign_in(ctx, username="li", password="Passw0rd!2026"))

    # Not handed to qtbot: signing out deletes this window (an older pytest-qt would close
    # the deleted object at teardown).
    monkeypatch.setattr(application, "SETTLE_MS", 10)
    gc.unfreeze()
    window = application.open_window(offices, first, next_user)
    # What start-up built is kept out of the collector's full passes (no 100 ms pauses).
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
    case = CaseDialog(first, case_id)
    qtbot.addWidget(case)
    case.show()
    window.sign_out_action.trigger()
    assert not case.isVisible() and not window.isVisible()  # nothing of a case stays
    qtbot.waitUntil(lambda: len(asked) == 1 and window not in application._windows)
    assert len(application._windows) == 1
    following = application._windows[0]
    qtbot.addWidget(following)
    assert following._ctx.principal is not None and following._ctx.principal.username == "li"
    rows, _ = audit_entries(offices, AuditFilter(action="退出"))
    assert [r.detail for r in rows if "退出登录" in (r.detail or "")]
    application._windows.clear()
    qtbot.wait(50)  # the next user's window settles its heap too
    assert gc.get_freeze_count() > 0
    gc.unfreeze()  # the rest of the suite collects as usual
