"""The handler's side of a case: the work log, the case file's documents, the closing file
with its checklist, and the follow-ups (回访, 投诉, 案卷检查, 旁听) after it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.closing_file import (
    ChecklistItem,
    Enforcement,
    FollowUpKind,
    Hearing,
    Outcome,
    WorkKind,
)
from legalaid.domain.errors import LegalAidError
from legalaid.domain.money import AmountError, parse_amount
from legalaid.domain.permissions import Action
from legalaid.services.commands import closing, worklog
from legalaid.services.commands.attachments import Attachment, attachments_of, save_attachment
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import RIGHT, Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.widgets import (
    FieldError,
    date_edit,
    discard_typing,
    form_dialog,
    from_qdate,
    show_error,
    to_qdate,
)
from legalaid.ui.work import operation

Run = Callable[[Callable[[], object]], bool]
# Show a dialog and take a step with what it holds; a refusal shows it again, nothing lost.
# The second argument reads the dialog (on the GUI thread) and returns the work to run.
RunDialog = Callable[[QDialog, Callable[[], Callable[[], object]]], bool]


def _list(model: RowsModel[Any], stretch: int) -> QTableView:
    view = list_view(model, stretch_last=False)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _show(view: QTableView, rows: Sequence[Any]) -> None:
    model = view.model()
    assert isinstance(model, RowsModel)
    model.set_rows(rows)
    for column in range(model.columnCount() - 1):
        if view.horizontalHeader().sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            view.resizeColumnToContents(column)


class WorkDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log work"))
        self.kind = QComboBox()
        for kind in WorkKind:
            self.kind.addItem(kind.value, kind.value)
        self.done_on = date_edit(today)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. 株洲市看守所, 天元区人民法院"))
        self.hours = QSpinBox()
        self.hours.setRange(0, 24)
        self.hours.setSuffix(self.tr(" h"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 59)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(30)
        self.hours.setValue(1)
        duration = QHBoxLayout()
        duration.addWidget(self.hours)
        duration.addWidget(self.minutes)
        duration.addStretch()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Work"), self.kind)
        form.addRow(self.tr("Date"), self.done_on)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Duration"), duration)
        form.addRow(self.tr("Notes"), self.notes)
        form_dialog(self, form)

    def reject(self) -> None:
        if discard_typing(self):  # Esc, Cancel or ✕ over typed text: asked first
            super().reject()

    @property
    def total_minutes(self) -> int:
        return self.hours.value() * 60 + self.minutes.value()

    def show_entry(self, entry: worklog.WorkEntry) -> None:
        """An entry as it was logged, to be corrected."""
        self.setWindowTitle(self.tr("Correct work"))
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self.done_on.setDate(to_qdate(entry.done_on))
        self.place.setText(entry.place)
        self.hours.setValue(entry.minutes // 60)
        self.minutes.setValue(entry.minutes % 60)
        self.notes.setPlainText(entry.notes)


@dataclass(frozen=True)
class WorkReading:
    entries: list[worklog.WorkEntry]
    files: list[Attachment]


@dataclass(frozen=True)
class FollowUpReading:
    filed: tuple[Outcome | None, list[str]]
    follow_ups: list[worklog.FollowUp]


class WorkPanel(QWidget):
    """The work log (a handler sees their own entries) and the documents kept with the case."""

    def __init__(self, ctx: Context, case_id: int, run: Run, run_dialog: RunDialog) -> None:
        super().__init__()
        self._ctx = ctx
        self._case_id = case_id
        self._run = run
        self._run_dialog = run_dialog
        self.work_rows: RowsModel[worklog.WorkEntry] = RowsModel([
            Column(self.tr("Date"), lambda e: e.done_on.isoformat()),
            Column(self.tr("Work"), lambda e: e.kind.value),
            Column(self.tr("Place"), lambda e: e.place),
            Column(self.tr("Duration"), lambda e: _duration(e.minutes), align=RIGHT),
            Column(self.tr("Handler"), lambda e: e.handler),
            Column(self.tr("Notes"), lambda e: e.notes, tip=lambda e: e.notes or None),
        ])  # fmt: skip
        self.entries = _list(self.work_rows, 5)
        self.total = QLabel()
        self.log_button = QPushButton(self.tr("Log work…"))
        self.log_button.clicked.connect(self._ask_log)
        # Its author corrects an entry (the timeline keeps what it said before).
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.clicked.connect(self._ask_correct)
        self.entries.selectionModel().selectionChanged.connect(lambda *_: self._correctable())
        work_box = QGroupBox(self.tr("Work log"))
        work_layout = QVBoxLayout(work_box)
        work_layout.addWidget(self.entries)
        work_row = QHBoxLayout()
        work_row.addWidget(self.total)
        work_row.addStretch()
        work_row.addWidget(self.correct_button)
        work_row.addWidget(self.log_button)
        work_layout.addLayout(work_row)

        self.file_rows: RowsModel[Attachment] = RowsModel([
            Column(self.tr("Type"), lambda a: a.kind),
            Column(self.tr("File"), lambda a: a.filename),
            Column(self.tr("Size"), lambda a: _size(a.size), align=RIGHT, key=lambda a: a.size),
            Column(self.tr("Added by"), lambda a: a.added_by),
            Column(self.tr("Added"), lambda a: a.added_at.strftime("%Y-%m-%d %H:%M")),
            Column(self.tr("SHA-256"), lambda a: a.sha256[:16] + "…", tip=lambda a: a.sha256),
        ])  # fmt: skip
        self.files = _list(self.file_rows, 1)
        self.kind = QComboBox()
        for kind in worklog.DOCUMENT_KINDS:
            self.kind.addItem(kind, kind)
        self.attach_button = QPushButton(self.tr("Attach file…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.attach_button.clicked.connect(self._ask_attach)
        self.open_button.clicked.connect(self.open_selected)
        file_box = QGroupBox(self.tr("Case file documents"))
        file_layout = QVBoxLayout(file_box)
        file_layout.addWidget(self.files)
        file_row = QHBoxLayout()
        file_row.addStretch()
        file_row.addWidget(self.kind)
        file_row.addWidget(self.attach_button)
        file_row.addWidget(self.open_button)
        file_layout.addLayout(file_row)
        layout = QVBoxLayout(self)
        layout.addWidget(work_box, 3)
        layout.addWidget(file_box, 2)

    def read(self) -> WorkReading:
        """What the panel shows (on the database worker: no widgets here)."""
        return WorkReading(
            worklog.work_log(self._ctx, case_id=self._case_id),
            list(attachments_of(self._ctx, case_id=self._case_id)),
        )

    def show_case(
        self, reading: WorkReading, *, has_handler: bool, allowed: frozenset[Action]
    ) -> None:
        entries = reading.entries
        _show(self.entries, entries)
        self.total.setText(
            self.tr("{0} entries, {1} in all").format(
                len(entries), _duration(sum(e.minutes for e in entries))
            )
        )
        _show(self.files, reading.files)
        self.log_button.setEnabled(has_handler and Action.LOG_WORK in allowed)
        self.attach_button.setEnabled(Action.ATTACH in allowed)
        self._correctable()

    def _chosen(self) -> worklog.WorkEntry | None:
        entry: worklog.WorkEntry | None = chosen_row(self.entries)
        return entry

    def _correctable(self) -> None:
        entry = self._chosen()
        self.correct_button.setEnabled(entry is not None and entry.recorded_by == self._ctx.actor)

    def _ask_correct(self) -> None:
        entry = self._chosen()
        if entry is None:
            return
        dialog = WorkDialog(self._ctx.today(), self)
        dialog.show_entry(entry)
        self._run_dialog(
            dialog,
            lambda: partial(
                worklog.correct_work, self._ctx, case_id=self._case_id, entry_id=entry.id,
                kind=WorkKind(dialog.kind.currentData()),
                done_on=from_qdate(dialog.done_on.date()), minutes=dialog.total_minutes,
                place=dialog.place.text(), notes=dialog.notes.toPlainText(),
            ),
        )  # fmt: skip

    def _ask_log(self) -> None:
        dialog = WorkDialog(self._ctx.today(), self)
        self._run_dialog(
            dialog,
            lambda: partial(
                worklog.log_work, self._ctx, case_id=self._case_id,
                kind=WorkKind(dialog.kind.currentData()),
                done_on=from_qdate(dialog.done_on.date()), minutes=dialog.total_minutes,
                place=dialog.place.text(), notes=dialog.notes.toPlainText(),
            ),
        )  # fmt: skip

    def attach(self, path: Path, kind: str | None = None) -> bool:
        chosen = kind or str(self.kind.currentData())
        return self._run(
            partial(
                worklog.attach_document, self._ctx, case_id=self._case_id, kind=chosen, path=path
            )
        )

    def _ask_attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach file"), "",
            self.tr("Documents and scans (*.pdf *.jpg *.png *.tif *.docx);;All files (*)"),
        )  # fmt: skip
        if name:
            self.attach(Path(name))

    def open_selected(self) -> Path | None:
        """A copy in the temporary folder, opened with the system's viewer."""
        attachment: Attachment | None = chosen_row(self.files)
        if attachment is None:
            return None
        try:
            work = partial(save_attachment, self._ctx, attachment.id, Path(tempfile.mkdtemp()))
            path = operation.run(self, work)
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Cannot open"))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}小时{rest}分"
    return f"{hours}小时" if hours else f"{rest}分"


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


class ClosingDialog(QDialog):
    """The closing file: end date, outcome, the checklist (required items marked ★)."""

    def __init__(
        self, items: tuple[ChecklistItem, ...], filed: list[str], outcome: Outcome | None,
        today: date, parent: QWidget | None = None, *,
        heard: tuple[Hearing | None, Enforcement | None] = (None, None),
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Submit the closing file"))
        self.ended_on = date_edit(today, field="办结日期")
        self.outcome = QComboBox()
        for value in Outcome:
            self.outcome.addItem(value.value, value.value)
        if outcome is not None:
            self.outcome.setCurrentIndex(self.outcome.findData(outcome.value))
        # How the case was heard and the enforcement result: some subsidy tables pay by them
        # (庭前撤诉, 速裁, 执行到位), so they are recorded here once and never typed again.
        self.hearing = QComboBox()
        self.enforcement = QComboBox()
        for combo, values, current in ((self.hearing, Hearing, heard[0]),
                                       (self.enforcement, Enforcement, heard[1])):  # fmt: skip
            combo.addItem(self.tr("Not stated"), None)
            for choice in values:
                combo.addItem(choice.value, choice.value)
            if current is not None:
                combo.setCurrentIndex(combo.findData(current.value))
        # 挽回经济损失: what the aid recovered or obtained for the person (yuan), if any.
        self.recovered = QLineEdit()
        self.recovered.setPlaceholderText(self.tr("Yuan; empty if none"))
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, item in enumerate(items):
            box = QCheckBox(("★ " if item.required else "") + item.name)
            box.setChecked(item.name in filed)
            self.boxes[item.name] = box
            grid.addWidget(box, index // 2, index % 2)
        checklist = QGroupBox(self.tr("Documents in the file (★ required)"))
        checklist.setLayout(grid)
        form = QFormLayout()
        form.addRow(self.tr("Case ended on"), self.ended_on)
        form.addRow(self.tr("Outcome"), self.outcome)
        heard_row = QHBoxLayout()
        heard_row.addWidget(self.hearing)
        heard_row.addWidget(QLabel(self.tr("Enforcement result")))
        heard_row.addWidget(self.enforcement)
        heard_row.addStretch()
        form.addRow(self.tr("Hearing"), heard_row)
        form.addRow(self.tr("Economic loss recovered"), self.recovered)
        form.addRow(checklist)
        self.error = FieldError()
        form_dialog(self, form, self.error, on_accept=self._check)

    def reject(self) -> None:
        if discard_typing(self):  # Esc, Cancel or ✕ over typed text: asked first
            super().reject()

    def _check(self) -> None:
        try:
            self.recovered_amount()
        except AmountError as exc:
            self.error.show_message(self.tr("Economic loss recovered: {0}").format(exc.reason))
            self.recovered.setFocus()
            return
        self.accept()

    def recovered_amount(self) -> Decimal | None:
        text = self.recovered.text().strip()
        return parse_amount(text) if text else None  # AmountError says why not

    def filed(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def heard(self) -> tuple[Hearing | None, Enforcement | None]:
        hearing, enforcement = self.hearing.currentData(), self.enforcement.currentData()
        return (Hearing(hearing) if hearing else None,
                Enforcement(enforcement) if enforcement else None)  # fmt: skip


class FollowUpDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow-up"))
        self.kind = QComboBox()
        for kind in FollowUpKind:
            self.kind.addItem(kind.value, kind.value)
        self.done_on = date_edit(today)
        self.person = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(90)
        self.outcome_text = QPlainTextEdit()
        self.outcome_text.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.done_on)
        form.addRow(self.tr("With whom"), self.person)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Result"), self.outcome_text)
        form_dialog(self, form)


class FollowUpPanel(QWidget):
    def __init__(self, ctx: Context, case_id: int, run: Run, run_dialog: RunDialog) -> None:
        super().__init__()
        self._ctx = ctx
        self._case_id = case_id
        self._run = run
        self._run_dialog = run_dialog
        self.closing_text = QLabel()
        self.closing_text.setWordWrap(True)
        self.follow_rows: RowsModel[worklog.FollowUp] = RowsModel([
            Column(self.tr("Date"), lambda f: f.done_on.isoformat()),
            Column(self.tr("Kind"), lambda f: f.kind.value),
            Column(self.tr("With whom"), lambda f: f.person),
            Column(self.tr("Content"), lambda f: f.content, tip=lambda f: f.content or None),
            Column(self.tr("Result"), lambda f: f.result),
            Column(self.tr("By"), lambda f: f.recorded_by),
        ])  # fmt: skip
        self.table = _list(self.follow_rows, 3)
        self.add_button = QPushButton(self.tr("Record follow-up…"))
        self.add_button.clicked.connect(self._ask_add)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.closing_text)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def read(self) -> FollowUpReading:
        """What the panel shows (on the database worker: no widgets here)."""
        return FollowUpReading(
            closing.filed_items(self._ctx, case_id=self._case_id),
            worklog.follow_ups(self._ctx, case_id=self._case_id),
        )

    def show_case(self, reading: FollowUpReading, *, allowed: frozenset[Action]) -> None:
        outcome, items = reading.filed
        if outcome is None:
            self.closing_text.setText(self.tr("No closing file submitted yet."))
        else:
            self.closing_text.setText(
                self.tr("Closing file: outcome {0}; {1} documents: {2}").format(
                    outcome.value, len(items), "、".join(items)
                )
            )
        _show(self.table, reading.follow_ups)
        self.add_button.setEnabled(Action.FOLLOW_UP in allowed)

    def _ask_add(self) -> None:
        dialog = FollowUpDialog(self._ctx.today(), self)
        self._run_dialog(
            dialog,
            lambda: partial(
                worklog.add_follow_up, self._ctx, case_id=self._case_id,
                kind=FollowUpKind(dialog.kind.currentData()),
                done_on=from_qdate(dialog.done_on.date()), person=dialog.person.text(),
                content=dialog.content.toPlainText(), result=dialog.outcome_text.toPlainText(),
            ),
        )  # fmt: skip
