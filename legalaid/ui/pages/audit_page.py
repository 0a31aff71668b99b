"""审计记录: who did what and when, filtered; the chain checked; exported (admins and
supervisors only — the services refuse everyone else)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import cast

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import audit_trail
from legalaid.services.queries.audit_trail import AuditRow
from legalaid.ui.kit.models import RIGHT, Column, RowsModel, list_view
from legalaid.ui.kit.widgets import FieldError, date_edit, from_qdate
from legalaid.ui.work.page_loader import read_again

REFUSED = QColor("#FDE2E1")
PAGE = 500


@dataclass(frozen=True)
class _Read:
    choices: tuple[list[str], list[str]] | None  # users and actions, when read
    rows: list[AuditRow]
    total: int


class AuditPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        today = ctx.today()
        self.since = date_edit(today - timedelta(days=30), field="起始日期")
        self.until = date_edit(today, field="截止日期")
        self.actor = QComboBox()
        self.action = QComboBox()
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("All outcomes"), None)
        for outcome in ("成功", "失败", "拒绝"):
            self.outcome.addItem(outcome, outcome)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Object or detail contains…"))
        self.show_button = QPushButton(self.tr("Show"))
        self.verify = QPushButton(self.tr("Check the chain"))
        self.export = QPushButton(self.tr("Export…"))
        self.print_anchor = QPushButton(self.tr("Anchor printout…"))
        self.print_anchor.setToolTip(
            self.tr("The trail's row count and head hash on paper, signed and kept outside")
        )
        self.count = QLabel()
        self.model: RowsModel[AuditRow] = RowsModel(
            [
                Column(self.tr("No."), lambda r: str(r.id), align=RIGHT),
                Column(self.tr("Time"), lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
                Column(self.tr("User"), lambda r: r.actor),
                Column(self.tr("Action"), lambda r: r.action),
                Column(self.tr("Object"), lambda r: r.object),
                Column(self.tr("Outcome"), lambda r: r.outcome),
                Column(self.tr("Details"), lambda r: r.detail, tip=lambda r: r.detail or None),
            ],
            background=lambda r: None if r.outcome == "成功" else REFUSED,
        )
        self.table = list_view(self.model)
        self.message = FieldError()
        self.message.setStyleSheet("")
        top = QHBoxLayout()
        for widget in (self.since, QLabel("—"), self.until, self.actor, self.action,
                       self.outcome, self.text, self.show_button):  # fmt: skip
            top.addWidget(widget)
        top.addStretch()
        top.addWidget(self.verify)
        top.addWidget(self.print_anchor)
        top.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.show_button.clicked.connect(self.show_rows)
        self.text.returnPressed.connect(self.show_rows)
        self.verify.clicked.connect(self.check_chain)
        self.export.clicked.connect(self._ask_export)
        self.print_anchor.clicked.connect(self._ask_anchor)

    def refresh(self) -> None:
        """Everything read again at once (刷新), the user and action choices too."""
        try:
            data = self._reader(choices=True)()
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.show_data(data)

    def reader(self) -> Callable[[], object]:
        """The entries the filters choose (and, when first shown, the choices), to read off
        the GUI thread: a trail of years holds hundreds of thousands of entries."""
        return self._reader(choices=self.actor.count() == 0)

    def _reader(self, *, choices: bool) -> Callable[[], _Read]:
        ctx, filters = self._ctx, self.filters()

        def read() -> _Read:
            lists = audit_trail.actors_and_actions(ctx) if choices else None
            rows, total = audit_trail.audit_entries(ctx, filters, limit=PAGE)
            return _Read(lists, rows, total)

        return read

    def filters(self) -> audit_trail.AuditFilter:
        return audit_trail.AuditFilter(
            since=from_qdate(self.since.date()), until=from_qdate(self.until.date()),
            actor=self.actor.currentData(), action=self.action.currentData(),
            text=self.text.text().strip() or None, outcome=self.outcome.currentData(),
        )  # fmt: skip

    def show_rows(self) -> None:
        """表示 (or Enter in the text): the entries read again with the filters as set."""
        self.message.show_message(None)
        read_again(self)

    def show_data(self, data: object) -> None:
        self.loaded = True
        read = cast(_Read, data)
        if read.choices is not None:
            actors, actions = read.choices
            for combo, values, everyone in (
                (self.actor, actors, self.tr("All users")),
                (self.action, actions, self.tr("All actions")),
            ):
                chosen = combo.currentData()
                combo.clear()
                combo.addItem(everyone, None)
                for value in values:
                    combo.addItem(value, value)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self.model.set_rows(read.rows)
        self.table.resizeColumnsToContents()
        shown = self.tr("{0} entries").format(read.total)
        if read.total > PAGE:
            shown += self.tr(" (newest {0} shown; narrow the filters or export)").format(PAGE)
        self.count.setText(shown)

    def check_chain(self) -> bool:
        try:
            checked, broken = audit_trail.verify_chain(self._ctx)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        if broken is None:
            self.message.setStyleSheet("")
            self.message.show_message(
                self.tr("The audit trail is intact: {0} entries, every link valid.").format(checked)
            )
            return True
        self.message.setStyleSheet("color: #B00020;")
        self.message.show_message(
            self.tr("The chain breaks at entry {0}: {1}").format(broken.id, broken.reason)
        )
        return False

    def export_to(self, path: Path) -> bool:
        try:
            count = audit_trail.export_audit(self._ctx, self.filters(), path)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message(self.tr("Exported {0} entries: {1}").format(count, path))
        return True

    def _ask_anchor(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Anchor printout"),
            str(Path.home() / f"审计记录锚点{self._ctx.today().isoformat()}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if name:
            self.save_anchor(Path(name))

    def save_anchor(self, path: Path) -> bool:
        """The monthly anchor printout, written and opened for printing and signing."""
        try:
            report = audit_trail.write_anchor_report(self._ctx, path)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.setStyleSheet("")
        self.message.show_message(self.tr("Anchor printout saved: {0} ({1})").format(
            path, report.summary[1]))  # fmt: skip
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return True

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(Path.home() / "审计记录.xlsx"),
            self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"),
        )  # fmt: skip
        if name:
            self.export_to(Path(name))
