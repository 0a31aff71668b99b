"""Python's cyclic garbage collection runs on the GUI thread only once the window works on
other threads: a cycle holding a Qt object freed on the database worker would destroy that
object on the wrong thread."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from legalaid.ui.work import collector, operation


class _Node:
    def __init__(self) -> None:
        self.other: Any = self


def _cycles(count: int) -> int:
    for _ in range(count):
        _Node()  # each one garbage that only the cyclic collector frees
    return count


def test_collections_run_on_the_gui_thread_while_the_worker_makes_garbage(qtbot: QtBot) -> None:
    threads: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(record)
    try:
        # Far beyond the young generation's threshold: Python would collect on the worker.
        many = max(200_000, 3 * gc.get_threshold()[0])
        assert operation.run(None, lambda: _cycles(many)) == many
        qtbot.wait(3 * collector.INTERVAL_MS)
    finally:
        gc.callbacks.remove(record)
    assert threads, "the garbage was never collected"
    assert set(threads) == {threading.main_thread().ident}
    assert collector.installed() and not gc.isenabled()


def test_cyclic_garbage_is_still_freed(qtbot: QtBot) -> None:
    operation.run(None, lambda: None)  # the worker has started: collection is the timer's
    node = _Node()
    gone = weakref.ref(node)
    del node
    _cycles(2 * gc.get_threshold()[0])  # enough allocations to fill the young generation
    qtbot.waitUntil(lambda: gone() is None, timeout=5_000)


def test_after_quitting_python_collects_by_itself_until_the_worker_runs_again(
    qtbot: QtBot,
) -> None:
    operation.run(None, lambda: None)
    assert collector.installed() and not gc.isenabled()
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # as quitting does: no timer would run collections any more
    assert gc.isenabled() and not collector.installed()
    operation.run(None, lambda: None)
    assert collector.installed() and not gc.isenabled()
