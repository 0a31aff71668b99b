"""设置 › 机构: the offices, the office each is under, their case-number prefix and the
address and phone their documents print; a new office under one of them."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.services.commands import offices
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.widgets import FieldError
from legalaid.ui.work import operation

CODE, NAME, PREFIX, PARENT, PHONE, ADDRESS = range(6)
EDITABLE = (NAME, PREFIX, PHONE, ADDRESS)


class OfficesTab(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name"), self.tr("Case-number prefix"),
            self.tr("Parent office"), self.tr("Phone"), self.tr("Address"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save)
        self.message = FieldError()
        self.message.setStyleSheet("")

        add_box = QGroupBox(self.tr("New office"))
        self.new_code, self.new_name, self.new_prefix = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_code.setPlaceholderText(self.tr("Code, e.g. LL"))
        self.new_name.setPlaceholderText(self.tr("Name, e.g. 醴陵市法律援助中心"))
        self.new_prefix.setPlaceholderText(self.tr("Prefix, e.g. 醴"))
        self.new_parent = QComboBox()
        self.add_button = QPushButton(self.tr("Add office"))
        self.add_button.clicked.connect(self.add)
        row = QHBoxLayout(add_box)
        for widget in (self.new_code, self.new_name, self.new_prefix, self.new_parent):
            row.addWidget(widget)
        row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(add_box)
        self.shown: list[offices.OfficeInfo] = []

    def refresh(self) -> None:
        self.shown = operation.run(self, partial(offices.list_offices, self._ctx))
        self.table.setRowCount(len(self.shown))
        for row, office in enumerate(self.shown):
            values = (office.code, office.name, office.prefix, office.parent_code or "",
                      office.phone, office.address)  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, PARENT, self._parent_choice(office))
        self.new_parent.clear()
        self.new_parent.addItem(self.tr("(no parent: a new top office)"), None)
        for office in self.shown:
            self.new_parent.addItem(f"{office.code} {office.name}", office.code)
        self.new_parent.setCurrentIndex(1 if self.shown else 0)

    def _parent_choice(self, office: offices.OfficeInfo) -> QComboBox:
        """The offices this one may be put under: not itself, not one below it."""
        combo = QComboBox()
        combo.addItem(self.tr("(none: a top office)"), None)
        for other in offices.possible_parents(self.shown, office.code):
            combo.addItem(f"{other.code} {other.name}", other.code)
        combo.setCurrentIndex(max(combo.findData(office.parent_code), 0))
        return combo

    def _parent(self, row: int) -> str | None:
        combo = self.table.cellWidget(row, PARENT)
        return combo.currentData() if isinstance(combo, QComboBox) else None

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def save(self) -> bool:
        """Save the rows that changed; the first refusal names the office and stops there."""
        changed = 0
        for row, office in enumerate(self.shown):
            name, prefix, phone, address = (self._cell(row, c) for c in EDITABLE)
            parent = self._parent(row)
            same = (name, prefix, phone, address) == (office.name, office.prefix, office.phone,
                                                      office.address)  # fmt: skip
            if same and parent == office.parent_code:
                continue
            try:
                if not same:
                    operation.run(self, partial(
                        offices.update_office, self._ctx, code=office.code, name=name,
                        prefix=prefix, phone=phone, address=address))  # fmt: skip
                if parent != office.parent_code:
                    move = partial(
                        offices.move_office, self._ctx, code=office.code, parent_code=parent
                    )
                    operation.run(self, move)
            except LegalAidError as exc:
                self.table.selectRow(row)
                self.message.show_message(f"{office.code}：{exc.message}")
                return False
            changed += 1
        self.refresh()
        self.message.show_message(self.tr("{0} offices saved.").format(changed))
        return True

    def add(self) -> bool:
        try:
            offices.add_office(
                self._ctx, code=self.new_code.text(), name=self.new_name.text(),
                prefix=self.new_prefix.text() or None, parent_code=self.new_parent.currentData(),
            )  # fmt: skip
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        for edit in (self.new_code, self.new_name, self.new_prefix):
            edit.clear()
        self.refresh()
        self.message.show_message(self.tr("Office added."))
        return True
