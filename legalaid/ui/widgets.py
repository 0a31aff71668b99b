"""Small shared pieces of the interface: dates as YYYY-MM-DD, inline field errors, Enter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError

DATE_FORMAT = "yyyy-MM-dd"


def date_edit(value: date | None = None) -> QDateEdit:
    """Dates are typed and shown as YYYY-MM-DD, with a calendar on demand."""
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    if value is not None:
        edit.setDate(to_qdate(value))
    return edit


def form_dialog(
    dialog: QDialog,
    form: QFormLayout,
    *below: QWidget,
    on_accept: Callable[[], None] | None = None,
    save: bool = False,
) -> QDialogButtonBox:
    """A form, what goes below it (an error line), then OK/Save and Cancel."""
    first = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(first | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addWidget(buttons)
    return buttons


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FieldError(QLabel):
    """The reason a field is wrong, shown right beside it."""

    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet("color: #B00020;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class EnterMovesFocus(QObject):
    """In forms, Enter goes to the next field (as clerks expect from paper-like forms);
    multi-line text keeps Enter for new lines."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QWidget)
            and not isinstance(watched, QPlainTextEdit)
        ):
            dialog = watched.window()
            if isinstance(dialog, QDialog):
                dialog.focusNextChild()
                return True
        return False


def run_modal(dialog: QDialog) -> int:
    """``exec`` a dialog that has a parent, then free it: a parented dialog otherwise lives
    as long as its parent (every case opened would stay in memory until the program quits)."""
    result = dialog.exec()
    dialog.deleteLater()  # after the caller has read its fields: deleted back in the event loop
    return result


def show_error(parent: QWidget | None, error: LegalAidError, title: str) -> None:
    QMessageBox.warning(parent, title, error.message)
