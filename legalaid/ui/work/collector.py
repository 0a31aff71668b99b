"""Python's cyclic garbage collection, run on the GUI thread only.

With the window's work on the database worker and sections read in the background, the
collector would otherwise run on whichever thread happened to allocate when a generation
filled up, and a reference cycle holding a Qt object (a dialog and a lambda connected to it)
would then be destroyed on that thread, while Qt objects may only be deleted on the thread
they live in. As pyqtgraph's GarbageCollector does, automatic collection is switched off once
other threads start working for the window, and a GUI-thread timer collects by the same
generation thresholds Python uses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100  # short enough that garbage made during a long import stays small


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)

    def check(self) -> None:
        young, middle, old = gc.get_count()
        # The thresholds as they are now: a ledger import raises the first while it runs.
        first, second, third = gc.get_threshold()
        if young <= first:
            return
        generation = 0
        if middle > second:
            generation = 2 if old > third else 1
        gc.collect(generation)

    def stop(self) -> None:
        """The application quits: Python collects by itself again (until installed anew)."""
        global _installed
        self._timer.stop()
        gc.enable()
        if _installed is self:
            _installed = None
        self.deleteLater()


_installed: _Collector | None = None


def install() -> None:
    """From now on collect on the GUI thread only (idempotent; needs the application)."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None or app is None:
        return
    _installed = _Collector(app)
    app.aboutToQuit.connect(_installed.stop)
    gc.disable()


def installed() -> bool:
    return _installed is not None
