"""设置: how each legal deadline is counted, and the wording of the standard documents."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.deadlines import (
    LAW_RULES,
    STATUTORY,
    DeadlineKind,
    DeadlineRule,
    differs_from_law,
    longer_than_law,
)
from legalaid.domain.documents import FIELDS, DocumentKind
from legalaid.domain.errors import LegalAidError
from legalaid.domain.escalation import AUTOMATIC, RecognitionRules, split_names
from legalaid.domain.workdays import CountRule
from legalaid.services.commands import documents
from legalaid.services.commands.backups import (
    backup_database,
    default_backup_folder,
    discard_leftovers,
    leftover_copies,
    restore_database,
)
from legalaid.services.commands.settings import (
    current_deadline_rules,
    current_recognition_rules,
    idle_minutes,
    set_deadline_rules,
    set_idle_minutes,
    set_recognition_rules,
)
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.widgets import FieldError
from legalaid.ui.pages.checklist_editor import ChecklistEditor
from legalaid.ui.pages.holidays_box import HolidaysBox
from legalaid.ui.pages.offices_tab import OfficesTab
from legalaid.ui.work import operation


def backup_folder_setting() -> QSettings:
    return QSettings()


def backup_folder() -> Path:
    """The folder chosen on this computer, else the default in the user data folder."""
    value = backup_folder_setting().value("backup/folder")
    return Path(value) if isinstance(value, str) and value else default_backup_folder()


class SettingsPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        self.rules: dict[DeadlineKind, tuple[QSpinBox, QComboBox]] = {}
        # Beside each rule: the Law's period, and whether this office departs from it.
        self.rule_notes: dict[DeadlineKind, QLabel] = {}
        rules_box = QGroupBox(self.tr("Legal deadlines"))
        form = QFormLayout(rules_box)
        for kind in DeadlineKind:
            days = QSpinBox()
            days.setRange(1, 365)
            count = QComboBox()
            for rule in CountRule:
                count.addItem(rule.value, rule.name)
            note = QLabel()
            row = QHBoxLayout()
            row.addWidget(days)
            row.addWidget(count)
            row.addWidget(note)
            row.addStretch()
            form.addRow(kind.value, row)
            self.rules[kind] = (days, count)
            self.rule_notes[kind] = note
            days.valueChanged.connect(lambda _v, k=kind: self._show_rule_note(k))
            count.currentIndexChanged.connect(lambda _i, k=kind: self._show_rule_note(k))
        self.save_rules = QPushButton(self.tr("Save deadline rules"))
        self.save_rules.clicked.connect(self.store_rules)
        form.addRow("", self.save_rules)

        # 重大疑难: the automatic criteria (by-hand ones are always available in the case).
        major_box = QGroupBox(self.tr("Major or difficult cases: recognition"))
        major_form = QFormLayout(major_box)
        self.criteria = {c: QCheckBox(c.value) for c in AUTOMATIC}
        for box in self.criteria.values():
            major_form.addRow("", box)
        self.group_threshold = QSpinBox()
        self.group_threshold.setRange(2, 10000)
        self.group_threshold.setSuffix(self.tr(" persons or more"))
        self.offences = QLineEdit()
        self.offences.setToolTip(
            self.tr("Offences that make a minor's case serious, separated by 、")
        )
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(self.group_threshold)
        threshold_row.addStretch()
        major_form.addRow(self.tr("Group case"), threshold_row)
        major_form.addRow(self.tr("Serious offences"), self.offences)
        self.save_criteria = QPushButton(self.tr("Save criteria"))
        self.save_criteria.clicked.connect(self.store_criteria)
        save_row = QHBoxLayout()
        save_row.addStretch()
        save_row.addWidget(self.save_criteria)
        major_form.addRow("", save_row)
        lock_box = QGroupBox(self.tr("Desktop lock"))
        lock_form = QFormLayout(lock_box)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.save_idle = QPushButton(self.tr("Save"))
        self.save_idle.clicked.connect(self.store_idle)
        lock_form.addRow(QLabel(self.tr("Lock a desktop left idle after")))
        lock_form.addRow(self.idle)
        lock_form.addRow(self.save_idle)
        upper = QHBoxLayout()
        upper.addWidget(rules_box)
        upper.addWidget(major_box, 1)
        upper.addWidget(lock_box)

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

        backup_box = QGroupBox(self.tr("Backups"))
        backup_row = QHBoxLayout(backup_box)
        self.backup_folder = QLabel()
        self.backup_folder.setWordWrap(True)
        self.change_folder = QPushButton(self.tr("Change folder…"))
        self.change_folder.clicked.connect(self._ask_folder)
        self.backup_now = QPushButton(self.tr("Back up now…"))
        self.restore = QPushButton(self.tr("Restore from a backup…"))
        backup_row.addWidget(self.backup_folder, 1)
        backup_row.addWidget(self.change_folder)
        backup_row.addWidget(self.backup_now)
        backup_row.addWidget(self.restore)
        self.backup_now.clicked.connect(self._ask_backup)
        self.restore.clicked.connect(self._ask_restore)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(backup_box)
        general_layout.addLayout(upper)
        self.holidays = HolidaysBox(ctx)
        self.holidays.entered.connect(self.message.show_message)
        lower = QHBoxLayout()
        lower.addWidget(self.holidays)
        lower.addStretch()
        general_layout.addLayout(lower)
        general_layout.addStretch()
        self.checklists = ChecklistEditor(ctx)
        copies = QWidget()
        copies_layout = QVBoxLayout(copies)
        policy = QLabel(
            self.tr(
                "Restores keep the replaced database beside the live one, and an interrupted "
                "restore or backup can leave an unfinished file: copies of personal data. "
                "Replaced databases are deleted after 30 days, unfinished files after one day."
            )
        )
        policy.setWordWrap(True)
        self.copies = QTableWidget(0, 4)
        self.copies.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Modified")]
        )
        self.copies.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.copies.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.copies.verticalHeader().hide()
        header = self.copies.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.delete_copies = QPushButton(self.tr("Delete selected copies…"))
        self.delete_copies.clicked.connect(self._ask_delete_copies)
        copies_buttons = QHBoxLayout()
        copies_buttons.addStretch()
        copies_buttons.addWidget(self.delete_copies)
        copies_layout.addWidget(policy)
        copies_layout.addWidget(self.copies, 1)
        copies_layout.addLayout(copies_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(text_box, self.tr("Document wording"))
        self.tabs.addTab(self.checklists, self.tr("Closing-file checklists"))
        self.tabs.addTab(copies, self.tr("Copies of the data"))
        # The offices, and the address and phone their documents print.
        self.offices = OfficesTab(ctx)
        self.tabs.addTab(self.offices, self.tr("Offices"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.kind.currentIndexChanged.connect(self.load_text)
        self.save_text.clicked.connect(self.store_text)
        self.restore_text.clicked.connect(self.reset_text)

    # -- backups ---------------------------------------------------------------------------
    def set_backup_folder(self, folder: Path) -> None:
        """Where the daily backups go, on this computer (kept in the user's settings)."""
        backup_folder_setting().setValue("backup/folder", str(folder))
        self._show_folder()

    def _show_folder(self) -> None:
        self.backup_folder.setText(self.tr("Daily backups go to {0}").format(backup_folder()))

    def _ask_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), str(backup_folder())
        )
        if name:
            self.set_backup_folder(Path(name))

    def backup_to(self, path: Path) -> bool:
        try:
            # A large office's database takes seconds to copy: the window keeps drawing.
            operation.run(
                self, partial(backup_database, self._ctx.db.url, path), self.tr("Backing up…")
            )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message(self.tr("Backed up to {0}").format(path))
        return True

    def restore_from(self, path: Path) -> bool:
        try:
            # This desktop's own connections close first: the restore needs the file alone.
            self._ctx.db.dispose()
            work = partial(restore_database, self._ctx.db.url, path, actor=self._ctx.actor)
            result = operation.run(self, work, self.tr("Restoring…"))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        finally:
            self._ctx.db.hold()
        self.message.show_message(
            self.tr("Restored; the replaced database is kept at {0}").format(
                result.replaced_kept_at
            )
        )
        self.show_copies()
        return True

    def show_copies(self) -> None:
        self._leftovers = leftover_copies(self._ctx.db.url, backup_folder())
        self.copies.setRowCount(len(self._leftovers))
        for row, copy in enumerate(self._leftovers):
            cells = (
                str(copy.path),
                copy.kind,
                f"{copy.size / 1_048_576:.1f} MB",
                f"{copy.modified:%Y-%m-%d %H:%M}",
            )
            for column, value in enumerate(cells):
                self.copies.setItem(row, column, QTableWidgetItem(value))
        self.delete_copies.setEnabled(bool(self._leftovers))

    def delete_selected_copies(self) -> int:
        rows = sorted({index.row() for index in self.copies.selectionModel().selectedRows()})
        paths = [self._leftovers[row].path for row in rows]
        if not paths:
            return 0
        try:
            removed = discard_leftovers(self._ctx, paths)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return 0
        finally:
            self.show_copies()
        self.message.show_message(self.tr("Deleted {0} copies").format(removed))
        return removed

    def _ask_delete_copies(self) -> None:
        if not self.copies.selectionModel().selectedRows():
            self.message.show_message(self.tr("Select the copies to delete"))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete copies"),
            self.tr("Delete the selected copies of the data? They cannot be brought back."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_selected_copies()

    def _ask_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up now"),
            str(Path.home() / "legalaid-backup.sqlite3"),
            self.tr("Backups (*.sqlite3)"),
        )
        if name:
            self.backup_to(Path(name))

    def _ask_restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(default_backup_folder()),
            self.tr("Backups (*.sqlite3)"),
        )
        if not name:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace the current data with this backup? The current database is kept aside."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes and self.restore_from(Path(name)):
            window = self.window()
            refresh = getattr(window, "refresh_all", None)
            if refresh is not None:
                refresh()

    def refresh(self) -> None:
        self.loaded = True
        self._show_folder()
        self.show_copies()
        ctx = self._ctx
        rules, criteria, minutes = operation.run(
            self,
            lambda: (
                current_deadline_rules(ctx),
                current_recognition_rules(ctx),
                idle_minutes(ctx),
            ),
        )
        for kind, rule in rules.items():
            days, count = self.rules[kind]
            days.setValue(rule.days)
            count.setCurrentIndex(count.findData(rule.count.name))
        for criterion, box in self.criteria.items():
            box.setChecked(criterion in criteria.enabled)
        self.group_threshold.setValue(criteria.group_threshold)
        self.idle.setValue(minutes)
        self.checklists.show_list()
        self.offices.refresh()
        self.holidays.refresh()
        self.offences.setText("、".join(criteria.serious_offences))
        self.load_text()

    def store_idle(self) -> None:
        try:
            operation.run(self, partial(set_idle_minutes, self._ctx, minutes=self.idle.value()))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(self.tr("Saved; it applies when a user next signs in."))

    def store_criteria(self) -> None:
        rules = RecognitionRules(
            enabled=frozenset(c for c, box in self.criteria.items() if box.isChecked()),
            group_threshold=self.group_threshold.value(),
            serious_offences=split_names(self.offences.text()),
        )
        try:
            operation.run(self, partial(set_recognition_rules, self._ctx, rules))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(
            self.tr("Criteria saved; 重大疑难 → Check open cases applies them to open cases.")
        )

    def load_text(self) -> None:
        kind = DocumentKind[self.kind.currentData()]
        self.text.setPlainText(
            operation.run(self, partial(documents.current_text, self._ctx, kind))
        )

    def shown_rule(self, kind: DeadlineKind) -> DeadlineRule:
        days, count = self.rules[kind]
        return DeadlineRule(days.value(), CountRule[count.currentData()])

    def _show_rule_note(self, kind: DeadlineKind) -> None:
        rule, law = self.shown_rule(kind), LAW_RULES[kind]
        note = self.rule_notes[kind]
        if kind not in STATUTORY:  # office practice: there is no statutory period to compare
            note.setStyleSheet("color: #555;")
            if differs_from_law(kind, rule):
                note.setText(self.tr("changed from the default {0}").format(law.text))
            else:
                note.setText(self.tr("default ({0}; the Law sets no period)").format(law.text))
        elif not differs_from_law(kind, rule):
            note.setText(self.tr("as the Law ({0})").format(law.text))
            note.setStyleSheet("color: #555;")
        elif longer_than_law(kind, rule):
            note.setText(self.tr("longer than the Law's {0}").format(law.text))
            note.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            note.setText(self.tr("differs from the Law's {0}").format(law.text))
            note.setStyleSheet("color: #8a5a00;")

    def store_rules(self) -> None:
        rules = {kind: self.shown_rule(kind) for kind in self.rules}
        longer = [k for k, r in rules.items() if longer_than_law(k, r)]
        if longer:
            lines = "\n".join(
                f"{k.value}：{rules[k].text}（法定 {LAW_RULES[k].text}）" for k in longer
            )
            answer = QMessageBox.warning(
                self,
                self.tr("Longer than the Law"),
                self.tr(
                    "These deadlines give more time than the Law allows:\n{0}\n\n"
                    "Cases counted this way can pass their legal deadline while the screen "
                    "shows them on time. Save anyway?"
                ).format(lines),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                return
        try:
            # Every open case's clock is counted again under the new rules.
            operation.run(
                self, partial(set_deadline_rules, self._ctx, rules), self.tr("Recounting…")
            )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(self.tr("Deadline rules saved; open cases recounted."))

    def store_text(self) -> None:
        kind = DocumentKind[self.kind.currentData()]
        try:
            work = partial(
                documents.set_document_text, self._ctx, kind=kind, text=self.text.toPlainText()
            )
            operation.run(self, work)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(self.tr("Wording saved."))

    def reset_text(self) -> None:
        kind = DocumentKind[self.kind.currentData()]
        operation.run(self, partial(documents.set_document_text, self._ctx, kind=kind, text=None))
        self.load_text()
        self.message.show_message(self.tr("Default wording restored."))
