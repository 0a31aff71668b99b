"""用户: the administrator adds accounts, sets roles, disables them and resets passwords."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.domain.permissions import Role
from legalaid.services.commands import accounts
from legalaid.services.commands.offices import HandlerInfo, list_handlers, list_offices
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import MUTED, Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.widgets import FieldError, form_dialog, run_modal
from legalaid.ui.work import operation


def handler_label(handler: HandlerInfo) -> str:
    """A handler as the picker shows them: type, firm, licence and qualifications (刑事 years,
    minors), so that the right record of two of one name is chosen."""
    details = [handler.handler_type.value, handler.firm or "", handler.licence_no or "",
               f"刑事执业{handler.criminal_years}年" if handler.criminal_years else "",
               "熟悉未成年人案件" if handler.minors_expertise else ""]  # fmt: skip
    return " · ".join([handler.name, *(d for d in details if d)])


class UserDialog(QDialog):
    def __init__(
        self, ctx: Context, parent: QWidget | None = None, user: accounts.User | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user  # given: only its office and handler are changed here
        title = self.tr("New user")
        if user is not None:
            title = self.tr("Office and handler of {0}").format(user.username)
        self.setWindowTitle(title)
        self.username = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value, role.value)
        self.handler = QComboBox()
        self.handler.addItem(self.tr("(none)"), None)
        # The record, never a name: two lawyers of one name are told apart by firm and licence.
        for handler in list_handlers(ctx, active_only=True, with_caseload=False):
            self.handler.addItem(handler_label(handler), handler.id)
        self.office = QComboBox()
        self.office.addItem(self.tr("(all offices)"), None)
        for office in list_offices(ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Handler (lawyers)"), self.handler)
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Initial password"), self.password)
        self.error = FieldError()
        if user is not None:
            self.username.setText(user.username)
            self.name.setText(user.name)
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            for widget in (self.username, self.name, self.role, self.password):
                widget.setEnabled(False)
            self.handler.setCurrentIndex(max(self.handler.findData(user.handler_id), 0))
            self.office.setCurrentIndex(max(self.office.findData(user.office), 0))
        form_dialog(self, form, self.error, on_accept=self.save, save=True)

    def save(self) -> None:
        if self._user is not None:
            try:
                operation.run(self, partial(
                    accounts.set_office_and_handler, self._ctx, user_id=self._user.id,
                    office_code=self.office.currentData(), handler_id=self.handler.currentData(),
                ))  # fmt: skip
            except LegalAidError as exc:
                self.error.show_message(exc.message)
                return
            self.accept()
            return
        try:
            operation.run(self, partial(
                accounts.add_user, self._ctx, username=self.username.text(),
                name=self.name.text(), role=Role(self.role.currentData()),
                password=self.password.text(), handler_id=self.handler.currentData(),
                office_code=self.office.currentData(),
            ))  # fmt: skip
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()


class UsersPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        self.users: list[accounts.User] = []
        self.model: RowsModel[accounts.User] = RowsModel(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Name"), lambda u: u.name),
                Column(self.tr("Role"), lambda u: u.role.value),
                Column(self.tr("Handler"), lambda u: u.handler or ""),
                Column(
                    self.tr("State"),
                    lambda u: self.tr("active") if u.active else self.tr("disabled"),
                ),
                Column(
                    self.tr("Locked until"),
                    lambda u: u.locked_until.strftime("%Y-%m-%d %H:%M") if u.locked_until else "",
                ),
            ],
            colour=lambda u: None if u.active else MUTED,
        )
        self.table = list_view(self.model)
        self.add = QPushButton(self.tr("Add user…"))
        self.toggle = QPushButton(self.tr("Disable"))
        self.reset = QPushButton(self.tr("Reset password…"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value, role.value)
        self.set_role = QPushButton(self.tr("Change role"))
        self.edit = QPushButton(self.tr("Office and handler…"))
        self.message = FieldError()
        buttons = QHBoxLayout()
        for widget in (self.add, self.edit, self.toggle, self.reset, self.role, self.set_role):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.add.clicked.connect(self._ask_add)
        self.toggle.clicked.connect(self.toggle_active)
        self.reset.clicked.connect(self._ask_reset)
        self.set_role.clicked.connect(self.change_role)
        self.edit.clicked.connect(self._ask_edit)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._buttons())

    def refresh(self) -> None:
        self.loaded = True
        try:
            self.users = operation.run(self, partial(accounts.list_users, self._ctx))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.model.set_rows(self.users)
        self.table.resizeColumnsToContents()
        self._buttons()

    def current(self) -> accounts.User | None:
        user: accounts.User | None = chosen_row(self.table)
        return user

    def _buttons(self) -> None:
        user = self.current()
        for button in (self.toggle, self.reset, self.set_role, self.edit):
            button.setEnabled(user is not None)
        if user is not None:
            self.toggle.setText(self.tr("Disable") if user.active else self.tr("Enable"))
            self.role.setCurrentIndex(self.role.findData(user.role.value))

    def _do(self, step: Callable[[], object]) -> bool:
        """``step`` (values only, no widgets) on the database worker; the list read again."""
        try:
            operation.run(self, step)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message(None)
        self.refresh()
        return True

    def _ask_add(self) -> None:
        if run_modal(UserDialog(self._ctx, self)) == QDialog.DialogCode.Accepted:
            self.refresh()

    def _ask_edit(self) -> None:
        user = self.current()
        if user is not None and run_modal(UserDialog(self._ctx, self, user)) == (
            QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def toggle_active(self) -> bool:
        user = self.current()
        if user is None:
            return False
        return self._do(
            lambda: accounts.set_active(self._ctx, user_id=user.id, active=not user.active)
        )

    def change_role(self) -> bool:
        user = self.current()
        if user is None:
            return False
        role = Role(self.role.currentData())
        return self._do(lambda: accounts.set_role(self._ctx, user_id=user.id, role=role))

    def reset_password(self, password: str) -> bool:
        user = self.current()
        if user is None:
            return False
        return self._do(
            lambda: accounts.reset_password(self._ctx, user_id=user.id, password=password)
        )

    def _ask_reset(self) -> None:
        password, ok = QInputDialog.getText(
            self, self.tr("Reset password"),
            self.tr("Temporary password (the user chooses a new one at sign-in):"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if ok:
            self.reset_password(password)
