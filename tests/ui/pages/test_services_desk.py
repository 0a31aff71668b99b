"""The 法律帮助 desk typed as a clerk types it (keys only), the rota as a calendar, and a
consultation turned into an application."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.aid_services import ServiceKind, StationKind
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import aid_services, duty
from legalaid.services.commands.aid_services import ServiceFilter
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.statistics import year_statistics
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.intake_dialog import IntakeDialog
from legalaid.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.cells import cell, row_count

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗"


def commit(widget: QWidget, text: str) -> None:
    """Chinese arrives as the input method's committed text (pinyin typed, word chosen)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.mark.usefixtures("poppler")
def test_twenty_consultations_by_keyboard_alone(
    offices: Context, qtbot: QtBot, tmp_path: Path, settings: QSettings, backend: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_section(window.SERVICES)
    desk = window.services
    qtbot.waitUntil(lambda: not window.loader.loading)  # read in the background when shown
    assert desk.loaded and desk.current_kind() is ServiceKind.CONSULTATION
    desk.name.setFocus()
    started = time.perf_counter()
    for n in range(20):
        focused = QWidget.focusWidget(desk.name)
        assert focused is desk.name, f"entry {n}: the name field is not ready"
        commit(desk.name, f"{SURNAMES[n]}先生")
        qtbot.keyClick(desk.name, Qt.Key.Key_Return)  # → phone
        qtbot.keyClicks(desk.phone, f"1390731{n:04d}")
        for _ in range(4):  # phone → ID → person-times → matter (Enter moves on)
            qtbot.keyClick(desk.window().focusWidget(), Qt.Key.Key_Return)
        commit(desk.content, f"第{n + 1}个问题：工资被拖欠怎么办")
        qtbot.keyClick(desk.content, Qt.Key.Key_Return)
        commit(desk.answer, "可向劳动监察投诉或申请仲裁")
        qtbot.keyClick(desk.answer, Qt.Key.Key_Return)  # → the handler, the last field
        qtbot.keyClick(desk.window().focusWidget(), Qt.Key.Key_Return)  # saves
    elapsed = time.perf_counter() - started
    print(f"20 consultations typed and saved in {elapsed:.2f} s")
    saved = aid_services.list_services(offices, ServiceFilter(day_from=TODAY, day_to=TODAY))
    assert len(saved) == 20
    assert {e.kind for e in saved} == {ServiceKind.CONSULTATION}
    assert {e.channel for e in saved} == {"来访"}
    assert saved[0].content == "第20个问题：工资被拖欠怎么办"
    assert row_count(desk.table) == 20
    assert desk.counts.text() == "共 20 条，20 人次"
    assert year_statistics(offices, year=2026).services == {"法律咨询": 20}
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "desk.png"))
    # The day's 咨询登记表, as printed (opening it in the system's viewer is Qt's business).
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    register = tmp_path / "register.pdf"
    assert desk.save_register(register) and opened == [str(register)]
    text = subprocess.run(["pdftotext", "-layout", str(register), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "法律援助咨询登记表" in text and "共登记法律咨询20条，20人次" in text.replace(" ", "")
    assert "罗先生" in text and "13907310019" in text


def test_a_wrong_entry_keeps_what_was_typed(offices: Context, qtbot: QtBot) -> None:
    window = MainWindow(offices)
    qtbot.addWidget(window)
    window.show_section(window.SERVICES)
    desk = window.services
    qtbot.waitUntil(lambda: not window.loader.loading)  # read in the background when shown
    desk.name.setText("王芳")
    desk.phone.setText("12345")
    desk.content.setText("离婚后孩子抚养费")
    desk.save()
    assert "联系电话" in desk.general_error.text()
    assert desk.name.text() == "王芳" and desk.content.text() == "离婚后孩子抚养费"
    assert aid_services.count_services(offices) == (0, 0)
    desk.phone.setText("13907310000")
    desk.save()
    assert aid_services.count_services(offices) == (1, 1)
    assert desk.name.text() == "" and desk.general_error.text() == ""


def test_duty_help_at_a_station_and_the_rota_calendar(
    offices: Context, qtbot: QtBot, tmp_path: Path, settings: QSettings, backend: str
) -> None:
    lawyer = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    station = duty.save_station(offices, office_code="ZZ", name="株洲市看守所值班律师工作站",
                                kind=StationKind.DETENTION)  # fmt: skip
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_section(window.DUTY)
    rota = window.duty
    assert rota.current_station() is not None and rota.current_station().id == station
    # Two days of the month chosen in the calendar, the lawyer put on duty with Enter.
    rota.lawyer.setCurrentIndex(rota.lawyer.findData(lawyer.id))
    for day in (2, 3):
        cell = rota.days.index(date(TODAY.year, TODAY.month, day))
        rota.grid.item(cell // 7, cell % 7).setSelected(True)
    rota.grid.setFocus()
    qtbot.keyClick(rota.grid, Qt.Key.Key_Return)
    assert [s.on_date.day for s in duty.shifts_between(offices, date(2026, 11, 1),
                                                       date(2026, 11, 30))] == [2, 3]  # fmt: skip
    cell = rota.days.index(date(2026, 11, 2))
    assert "林宇浩" in rota.grid.item(cell // 7, cell % 7).text()
    assert "2 人日" in rota.summary.text()
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "rota.png"))

    window.show_section(window.SERVICES)
    desk = window.services
    qtbot.waitUntil(lambda: not window.loader.loading)  # read in the background when shown
    desk.kind.setCurrentIndex(desk.kind.findData(ServiceKind.DUTY_HELP.value))
    assert desk.channel.currentText() == "株洲市看守所值班律师工作站"
    assert desk.helps[next(iter(desk.helps))].isVisible()
    desk.name.setText("赵军")
    desk.content.setText("盗窃罪")
    desk.helps[next(h for h in desk.helps if h.value == "认罪认罚见证")].setChecked(True)
    desk.handler.setCurrentIndex(desk.handler.findData(lawyer.id))
    desk.save()
    saved = aid_services.list_services(offices)
    assert len(saved) == 1 and saved[0].handler_id == lawyer.id
    assert saved[0].help_items == ("认罪认罚见证",) and saved[0].station_id == station
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "duty_help.png"))


def test_a_consultation_becomes_an_application_linked_both_ways(
    offices: Context, qtbot: QtBot, answer_dialog: Callable[..., None]
) -> None:
    window = MainWindow(offices)
    qtbot.addWidget(window)
    window.show_section(window.SERVICES)
    desk = window.services
    qtbot.waitUntil(lambda: not window.loader.loading)  # read in the background when shown
    desk.name.setText("王秀英")
    desk.id_number.setText("430223198304185705")
    desk.content.setText("工伤赔偿被拒")
    desk.groups["农民工"].setChecked(True)
    desk.save()
    desk.table.selectRow(0)
    assert desk.apply_button.isEnabled()
    filled: dict[str, object] = {}

    def register(dialog: QWidget) -> None:
        assert isinstance(dialog, IntakeDialog)
        filled.update(name=dialog.name.text(), id_number=dialog.id_number.text(),
                      summary=dialog.summary.toPlainText(),
                      farmer=dialog.groups["农民工"].isChecked())  # fmt: skip
        dialog.pledge.setChecked(True)
        answer_dialog(lambda case_window: case_window.close(), CaseDialog)  # opens after
        dialog.save()

    answer_dialog(register)
    desk.apply_button.click()
    assert filled == {"name": "王秀英", "id_number": "430223198304185705",
                      "summary": "工伤赔偿被拒", "farmer": True}  # fmt: skip
    entry = aid_services.list_services(offices)[0]
    assert entry.case_no is not None and entry.case_no.startswith("株法援")
    assert cell(desk.table, 0, 8) == entry.case_no
    desk.table.selectRow(0)
    assert desk.case_button.isEnabled() and not desk.delete_button.isEnabled()


def test_a_station_added_in_the_rota_is_offered_at_the_desk(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_section(window.SERVICES)
    desk = window.services
    qtbot.waitUntil(lambda: not window.loader.loading)  # read in the background when shown
    desk.kind.setCurrentIndex(desk.kind.findData(ServiceKind.DUTY_HELP.value))
    assert desk.channel.count() == 0  # no station yet
    window.show_section(window.DUTY)
    duty.save_station(offices, office_code="ZZ", name="株洲市中级人民法院值班律师工作站",
                      kind=StationKind.COURT)  # fmt: skip
    window.show_section(window.SERVICES)
    # The lists are read again off the GUI thread when the desk is shown again.
    qtbot.waitUntil(lambda: desk.channel.currentText() == "株洲市中级人民法院值班律师工作站")
    assert desk.current_kind() is ServiceKind.DUTY_HELP  # the clerk's choice kept
