"""One path for the window's work on the database (issue: every change ran on the GUI thread,
and the window froze while a step, a save or a case's reading took its time).

``run(parent, work)`` runs ``work`` on the database worker — one thread, so the window's changes
reach the database one at a time and in the order they were made — while the GUI thread keeps
drawing in a local event loop that takes no user input: nothing can be clicked twice or started
meanwhile, yet timers, repaints and background readings go on. Work that takes longer than
``BUSY_AFTER_MS`` shows a busy cursor and a line saying what is being done. What the work raises
is raised again here, on the GUI thread, so callers show a ``ValidationError`` at the field it
names, and anything else reaches the crash dialog exactly as before.

``work`` runs on another thread: it must not touch widgets. Read what it needs from them first
(``functools.partial(service, ctx, date=dialog.day)`` evaluates its arguments at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from legalaid.ui.work import collector

T = TypeVar("T")

BUSY_AFTER_MS = 250  # shorter work is not worth a flicker of the cursor


class _Call:
    """One piece of work and what came of it: plain Python, so whichever thread lets go of it
    last, nothing of Qt's is deleted there."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.work = work
        self.result: object = None
        self.error: BaseException | None = None
        self.finished = False

    def __call__(self) -> None:
        try:
            self.result = self.work()
        except BaseException as exc:
            self.error = exc
        finally:
            self.finished = True
            _notifier().done.emit()  # queued to the GUI thread: wake its loop


class _Notifier(QObject):
    """Lives as long as the application, on the GUI thread: the worker's "done" reaches the
    waiting loop through it. A notifier per call was deleted under the worker's emit (the
    GUI thread, woken, let go of it first) and crashed the process."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.loops: list[QEventLoop] = []
        self.done.connect(self._wake)

    def _wake(self) -> None:
        for loop in self.loops:
            loop.quit()  # each loop looks at its own call's flag and goes on or waits again


_the_notifier: _Notifier | None = None


def _notifier() -> _Notifier:
    global _the_notifier
    if _the_notifier is None:
        _the_notifier = _Notifier()
    return _the_notifier


_database: QThreadPool | None = None


def database_worker() -> QThreadPool:
    """The single thread that writes (and reads for windows) on the window's behalf."""
    global _database
    if _database is None:
        _database = QThreadPool()
        _database.setMaxThreadCount(1)  # one at a time, in the order they were asked
        _database.setExpiryTimeout(-1)
    return _database


def wait_for_worker() -> None:
    """Let work already handed over finish (the window is closing)."""
    if _database is not None:
        _database.waitForDone()


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class _Busy:
    """The busy cursor and a line saying what is being done, from BUSY_AFTER_MS on."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        self._parent = parent
        self._text = text or QCoreApplication.translate("operation", "Working…")
        self._shown = False
        self._label: QLabel | None = None
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(BUSY_AFTER_MS)

    def _show(self) -> None:
        self._shown = True
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        window = self._parent.window() if self._parent is not None else None
        if window is None or not shiboken6.isValid(window):
            return
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self._text)
            return
        label = QLabel(self._text, window)
        label.setObjectName("busyNote")
        label.setStyleSheet(
            "background: #fff8dc; border: 1px solid #c8b560; padding: 4px 10px; color: #333;"
        )
        label.adjustSize()
        label.move(window.width() - label.width() - 12, 8)  # above the tabs' empty end, not
        # over the buttons a dialog keeps at its foot
        label.show()
        label.raise_()
        self._label = label

    def end(self) -> None:
        self._timer.stop()
        if not self._shown:
            return
        QGuiApplication.restoreOverrideCursor()
        window = self._parent.window() if self._parent is not None else None
        if isinstance(window, QMainWindow) and shiboken6.isValid(window):
            window.statusBar().clearMessage()
        if self._label is not None and shiboken6.isValid(self._label):
            self._label.deleteLater()


def run(parent: QWidget | None, work: Callable[[], T], busy: str = "") -> T:
    """Run ``work`` on the database worker and return what it returns (or raise what it
    raises), keeping the window drawn meanwhile. ``busy`` says what is being done."""
    if not _on_gui_thread():
        return work()  # already off the GUI thread (a task of the pool)
    call = _Call(work)
    notifier = _notifier()
    loop = QEventLoop()
    notifier.loops.append(loop)
    indicator = _Busy(parent, busy)
    collector.install()  # before a second thread runs Python for the window
    database_worker().start(call)  # the pool wraps and deletes its own runnable
    try:
        while not call.finished:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        notifier.loops.remove(loop)
        indicator.end()
    if call.error is not None:
        raise call.error
    return call.result  # type: ignore[return-value]
