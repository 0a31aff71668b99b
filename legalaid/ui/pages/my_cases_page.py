"""我的案件: the signed-in handler's open cases, the most urgent deadline first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.holidays import ESTIMATED_NOTE, is_estimated
from legalaid.domain.vocabulary import OPEN_STATES
from legalaid.domain.workdays import HolidayCalendar
from legalaid.services.commands.closing import returned_files
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, CaseRow, find_cases, open_deadlines
from legalaid.ui.kit.models import CENTRE, Column, RowsModel, chosen_row, list_view

LATE = QColor("#FDE2E1")
SOON = QColor("#FFF2CC")
RETURNED = QColor("#E2ECFD")  # a closing file sent back: the handler's move


class MyCasesPage(QWidget):
    open_case = Signal(int)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        self.returned: dict[int, tuple[date, str]] = {}
        self.summary = QLabel()
        calendar = ctx.calendar
        self.model: RowsModel[CaseRow] = RowsModel(
            [
                Column(self.tr("Case number"), lambda r: r.case_no),
                Column(self.tr("Aided person"), lambda r: r.name),
                Column(
                    self.tr("Case type"),
                    lambda r: r.case_type + (f"·{r.stage}" if r.stage else ""),
                ),
                Column(self.tr("Cause"), lambda r: r.cause or ""),
                Column(self.tr("State"), self._state_text, tip=self._returned_tip),
                Column(self.tr("Next deadline"), lambda r: r.deadline_kind or ""),
                Column(
                    self.tr("Due on"),
                    lambda r: _due_text(r.due_on, calendar),
                    align=CENTRE,
                    tip=lambda r: (
                        ESTIMATED_NOTE if r.due_on and is_estimated(r.due_on, calendar) else None
                    ),
                ),
            ],
            background=self._background,
        )
        self.table = list_view(self.model, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)  # a double-click or Enter (not both signals)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.show_data(self.reader()())

    def reader(self) -> Callable[[], object]:
        """The page's reading, to run off the GUI thread."""
        ctx = self._ctx
        return lambda: _read(ctx)

    def show_data(self, data: object) -> None:
        ordered, late, self.returned = cast(_Read, data)
        self.loaded = True
        self.model.set_rows(ordered)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        text = self.tr("{0} open cases assigned to you · {1} overdue").format(len(self.rows), late)
        if self.returned:
            text += self.tr(" · {0} closing files returned").format(len(self.returned))
        self.summary.setText(text)

    @property
    def rows(self) -> list[CaseRow]:
        return self.model.rows

    def _state_text(self, row: CaseRow) -> str:
        returned = self.returned.get(row.id)
        if returned is None:
            return row.state.value
        # The centre sent the closing file back: say why.
        return self.tr("{0} · file returned: {1}").format(row.state.value, returned[1])

    def _returned_tip(self, row: CaseRow) -> str | None:
        returned = self.returned.get(row.id)
        if returned is None:
            return None
        return self.tr("Returned on {0}: {1}").format(returned[0].isoformat(), returned[1])

    def _background(self, row: CaseRow) -> QColor | None:
        if row.due_on is not None:
            days = (row.due_on - self._ctx.today()).days
            if days < 0:
                return LATE
            if days <= 3:
                return SOON
        return RETURNED if row.id in self.returned else None

    def _open(self) -> None:
        row = chosen_row(self.table)
        if row is not None:
            self.open_case.emit(row.id)


_Read = tuple[list[CaseRow], int, dict[int, tuple[date, str]]]


def _read(ctx: Context) -> _Read:
    rows = find_cases(ctx, CaseFilter(states=tuple(OPEN_STATES)), limit=2000)
    # Cases with a running deadline first, the soonest on top.
    ordered = sorted(rows, key=lambda r: (r.due_on is None, r.due_on or r.applied_on))
    # Every running clock of these cases counts (a case may run two: the closing file and
    # the report of a discussed major case), not only the one each row shows.
    today = ctx.today()
    late = sum(1 for d in open_deadlines(ctx) if d.deadline.due < today)
    return ordered, late, returned_files(ctx, case_ids=[r.id for r in ordered])


def _due_text(due: date | None, calendar: HolidayCalendar) -> str:
    if due is None:
        return ""
    return due.isoformat() + (" 预估" if is_estimated(due, calendar) else "")
