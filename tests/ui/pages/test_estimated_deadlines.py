"""A due date in a year without the official notice is marked 预估 wherever it is shown, and
entering the notice in 设置 makes it exact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from legalaid.services.commands import intake
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.pages.holidays_box import NoticeDialog
from legalaid.ui.shell.main_window import MainWindow
from tests.services.commands.test_workflow import application
from tests.ui.cells import cell, tip


def test_estimated_due_dates_are_marked_until_the_notice_is_entered(
    offices: Context,
    qtbot: QtBot,
    settings: QSettings,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
    tmp_path: Path,
    backend: str,
) -> None:
    ctx = replace(offices, today=lambda: date(2027, 2, 5))
    ref = intake.register(ctx, application(received_on=date(2027, 2, 5)))
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    model = window.cases.model
    due = model.index(0, model.DUE)
    assert due.data() == "2027-02-12 预估 审查决定"
    assert "放假通知尚未录入" in due.data(Qt.ItemDataRole.ToolTipRole)
    window.show_section(window.DEADLINES)
    qtbot.waitUntil(lambda: not window.loader.loading)  # read off the GUI thread
    assert cell(window.deadlines.table, 0, 0) == "2027-02-12 预估"
    assert "放假通知尚未录入" in tip(window.deadlines.table, 0, 0)
    case = CaseDialog(ctx, ref.id, parent=window)
    qtbot.addWidget(case)
    assert any("预估" in label.text() for label in case.findChildren(QLabel))
    case.close()

    window.show_section(window.SETTINGS)
    box = window.settings_page.holidays
    assert "2027" not in box.status.text().split("：", 1)[1].split("。")[0]

    def enter(dialog: QWidget) -> None:
        assert isinstance(dialog, NoticeDialog)
        dialog.text.setPlainText("日期,类型,名称\n2027-02-12,休息,春节\n2027-02-14,上班,春节")
        dialog.save()

    answer_dialog(enter)
    box.ask_notice()
    assert "已录入 2027 年放假安排（2 天）；1 件在办案件" in window.settings_page.message.text()
    box.year.setValue(2027)
    assert box.shown.text() == "2027 年：录入的通知 — 工作日放假 1 天，调休上班 1 天"
    box.year.setValue(2030)
    assert box.shown.text() == "2030 年：无（仅按周末估算）"
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "holidays.png"))
    window.refresh_all()
    assert model.index(0, model.DUE).data() == "2027-02-14 审查决定"


def test_a_wrong_notice_row_keeps_the_dialog_open(offices: Context, qtbot: QtBot) -> None:
    dialog = NoticeDialog(offices)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("日期,类型,名称\n2027-02-30,休息,春节")
    dialog.save()
    assert "第2行「日期」" in dialog.error.text()
    assert dialog.result() == 0
