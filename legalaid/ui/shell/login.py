"""Signing in: the first administrator, the sign-in dialog, changing a password, and the idle
lock that hides every case on screen until the user signs in again."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.services.commands import accounts
from legalaid.services.plumbing.context import Context, Principal
from legalaid.ui.kit.widgets import FieldError, form_dialog
from legalaid.ui.work import operation


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AdminSetupDialog(QDialog):
    """No account yet (a new database, or one from before accounts): create the admin."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.username = QLineEdit("admin")
        self.name = QLineEdit()
        self.password = _password()
        self.repeat = _password()
        form = QFormLayout()
        form.addRow(QLabel(self.tr("The administrator adds the other users and their roles.")))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        self.error = FieldError()
        form_dialog(self, form, self.error, on_accept=self.save, save=True)
        self.setMinimumWidth(420)

    def save(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.show_message(self.tr("The two passwords differ."))
            return
        try:
            accounts.create_first_admin(
                self._ctx, username=self.username.text(),
                name=self.name.text().strip() or self.username.text().strip(),
                password=self.password.text(),
            )  # fmt: skip
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()


class LoginDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.principal: Principal | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.username = QLineEdit()
        self.password = _password()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = FieldError()
        form_dialog(self, form, self.error, on_accept=self.sign_in)
        self.setMinimumWidth(360)

    def sign_in(self) -> None:
        try:
            # The password's hash is slow by design: the dialog keeps drawing meanwhile.
            work = partial(
                accounts.sign_in,
                self._ctx,
                username=self.username.text(),
                password=self.password.text(),
            )
            self.principal = operation.run(self, work, self.tr("Signing in…"))
        except LegalAidError as exc:
            self.password.clear()
            self.error.show_message(exc.message)
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: Context, *, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Change password"))
        self.old = _password()
        self.new = _password()
        self.repeat = _password()
        form = QFormLayout()
        if required:
            form.addRow(QLabel(self.tr("Your password was reset: choose your own now.")))
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.error = FieldError()
        form_dialog(self, form, self.error, on_accept=self.save, save=True)

    def save(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.show_message(self.tr("The two passwords differ."))
            return
        try:
            work = partial(
                accounts.change_password, self._ctx, old=self.old.text(), new=self.new.text()
            )
            operation.run(self, work)
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()


def sign_in(ctx: Context, parent: QWidget | None = None) -> Context | None:
    """First administrator if none, then the sign-in; the signed-in context, or None."""
    first = not accounts.has_users(ctx)
    if first and AdminSetupDialog(ctx, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    dialog = LoginDialog(ctx, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.principal is None:
        return None
    signed = ctx.signed_in(dialog.principal)
    if accounts.must_change_password(ctx, dialog.principal.user_id):
        change = ChangePasswordDialog(signed, required=True, parent=parent)
        if change.exec() != QDialog.DialogCode.Accepted:
            return None
    return signed


class LockScreen(QWidget):
    """Shown instead of the window's contents: nothing of a case is visible."""

    unlocked = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 16pt;")
        self.password = _password()
        self.password.setMaximumWidth(260)
        self.button = QPushButton(self.tr("Unlock"))
        self.error = FieldError()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addWidget(self.password, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addStretch()
        self.button.clicked.connect(self.unlock)
        self.password.returnPressed.connect(self.unlock)

    def show_for(self, principal: Principal) -> None:
        self.title.setText(
            self.tr("Locked after inactivity. {0}, enter your password to continue.").format(
                principal.name
            )
        )
        self.password.clear()
        self.error.show_message(None)
        self.password.setFocus()

    def unlock(self) -> None:
        principal = self._ctx.principal
        assert principal is not None
        try:
            # At once: the lock screen sits in the window it covers (no nested event loop).
            accounts.sign_in(self._ctx, username=principal.username, password=self.password.text())
        except LegalAidError as exc:
            self.password.clear()
            self.error.show_message(exc.message)
            return
        self.unlocked.emit()


class Cover(QWidget):
    """Laid over an open dialog while the desk is locked: nothing of it shows and its fields
    take no input, but nothing typed into it is lost — it is all there after the sign-in.
    The dialog the user was in carries the lock screen itself (a modal dialog takes every
    input, so the password could not be typed anywhere else)."""

    def __init__(self, window: QWidget, content: QWidget | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.setAutoFillBackground(True)  # opaque: the fields beneath do not show
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        self._disabled = [
            w for w in window.findChildren(QWidget, options=direct)
            if w is not self and w.isEnabled()
        ]  # fmt: skip
        for widget in self._disabled:  # no Tab into a field under the cover
            widget.setEnabled(False)
        layout = QVBoxLayout(self)
        if content is None:
            content = QLabel(self.tr("Locked after inactivity"))
            content.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(content)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
        return False

    def remove(self) -> None:
        self._window.removeEventFilter(self)
        for widget in self._disabled:
            widget.setEnabled(True)
        self.hide()
        self.deleteLater()


class IdleWatcher(QObject):
    """Counts time since the last keyboard or mouse input anywhere in the application."""

    idle = Signal()
    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                       QEvent.Type.MouseMove, QEvent.Type.Wheel})  # fmt: skip

    def __init__(self, minutes: int, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.limit = minutes * 60
        self._clock = clock
        self.last_input = clock()
        self.active = True
        self.timer = QTimer(self)
        self.timer.setInterval(5_000)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT:
            self.last_input = self._clock()
        return False

    def check(self) -> None:
        if self.active and self._clock() - self.last_input >= self.limit:
            self.active = False
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = self._clock()
        self.active = True
