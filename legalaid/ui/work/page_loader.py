"""A section's data read off the GUI thread: the page shows "正在读取…" over itself, the
window stays responsive, and the page fills itself when the reading arrives (issue: the
statistics and deadlines sections blocked the window for seconds on a large database)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from legalaid.domain.errors import LegalAidError
from legalaid.ui.work import tasks


class BackgroundPage(Protocol):
    """A page whose reading can run off the GUI thread: ``reader`` takes what it needs from
    its widgets (on the GUI thread) and returns the reading; ``show_data`` fills the page."""

    loaded: bool

    def reader(self) -> Callable[[], object]: ...

    def show_data(self, data: object) -> None: ...


class PageLoader(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loading: set[int] = set()  # ids of the pages being read
        self._generation: dict[int, int] = {}
        self._covers: dict[int, QLabel] = {}

    def load(self, page: QWidget) -> None:
        """Read ``page``'s data in the background; a newer load of the page wins."""
        reading: BackgroundPage = page  # type: ignore[assignment]
        read = reading.reader()
        reading.loaded = True  # not read twice while this one runs
        key = id(page)
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        cover = self._cover(page)
        cover.setText(self.tr("Reading…"))
        cover.setGeometry(page.rect())
        cover.show()
        cover.raise_()
        self.loading.add(key)
        task = tasks.Task(lambda _progress: read())
        task.signals.finished.connect(lambda data: self._done(page, generation, data))
        task.signals.error.connect(lambda error: self._failed(page, generation, error))
        tasks.start(task)

    def forget(self, page: object) -> None:
        """The page is being read at once on the GUI thread: a reading still on its way is
        older and must not overwrite it."""
        key = id(page)
        if key in self.loading:
            self._generation[key] = self._generation.get(key, 0) + 1
            self.loading.discard(key)
            self._covers[key].hide()

    def _cover(self, page: QWidget) -> QLabel:
        key = id(page)
        if key not in self._covers:
            cover = QLabel(page)
            cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cover.setAutoFillBackground(True)
            cover.setStyleSheet("color: #555555; font-size: 15px;")
            self._covers[key] = cover
            page.installEventFilter(self)  # the cover follows the page's size
        return self._covers[key]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            cover = self._covers.get(id(watched))
            if cover is not None:
                cover.setGeometry(watched.rect())
        return False

    def _current(self, page: QWidget, generation: int) -> bool:
        return shiboken6.isValid(page) and self._generation.get(id(page)) == generation

    def _done(self, page: QWidget, generation: int, data: object) -> None:
        if not self._current(page, generation):
            return  # the page is gone, or a newer reading is on its way
        self.loading.discard(id(page))
        reading: BackgroundPage = page  # type: ignore[assignment]
        reading.show_data(data)
        self._covers[id(page)].hide()

    def _failed(self, page: QWidget, generation: int, error: LegalAidError) -> None:
        if not self._current(page, generation):
            return
        self.loading.discard(id(page))
        reading: BackgroundPage = page  # type: ignore[assignment]
        reading.loaded = False  # read again when next shown
        self._covers[id(page)].setText(error.message)


def read_again(page: QWidget) -> None:
    """Read ``page`` again after one of its own choices changed (a year, a scope): in the
    background when it sits in a window with a loader, at once otherwise."""
    loader = getattr(page.window(), "loader", None)
    if isinstance(loader, PageLoader):
        loader.load(page)
    else:
        page.refresh()  # type: ignore[attr-defined]
