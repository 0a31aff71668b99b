"""我的案件: a returned closing file is marked with its reason, and the overdue count counts
every running clock of the handler's cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import accounts, closing
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import open_deadlines
from legalaid.ui.pages.my_cases_page import RETURNED, MyCasesPage
from tests.services.closing_files import case_in_progress, full_file
from tests.ui.cells import background, cell, row_count, tip


def test_returned_files_and_every_overdue_clock(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    ctx = offices
    handler = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    returned, quiet = (case_in_progress(ctx, handler.id) for _ in range(2))
    closing.submit_closing(ctx, case_id=returned, ended_on=date(2025, 6, 1),
                           **full_file(ctx, returned))  # fmt: skip
    closing.return_closing(ctx, case_id=returned, reason="缺少庭审笔录")
    accounts.add_user(ctx, username="lin", name="林宇浩", role=Role.LAWYER,
                      password="Lin2026pw", handler="林宇浩")  # fmt: skip
    lawyer = ctx.signed_in(accounts.sign_in(ctx, username="lin", password="Lin2026pw"))
    page = MyCasesPage(lawyer)
    qtbot.addWidget(page)
    page.resize(1200, 400)
    page.refresh()
    row = next(r for r in range(row_count(page.table))
               if page.rows[r].id == returned)  # fmt: skip
    assert "结案材料被退回：缺少庭审笔录" in cell(page.table, row, 4)
    assert "缺少庭审笔录" in tip(page.table, row, 4)
    late = sum(1 for d in open_deadlines(lawyer) if d.deadline.due < lawyer.today())
    assert late >= 1  # the returned file's 30 days from 2025-06-01 have long run out
    assert f"逾期{late}件" in page.summary.text()
    assert "1 份结案材料被退回" in page.summary.text()
    other = next(r for r in range(row_count(page.table)) if page.rows[r].id == quiet)
    assert background(page.table, other, 4) != RETURNED
    if backend == "sqlite":
        page.grab().save(str(tmp_path / "my-cases.png"))
