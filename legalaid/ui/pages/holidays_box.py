"""设置 › 节假日: which years the calendar knows, and entering a year's State Council notice."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
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

from legalaid.domain.errors import LegalAidError
from legalaid.domain.holidays import COLUMNS, parse_notice, rows_from_text, rows_to_text
from legalaid.services.commands import holidays
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.widgets import FieldError, form_dialog, run_modal
from legalaid.ui.work import operation

EXAMPLE = "日期,类型,名称\n"


class NoticeDialog(QDialog):
    """One row per day of the notice: 日期,类型,名称 (类型 休息 or 上班), typed or pasted from a
    spreadsheet, or read from a .csv/.xlsx file. Nothing is stored until every row is right."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Enter the official holiday notice"))
        self.text = QPlainTextEdit(EXAMPLE)
        self.text.setMinimumSize(420, 300)
        self.from_file = QPushButton(self.tr("From a file…"))
        self.from_file.clicked.connect(self._choose_file)
        hint = QLabel(
            self.tr(
                "One line per day, as the State Council notice lists them: date, 休息 or 上班 "
                "(a make-up working day), name. Days not listed follow the week."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(hint)
        form.addRow(self.text)
        form.addRow("", self.from_file)
        self.error = FieldError()
        form_dialog(self, form, self.error, on_accept=self.save, save=True)
        self.result_text = ""

    def save(self) -> None:
        try:
            if not self.text.toPlainText().startswith(COLUMNS[0]):
                raise LegalAidError(self.tr("The first line must be the header 日期,类型,名称"))
            notice = parse_notice(rows_from_text(self.text.toPlainText()))
            # The open cases' clocks are counted again over the notice's days.
            work = partial(holidays.enter_notice, self._ctx, notice)
            entered = operation.run(self, work, self.tr("Recounting…"))
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        years = "、".join(str(y) for y in entered.years)
        self.result_text = self.tr(
            "Entered the {0} notice ({1} days); {2} open cases have a new due date."
        ).format(years, entered.days, entered.recounted)
        self.accept()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Notice table"), "", self.tr("Tables (*.csv *.xlsx)")
        )
        if not name:
            return
        try:
            rows = holidays.read_notice_file(Path(name))
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        self.text.setPlainText(rows_to_text(rows))


class HolidaysBox(QGroupBox):
    entered = Signal(str)  # what was entered, for the page's message line

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.setTitle(self.tr("Official holidays"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year + 1)
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        self.enter = QPushButton(self.tr("Enter a notice…"))
        self.enter.clicked.connect(self.ask_notice)
        self.year.valueChanged.connect(self.show_year)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        row.addWidget(self.year)
        row.addStretch()
        row.addWidget(self.enter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.shown)

    def refresh(self) -> None:
        this_year = self._ctx.today().year
        known = [y for y in range(this_year - 1, this_year + 3) if self._known(y)]
        self.status.setText(
            self.tr(
                "Known years: {0}. Due dates in other years are marked 预估 (estimated)."
            ).format("、".join(str(y) for y in known) or "—")
        )
        self.show_year()

    def _known(self, year: int) -> bool:
        return self._ctx.calendar.is_workday(date(year, 1, 1)) is not None

    def show_year(self) -> None:
        calendar = holidays.year_calendar(self._ctx, self.year.value())
        if not calendar.days:
            self.shown.setText(self.tr("{0}: {1}").format(calendar.year, calendar.source))
            return
        rest = sum(1 for d in calendar.days if not d.workday)
        work = len(calendar.days) - rest
        self.shown.setText(
            self.tr("{0}: {1} — {2} rest days on weekdays, {3} make-up working days").format(
                calendar.year, calendar.source, rest, work
            )
        )

    def ask_notice(self) -> None:
        dialog = NoticeDialog(self._ctx, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.refresh()
            self.entered.emit(dialog.result_text)
