"""Accounts in the desktop: the handler's workflow (log work → attach → submit closing → the
clerk approves → archived), the idle lock, sign-in, the users and audit screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy import text as text_sql

from legalaid.domain.closing_file import Outcome
from legalaid.domain.lifecycle import Step
from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import CaseState, HandlerType
from legalaid.services.commands import accounts
from legalaid.services.commands.offices import add_handler, list_handlers
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.storage.records import CaseRecord
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.intake_dialog import IntakeDialog
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.case.work_tab import ClosingDialog, WorkDialog
from legalaid.ui.pages.users_page import UserDialog
from legalaid.ui.shell.login import AdminSetupDialog, Cover, LockScreen, LoginDialog, sign_in
from legalaid.ui.shell.main_window import MainWindow
from tests.services.closing_files import case_in_progress
from tests.ui.cells import cell, row_count

Answer = Callable[[Callable[[QWidget], None]], None]


def _world(ctx: Context) -> tuple[Context, Context, int, int]:
    """An admin, a clerk, a lawyer with one case of their own and one of someone else's."""
    mine = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER, firm_name="天元律所")
    other = add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER)
    cases = [case_in_progress(ctx, handler.id) for handler in (mine, other)]
    accounts.add_user(ctx, username="lin", name="林宇浩", role=Role.LAWYER,
                      password="Lin2026pw", handler="林宇浩")  # fmt: skip
    accounts.add_user(ctx, username="wang", name="王芳", role=Role.CLERK, password="Wang2026pw")
    lawyer = ctx.signed_in(accounts.sign_in(ctx, username="lin", password="Lin2026pw"))
    clerk = ctx.signed_in(accounts.sign_in(ctx, username="wang", password="Wang2026pw"))
    return lawyer, clerk, cases[0], cases[1]


def test_the_handler_workflow(
    offices: Context, qtbot: QtBot, settings: QSettings, answer_dialog: Answer, tmp_path: Path,
    backend: str,
) -> None:  # fmt: skip
    lawyer, clerk, mine, theirs = _world(offices)
    window = MainWindow(lawyer, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    visible = [window.navigation.item(i).text() for i in window.visible_sections]
    assert visible == ["我的案件", "案件", "法律帮助", "待办期限"]  # duty help of their own
    assert not window.new_application.isEnabled()  # a handler registers nothing
    window.show_section(window.MY_CASES)
    qtbot.waitUntil(lambda: not window.loader.loading, timeout=30_000)
    page = window.my_cases
    assert [row.id for row in page.rows] == [mine] and "1件" in page.summary.text()
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "my-cases.png"))

    dialog = CaseDialog(lawyer, mine)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 680)
    assert (
        not dialog.buttons[Step.ASSIGN].isVisible()
        and not dialog.buttons[Step.TERMINATE].isVisible()
    )

    def log(box: QWidget) -> None:
        assert isinstance(box, WorkDialog)
        box.kind.setCurrentIndex(box.kind.findData("会见"))
        box.place.setText("株洲市看守所")
        box.hours.setValue(2)
        box.minutes.setValue(0)
        box.notes.setPlainText("核实案情")
        box.accept()

    answer_dialog(log)
    dialog.work_panel.log_button.click()
    assert row_count(dialog.work_panel.entries) == 1
    assert cell(dialog.work_panel.entries, 0, 3) == "2小时"
    # The author corrects the entry: shown as logged, the new duration kept, the old on the
    # timeline.
    dialog.work_panel.entries.selectRow(0)
    assert dialog.work_panel.correct_button.isEnabled()

    def correct(box: QWidget) -> None:
        assert isinstance(box, WorkDialog) and box.place.text() == "株洲市看守所"
        assert box.hours.value() == 2
        box.hours.setValue(1)
        box.minutes.setValue(30)
        box.accept()

    answer_dialog(correct)
    dialog.work_panel.correct_button.click()
    assert cell(dialog.work_panel.entries, 0, 3) == "1小时30分"
    assert any(e.action == "更正工作记录" and "120分钟" in str(e.detail)
               for e in dialog.detail.timeline)  # fmt: skip
    scan = tmp_path / "会见笔录.pdf"
    scan.write_bytes(b"%PDF-1.4 notes of the meeting")
    assert dialog.work_panel.attach(scan, "会见笔录")
    assert cell(dialog.work_panel.files, 0, 1) == "会见笔录.pdf"

    messages: list[str] = []

    def incomplete(box: QWidget) -> None:
        assert isinstance(box, ClosingDialog)
        box.outcome.setCurrentIndex(box.outcome.findData(Outcome.MEDIATION.value))
        box.boxes["结案报告表"].setChecked(True)
        answer_dialog(refused)
        box.accept()

    def note(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.close()

    def refused(box: QWidget) -> None:
        # The refusal names what is missing in the dialog, shown again with every tick kept.
        assert isinstance(box, ClosingDialog)
        messages.append(box.error.text())
        assert box.boxes["结案报告表"].isChecked()
        assert box.outcome.currentData() == Outcome.MEDIATION.value
        box.reject()

    answer_dialog(incomplete)
    dialog.buttons[Step.SUBMIT].click()
    assert "缺少必备材料" in messages[0] and "委托协议及授权委托书" in messages[0]
    assert get_case(offices, mine).row.state is CaseState.IN_PROGRESS
    from legalaid.services.commands.closing import closing_checklist

    required = [i.name for i in closing_checklist(lawyer, case_id=mine) if i.required]
    assert dialog.submit_file(date(2025, 6, 1), Outcome.MEDIATION, required)
    assert get_case(offices, mine).row.state is CaseState.CLOSING
    if backend == "sqlite":
        dialog.tabs.setCurrentIndex(dialog.work_tab)
        dialog.grab().save(str(tmp_path / "work.png"))

    reviewer = CaseDialog(clerk, mine)
    qtbot.addWidget(reviewer)
    assert not reviewer.buttons[Step.SUBMIT].isVisible()

    def grade(box: QWidget) -> None:  # the review grades the case as it closes it
        assert isinstance(box, StepDialog)
        box.choice.setCurrentIndex(box.choice.findData("良好"))
        box.accept()

    answer_dialog(grade)
    reviewer.buttons[Step.APPROVE].click()
    assert get_case(offices, mine).row.state is CaseState.CLOSED
    with offices.db.uow(write=False) as uow:
        record = uow.session.get(CaseRecord, mine)
        assert record is not None
        assert (record.quality_grade, record.quality_reviewer) == ("良好", clerk.actor)
    reviewer.buttons[Step.ARCHIVE].click()
    assert get_case(offices, mine).row.state is CaseState.ARCHIVED
    assert "调解" in reviewer.follow_panel.closing_text.text()

    # Another's case: refused with a reason, through the window as through the services.
    answer_dialog(note)
    window.open_case(theirs)
    assert "案件未指派给您" in messages[-1]


def test_idle_lock_hides_cases_and_clears_copied_data(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path, backend: str
) -> None:
    _, clerk, mine, _ = _world(offices)
    window = MainWindow(clerk, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    assert window.idle is not None and window.idle.limit == 600  # 10 minutes by default
    clock = [1000.0]
    window.idle._clock = lambda: clock[0]
    window.idle.resume()
    dialog = CaseDialog(clerk, mine, parent=window)
    dialog.show()
    QApplication.clipboard().setText("430225197808134424")
    clock[0] += 599
    window.idle.check()
    assert not window.locked
    clock[0] += 2
    window.idle.check()
    # The open case window is covered, not closed, and takes no input while locked.
    assert window.locked and dialog.isVisible()
    cover = dialog.findChild(Cover)
    assert cover is not None and cover.isVisible() and cover.geometry() == dialog.rect()
    assert not dialog.tabs.isEnabled()
    assert QApplication.clipboard().text() == ""
    assert window.menuBar().isEnabled() is False
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "locked.png"))
    window.lock_screen.password.setText("wrong-one1")
    window.lock_screen.unlock()
    assert window.locked and "用户名或密码不正确" in window.lock_screen.error.text()
    window.lock_screen.password.setText("Wang2026pw")
    window.lock_screen.unlock()
    assert not window.locked and window.menuBar().isEnabled()
    assert dialog.isVisible() and dialog.tabs.isEnabled()
    qtbot.waitUntil(lambda: dialog.findChild(Cover) is None)


def test_idle_lock_over_an_intake_dialog_gives_it_back_after_sign_in(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path, backend: str
) -> None:
    """The dialog is modal (it takes every input), so it carries the lock screen itself."""
    _, clerk, _, _ = _world(offices)
    window = MainWindow(clerk, settings)
    qtbot.addWidget(window)
    window.show()
    intake = IntakeDialog(clerk, notification=False, parent=window)
    seen: dict[str, object] = {}

    def while_open() -> None:
        intake.name.setText("欧阳秀英")
        intake.name.setFocus()
        window.lock()
        cover = intake.findChild(Cover)
        screen = cover.findChild(LockScreen) if cover is not None else None
        seen["covered"] = cover is not None and cover.isVisible() and not intake.name.isEnabled()
        assert screen is not None
        if backend == "sqlite":
            intake.grab().save(str(tmp_path / "intake-locked.png"))
        screen.password.setText("wrong-one1")
        screen.unlock()
        seen["refused"] = window.locked and "用户名或密码不正确" in screen.error.text()
        screen.password.setText("Wang2026pw")
        screen.unlock()
        seen["back"] = (not window.locked, intake.isVisible(), intake.name.isEnabled(),
                        intake.name.text())  # fmt: skip
        intake.done(0)  # the test's own way out of the modal loop

    QTimer.singleShot(0, while_open)
    intake.exec()
    assert seen == {"covered": True, "refused": True, "back": (True, True, True, "欧阳秀英")}


def test_first_admin_then_sign_in(offices: Context, qtbot: QtBot, answer_dialog: Answer) -> None:
    def create(box: QWidget) -> None:
        assert isinstance(box, AdminSetupDialog)
        box.name.setText("周主任")
        box.password.setText("Admin2026")
        box.repeat.setText("Admin2026")
        box.save()

    def wrong_then_right(box: QWidget) -> None:
        assert isinstance(box, LoginDialog)
        box.username.setText("admin")
        box.password.setText("nope-nope1")
        box.sign_in()
        assert box.isVisible() and "用户名或密码不正确" in box.error.text()
        box.password.setText("Admin2026")
        box.sign_in()

    answer_dialog(create)
    answer_dialog(wrong_then_right)
    signed = sign_in(offices)
    assert signed is not None and signed.principal is not None
    assert signed.principal.role is Role.ADMIN and signed.actor == "周主任"


def test_users_and_audit_screens(
    offices: Context, qtbot: QtBot, settings: QSettings, answer_dialog: Answer, tmp_path: Path,
    backend: str,
) -> None:  # fmt: skip
    ctx = offices
    add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER, firm_name="湘江律师事务所")
    # Another lawyer of the same name: the account must be linked to the right record.
    namesake = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER,
                           firm_name="株洲律师事务所", licence_no="14302201810123456")  # fmt: skip
    accounts.create_first_admin(ctx, username="admin", name="周主任", password="Admin2026")
    admin = ctx.signed_in(accounts.sign_in(ctx, username="admin", password="Admin2026"))
    window = MainWindow(admin, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    visible = [window.navigation.item(i).text() for i in window.visible_sections]
    assert visible == ["案件", "待办期限", "补贴", "统计报表", "用户", "审计记录", "设置"]

    def add(box: QWidget) -> None:
        assert isinstance(box, UserDialog)
        box.username.setText("lin")
        box.name.setText("林宇浩")
        box.role.setCurrentIndex(box.role.findData(Role.LAWYER.value))
        labels = [box.handler.itemText(i) for i in range(box.handler.count())]
        assert "林宇浩 · 律师 · 湘江律师事务所" in labels
        assert "林宇浩 · 律师 · 株洲律师事务所 · 14302201810123456" in labels
        box.handler.setCurrentIndex(box.handler.findData(namesake.id))
        box.password.setText("Lin2026pw")
        box.save()

    window.show_section(window.USERS)
    users = window.users
    answer_dialog(add)
    users.add.click()
    assert row_count(users.table) == 2 and cell(users.table, 1, 3) == "林宇浩"
    from legalaid.storage.records import UserRecord

    with ctx.reading() as uow:
        linked = uow.session.scalars(
            select(UserRecord.handler_id).where(UserRecord.username == "lin")
        ).one()
    assert linked == namesake.id
    # The account moves to the county office and to the other record of that name.
    first = next(h for h in list_handlers(ctx) if h.firm == "湘江律师事务所")

    def move(box: QWidget) -> None:
        assert isinstance(box, UserDialog) and not box.username.isEnabled()
        assert box.handler.currentData() == namesake.id  # shown as it is
        box.handler.setCurrentIndex(box.handler.findData(first.id))
        box.office.setCurrentIndex(box.office.findData("LL"))
        box.save()

    users.table.selectRow(1)
    answer_dialog(move)
    users.edit.click()
    moved = next(u for u in accounts.list_users(admin) if u.username == "lin")
    assert (moved.office, moved.handler_id) == ("LL", first.id)
    users.table.selectRow(1)
    assert users.toggle_active()
    assert cell(users.table, 1, 4) == "已停用"
    users.table.selectRow(0)
    assert not users.toggle_active()  # the only admin stays
    assert "唯一的管理员" in users.message.text()

    window.show_section(window.AUDIT)
    audit = window.audit
    assert window.loader.loading  # read in the background, behind the cover
    qtbot.waitUntil(lambda: not window.loader.loading, timeout=30_000)
    assert audit.model.rowCount() >= 3
    assert audit.actor.findData("admin") > 0  # the users' choice filled with the entries
    audit.actor.setCurrentIndex(audit.actor.findData("admin"))
    audit.show_rows()
    qtbot.waitUntil(lambda: not window.loader.loading, timeout=30_000)
    assert {audit.model.rows[i].actor for i in range(audit.model.rowCount())} == {"admin"}
    assert audit.check_chain() and "审计记录完整" in audit.message.text()
    assert audit.export_to(tmp_path / "audit.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "audit.xlsx").active
    assert sheet is not None and sheet.cell(1, 4).value == "操作"
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "audit.png"))


def test_the_admin_edits_a_closing_file_list(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path, backend: str
) -> None:
    from legalaid.domain.closing_file import LAWSUIT
    from legalaid.services.commands.settings import current_closing_lists

    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show_section(window.SETTINGS)
    editor = window.settings_page.checklists
    window.settings_page.tabs.setCurrentWidget(editor)
    editor.column.setCurrentIndex(editor.column.findData(LAWSUIT))
    assert "工作清单" in editor.source.text() and not editor.restore.isEnabled()
    rows = editor.table.rowCount()
    editor.add.click()
    assert not editor.store()  # a row without a name
    assert "缺少材料名称" in editor.message.text() and current_closing_lists(offices) == {}
    editor.table.item(rows, 0).setText("专家意见书")
    editor.table.cellWidget(rows, 1).setCurrentIndex(0)  # 必备
    assert editor.store()
    assert ("专家意见书", "R") in current_closing_lists(offices)[LAWSUIT]
    assert "本机构" in editor.source.text() and editor.restore.isEnabled()
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "checklist.png"))
    editor.restore.click()
    assert current_closing_lists(offices) == {} and editor.table.rowCount() == rows


@pytest.mark.usefixtures("poppler")
def test_the_anchor_printout_and_a_broken_chain_at_sign_in(
    offices: Context, qtbot: QtBot, settings: QSettings, answer_dialog: Answer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The monthly anchor printout carries the trail's N:HASH as `audit anchor` prints it;
    whoever reads the audit is warned at sign-in when the chain has been broken."""
    import subprocess

    from PySide6.QtGui import QDesktopServices

    from legalaid.services.queries.audit_trail import audit_anchor
    from tests.services.commands.test_accounts_audit import remove_the_guard

    ctx = offices
    accounts.create_first_admin(ctx, username="admin", name="周主任", password="Admin2026")
    admin = ctx.signed_in(accounts.sign_in(ctx, username="admin", password="Admin2026"))
    window = MainWindow(admin, settings)
    qtbot.addWidget(window)
    qtbot.wait(300)  # the sign-in check runs off the GUI thread
    assert window.chain_warning is None
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    out = tmp_path / "anchor.pdf"
    rows, digest = audit_anchor(admin)  # as `legalaid audit anchor` prints it now
    assert window.audit.save_anchor(out)
    text = "".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())  # fmt: skip
    assert "审计记录锚点" in text and "记录链完整" in text
    assert f"锚点：{rows}:{digest}" in text  # the print itself is audited after the anchor
    assert "负责人：" in text

    remove_the_guard(ctx.db)
    with ctx.db.uow(write=True) as uow:
        uow.session.execute(text_sql("UPDATE audit_log SET actor = '某人' WHERE id = 2"))
        uow.commit()
    warned: list[str] = []

    def note(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        warned.append(box.text())
        box.accept()

    answer_dialog(note)
    again = MainWindow(ctx.signed_in(accounts.sign_in(ctx, username="admin",
                                                      password="Admin2026")), settings)  # fmt: skip
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert "第 2 条" in warned[0] and again.chain_warning == warned[0]
