"""我的案件: the signed-in handler's open cases, the most urgent deadline first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.holidays import ESTIMATED_NOTE, is_estimated
from legalaid.domain.vocabulary import OPEN_STATES
from legalaid.domain.workdays import HolidayCalendar
from legalaid.services.cases import CaseFilter, CaseRow, find_cases, open_deadlines
from legalaid.services.closing import returned_files
from legalaid.services.context import Context

LATE = QColor("#FDE2E1")
SOON = QColor("#FFF2CC")
RETURNED = QColor("#E2ECFD")  # a closing file sent back: the handler's move


class MyCasesPage(QWidget):
    open_case = Signal(int)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        self.rows: list[CaseRow] = []
        self.returned: dict[int, tuple[date, str]] = {}
        self.summary = QLabel()
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case number"), self.tr("Aided person"), self.tr("Case type"),
             self.tr("Cause"), self.tr("State"), self.tr("Next deadline"), self.tr("Due on")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.loaded = True
        rows = find_cases(self._ctx, CaseFilter(states=tuple(OPEN_STATES)), limit=2000)
        # Cases with a running deadline first, the soonest on top.
        self.rows = sorted(rows, key=lambda r: (r.due_on is None, r.due_on or r.applied_on))
        today = self._ctx.today()
        # Every running clock of these cases counts (a case may run two: the closing file
        # and the report of a discussed major case), not only the one each row shows.
        clocks = open_deadlines(self._ctx)
        late = sum(1 for d in clocks if d.deadline.due < today)
        self.returned = returned_files(self._ctx, case_ids=[r.id for r in self.rows])
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            state = row.state.value
            returned = self.returned.get(row.id)
            if returned is not None:  # the centre sent the closing file back: say why
                state = self.tr("{0} · file returned: {1}").format(state, returned[1])
            values = [row.case_no, row.name, row.case_type + (f"·{row.stage}" if row.stage else ""),
                      row.cause or "", state, row.deadline_kind or "",
                      _due_text(row.due_on, self._ctx.calendar)]  # fmt: skip
            colour = RETURNED if returned is not None else None
            if row.due_on is not None:
                days = (row.due_on - today).days
                colour = LATE if days < 0 else SOON if days <= 3 else colour
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if colour is not None:
                    item.setBackground(colour)
                if c == 4 and returned is not None:
                    item.setToolTip(self.tr("Returned on {0}: {1}").format(
                        returned[0].isoformat(), returned[1]))  # fmt: skip
                if c == 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if row.due_on and is_estimated(row.due_on, self._ctx.calendar):
                        item.setToolTip(ESTIMATED_NOTE)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        text = self.tr("{0} open cases assigned to you · {1} overdue").format(len(self.rows), late)
        if self.returned:
            text += self.tr(" · {0} closing files returned").format(len(self.returned))
        self.summary.setText(text)

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.open_case.emit(self.rows[row].id)


def _due_text(due: date | None, calendar: HolidayCalendar) -> str:
    if due is None:
        return ""
    return due.isoformat() + (" 预估" if is_estimated(due, calendar) else "")
