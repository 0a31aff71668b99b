"""Background readings where only the newest is wanted: the one before is told to stop and
its answer, should it come, is dropped."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from legalaid.ui.work import tasks


def test_a_newer_reading_stops_the_older_and_only_its_answer_arrives(qtbot: QtBot) -> None:
    newest = tasks.Newest()
    answers: list[str] = []
    first_started = threading.Event()
    first_ended: list[str] = []

    def until_abandoned(abandoned: Callable[[], bool]) -> str:
        first_started.set()
        deadline = time.monotonic() + 10
        while not abandoned() and time.monotonic() < deadline:
            time.sleep(0.005)
        first_ended.append("stopped" if abandoned() else "ran out")
        return "first"

    newest.start(until_abandoned, answers.append)
    assert first_started.wait(5)
    newest.start(lambda abandoned: "second" if not abandoned() else "second, stopped",
                 answers.append)  # fmt: skip
    qtbot.waitUntil(lambda: answers == ["second"])
    qtbot.waitUntil(lambda: first_ended == ["stopped"])  # told to stop, it stopped at once
    qtbot.wait(100)  # its answer came back meanwhile, and was dropped
    assert answers == ["second"]


def test_a_dropped_reading_gives_no_answer(qtbot: QtBot) -> None:
    newest = tasks.Newest()
    answers: list[bool] = []
    release = threading.Event()

    def waits(abandoned: Callable[[], bool]) -> bool:
        release.wait(5)
        return abandoned()

    newest.start(waits, answers.append)
    newest.drop()
    release.set()
    qtbot.wait(300)
    assert answers == []
