"""Date and reason (or a choice) for one step of a workflow: the case's and the 重大疑难 one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QPlainTextEdit, QWidget

from legalaid.ui.kit.widgets import FieldError, date_edit, discard_typing, form_dialog, from_qdate


class StepDialog(QDialog):
    """Date and reason (or list, or choice) for one step of the workflow."""

    def __init__(
        self,
        title: str,
        *,
        reason_label: str | None,
        choices: list[str] | None = None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.on_date = date_edit(today)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(90)
        self.choice = QComboBox()
        for text in choices or []:
            self.choice.addItem(text, text)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.on_date)
        if choices:
            form.addRow(self.tr("Reason"), self.choice)
        if reason_label:  # with a choice too: the choice plus a note
            form.addRow(reason_label, self.reason)
        self.error = FieldError()
        form_dialog(self, form, self.error)

    def reject(self) -> None:
        if discard_typing(self):  # Esc, Cancel or ✕ over typed text: asked first
            super().reject()

    @property
    def day(self) -> date:
        return from_qdate(self.on_date.date())

    @property
    def text(self) -> str:
        return self.reason.toPlainText().strip()
