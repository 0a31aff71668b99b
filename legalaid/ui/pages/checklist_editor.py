"""设置 › 结案材料清单: each checklist column (case type and stage) as a table the admin can
replace with the province's list (Annex A of the service standards) or restore."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.closing_file import COLUMN_NAMES, FLAGS, default_lists
from legalaid.domain.errors import LegalAidError
from legalaid.services.commands.settings import current_closing_lists, set_closing_list
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.widgets import FieldError
from legalaid.ui.work import operation


class ChecklistEditor(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.column = QComboBox()
        for index, name in enumerate(COLUMN_NAMES):
            self.column.addItem(name, index)
        self.source = QLabel()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Requirement")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, 170)  # "申请案件必备" in full
        self.table.verticalHeader().hide()
        self.add = QPushButton(self.tr("Add item"))
        self.remove = QPushButton(self.tr("Remove item"))
        self.save = QPushButton(self.tr("Save this list"))
        self.restore = QPushButton(self.tr("Restore the working list"))
        self.message = FieldError()
        self.message.setStyleSheet("")
        top = QHBoxLayout()
        top.addWidget(self.column)
        top.addWidget(self.source, 1)
        buttons = QHBoxLayout()
        for button in (self.add, self.remove):
            buttons.addWidget(button)
        buttons.addStretch()
        for button in (self.restore, self.save):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.column.currentIndexChanged.connect(self.show_list)
        self.add.clicked.connect(lambda: self._append("", "A"))
        self.remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.save.clicked.connect(self.store)
        self.restore.clicked.connect(self.reset)

    def _append(self, name: str, flag: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox()
        for code, label in FLAGS.items():
            combo.addItem(label, code)
        combo.setCurrentIndex(combo.findData(flag))
        self.table.setCellWidget(row, 1, combo)

    def show_list(self) -> None:
        column = int(self.column.currentData())
        own = operation.run(self, partial(current_closing_lists, self._ctx)).get(column)
        self.source.setText(
            self.tr("The office's own list") if own else self.tr("The working list (forms.md)")
        )
        self.table.setRowCount(0)
        for name, flag in own or default_lists()[column]:
            self._append(name, flag)
        self.restore.setEnabled(bool(own))

    def items(self) -> list[tuple[str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            result.append((item.text() if item else "", str(combo.currentData())))
        return result

    def store(self) -> bool:
        try:
            column, items = int(self.column.currentData()), self.items()
            operation.run(self, partial(set_closing_list, self._ctx, column=column, items=items))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.show_list()
        self.message.show_message(self.tr("Saved; closing files submitted from now on use it."))
        return True

    def reset(self) -> None:
        try:
            column = int(self.column.currentData())
            operation.run(self, partial(set_closing_list, self._ctx, column=column, items=None))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.show_list()
        self.message.show_message(self.tr("The working list is back."))
