"""承办人员: lawyers and legal-service workers with their caseload and qualifications."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError, ValidationError
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands.offices import (
    HandlerInfo,
    add_handler,
    list_handlers,
    set_bank_accounts,
)
from legalaid.services.plumbing.authz import may
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import RIGHT, Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.widgets import EnterMovesFocus, FieldError, form_dialog, run_modal, show_error
from legalaid.ui.work import operation


class HandlerDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("New handler"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in HandlerType:
            self.kind.addItem(kind.value, kind.value)
        self.firm = QLineEdit()
        self.licence = QLineEdit()
        self.phone = QLineEdit()
        self.years = QSpinBox()
        self.years.setRange(0, 70)
        self.minors = QCheckBox(self.tr("Familiar with minors' cases"))
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Firm or office"), self.firm)
        form.addRow(self.tr("Licence number"), self.licence)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Criminal practice (years)"), self.years)
        form.addRow("", self.minors)
        form_dialog(self, form, self.error, on_accept=self.save, save=True)
        self._enter = EnterMovesFocus(self)
        for widget in (self.name, self.kind, self.firm, self.licence, self.phone, self.years):
            widget.installEventFilter(self._enter)

    def save(self) -> None:
        save_or_say(
            self,
            self.error,
            partial(
                add_handler,
                self._ctx,
                name=self.name.text(),
                handler_type=HandlerType(self.kind.currentData()),
                firm_name=self.firm.text().strip() or None,
                licence_no=self.licence.text().strip() or None,
                phone=self.phone.text().strip() or None,
                criminal_years=self.years.value(),
                minors_expertise=self.minors.isChecked(),
            ),
            self.tr("Not saved"),
        )


def save_or_say(dialog: QDialog, error: FieldError, save: Callable[[], object], title: str) -> None:
    """Save and close, or keep the dialog open with what went wrong (nothing typed is lost).
    ``save`` runs on the database worker: it holds what was typed, never the widgets."""
    try:
        operation.run(dialog, save)
    except ValidationError as exc:
        error.show_message(exc.message)
        return
    except LegalAidError as exc:
        show_error(dialog, exc, title)
        return
    dialog.accept()


class BankDialog(QDialog):
    """The accounts the payment list names for finance: the handler's own, and the unit's
    (律师事务所, 法律服务所), which receives its handlers' subsidies when it has one."""

    def __init__(self, ctx: Context, handler: HandlerInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx, self._handler = ctx, handler
        self.setWindowTitle(self.tr("Bank accounts of {0}").format(handler.name))
        self.setMinimumWidth(560)  # a bank's branch name and a 19–20 digit account in full
        self.bank, self.account = QLineEdit(handler.bank[0]), QLineEdit(handler.bank[1])
        self.firm_bank = QLineEdit(handler.firm_bank[0])
        self.firm_account = QLineEdit(handler.firm_bank[1])
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Bank (own)"), self.bank)
        form.addRow(self.tr("Account number (own)"), self.account)
        if handler.firm:
            form.addRow(self.tr("Bank of {0}").format(handler.firm), self.firm_bank)
            form.addRow(self.tr("Account number of {0}").format(handler.firm), self.firm_account)
        form_dialog(self, form, self.error, on_accept=self.save, save=True)

    def save(self) -> None:
        firm = (self.firm_bank.text(), self.firm_account.text()) if self._handler.firm else None
        save_or_say(
            self,
            self.error,
            partial(
                set_bank_accounts,
                self._ctx,
                handler_id=self._handler.id,
                own=(self.bank.text(), self.account.text()),
                firm=firm,
            ),
            self.tr("Not saved"),
        )


class HandlersPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        yes = self.tr("Yes")
        self.model: RowsModel[HandlerInfo] = RowsModel(
            [
                Column(self.tr("Name"), lambda h: h.name),
                Column(self.tr("Type"), lambda h: h.handler_type.value),
                Column(self.tr("Firm or office"), lambda h: h.firm or ""),
                Column(self.tr("Open cases"), lambda h: str(h.open_cases), align=RIGHT,
                       key=lambda h: h.open_cases),
                Column(self.tr("Criminal practice (years)"), lambda h: str(h.criminal_years),
                       align=RIGHT, key=lambda h: h.criminal_years),
                Column(self.tr("Minors"), lambda h: yes if h.minors_expertise else ""),
                Column(self.tr("Phone"), lambda h: h.phone or ""),
            ]
        )  # fmt: skip
        self.table = list_view(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # names A→Z in pinyin at first
        self.add = QPushButton(self.tr("New handler…"))
        self.add.clicked.connect(self.new_handler)
        self.bank = QPushButton(self.tr("Bank accounts…"))
        self.bank.clicked.connect(self.edit_bank)
        self.bank.setVisible(may(ctx, Action.PAY_SUBSIDY))
        self.table.doubleClicked.connect(lambda _index: self.edit_bank())
        top = QHBoxLayout()
        top.addStretch()
        top.addWidget(self.bank)
        top.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.loaded = False

    def refresh(self) -> None:
        self.show_data(self.reader()())

    def reader(self) -> Callable[[], object]:
        """The page's reading (handlers with their caseloads), to run off the GUI thread."""
        ctx = self._ctx
        return lambda: list_handlers(ctx)

    def show_data(self, data: object) -> None:
        self.loaded = True
        self.model.set_rows(cast(list[HandlerInfo], data))
        self.table.resizeColumnsToContents()

    def new_handler(self) -> None:
        if run_modal(HandlerDialog(self._ctx, self)) == QDialog.DialogCode.Accepted:
            self.refresh()

    def edit_bank(self) -> None:
        handler = chosen_row(self.table)
        if handler is None or not may(self._ctx, Action.PAY_SUBSIDY):
            return
        if run_modal(BankDialog(self._ctx, handler, self)) == QDialog.DialogCode.Accepted:
            self.refresh()
