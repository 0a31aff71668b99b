"""Small shared pieces of the interface: dates as YYYY-MM-DD, inline field errors, Enter."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from legalaid.domain.errors import LegalAidError, ValidationError

DATE_FORMAT = "yyyy-MM-dd"


class _DateLine(QLineEdit):
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Reached with Tab, Enter or a shortcut: the typing replaces the whole date.
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            QTimer.singleShot(0, self.selectAll)


class DateField(QWidget):
    """The one date entry of the application: typed as YYYY-MM-DD (or 20250304, 2025/3/4),
    picked from a calendar on demand, never rewritten behind the typist's back.

    Qt's QDateEdit edits section by section: typing "2025-03-04" there gives 2025-11-03 (the
    "-" after a full year skips the month) and an impossible 2026-02-30 is silently fixed
    up. Here the whole text is read at once; a date that does not exist is refused with a
    sentence naming the field, and the text stays as typed for the clerk to correct."""

    dateChanged = Signal(QDate)

    def __init__(self, value: date | None = None, field: str = "日期") -> None:
        super().__init__()
        self.field = field
        self.line = _DateLine()
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.line.setValidator(
            QRegularExpressionValidator(
                QRegularExpression(r"[0-9]{0,8}|[0-9]{4}[-/.][0-9]{0,2}([-/.][0-9]{0,2})?")
            )
        )
        self.line.setMaxLength(10)
        self.line.setFixedWidth(self.line.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.pick = QToolButton()
        self.pick.setText("▾")
        self.pick.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.pick.setToolTip("从日历选择")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.menu = QMenu(self)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.pick.setMenu(self.menu)
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu.aboutToShow.connect(self._sync_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line)
        row.addWidget(self.pick)
        row.addStretch()
        # No focus proxy: Tab from the line would land on this widget and bounce back.
        self.line.editingFinished.connect(self._commit)
        self._last: date | None = None
        if value is not None:
            self.setDate(to_qdate(value))

    # -- reading --------------------------------------------------------------------------
    def value(self) -> date:
        """The typed date; a ValidationError naming the field when there is none."""
        text = self.line.text().strip()
        if not text:
            raise ValidationError(f"请填写{self.field}（YYYY-MM-DD）", field=self.field)
        parsed = parse_typed_date(text)
        if parsed is None:
            raise ValidationError(
                f"{self.field}「{text}」不是有效日期，请按 YYYY-MM-DD 填写", field=self.field
            )
        return parsed

    def date(self) -> QDate:
        return to_qdate(self.value())

    def is_valid(self) -> bool:
        return parse_typed_date(self.line.text().strip()) is not None

    def error(self) -> str | None:
        try:
            self.value()
        except ValidationError as exc:
            return exc.message
        return None

    # -- writing --------------------------------------------------------------------------
    def setDate(self, value: QDate) -> None:  # QDateEdit's name, kept for its callers
        self.line.setText(value.toString(DATE_FORMAT))
        self._commit()

    def _picked(self, value: QDate) -> None:
        self.menu.close()
        self.setDate(value)
        self.line.setFocus()

    def _sync_calendar(self) -> None:
        if self.is_valid():
            self.calendar.setSelectedDate(self.date())

    def _commit(self) -> None:
        message = self.error()
        self.line.setStyleSheet("" if message is None else "border: 1px solid #B00020;")
        self.line.setToolTip(message or "")
        if message is not None:
            return
        value = self.value()
        self.line.setText(value.isoformat())  # 20250304 and 2025/3/4 read back as 2025-03-04
        if value != self._last:
            self._last = value
            self.dateChanged.emit(to_qdate(value))


def parse_typed_date(text: str) -> date | None:
    """YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYYMMDD as typed; None when no such day exists."""
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text) or re.fullmatch(
        r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text
    )
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:  # 2026-02-30, month 13 …
        return None


def date_edit(value: date | None = None, field: str = "日期") -> DateField:
    """A date entry (see DateField); ``field`` names it in messages."""
    return DateField(value, field)


def form_dialog(
    dialog: QDialog,
    form: QFormLayout,
    *below: QWidget,
    on_accept: Callable[[], None] | None = None,
    save: bool = False,
) -> QDialogButtonBox:
    """A form, what goes below it (an error line), then OK/Save and Cancel. A date typed
    wrong keeps the dialog open with the field named (nothing is saved)."""
    first = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(first | QDialogButtonBox.StandardButton.Cancel)
    errors = [w for w in below if isinstance(w, FieldError)]

    def accept() -> None:
        for field in dialog.findChildren(DateField):
            message = field.error()
            if message is not None:
                if errors:
                    errors[0].show_message(message)
                else:
                    QMessageBox.warning(dialog, dialog.windowTitle(), message)
                field.line.setFocus()
                return
        (on_accept or dialog.accept)()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for widget in below:
        layout.addWidget(widget)
    layout.addWidget(buttons)
    watch_choices(dialog)
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


def two_columns(left: Sequence[QWidget], right: Sequence[QWidget]) -> QScrollArea:
    """A long form's boxes in two columns of equal width, scrolled when the screen is low."""
    content = QWidget()
    columns = QHBoxLayout(content)
    for boxes in (left, right):
        column = QVBoxLayout()
        for box in boxes:
            column.addWidget(box)
        column.addStretch()
        columns.addLayout(column, 1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    return scroll


class FieldErrors(dict[str, FieldError]):
    """A form's error lines by the field names the services use (``ValidationError.field``):
    every problem of a refusal beside its field at once, what has no field below the form."""

    def __init__(self) -> None:
        super().__init__()
        self.general = FieldError()

    def label(self, field: str) -> FieldError:
        self[field] = FieldError()
        return self[field]

    def beside(self, widget: QWidget, field: str) -> QWidget:
        """``widget`` with the error line of ``field`` under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.label(field))
        return box

    def clear_all(self) -> None:
        for label in self.values():
            label.show_message(None)
        self.general.show_message(None)

    def show(self, error: ValidationError, *, marked: str = "") -> None:
        """Each problem of ``error`` beside its field; ``marked`` below the form when every
        problem has its place (so the clerk knows to look for them)."""
        unplaced: list[str] = []
        for problem in getattr(error, "problems", None) or [error]:
            beside = self.get(problem.field or "")
            if beside is not None:
                beside.show_message(problem.message)
            else:
                unplaced.append(problem.message)
        self.general.show_message("\n".join(unplaced) if unplaced else marked)


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


def watch_choices(dialog: QDialog) -> None:
    """Note the choices the user makes in the dialog (a list picked, a box ticked), for
    ``discard_typing``; typed text is known from the fields themselves."""

    def chose(*_: object) -> None:
        dialog.setProperty("user_chose", True)

    for combo in dialog.findChildren(QComboBox):
        combo.activated.connect(chose)  # the user's pick, not a value the code sets
    for button in dialog.findChildren(QAbstractButton):
        if button.isCheckable():
            button.clicked.connect(chose)


def discard_typing(dialog: QDialog) -> bool:
    """Whether the dialog may close without saving: nothing typed or chosen, or the user
    says to throw it away. An Esc or a stray ✕ must not lose a half-typed application."""
    typed = (
        bool(dialog.property("user_chose"))
        or any(edit.isModified() for edit in dialog.findChildren(QLineEdit))
        or any(e.document().isModified() for e in dialog.findChildren(QPlainTextEdit))
    )
    if not typed:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        dialog.windowTitle(),
        QCoreApplication.translate("widgets", "Discard what was typed in this window?"),
        parent=dialog,
    )
    discard = box.addButton(
        QCoreApplication.translate("widgets", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("widgets", "Keep typing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is discard


def run_modal(dialog: QDialog) -> int:
    """``exec`` a dialog that has a parent, then free it: a parented dialog otherwise lives
    as long as its parent (every case opened would stay in memory until the program quits)."""
    result = dialog.exec()
    dialog.deleteLater()  # after the caller has read its fields: deleted back in the event loop
    return result


def show_error(parent: QWidget | None, error: LegalAidError, title: str) -> None:
    QMessageBox.warning(parent, title, error.message)
