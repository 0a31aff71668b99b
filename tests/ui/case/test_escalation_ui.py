"""重大疑难 in the desktop: flag → confirm → discussion with minutes → report → reply, in the
case window; the register section; the recognition criteria in 设置."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.escalation import Criterion, EscalationState
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import escalations
from legalaid.services.commands.offices import add_handler
from legalaid.services.commands.settings import current_recognition_rules
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.escalation_tab import MeetingDialog, ReportDialog
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.shell.main_window import MainWindow
from tests.services.commands.test_escalations import in_progress, notified
from tests.ui.cells import cell, row_count

Answer = Callable[[Callable[[QWidget], None]], None]


def test_the_whole_path_in_the_case_window(
    offices: Context, qtbot: QtBot, answer_dialog: Answer, tmp_path: Path, backend: str
) -> None:
    ctx = offices
    add_handler(ctx, name="王律师", handler_type=HandlerType.LAWYER)
    case_id = notified(ctx, possible_life_or_death=False, cause="盗窃")
    in_progress(ctx, case_id)
    dialog = CaseDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 680)
    panel = dialog.escalation_panel
    visible = {k for k, b in panel.buttons.items() if not b.isHidden()}
    assert visible == {"flag"} and "未列为重大疑难" in panel.status.text()

    def flag(box: QWidget) -> None:
        assert isinstance(box, StepDialog)
        box.choice.setCurrentIndex(box.choice.findData(Criterion.DOUBT.value))
        box.reason.setPlainText("证据链缺少关键物证")
        box.accept()

    answer_dialog(flag)
    panel.buttons["flag"].click()
    assert "定罪、证据或法律适用存疑：证据链缺少关键物证" in panel.status.text()
    assert "待确认" in panel.status.text()

    def confirm(box: QWidget) -> None:
        assert isinstance(box, StepDialog)
        box.reason.setPlainText("证据存疑，须集体讨论")
        box.accept()

    answer_dialog(confirm)
    panel.buttons["confirm"].click()
    assert get_case(ctx, case_id).major_difficult
    assert {k for k, b in panel.buttons.items() if not b.isHidden()} == {
        "flag", "dismiss", "discuss",
    }  # fmt: skip

    minutes = tmp_path / "minutes-scan.pdf"
    minutes.write_bytes(b"%PDF-1.4 scan")

    from legalaid.domain.permissions import Role
    from legalaid.services.commands.accounts import add_user

    add_user(ctx, username="liu", name="刘建国", role=Role.SUPERVISOR, password="Liu2026pw")

    def discuss(box: QWidget) -> None:
        assert isinstance(box, MeetingDialog)
        # Colleagues with an account come first, then the handlers.
        names = [box.people.item(i).text() for i in range(box.people.count())]
        assert names[0] == "刘建国" and "王律师" in names
        box.chair.setCurrentIndex(box.chair.findText("刘建国"))
        item = box.people.findItems("王律师", Qt.MatchFlag.MatchExactly)[0]
        item.setCheckState(Qt.CheckState.Checked)
        box.others.setText("陈书记、李科长")
        box.opinions.setPlainText("一致认为应作无罪辩护")
        box.plan.setPlainText("申请调取监控录像并申请证人出庭")
        box.minutes.setText(str(minutes))
        if backend == "sqlite":
            box.grab().save(str(tmp_path / "meeting.png"))
        box.accept()

    answer_dialog(discuss)
    panel.buttons["discuss"].click()
    assert row_count(panel.meetings) == 1
    assert cell(panel.meetings, 0, 2) == "刘建国、王律师、陈书记、李科长"
    assert cell(panel.meetings, 0, 4) == "minutes-scan.pdf"
    assert "应于2026-11-25前上报（剩余 3 个工作日）" in panel.status.text()
    panel.meetings.selectRow(0)
    assert panel.open_minutes.isEnabled()
    assert panel.save_minutes(tmp_path / "minutes.pdf")
    assert (tmp_path / "minutes.pdf").read_bytes().startswith(b"%PDF")

    def report(box: QWidget) -> None:
        assert isinstance(box, ReportDialog) and not box.reply
        box.authority.setText("株洲市司法局")
        box.reference.setText("株法援报〔2026〕5号")
        box.content.setPlainText("拟作无罪辩护，请予指导")
        box.accept()

    answer_dialog(report)
    panel.buttons["report"].click()
    assert "株法援报〔2026〕5号" in panel.report_text.text()

    def reply(box: QWidget) -> None:
        assert isinstance(box, ReportDialog) and box.reply
        box.content.setPlainText("同意")
        box.accept()

    answer_dialog(reply)
    panel.buttons["reply"].click()
    view = escalations.escalation_of(ctx, case_id)
    assert view is not None and view.state is EscalationState.REPLIED
    assert "批复：同意" in panel.report_text.text()
    assert panel.save_report_form(tmp_path / "report.pdf")
    if backend == "sqlite":
        dialog.tabs.setCurrentIndex(dialog.escalation_tab)
        dialog.grab().save(str(tmp_path / "escalation.png"))


def test_register_section_and_criteria(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path, backend: str
) -> None:
    ctx = offices
    first = notified(ctx)  # possible death penalty: recognised at intake
    second = notified(ctx, possible_life_or_death=False, cause="故意伤害")
    escalations.decide(ctx, case_id=first, confirm=True, note="须集体讨论")
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show_section(window.ESCALATIONS)
    qtbot.waitUntil(lambda: not window.loader.loading)  # read off the GUI thread
    page = window.escalations
    assert row_count(page.table) == 1 and cell(page.table, 0, 5) == "已确认"
    assert "共1件" in page.counts.text()

    # Lower the bar in 设置: any case with 2 aided persons is a group case; then check.
    window.show_section(window.SETTINGS)
    settings_page = window.settings_page
    settings_page.group_threshold.setValue(2)
    settings_page.store_criteria()
    assert current_recognition_rules(ctx).group_threshold == 2
    from legalaid.services.commands.subsidies import set_subsidy_basis

    set_subsidy_basis(ctx, case_id=second, region_tier=None, aided_persons=3, days={})
    window.show_section(window.ESCALATIONS)
    page.show_rows()
    assert row_count(page.table) == 2
    page.state.setCurrentIndex(page.state.findData("待确认"))  # read again, in the background
    qtbot.waitUntil(lambda: not window.loader.loading)
    assert row_count(page.table) == 1 and "群体性案件" in cell(page.table, 0, 6)
    page.state.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not window.loader.loading)
    assert page.save_register(tmp_path / "register.xlsx")
    assert page.save_register(tmp_path / "register.pdf")
    assert not page.save_register(tmp_path / "register.txt")
    assert "应为 .pdf 或 .xlsx" in page.message.text()
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "register.png"))
        window.show_section(window.SETTINGS)
        window.grab().save(str(tmp_path / "settings.png"))


def test_a_scan_shows_the_cases_before_adding_them(
    offices: Context, qtbot: QtBot, answer_dialog: Answer, tmp_path: Path, backend: str
) -> None:
    """检查在办案件 lists what the criteria found; only the ticked cases enter the register."""
    from legalaid.domain.escalation import RecognitionRules
    from legalaid.services.commands.settings import set_recognition_rules
    from legalaid.ui.pages.escalations_page import CandidatesDialog, EscalationsPage
    from tests.services.commands.test_escalations import CIVIL

    ctx = offices
    first = notified(ctx, aided_persons=6, **CIVIL)
    second = notified(ctx, aided_persons=7, **CIVIL)
    set_recognition_rules(ctx, RecognitionRules(group_threshold=5))
    page = EscalationsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)

    def keep_only_the_second(box: QWidget) -> None:
        assert isinstance(box, CandidatesDialog)
        assert box.list.count() == 2 and "群体性案件" in box.list.item(0).text()
        if backend == "sqlite":
            box.grab().save(str(tmp_path / "candidates.png"))
        box.list.item(0).setCheckState(Qt.CheckState.Unchecked)
        box.accept()

    answer_dialog(keep_only_the_second)
    page.scan.click()
    assert escalations.escalation_of(ctx, first) is None
    view = escalations.escalation_of(ctx, second)
    assert view is not None and view.state is EscalationState.CANDIDATE

    def cancel(box: QWidget) -> None:
        assert isinstance(box, CandidatesDialog) and box.list.count() == 1
        box.reject()

    answer_dialog(cancel)
    page.scan.click()  # cancelled: nothing created
    assert escalations.escalation_of(ctx, first) is None
