"""重大疑难: the register of escalated cases for a period, by office and state, with the
report deadlines; saved as PDF or Excel; a check of open cases against the criteria."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import NamedTuple, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.domain.escalation import EscalationState
from legalaid.services.commands import escalations
from legalaid.services.commands.offices import list_offices
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.escalation_papers import write_register
from legalaid.ui.kit.models import Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.widgets import FieldError, date_edit, from_qdate, run_modal
from legalaid.ui.work import operation
from legalaid.ui.work.page_loader import read_again

OVERDUE = QColor("#FDE2E1")


class Filters(NamedTuple):
    period_from: date
    period_to: date
    office_code: str | None
    state: EscalationState | None


class EscalationsPage(QWidget):
    open_case = Signal(int)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        today = ctx.today()
        self.period_from = date_edit(date(today.year, 1, 1), field="起始日期")
        self.period_to = date_edit(today, field="截止日期")
        self.office = QComboBox()
        self.state = QComboBox()
        self.state.addItem(self.tr("All states"), None)
        for state in EscalationState:
            self.state.addItem(state.value, state.value)
        self.scan = QPushButton(self.tr("Check open cases"))
        self.save = QPushButton(self.tr("Save register…"))
        self.counts = QLabel()
        clock = ctx.today
        self.model: RowsModel[escalations.RegisterRow] = RowsModel(
            [
                Column(self.tr("Case number"), lambda r: r.case_no),
                Column(self.tr("Office"), lambda r: r.office),
                Column(self.tr("Aided person"), lambda r: r.person),
                Column(self.tr("Cause"), lambda r: r.cause),
                Column(self.tr("Handler"), lambda r: r.handler),
                Column(self.tr("State"), lambda r: r.view.state.value),
                Column(self.tr("Reasons"), lambda r: "；".join(r.view.reasons),
                       tip=lambda r: "\n".join(r.view.reasons) or None),
                Column(self.tr("Report due"), lambda r: r.view.report_deadline.due.isoformat()
                       if r.view.report_deadline else ""),
                Column(self.tr("Reported"), _reported),
            ],
            background=lambda r: OVERDUE if _late(r, clock()) else None,
        )  # fmt: skip
        self.table = list_view(self.model, stretch_last=False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.message = FieldError()
        self.message.setStyleSheet("")
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("Flagged from")), self.period_from, QLabel("—"),
                       self.period_to, self.office, self.state):  # fmt: skip
            top.addWidget(widget)
        top.addStretch()
        top.addWidget(self.scan)
        top.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        for signal in (self.period_from.dateChanged, self.period_to.dateChanged):
            signal.connect(lambda _day: read_again(self))
        for combo in (self.office, self.state):
            combo.currentIndexChanged.connect(lambda _index: read_again(self))
        self.scan.clicked.connect(self.check_open_cases)
        self.save.clicked.connect(self._ask_save)
        self.table.doubleClicked.connect(self._open)
        self.rows: list[escalations.RegisterRow] = []

    def refresh(self) -> None:
        self._fill_offices()
        self.show_rows()

    def _fill_offices(self) -> None:
        self.office.blockSignals(True)
        chosen = self.office.currentData()
        self.office.clear()
        self.office.addItem(self.tr("All offices"), None)
        for office in list_offices(self._ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)
        self.office.setCurrentIndex(max(self.office.findData(chosen), 0))
        self.office.blockSignals(False)

    def reader(self) -> Callable[[], object]:
        """The register as the filters choose it, to read off the GUI thread."""
        if self.office.count() <= 1:
            self._fill_offices()  # the offices first (a short read, on the GUI thread)
        ctx, filters = self._ctx, self._filters()
        return lambda: escalations.register(ctx, **filters._asdict())

    def _filters(self) -> Filters:
        state = self.state.currentData()
        return Filters(
            from_qdate(self.period_from.date()), from_qdate(self.period_to.date()),
            self.office.currentData(), EscalationState(state) if state else None,
        )  # fmt: skip

    def show_rows(self) -> None:
        try:
            rows = self.reader()()
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.show_data(rows)

    def show_data(self, data: object) -> None:
        self.loaded = True
        self.rows = cast(list[escalations.RegisterRow], data)
        today = self._ctx.today()
        self.model.set_rows(self.rows)
        overdue = sum(_late(row, today) for row in self.rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        open_count = sum(row.view.state.is_open for row in self.rows)
        self.counts.setText(
            self.tr("{0} cases · {1} open · {2} reports overdue").format(
                len(self.rows), open_count, overdue
            )
        )

    def check_open_cases(self) -> None:
        """Scan, show what the criteria found, and register only what the clerk keeps ticked."""
        try:
            found = operation.run(
                self,
                partial(escalations.scan_candidates, self._ctx),
                self.tr("Checking the open cases…"),
            )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        if not found:
            self.message.show_message(self.tr("No open case meets the criteria anew"))
            return
        dialog = CandidatesDialog(found, self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            self.message.show_message(self.tr("Nothing was added"))
            return
        try:
            work = partial(escalations.add_candidates, self._ctx, case_ids=dialog.chosen)
            added = operation.run(self, work, self.tr("Saving…"))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.message.show_message(self.tr("{0} new candidates found").format(added))
        self.show_rows()

    def save_register(self, path: Path) -> bool:
        filters = self._filters()
        office = self.office.currentText() if filters.office_code else self.tr("All offices")
        try:
            count = write_register(
                self._ctx, period_from=filters.period_from, period_to=filters.period_to,
                office_code=filters.office_code, organisation=office, out=path,
            )  # fmt: skip
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        except OSError as exc:
            self.message.show_message(str(exc))
            return False
        self.message.show_message(self.tr("Saved {0} cases: {1}").format(count, path))
        return True

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save register"), str(Path.home() / "重大疑难案件登记表.pdf"),
            self.tr("PDF files (*.pdf);;Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if name:
            self.save_register(Path(name))

    def _open(self) -> None:
        row = chosen_row(self.table)
        if row is not None:
            self.open_case.emit(row.case_id)


def _late(row: escalations.RegisterRow, today: date) -> bool:
    deadline = row.view.report_deadline
    return deadline is not None and deadline.is_overdue(today)


def _reported(row: escalations.RegisterRow) -> str:
    on, number = row.view.reported[0], row.view.reported[2]
    return "　".join(x for x in (on.isoformat() if on else "", number or "") if x)


class CandidatesDialog(QDialog):
    """The open cases a scan found, each ticked; the clerk unticks those that are not."""

    def __init__(self, found: list[escalations.Candidate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Candidates for 重大疑难"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("{0} open cases meet the office's criteria. Add the ticked ones to "
                           "the register as candidates:").format(len(found)))
        )  # fmt: skip
        self.list = QListWidget()
        self._ids: list[int] = []
        for candidate in found:
            item = QListWidgetItem(
                f"{candidate.case_no}　{candidate.person}　{candidate.cause}　—　"
                + "；".join(candidate.reasons)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
            self._ids.append(candidate.case_id)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def chosen(self) -> list[int]:
        return [
            case_id
            for row, case_id in enumerate(self._ids)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
