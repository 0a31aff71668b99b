"""统计报表: choose a report, preview its real pages, save as PDF or Excel, print; targets."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.reports.report_data import OfficeLine, Report, pct_text
from legalaid.services.commands.offices import get_consultation_targets, list_offices, set_targets
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.reporting import (
    office_outlook,
    record_output,
    save_report,
    write_report,
)
from legalaid.ui.kit.pdf_view import PdfPreview, print_pdf
from legalaid.ui.kit.widgets import date_edit
from legalaid.ui.work import operation, tasks
from legalaid.ui.work.page_loader import read_again


class ReportsPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self._folder = Path(tempfile.mkdtemp(prefix="legalaid-report-"))
        self.current_pdf: Path | None = None
        self.current_report: Report | None = None  # what the preview shows

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Annual statistics report"), "annual")
        self.kind.addItem(self.tr("Mid-year “double half” report"), "midyear")
        self.kind.addItem(self.tr("Public notice of legal aid (s.58)"), "notice")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.cut = QCheckBox(self.tr("Up to"))
        self.until = date_edit(field="截止日期")
        today = ctx.today()
        self.until.setDate(QDate(today.year, today.month, today.day))
        self.until.setEnabled(False)
        self.cut.toggled.connect(self.until.setEnabled)
        self.office = QComboBox()
        self.office.addItem(self.tr("All offices"), None)
        for office in list_offices(ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)

        self.generate = QPushButton(self.tr("Preview"))
        self.generate.setDefault(True)
        self.save_pdf = QPushButton(self.tr("Save PDF…"))
        self.save_xlsx = QPushButton(self.tr("Export Excel…"))
        self.print_button = QPushButton(self.tr("Print…"))
        for button in (self.save_pdf, self.save_xlsx, self.print_button):
            button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Year"), self.year)
        cut_row = QHBoxLayout()
        cut_row.addWidget(self.cut)
        cut_row.addWidget(self.until)
        form.addRow(self.tr("Period"), cut_row)
        form.addRow(self.tr("Office"), self.office)
        buttons = QHBoxLayout()
        for button in (self.generate, self.save_pdf, self.save_xlsx, self.print_button):
            buttons.addWidget(button)

        self._consultation_targets: dict[str, int] = {}
        self.targets = QTableWidget(0, 9)
        self.targets.setHorizontalHeaderLabels(
            [
                self.tr("Office"),
                self.tr("Target"),
                self.tr("Cases"),
                self.tr("Completion"),
                self.tr("Time progress"),
                self.tr("Forecast 30 June"),
                self.tr("Forecast year"),
                self.tr("Note"),
                self.tr("Consultation target"),
            ]
        )
        self.targets.verticalHeader().hide()
        self.targets.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.save_targets = QPushButton(self.tr("Save targets"))
        target_box = QGroupBox(self.tr("Yearly targets and forecast"))
        target_layout = QVBoxLayout(target_box)
        target_layout.addWidget(self.targets)
        target_layout.addWidget(self.basis)
        target_layout.addWidget(self.save_targets, alignment=Qt.AlignmentFlag.AlignRight)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.message)
        left_layout.addWidget(target_box, 1)
        self.preview = PdfPreview()
        # Zoom out, in, or to the width of the view.
        self.zoom_out = QPushButton(self.tr("Zoom out"))
        self.zoom_in = QPushButton(self.tr("Zoom in"))
        self.fit_width = QPushButton(self.tr("Fit width"))
        self.zoom_label = QLabel()
        self.zoom_out.clicked.connect(lambda: self._zoom(lambda: self.preview.zoom(1 / 1.25)))
        self.zoom_in.clicked.connect(lambda: self._zoom(lambda: self.preview.zoom(1.25)))
        self.fit_width.clicked.connect(lambda: self._zoom(self.preview.fit_width))
        zoom_row = QHBoxLayout()
        for widget in (self.zoom_out, self.zoom_in, self.fit_width, self.zoom_label):
            zoom_row.addWidget(widget)
        zoom_row.addStretch()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(zoom_row)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.generate.clicked.connect(self.start_report)
        self.save_pdf.clicked.connect(self._ask_save_pdf)
        self.save_xlsx.clicked.connect(self._ask_save_xlsx)
        self.print_button.clicked.connect(self._ask_print)
        self.save_targets.clicked.connect(self.store_targets)
        self.year.valueChanged.connect(lambda _year: read_again(self))
        self.loaded = False  # the targets table is counted when the page is first shown

    def refresh(self) -> None:
        self.load_targets()

    # -- choices ----------------------------------------------------------------------------
    def chosen_until(self) -> date | None:
        if not self.cut.isChecked():
            return None
        return self.until.value()  # a ValidationError naming the field when not a date

    # -- report -----------------------------------------------------------------------------
    def start_report(self) -> None:
        try:
            until = self.chosen_until()
        except LegalAidError as exc:  # a mistyped 截止日期: said, nothing generated
            QMessageBox.warning(self, self.tr("Statistics report"), exc.message)
            return
        kind, year = self.kind.currentData(), self.year.value()
        office = self.office.currentData()
        out = self._folder / f"{kind}-{year}.pdf"
        self.generate.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.message.setText(self.tr("Counting…"))
        task = tasks.Task(
            lambda progress: write_report(
                self._ctx,
                kind=kind,
                year=year,
                out=out,
                until=until,
                office_code=office,
                progress=progress,
            )
        )
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(lambda report: self._on_done(out, report))
        task.signals.failed.connect(self._on_failed)
        tasks.start(task)

    def _on_progress(self, _stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_done(self, path: Path, report: Report) -> None:
        title = report.title
        self.current_pdf, self.current_report = path, report
        self.preview.show_pdf(path)
        self._show_zoom()
        self.progress.setVisible(False)
        self.generate.setEnabled(True)
        for button in (self.save_pdf, self.save_xlsx, self.print_button):
            button.setEnabled(True)
        self.message.setText(self.tr("{0}: {1} page(s)").format(title, self.preview.page_count))

    def _on_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.generate.setEnabled(True)
        self.message.setText(message)

    def _zoom(self, change: Callable[[], None]) -> None:
        change()
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.preview.zoom_percent}%")
        has = self.preview.page_count > 0
        for button in (self.zoom_out, self.zoom_in, self.fit_width):
            button.setEnabled(has)

    def save_pdf_to(self, target: Path) -> None:
        """The saved file is the previewed file, byte for byte."""
        assert self.current_pdf is not None and self.current_report is not None
        shutil.copyfile(self.current_pdf, target)
        record_output(self._ctx, action="导出", title=self.current_report.title, file=target.name)

    def save_xlsx_to(self, target: Path) -> None:
        """The workbook of the report on screen — the same figures as the preview, not a new
        count with whatever the fields say now."""
        assert self.current_report is not None
        # A report's workbook at a large centre takes seconds: the window keeps drawing.
        work = partial(save_report, self._ctx, report=self.current_report, out=target)
        operation.run(self, work, self.tr("Writing the workbook…"))

    def _ask_save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), self._default_name(".pdf"), self.tr("PDF files (*.pdf)")
        )
        if name:
            self.save_pdf_to(Path(name))
            self.message.setText(self.tr("Saved: {0}").format(name))

    def _ask_save_xlsx(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Excel"),
            self._default_name(".xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            try:
                self.save_xlsx_to(Path(name))
            except LegalAidError as exc:
                QMessageBox.warning(self, self.tr("Not exported"), exc.message)
                return
            self.message.setText(self.tr("Exported: {0}").format(name))

    def _ask_print(self) -> None:
        if self.current_pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            pages = print_pdf(self.current_pdf, printer)
            title = self.current_report.title if self.current_report else ""
            record_output(self._ctx, action="打印", title=title, pages=pages)
            self.message.setText(self.tr("{0} page(s) sent to the printer").format(pages))

    def _default_name(self, suffix: str) -> str:
        label = self.kind.currentText().replace("“", "").replace("”", "")
        return str(Path.home() / f"{self.year.value()}{label}{suffix}")

    # -- targets ----------------------------------------------------------------------------
    def load_targets(self) -> None:
        self.show_data(self.reader()())

    def reader(self) -> Callable[[], object]:
        """The targets table's counting (each office's cases against its target), to run off
        the GUI thread."""
        ctx, year = self._ctx, self.year.value()
        return lambda: (office_outlook(ctx, year=year), get_consultation_targets(ctx, year=year))

    def show_data(self, data: object) -> None:
        self.loaded = True
        lines, self._consultation_targets = cast(tuple[list[OfficeLine], dict[str, int]], data)
        self._lines = lines
        self.targets.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self._fill(row, line)
        self.targets.resizeColumnsToContents()
        bases = sorted({line.forecast_basis for line in lines})
        self.basis.setText(self.tr("Forecast basis: {0}").format("；".join(bases)) if bases else "")

    def _whole(self, office: str, text: str) -> int:
        if not text.isdigit():
            raise LegalAidError(
                self.tr("The target of {0} must be a whole number, not “{1}”").format(office, text)
            )
        return int(text)

    def _fill(self, row: int, line: OfficeLine) -> None:
        # One verdict, the reports' own (domain.statistics): never "双过半" and "at risk of it".
        risk = (
            self.tr("At risk of missing the target")
            if line.at_risk
            else (line.standing.value if line.standing.falls_short else "")
        )
        values = [
            f"{line.code} {line.name}",
            str(line.target or ""),
            str(line.cases),
            pct_text(line.completion_pct),
            pct_text(line.time_pct),
            str(line.forecast_midyear),
            str(line.forecast_year_end),
            risk,
            str(self._consultation_targets.get(line.code, "")),  # 法律咨询, in 人次
        ]
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column not in (1, 8):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if risk and column == 7:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.targets.setItem(row, column, item)

    def store_targets(self) -> None:
        changed: dict[str, int] = {}
        consulting: dict[str, int | None] = {}
        try:
            for row, line in enumerate(self._lines):
                item = self.targets.item(row, 1)
                text = item.text().strip() if item else ""
                if text and text != str(line.target or ""):
                    changed[line.code] = self._whole(line.name, text)
                item = self.targets.item(row, 8)
                text = item.text().strip() if item else ""
                if text != str(self._consultation_targets.get(line.code, "")):
                    consulting[line.code] = self._whole(line.name, text) if text else None
            set_targets(
                self._ctx, year=self.year.value(), targets=changed, consultations=consulting
            )
        except LegalAidError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return
        self.load_targets()
        self.message.setText(self.tr("Targets saved"))
