"""案件 › 导入台账 / 导出台账: the ledger in the desktop, off the GUI thread, cancellable.

An import shows every problem at once (row, column, what is wrong, the cell) and writes
nothing unless every row is good; an export writes the current list or a year, ID numbers
masked unless the user may see them (and then audited)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import Cancelled, LegalAidError, ValidationError, ValidationErrors
from legalaid.domain.identity import mask_id_number
from legalaid.domain.permissions import Action
from legalaid.services.commands import case_ledger, service_ledger
from legalaid.services.plumbing.authz import may
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter
from legalaid.ui.kit.models import RIGHT, Column, RowsModel, list_view
from legalaid.ui.work import tasks

FILE_FILTER = "台账 (*.xlsx *.xls *.ods *.csv)"
Progress = Callable[[str, int, int], None]


class _Work(QDialog):
    """A file, a progress bar, a cancel button; the work runs on the thread pool."""

    def __init__(self, ctx: Context, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stop = threading.Event()
        self._running = False
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.start_button = QPushButton()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch()
        self.buttons.addWidget(self.start_button)
        self.buttons.addWidget(self.cancel_button)

    def _run(self, call: Callable[[Progress], object]) -> None:
        """Run ``call(progress)`` on the thread pool. Its progress reaches the bar through
        the task's queued signal; after Cancel it raises there, so the work rolls back."""
        stop = self._stop
        stop.clear()

        def work(emit: Progress) -> object:
            def progress(stage: str, done: int, total: int) -> None:
                if stop.is_set():
                    raise Cancelled("已取消")
                emit(stage, done, total)

            return call(progress)

        task = tasks.Task(work)
        self._running = True
        self.start_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        task.signals.error.connect(self._on_error)
        tasks.start(task)

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(self.tr("{0}: {1} rows").format(stage, done))

    def _done(self) -> None:
        self._running = False
        self.start_button.setEnabled(True)
        self.progress.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))

    def cancel(self) -> None:
        if self._running:
            self._stop.set()
            self.status.setText(self.tr("Stopping…"))
            return
        self.reject()

    def reject(self) -> None:
        if self._running:  # closing the window stops the work first
            self._stop.set()
            return
        super().reject()

    def _on_finished(self, result: object) -> None:
        raise NotImplementedError

    def _on_error(self, error: LegalAidError) -> None:
        raise NotImplementedError


class ImportDialog(_Work):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Import ledger"))
        self.resize(1000, 560)
        self.path: Path | None = None
        self.imported = 0
        self.problems: list[ValidationError] = []
        # The case ledger, or the services ledger (consultations, drafting, duty help).
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Case ledger"), "cases")
        self.kind.addItem(self.tr("Services ledger (consultations, drafting, duty help)"),
                          "services")  # fmt: skip
        self.kind.setVisible(may(ctx, Action.REGISTER_SERVICE))
        self.file_label = QLabel(self.tr("No file chosen"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose)
        self.allow_duplicates = QCheckBox(
            self.tr("Allow rows that repeat a case on file (different matters of one person)")
        )
        self.start_button.setText(self.tr("Import"))
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.problem_list: RowsModel[ValidationError] = RowsModel(
            [
                Column(self.tr("Row"), lambda p: str(p.row or ""), align=RIGHT),
                Column(self.tr("Column"), lambda p: p.field or ""),
                Column(self.tr("Problem"), lambda p: p.message, tip=lambda p: p.message),
                Column(self.tr("Cell"), _cell_shown),
            ]
        )
        self.errors = list_view(self.problem_list, stretch_last=False)
        self.errors.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors.setVisible(False)
        self.save_errors = QPushButton(self.tr("Save the list as a workbook…"))
        self.save_errors.clicked.connect(self._ask_save_errors)
        self.save_errors.setVisible(False)
        self.buttons.insertWidget(0, self.save_errors)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.allow_duplicates)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.errors, 10)
        layout.addStretch(1)  # the lines keep together while there is no list
        layout.addLayout(self.buttons)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import ledger"), str(Path.home()), FILE_FILTER
        )
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.start_button.setEnabled(True)

    def start(self) -> None:
        if self.path is None:
            return
        path, allow = self.path, self.allow_duplicates.isChecked()
        self.errors.setVisible(False)
        self.save_errors.setVisible(False)
        self.status.setText(self.tr("Reading…"))
        if self.kind.currentData() == "services":
            self._run(
                lambda progress: service_ledger.import_services(
                    self._ctx, path, progress=progress, allow_duplicates=allow
                )
            )
            return
        self._run(
            lambda progress: case_ledger.import_ledger(
                self._ctx, path, progress=progress, allow_duplicates=allow
            )
        )

    def _on_finished(self, result: object) -> None:
        self._done()
        if isinstance(result, int):  # the services ledger
            self.imported = result
            self.start_button.setEnabled(False)
            self.status.setText(
                self.tr("Imported {0} consultations, drafted documents and duty helps. "
                        "Nothing else was changed.").format(result)
            )  # fmt: skip
            return
        assert isinstance(result, case_ledger.ImportResult)
        self.imported = result.cases
        self.start_button.setEnabled(False)  # the same file again would only repeat it
        self.status.setText(
            self.tr(
                "Imported {0} cases (new: {1} persons, {2} handlers, {3} firms). "
                "Nothing else was changed."
            ).format(
                result.cases, result.persons_created, result.handlers_created, result.firms_created
            )
        )

    def _on_error(self, error: LegalAidError) -> None:
        self._done()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was imported"))
            return
        problems = error.problems if isinstance(error, ValidationErrors) else [error]
        self.problems = [p for p in problems if isinstance(p, ValidationError)] or [
            ValidationError(error.message)
        ]
        self.status.setText(
            self.tr(
                "{0} problems: nothing was imported. Correct the file and import again."
            ).format(len(self.problems))
        )
        self.problem_list.set_rows(self.problems)
        self.errors.resizeColumnToContents(0)
        self.errors.resizeColumnToContents(1)
        self.errors.setVisible(True)
        self.save_errors.setVisible(True)

    def _ask_save_errors(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the list of problems"),
            str(Path.home() / "台账导入错误.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.save_problems_to(Path(name))

    def save_problems_to(self, path: Path) -> None:
        case_ledger.write_problems(self.problems, path)
        self.status.setText(self.tr("Saved: {0}").format(path))


class ExportDialog(_Work):
    def __init__(self, ctx: Context, filters: CaseFilter, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Export ledger"))
        self.resize(560, 260)
        self._filters = filters
        self.exported = 0
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Case ledger"), "cases")
        self.kind.addItem(self.tr("Services ledger (consultations, drafting, duty help)"),
                          "services")  # fmt: skip
        self.current = QRadioButton(self.tr("The cases of the current list (its filter)"))
        self.by_year = QRadioButton(
            self.tr("A year: every case applied for, granted or closed in it")
        )
        self.current.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.current)
        group.addButton(self.by_year)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.full_id = QCheckBox(self.tr("Full ID numbers (the export is recorded in the audit)"))
        allowed = may(ctx, Action.VIEW_FULL_ID)
        self.full_id.setEnabled(allowed)
        if not allowed:
            self.full_id.setToolTip(self.tr("Your role may not see full ID numbers"))
        self.start_button.setText(self.tr("Export…"))
        self.start_button.clicked.connect(self.choose_and_start)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        year_row = QHBoxLayout()
        year_row.addWidget(self.by_year)
        year_row.addWidget(self.year)
        year_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.current)
        layout.addLayout(year_row)
        layout.addWidget(self.full_id)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addLayout(self.buttons)

    def _kind_changed(self) -> None:
        """The services ledger has no case list to follow: a year, or every record."""
        services = self.kind.currentData() == "services"
        self.current.setText(
            self.tr("Every record") if services
            else self.tr("The cases of the current list (its filter)")
        )  # fmt: skip
        self.by_year.setText(
            self.tr("A year: every service given in it") if services
            else self.tr("A year: every case applied for, granted or closed in it")
        )  # fmt: skip

    def choose_and_start(self) -> None:
        label = "法律帮助台账" if self.kind.currentData() == "services" else "法律援助台账"
        suggested = Path.home() / f"{label}-{self._ctx.today().isoformat()}.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export ledger"),
            str(suggested),
            self.tr("Excel workbooks (*.xlsx);;CSV UTF-8 (*.csv)"),
        )
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> None:
        year = self.year.value() if self.by_year.isChecked() else None
        filters = None if year is not None else self._filters
        full = self.full_id.isChecked() and self.full_id.isEnabled()
        self.status.setText(self.tr("Writing…"))
        self._path = path
        if self.kind.currentData() == "services":
            self._run(
                lambda progress: service_ledger.export_services(
                    self._ctx, path, year=year, full_id=full, progress=progress
                )
            )
            return
        self._run(
            lambda progress: case_ledger.export_ledger(
                self._ctx, path, year=year, full_id=full, progress=progress, filters=filters
            )
        )

    def _on_finished(self, result: object) -> None:
        self._done()
        assert isinstance(result, int)
        self.exported = result
        if self.kind.currentData() == "services":
            self.status.setText(self.tr("Exported {0} records to {1}").format(result, self._path))
            return
        self.status.setText(self.tr("Exported {0} cases to {1}").format(result, self._path))

    def _on_error(self, error: LegalAidError) -> None:
        self._done()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled: no file was written"))
            return
        self.status.setText(error.message)


def _cell_shown(problem: ValidationError) -> str:
    """The cell as read; an ID number masked (the list may be saved and passed on)."""
    value = problem.value
    if problem.field == "身份证号" and isinstance(value, str):
        value = mask_id_number(value)
    return "" if value is None else str(value)
