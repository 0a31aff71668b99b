"""The case list model: loads pages on demand so that a million cases open at once, and
counts a long list's cases in the background (a search matching half a million cases took
0.4 s to count; the first page is there in a few milliseconds)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from legalaid.domain.holidays import ESTIMATED_NOTE, is_estimated
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, CaseRow, count_cases_unless, find_cases
from legalaid.ui.work import tasks

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class CaseTableModel(QAbstractTableModel):
    counted = Signal()  # the filtered list's total is known (``total`` no longer None)
    (CASE_NO, OFFICE, NAME, ID_NUMBER, TYPE, SOURCE, STAGE, STATE, APPLIED, ACCEPTED, HANDLER,
     DUE) = range(12)  # fmt: skip
    CaseIdRole = Qt.ItemDataRole.UserRole + 1
    # Columns the database can sort a million rows by (each has an index).
    SORTABLE: ClassVar[dict[int, str]] = {
        CASE_NO: "number", STATE: "state", APPLIED: "applied_on", ACCEPTED: "accepted_on",
        DUE: "due_on",
    }  # fmt: skip

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self._filter = CaseFilter()
        self._rows: list[CaseRow] = []
        self._total: int | None = 0
        self._more = False  # the last page read was full: there may be more
        self._counts = tasks.Newest()  # a newer filter's count wins; the older one stops
        self.sort_column = self.CASE_NO
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._headers = (
            self.tr("Case number"), self.tr("Office"), self.tr("Aided person"),
            self.tr("ID number"), self.tr("Case type"), self.tr("Source"), self.tr("Stage"),
            self.tr("State"), self.tr("Received"), self.tr("Accepted"), self.tr("Handler"),
            self.tr("Deadline"),
        )  # fmt: skip

    # -- loading ---------------------------------------------------------------------------
    def set_filter(self, case_filter: CaseFilter) -> None:
        self.beginResetModel()
        self._filter = case_filter
        self._rows = []
        self._rows = self._page(0)
        self._more = len(self._rows) == PAGE
        # A list that fits one page is counted by its rows; a longer one in the background.
        self._total = None if self._more else len(self._rows)
        self.endResetModel()
        if self._more:
            ctx = self._ctx
            self._counts.start(
                lambda abandoned: count_cases_unless(ctx, case_filter, abandoned), self._counted
            )
        else:
            self._counts.drop()  # the count of the list before is of no use now

    def _counted(self, total: int | None) -> None:
        if total is None or not shiboken6.isValid(self):
            return  # given up, or the list is gone
        self._total = total
        self.counted.emit()

    def reload(self) -> None:
        self.set_filter(self._filter)

    def _page(self, offset: int) -> list[CaseRow]:
        # The next page continues after the last row loaded (keyset paging where possible).
        return find_cases(
            self._ctx, self._filter, offset=offset, limit=PAGE,
            order=self.SORTABLE[self.sort_column],
            descending=self.sort_order == Qt.SortOrder.DescendingOrder,
            after=self._rows[offset - 1] if 0 < offset <= len(self._rows) else None,
        )  # fmt: skip

    def refresh_rows(self, case_ids: Iterable[int]) -> int:
        """Redraw the rows of these cases as they are now, in place; returns how many. A case
        that no longer matches the list's filter (a state filter after a step, a name search
        after 更正) leaves the list at once, the rest stays as loaded."""
        wanted = set(case_ids)
        where = {row.id: n for n, row in enumerate(self._rows) if row.id in wanted}
        if not where:
            return 0
        still = replace(self._filter, case_ids=frozenset(where))
        fresh = find_cases(self._ctx, still, limit=len(where))
        for row in fresh:
            n = where[row.id]
            self._rows[n] = row
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(self._headers) - 1))
        gone = set(where) - {row.id for row in fresh}
        for n in sorted((where[case_id] for case_id in gone), reverse=True):
            self.beginRemoveRows(QModelIndex(), n, n)
            del self._rows[n]
            if self._total is not None:
                self._total -= 1
            self.endRemoveRows()
        return len(fresh)

    @property
    def total(self) -> int | None:
        """The filtered list's cases; None while a long list is still being counted."""
        return self._total

    def case_id(self, row: int) -> int:
        return self._rows[row].id

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._more if self._total is None else len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = self._page(len(self._rows))
        self._more = len(more) == PAGE
        if not more:
            if self._total is not None:
                self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in self.SORTABLE:
            return  # the view puts the indicator back on the current sort column
        if (column, order) == (self.sort_column, self.sort_order):
            return  # the view enabling sorting asks for the sort it has (a page read for none)
        self.sort_column, self.sort_order = column, order
        self.reload()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.CaseIdRole:
            return row.id
        if index.column() == self.DUE and row.due_on is not None:
            estimated = is_estimated(row.due_on, self._ctx.calendar)
            if role == Qt.ItemDataRole.ForegroundRole and row.due_on < self._ctx.today():
                return QColor("#B00020")
            if role == Qt.ItemDataRole.ToolTipRole and estimated:
                return ESTIMATED_NOTE
            if role == Qt.ItemDataRole.DisplayRole:
                mark = " 预估" if estimated else ""
                return f"{row.due_on.isoformat()}{mark} {row.deadline_kind}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.case_no, row.office, row.name, row.id_number, row.case_type, row.source,
            row.stage or "", row.state.value, _day(row.applied_on), _day(row.accepted_on),
            row.handler or "", "",
        )  # fmt: skip
        return values[index.column()]


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""
