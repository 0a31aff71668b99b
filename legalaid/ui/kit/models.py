"""Read-only lists as table models (Vorta's shape): the page declares its columns once —
title, the text a row shows, alignment, tooltip — and hands the model its rows with
``set_rows``; the view asks only for what it draws, and the page gets its row objects back.

Editable grids (a subsidy table's rules, the duty rota, the offices tab's choices) stay
cell editors: their cells are the form."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from legalaid.services.plumbing.search import pinyin_key

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
ROW_ROLE = Qt.ItemDataRole.UserRole  # the row object itself, for the page's own use

# The colours every list uses for a clock: overdue, due today, muted (ended, inactive).
OVERDUE = QColor("#B00020")
DUE_TODAY = QColor("#B35C00")
MUTED = QColor("#777777")


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT  # RIGHT for amounts, counts and days
    tip: Callable[[R], str | None] | None = None
    # How the column sorts where the view lets the user sort (default: by its text in pinyin
    # order, as a Chinese reader expects names and firms in a list).
    key: Callable[[R], Any] | None = None
    colour: Callable[[R], QColor | None] | None = None  # this column's, before the row's


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        colour: Callable[[R], QColor | None] | None = None,
        background: Callable[[R], QColor | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._colour = colour
        self._background = background
        self._rows: list[R] = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    # -- what the page uses ------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._order is not None:
            self._rows.sort(key=self._key(self._order[0]),
                            reverse=self._order[1] == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self.endResetModel()

    @property
    def rows(self) -> list[R]:
        return self._rows

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def text(self, row: int, column: int) -> str:
        """What the cell shows."""
        return self.columns[column].text(self._rows[row])

    # -- what the view asks ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(row) if column.tip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ForegroundRole:
            own = column.colour(row) if column.colour is not None else None
            return own if own is not None or self._colour is None else self._colour(row)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            return self._background(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [id(self._rows[i.row()]) for i in before]
        self._rows.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        # The selection and the current cell stay on their rows (persistent indexes moved).
        where = {id(row): n for n, row in enumerate(self._rows)}
        after = [self.index(where[h], i.column()) for h, i in zip(held, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _key(self, column: int) -> Callable[[R], Any]:
        spec = self.columns[column]
        if spec.key is not None:
            return spec.key
        return lambda row: pinyin_key(spec.text(row))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


FIT_ROWS = 50


def compact_rows(view: QTableView) -> None:
    """One line of text a row, as dense as the case list: Qt's default row leaves a
    third of each row empty, and a clerk's list shows fewer cases on a 768-pixel screen."""
    view.verticalHeader().setDefaultSectionSize(max(24, view.fontMetrics().height() + 6))


def list_view(model: RowsModel[Any], *, stretch_last: bool = True) -> QTableView:
    """A read-only list of whole rows over ``model``: no row numbers, no editing."""
    view = QTableView()
    view.setModel(model)
    model.setParent(view)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    # Fitting columns weighs the rows on screen and this many more, not every row: measuring
    # each of a long list's texts held the window for 0.4 s at 600 deadlines.
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    view.setWordWrap(False)
    compact_rows(view)
    return view


def chosen_row(view: QTableView) -> Any:
    """The row object selected in ``view`` (None when nothing is)."""
    rows = view.selectionModel().selectedRows()
    return view.model().data(rows[0], ROW_ROLE) if rows else None
