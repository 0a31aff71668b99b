"""The case list model: loads pages on demand so that a million cases open at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from legalaid.services.cases import CaseFilter, CaseRow, count_cases, find_cases
from legalaid.services.context import Context

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class CaseTableModel(QAbstractTableModel):
    CASE_NO, OFFICE, NAME, ID_NUMBER, TYPE, SOURCE, STAGE, STATE, APPLIED, ACCEPTED, HANDLER = (
        range(11)
    )
    HEADERS = (
        "案号",
        "机构",
        "受援人",
        "身份证号",
        "案件类型",
        "案件来源",
        "诉讼阶段",
        "状态",
        "申请日期",
        "受理日期",
        "承办人",
    )
    CaseIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self._filter = CaseFilter()
        self._rows: list[CaseRow] = []
        self._total = 0

    # -- loading ---------------------------------------------------------------------------
    def set_filter(self, case_filter: CaseFilter) -> None:
        self.beginResetModel()
        self._filter = case_filter
        self._total = count_cases(self._ctx, case_filter)
        self._rows = find_cases(self._ctx, case_filter, limit=PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = find_cases(self._ctx, self._filter, offset=len(self._rows), limit=PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == self.CaseIdRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.case_no,
            row.office,
            row.name,
            row.id_number,
            row.case_type,
            row.source,
            row.stage or "",
            row.state.value,
            row.applied_on.isoformat(),
            row.accepted_on.isoformat() if row.accepted_on else "",
            row.handler or "",
        )
        return values[index.column()]
