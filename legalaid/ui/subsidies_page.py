"""补贴: the subsidy standards (versions, a table editor, files) and payment batches."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError, ValidationError
from legalaid.domain.subsidy import BaseRule, SubsidyStandard
from legalaid.domain.vocabulary import CaseType, Stage
from legalaid.reports.data import money_text
from legalaid.services import payments, subsidies
from legalaid.services.context import Context
from legalaid.services.offices import list_handlers
from legalaid.ui.widgets import FieldError, date_edit, from_qdate


class StandardsTab(QWidget):
    """Versions on top; the chosen version's base amounts and add-ons below, editable."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.versions = QComboBox()
        self.name = QLineEdit()
        self.authority = QLineEdit()
        self.effective_from = date_edit(ctx.today())
        self.cross_region = QLineEdit()
        self.major = QLineEdit()
        self.terminated = QLineEdit()
        self.base = QTableWidget(0, 3)
        self.base.setHorizontalHeaderLabels(
            [self.tr("Case type"), self.tr("Stages (empty: any)"), self.tr("Base (yuan)")]
        )
        self.base.horizontalHeader().setStretchLastSection(True)
        self.base.setColumnWidth(0, 140)
        self.base.setColumnWidth(1, 300)
        form = QFormLayout()
        form.addRow(self.tr("Version"), self.versions)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Issued by"), self.authority)
        form.addRow(self.tr("In force from"), self.effective_from)
        form.addRow(self.tr("Cross-region add-on (yuan)"), self.cross_region)
        form.addRow(self.tr("Major/difficult add-on (yuan, at most the base)"), self.major)
        form.addRow(self.tr("Share paid when terminated (0–1)"), self.terminated)
        self.save_new = QPushButton(self.tr("Save as a new version"))
        self.save_edit = QPushButton(self.tr("Save changes to this version"))
        self.import_button = QPushButton(self.tr("Import file…"))
        self.export_button = QPushButton(self.tr("Export file…"))
        buttons = QHBoxLayout()
        for button in (self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch()
        for button in (self.save_edit, self.save_new):
            buttons.addWidget(button)
        self.message = FieldError()
        self.message.setStyleSheet("")  # carries confirmations too, not only errors
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.base)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.versions.currentIndexChanged.connect(self.show_version)
        self.save_new.clicked.connect(lambda: self.store(new_version=True))
        self.save_edit.clicked.connect(lambda: self.store(new_version=False))
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        self.infos: list[subsidies.StandardInfo] = []

    def refresh(self) -> None:
        self.infos = subsidies.list_standards(self._ctx)
        self.versions.blockSignals(True)
        self.versions.clear()
        for info in self.infos:
            s = info.standard
            until = s.effective_to.isoformat() if s.effective_to else self.tr("now")
            used = self.tr(" (used)") if info.used else ""
            self.versions.addItem(
                f"{s.name}：{s.effective_from.isoformat()}—{until}{used}", info.id
            )
        self.versions.blockSignals(False)
        self.versions.setCurrentIndex(len(self.infos) - 1)
        self.show_version()

    def current(self) -> subsidies.StandardInfo | None:
        index = self.versions.currentIndex()
        return self.infos[index] if 0 <= index < len(self.infos) else None

    def show_version(self) -> None:
        info = self.current()
        if info is None:
            return
        s = info.standard
        self.name.setText(s.name)
        self.authority.setText(s.authority)
        self.effective_from.setDate(
            self.effective_from.date().fromString(s.effective_from.isoformat(), "yyyy-MM-dd")
        )
        self.cross_region.setText(str(s.cross_region_flat or ""))
        self.major.setText(str(s.major_add_on or ""))
        self.terminated.setText(str(s.terminated_share))
        self.base.setRowCount(len(s.base))
        for row, rule in enumerate(s.base):
            stages = "、".join(st.value for st in sorted(rule.stages, key=list(Stage).index))
            for column, value in enumerate((rule.case_type.value, stages, str(rule.amount))):
                self.base.setItem(row, column, QTableWidgetItem(value))
        self.save_edit.setEnabled(not info.used)

    def edited(self) -> SubsidyStandard:
        info = self.current()
        assert info is not None
        rules = []
        for row in range(self.base.rowCount()):
            items = [self.base.item(row, c) for c in range(3)]
            cells = [item.text().strip() if item is not None else "" for item in items]
            try:
                stages = frozenset(Stage(x) for x in cells[1].replace(",", "、").split("、") if x)
                rules.append(
                    BaseRule(
                        CaseType(cells[0]),
                        _money(cells[2], row + 1),
                        stages,
                        no_stage=not stages or Stage.TRIAL in stages,
                    )
                )
            except ValueError:
                raise ValidationError(
                    self.tr("Row {0}: unknown case type or stage").format(row + 1), field="基本补贴"
                ) from None
        return replace(
            info.standard, name=self.name.text().strip(), authority=self.authority.text().strip(),
            effective_from=from_qdate(self.effective_from.date()), effective_to=None,
            base=tuple(rules), cross_region_flat=_optional(self.cross_region.text()),
            major_add_on=_optional(self.major.text()),
            terminated_share=_money(self.terminated.text() or "0.5", 0),
        )  # fmt: skip

    def store(self, *, new_version: bool) -> bool:
        info = self.current()
        try:
            standard = self.edited()
            if new_version:
                subsidies.add_standard(self._ctx, standard)
            elif info is not None:
                subsidies.update_standard(
                    self._ctx, info.id, replace(standard, effective_to=info.standard.effective_to)
                )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.refresh()
        self.message.show_message(self.tr("Standard saved."))
        return True

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a standard"), "", self.tr("Standard files (*.json)")
        )
        if name:
            try:
                subsidies.import_standard(self._ctx, Path(name))
            except LegalAidError as exc:
                self.message.show_message(exc.message)
                return
            self.refresh()

    def _ask_export(self) -> None:
        info = self.current()
        if info is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the standard"),
            f"{info.standard.name}.json",
            self.tr("Standard files (*.json)"),
        )
        if name:
            subsidies.export_standard(self._ctx, info.id, Path(name))


def _money(text: str, row: int) -> Decimal:
    try:
        return Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError(f"第{row}行金额「{text}」无效", field="金额") from None


def _optional(text: str) -> Decimal | None:
    return _money(text, 0) if text.strip() else None


class PaymentsTab(QWidget):
    """Approved subsidies of a period → a batch for finance → paid."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        today = ctx.today()
        self.period_from = date_edit(date(today.year, today.month, 1))
        self.period_to = date_edit(today)
        self.handler = QComboBox()
        self.firm = QComboBox()
        self.lines = QTableWidget(0, 6)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Office"),
                self.tr("Handler"),
                self.tr("Firm"),
                self.tr("Closed on"),
                self.tr("Amount (yuan)"),
            ]
        )
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.find_button = QPushButton(self.tr("Show approved subsidies"))
        self.create_button = QPushButton(self.tr("Create payment batch"))
        self.batches = QComboBox()
        self.save = QPushButton(self.tr("Save list…"))
        self.pay = QPushButton(self.tr("Mark batch paid"))
        self.message = FieldError()
        self.message.setStyleSheet("")
        top = QHBoxLayout()
        for widget in (
            self.period_from,
            self.period_to,
            self.firm,
            self.handler,
            self.find_button,
            self.create_button,
        ):
            top.addWidget(widget)
        top.addStretch()
        batch_box = QGroupBox(self.tr("Payment batches"))
        batch_row = QHBoxLayout(batch_box)
        batch_row.addWidget(self.batches, 1)
        batch_row.addWidget(self.save)
        batch_row.addWidget(self.pay)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        layout.addWidget(self.message)
        layout.addWidget(batch_box)
        self.find_button.clicked.connect(self.show_candidates)
        self.create_button.clicked.connect(self.create_batch)
        self.save.clicked.connect(self._ask_save)
        self.pay.clicked.connect(self.pay_batch)
        self.batches.currentIndexChanged.connect(self._batch_buttons)

    def refresh(self) -> None:
        self.handler.clear()
        self.handler.addItem(self.tr("All handlers"), None)
        self.firm.clear()
        self.firm.addItem(self.tr("All firms"), None)
        handlers = list_handlers(self._ctx, active_only=False, with_caseload=False)
        for h in handlers:
            self.handler.addItem(h.name, h.id)
        for firm in sorted({h.firm for h in handlers if h.firm}):
            self.firm.addItem(firm, firm)
        self.batches.clear()
        for batch in payments.list_batches(self._ctx):
            state = self.tr("paid") if batch.paid else self.tr("to pay")
            self.batches.addItem(
                f"{batch.number}：{len(batch.lines)} · {money_text(batch.total)} · {state}",
                batch.id,
            )
        self._batch_buttons()

    def _batch_buttons(self) -> None:
        has = self.batches.currentData() is not None
        self.save.setEnabled(has)
        self.pay.setEnabled(has and not self.batches.currentText().endswith(self.tr("paid")))

    def _period(self) -> dict[str, object]:
        return {
            "period_from": from_qdate(self.period_from.date()),
            "period_to": from_qdate(self.period_to.date()),
            "handler_id": self.handler.currentData(),
            "firm": self.firm.currentData(),
        }

    def show_candidates(self) -> None:
        try:
            found = payments.candidates(self._ctx, **self._period())  # type: ignore[arg-type]
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.lines.setRowCount(len(found))
        for row, line in enumerate(found):
            values = [
                line.case_no,
                line.office,
                line.handler,
                line.firm,
                line.closed_on.isoformat() if line.closed_on else "",
                money_text(line.amount),
            ]
            for column, value in enumerate(values):
                self.lines.setItem(row, column, QTableWidgetItem(value))
        total = sum((line.amount for line in found), Decimal(0))
        self.message.show_message(
            self.tr("{0} subsidies, {1} yuan").format(len(found), money_text(total))
        )

    def create_batch(self) -> None:
        try:
            batch = payments.create_batch(self._ctx, **self._period())  # type: ignore[arg-type]
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.refresh()
        self.show_candidates()
        self.message.show_message(
            self.tr("Batch {0} created: {1} yuan").format(batch.number, money_text(batch.total))
        )

    def save_batch(self, path: Path) -> bool:
        try:
            payments.write_batch(self._ctx, batch_id=self.batches.currentData(), out=path)
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message(self.tr("Saved: {0}").format(path))
        return True

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save list"),
            str(Path.home() / "补贴发放表.pdf"),
            self.tr("PDF files (*.pdf);;Excel workbooks (*.xlsx)"),
        )
        if name:
            self.save_batch(Path(name))

    def pay_batch(self) -> None:
        try:
            total = payments.pay_batch(self._ctx, batch_id=self.batches.currentData())
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.refresh()
        self.message.show_message(self.tr("Paid: {0} yuan").format(money_text(total)))


class SubsidiesPage(QTabWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.loaded = False
        self.payments = PaymentsTab(ctx)
        self.standards = StandardsTab(ctx)
        self.addTab(self.payments, self.tr("Payments"))
        self.addTab(self.standards, self.tr("Standards"))

    def refresh(self) -> None:
        self.loaded = True
        self.payments.refresh()
        self.standards.refresh()
