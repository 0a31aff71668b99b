"""待办期限: every running legal deadline — overdue, due today, due this week."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.deadlines import remaining_text
from legalaid.domain.holidays import ESTIMATED_NOTE
from legalaid.services.cases import DeadlineRow, open_deadlines
from legalaid.services.context import Context

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


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
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Due on"),
                self.tr("Time left"),
                self.tr("Deadline"),
                self.tr("Case number"),
                self.tr("Aided person"),
                self.tr("State"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.rows: list[DeadlineRow] = []
        self.loaded = False  # filled when first shown: start-up stays fast

    def refresh(self) -> None:
        self.loaded = True
        today = self._ctx.today()
        every = open_deadlines(self._ctx, due_by=today + timedelta(days=7))
        overdue = sum(1 for r in every if r.deadline.due < today)
        due_today = sum(1 for r in every if r.deadline.due == today)
        self.counts.setText(
            self.tr("{0} overdue, {1} due today, {2} due within 7 days").format(
                overdue, due_today, len(every) - overdue
            )
        )
        scope = self.scope.currentIndex()
        if scope == self.ALL:
            rows = open_deadlines(self._ctx)
        elif scope == self.OVERDUE:
            rows = [r for r in every if r.deadline.due < today]
        elif scope == self.TODAY:
            rows = [r for r in every if r.deadline.due == today]
        else:
            rows = [r for r in every if r.deadline.due >= today]
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            left = row.deadline.days_left(today)
            estimated = row.deadline.estimated
            values = [
                row.deadline.due.isoformat() + (" 预估" if estimated else ""),
                remaining_text(row.deadline, today, self._ctx.calendar),
                self.tr("{0} (period {1})").format(row.deadline.kind.value, row.deadline.rule.text),
                row.case_no,
                row.name,
                row.state.value,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if left < 0:
                    item.setForeground(QColor("#B00020"))
                elif left == 0:
                    item.setForeground(QColor("#B35C00"))
                if column == 1:
                    item.setTextAlignment(RIGHT)
                if estimated and column in (0, 1):
                    item.setToolTip(ESTIMATED_NOTE)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()

    def _open(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_case.emit(self.rows[rows[0].row()].case_id)
