"""The window's database work runs on the database worker: the window keeps drawing meanwhile,
a refusal still reaches the field it names, and long work says what is being done."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from legalaid.domain.errors import ValidationError
from legalaid.domain.lifecycle import Step
from legalaid.domain.vocabulary import CaseState
from legalaid.services.commands import intake
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.ui.case import case_window
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.work import operation
from tests.services.commands.test_workflow import application


class Heartbeat:
    """A 10 ms timer on the GUI thread, as the window's own repaints and animations are."""

    def __init__(self) -> None:
        self.beats = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        self.beats += 1


def test_work_runs_on_the_worker_while_the_window_keeps_drawing(qapp: QApplication) -> None:
    seen: list[QThread] = []

    def work() -> str:
        seen.append(QThread.currentThread())
        time.sleep(0.4)
        return "已保存"

    heart = Heartbeat()
    assert operation.run(None, work) == "已保存"
    heart.timer.stop()
    assert seen and seen[0] is not qapp.thread()
    # Blocking the GUI thread for 0.4 s would let the timer fire once at most.
    assert heart.beats >= 10


def test_work_is_taken_one_at_a_time_in_order(qapp: QApplication) -> None:
    order: list[int] = []
    threads: set[int] = set()

    def work(n: int) -> int:
        threads.add(threading.get_ident())
        order.append(n)
        return n * n

    assert [operation.run(None, lambda n=n: work(n)) for n in range(5)] == [0, 1, 4, 9, 16]
    assert order == [0, 1, 2, 3, 4]
    assert len(threads) == 1 and threading.get_ident() not in threads


def test_a_refusal_is_raised_again_on_the_gui_thread(qapp: QApplication) -> None:
    def refuse() -> None:
        raise ValidationError("收到日期不能晚于今天", field="收到日期")

    with pytest.raises(ValidationError) as refused:
        operation.run(None, refuse)
    assert refused.value.field == "收到日期"


def test_long_work_says_what_is_being_done_and_then_clears(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(600, 400)
    dialog.show()
    during: dict[str, object] = {}

    def look() -> None:
        notes = [w for w in dialog.findChildren(QLabel, "busyNote") if w.isVisible()]
        during["note"] = notes[0].text() if notes else None
        during["cursor"] = QGuiApplication.overrideCursor() is not None

    QTimer.singleShot(operation.BUSY_AFTER_MS + 150, look)
    operation.run(dialog, lambda: time.sleep(0.6), "正在生成文书…")
    assert during == {"note": "正在生成文书…", "cursor": True}
    qtbot.waitUntil(lambda: not dialog.findChildren(QLabel, "busyNote"), timeout=1000)
    assert QGuiApplication.overrideCursor() is None


def test_short_work_shows_no_busy_note(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    operation.run(dialog, lambda: None, "正在处理…")
    qtbot.wait(operation.BUSY_AFTER_MS + 50)
    assert not dialog.findChildren(QLabel, "busyNote")
    assert QGuiApplication.overrideCursor() is None


def test_the_case_window_reads_and_steps_on_the_worker(
    offices: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    gui = threading.get_ident()
    reads: list[int] = []
    steps: list[int] = []
    real_get_case, real_start_review = case_window.get_case, intake.start_review

    def reading(*args: object, **kwargs: object) -> object:
        reads.append(threading.get_ident())
        return real_get_case(*args, **kwargs)  # type: ignore[arg-type]

    def reviewing(*args: object, **kwargs: object) -> object:
        steps.append(threading.get_ident())
        return real_start_review(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(case_window, "get_case", reading)
    monkeypatch.setattr(intake, "start_review", reviewing)
    ref = intake.register(offices, application(received_on=date(2026, 11, 18)))
    dialog = CaseDialog(offices, ref.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(reads) == 1  # the window opens on one reading
    dialog.buttons[Step.REVIEW].click()
    assert get_case(offices, ref.id).row.state is CaseState.REVIEW
    assert len(steps) == 1 and len(reads) == 2  # the step, then the window redrawn
    assert gui not in reads + steps
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert CaseState.REVIEW.value in shown  # the state row shows the step just taken
