"""待办期限: every running legal deadline — overdue, due today, due this week."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.deadlines import remaining_text
from legalaid.domain.holidays import ESTIMATED_NOTE
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import DeadlineRow, open_deadlines
from legalaid.ui.kit.models import (
    DUE_TODAY,
    OVERDUE,
    RIGHT,
    Column,
    RowsModel,
    chosen_row,
    list_view,
)
from legalaid.ui.work.page_loader import read_again


class DeadlinesPage(QWidget):
    open_case = Signal(int)
    ALL, OVERDUE, TODAY, WEEK = range(4)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.scope = QComboBox()
        self.scope.addItems(
            [
                self.tr("All running deadlines"),
                self.tr("Overdue"),
                self.tr("Due today"),
                self.tr("Due within 7 days"),
            ]
        )
        self.counts = QLabel()
        today = ctx.today
        self.model: RowsModel[DeadlineRow] = RowsModel(
            [
                Column(
                    self.tr("Due on"),
                    lambda r: (
                        r.deadline.due.isoformat() + (" 预估" if r.deadline.estimated else "")
                    ),
                    tip=_estimated,
                ),
                Column(
                    self.tr("Time left"),
                    lambda r: remaining_text(r.deadline, today(), ctx.calendar),
                    align=RIGHT,
                    tip=_estimated,
                ),
                Column(
                    self.tr("Deadline"),
                    lambda r: self.tr("{0} (period {1})").format(
                        r.deadline.kind.value, r.deadline.rule.text
                    ),
                ),
                Column(self.tr("Case number"), lambda r: r.case_no),
                Column(self.tr("Aided person"), lambda r: r.name),
                Column(self.tr("State"), lambda r: r.state.value),
            ],
            colour=lambda r: _clock_colour(r, today()),
        )
        self.table = list_view(self.model)
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.scope.currentIndexChanged.connect(lambda _index: read_again(self))
        self.table.activated.connect(self._open)  # a double-click or Enter (not both signals)
        self.loaded = False  # filled when first shown: start-up stays fast

    def refresh(self) -> None:
        self.show_data(self.reader()())

    def reader(self) -> Callable[[], object]:
        """The page's reading, to run off the GUI thread (what it needs from the widgets is
        taken here, on the GUI thread)."""
        ctx, scope = self._ctx, self.scope.currentIndex()
        return lambda: _read(ctx, scope)

    def show_data(self, data: object) -> None:
        read = cast(_Read, data)
        self.loaded = True
        every, rows, today = read.every, read.rows, read.today
        overdue = sum(1 for r in every if r.deadline.due < today)
        due_today = sum(1 for r in every if r.deadline.due == today)
        self.counts.setText(
            self.tr("{0} overdue, {1} due today, {2} due within 7 days").format(
                overdue, due_today, len(every) - overdue
            )
        )
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    @property
    def rows(self) -> list[DeadlineRow]:
        return self.model.rows

    def _open(self) -> None:
        row = chosen_row(self.table)
        if row is not None:
            self.open_case.emit(row.case_id)


@dataclass(frozen=True)
class _Read:
    today: date
    every: list[DeadlineRow]  # due within 7 days or overdue: the counts
    rows: list[DeadlineRow]  # what the chosen scope lists


def _read(ctx: Context, scope: int) -> _Read:
    today = ctx.today()
    every = open_deadlines(ctx, due_by=today + timedelta(days=7))
    if scope == DeadlinesPage.ALL:
        rows = open_deadlines(ctx)
    elif scope == DeadlinesPage.OVERDUE:
        rows = [r for r in every if r.deadline.due < today]
    elif scope == DeadlinesPage.TODAY:
        rows = [r for r in every if r.deadline.due == today]
    else:
        rows = [r for r in every if r.deadline.due >= today]
    return _Read(today, every, rows)


def _estimated(row: DeadlineRow) -> str | None:
    return ESTIMATED_NOTE if row.deadline.estimated else None


def _clock_colour(row: DeadlineRow, today: date) -> QColor | None:
    left = row.deadline.days_left(today)
    return OVERDUE if left < 0 else DUE_TODAY if left == 0 else None
