"""What a list's cells show, read through its model as the view draws them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView


def cell(view: QAbstractItemView, row: int, column: int) -> str:
    return str(view.model().index(row, column).data(Qt.ItemDataRole.DisplayRole))


def tip(view: QAbstractItemView, row: int, column: int) -> Any:
    return view.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole)


def colour(view: QAbstractItemView, row: int, column: int) -> Any:
    return view.model().index(row, column).data(Qt.ItemDataRole.ForegroundRole)


def row_count(view: QAbstractItemView) -> int:
    return view.model().rowCount()


def background(view: QAbstractItemView, row: int, column: int) -> Any:
    return view.model().index(row, column).data(Qt.ItemDataRole.BackgroundRole)
