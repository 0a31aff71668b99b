"""Long work off the GUI thread: one path that runs a service call and reports back."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from legalaid.domain.errors import LegalAidError
from legalaid.ui.work import collector


class _Signals(QObject):
    progress = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(str)
    error = Signal(object)  # the LegalAidError itself (an import's list of problems)


class Task(QRunnable):
    """Runs ``work(progress)`` in the thread pool. A ``LegalAidError`` becomes ``failed`` with
    its sentence; anything else is a bug and propagates to the crash handler."""

    def __init__(self, work: Callable[[Callable[[str, int, int], None]], Any]) -> None:
        super().__init__()
        # Python keeps the task (and its signals) alive until its result has been delivered;
        # letting Qt delete it after run() would free the signals under queued deliveries.
        self.setAutoDelete(False)
        # Owned by the application, so the worker letting go of the task last never deletes
        # them on its thread; they are deleted on the GUI thread once delivered (_done).
        self.signals = _Signals(QCoreApplication.instance())
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except LegalAidError as exc:
            self.signals.error.emit(exc)
            self.signals.failed.emit(exc.message)
            return
        self.signals.finished.emit(result)


_running: set[Task] = set()


def _done(task: Task) -> None:
    _running.discard(task)
    task.signals.deleteLater()  # after the deliveries already queued


def start(task: Task) -> None:
    collector.install()  # before a second thread runs Python for the window
    _running.add(task)
    task.signals.finished.connect(lambda _result: _done(task))
    task.signals.failed.connect(lambda _message: _done(task))
    QThreadPool.globalInstance().start(task)


class Newest:
    """Background readings of one kind where only the newest is wanted (a list's count after
    each search): starting one tells the one before to stop (``abandoned`` turns true for it)
    and drops its answer, should it still arrive."""

    def __init__(self) -> None:
        self._stop = threading.Event()

    def start(self, work: Callable[[Callable[[], bool]], Any], done: Callable[[Any], None]) -> None:
        """Run ``work(abandoned)`` in the thread pool; ``done(result)`` unless superseded."""
        self.drop()
        self._stop = stop = threading.Event()
        task = Task(lambda _progress: work(stop.is_set))
        task.signals.finished.connect(lambda result: None if stop.is_set() else done(result))
        start(task)

    def drop(self) -> None:
        """The reading under way, if any, is no longer wanted."""
        self._stop.set()
