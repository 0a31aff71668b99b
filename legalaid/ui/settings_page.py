"""设置: how each legal deadline is counted, and the wording of the standard documents."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.deadlines import DeadlineKind
from legalaid.domain.documents import FIELDS, DocumentKind
from legalaid.domain.errors import LegalAidError
from legalaid.domain.workdays import CountRule
from legalaid.services import documents
from legalaid.services.context import Context
from legalaid.services.settings import current_deadline_rules, set_deadline_rule
from legalaid.ui.widgets import FieldError


class SettingsPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        self.rules: dict[DeadlineKind, tuple[QSpinBox, QComboBox]] = {}
        rules_box = QGroupBox(self.tr("Legal deadlines"))
        form = QFormLayout(rules_box)
        for kind in DeadlineKind:
            days = QSpinBox()
            days.setRange(1, 365)
            count = QComboBox()
            for rule in CountRule:
                count.addItem(rule.value, rule.name)
            row = QHBoxLayout()
            row.addWidget(days)
            row.addWidget(count)
            row.addStretch()
            form.addRow(kind.value, row)
            self.rules[kind] = (days, count)
        self.save_rules = QPushButton(self.tr("Save deadline rules"))
        self.save_rules.clicked.connect(self.store_rules)
        form.addRow("", self.save_rules)

        text_box = QGroupBox(self.tr("Document wording"))
        text_layout = QVBoxLayout(text_box)
        self.kind = QComboBox()
        for document in DocumentKind:
            self.kind.addItem(document.value, document.name)
        self.text = QPlainTextEdit()
        self.blanks = QLabel(self.tr("Blanks: {0}").format(" ".join(f"{{{f}}}" for f in FIELDS)))
        self.blanks.setWordWrap(True)
        self.save_text = QPushButton(self.tr("Save wording"))
        self.restore_text = QPushButton(self.tr("Restore the default"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.restore_text)
        buttons.addWidget(self.save_text)
        text_layout.addWidget(self.kind)
        text_layout.addWidget(self.text)
        text_layout.addWidget(self.blanks)
        text_layout.addLayout(buttons)
        self.message = FieldError()
        self.message.setStyleSheet("")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(rules_box)
        layout.addWidget(text_box, 1)
        layout.addWidget(self.message)
        self.kind.currentIndexChanged.connect(self.load_text)
        self.save_text.clicked.connect(self.store_text)
        self.restore_text.clicked.connect(self.reset_text)

    def refresh(self) -> None:
        self.loaded = True
        for kind, rule in current_deadline_rules(self._ctx).items():
            days, count = self.rules[kind]
            days.setValue(rule.days)
            count.setCurrentIndex(count.findData(rule.count.name))
        self.load_text()

    def load_text(self) -> None:
        kind = DocumentKind[self.kind.currentData()]
        self.text.setPlainText(documents.current_text(self._ctx, kind))

    def store_rules(self) -> None:
        try:
            for kind, (days, count) in self.rules.items():
                set_deadline_rule(
                    self._ctx, kind=kind, days=days.value(), count=CountRule[count.currentData()]
                )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(self.tr("Deadline rules saved; open cases recounted."))

    def store_text(self) -> None:
        kind = DocumentKind[self.kind.currentData()]
        try:
            documents.set_document_text(self._ctx, kind=kind, text=self.text.toPlainText())
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(self.tr("Wording saved."))

    def reset_text(self) -> None:
        kind = DocumentKind[self.kind.currentData()]
        documents.set_document_text(self._ctx, kind=kind, text=None)
        self.load_text()
        self.message.show_message(self.tr("Default wording restored."))
