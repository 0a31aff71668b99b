"""The case window's 办案补贴 tab: what the subsidy is based on, its breakdown, an adjustment
with its reason, and approval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.domain.permissions import Action
from legalaid.domain.subsidy import HandlerPart, SubsidyLine, share_text
from legalaid.domain.vocabulary import RegionTier
from legalaid.services.commands import subsidies
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import RIGHT, Column, RowsModel, list_view
from legalaid.ui.kit.widgets import form_dialog, run_modal

Run = Callable[[Callable[[], object]], bool]


@dataclass(frozen=True)
class SubsidyReading:
    subsidy: subsidies.CaseSubsidy | None
    basis: subsidies.SubsidyBasis | None
    problem: str = ""  # why there is nothing to show (no standard in force, …)


class AdjustDialog(QDialog):
    """A manual subsidy amount and the reason for it (both required)."""

    def __init__(self, computed: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjust the subsidy"))
        self.amount = QLineEdit(str(computed) if computed is not None else "")
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Amount (yuan)"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form_dialog(self, form)


def _spin(maximum: int, minimum: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    return box


class SubsidyPanel(QWidget):
    def __init__(self, ctx: Context, case_id: int, run: Run) -> None:
        super().__init__()
        self._ctx = ctx
        self._case_id = case_id
        self._run = run
        self.subsidy: subsidies.CaseSubsidy | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # Each line names the clause of the standard that produced it (the document and 条);
        # figures line up on the right, as on the finance office's forms.
        self.line_rows: RowsModel[SubsidyLine] = RowsModel(
            [
                Column(self.tr("Rule"), lambda x: x.rule),
                Column(self.tr("Quantity"), lambda x: f"{x.quantity.normalize():f}", align=RIGHT),
                Column(self.tr("Amount (yuan)"), lambda x: f"{x.amount:,.2f}", align=RIGHT),
                Column(self.tr("Clause"), lambda x: x.source, tip=lambda x: x.source or None),
            ]
        )
        self.lines = list_view(self.line_rows, stretch_last=False)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        # The facts the standard's add-ons need (s.52: by service type, stage and cost);
        # the rows depend on the standard (its per-day items), so they are built per case.
        self.basis_box = QGroupBox(self.tr("Basis of the calculation"))
        self.basis_form = QFormLayout(self.basis_box)
        self.basis_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self._by_stages = False
        self.days: dict[str, QSpinBox] = {}

        self.override_button = QPushButton(self.tr("Adjust amount…"))
        self.review_button = QPushButton(self.tr("Approve subsidy"))
        self.override_button.clicked.connect(self.adjust)
        self.review_button.clicked.connect(self.approve)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.basis_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addLayout(buttons)

    def read(self) -> SubsidyReading:
        """What the tab shows (on the database worker: no widgets here)."""
        try:
            return SubsidyReading(
                subsidies.case_subsidy(self._ctx, case_id=self._case_id),
                subsidies.subsidy_basis(self._ctx, case_id=self._case_id),
            )
        except LegalAidError as exc:
            return SubsidyReading(None, None, exc.message)

    def show_case(self, reading: SubsidyReading, *, allowed: frozenset[Action]) -> None:
        self.subsidy = reading.subsidy
        if reading.subsidy is None or reading.basis is None:
            self.summary.setText(reading.problem)
            self.line_rows.set_rows([])
            self.basis_box.hide()
            self.override_button.setEnabled(False)
            self.review_button.setEnabled(False)
            return
        self._show_basis(reading.basis, clerk=Action.PAY_SUBSIDY in allowed)
        s = reading.subsidy
        state = s.state.value if s.state else self.tr("estimate (proposed when the case closes)")
        text = self.tr("Standard: {0} · computed {1} yuan · state: {2}").format(
            s.standard, s.computed, state
        )
        if s.example:
            text += "\n" + self.tr(
                "This is the example standard shipped with the program, not your province's: "
                "an administrator replaces it in 补贴 › 补贴标准."
            )
        if s.override is not None:
            text += "\n" + self.tr("Adjusted to {0} yuan: {1}").format(
                s.override, s.override_reason
            )
        if s.parts:
            # A change of handler: each is paid their own part, a payment line each.
            text += "\n" + self.tr("Paid to each handler: {0}").format("；".join(
                f"{p.handler} {p.basis} " + (f"{p.amount:,.2f}" if p.amount is not None
                                             else self.tr("part not yet recorded"))
                for p in s.parts
            ))  # fmt: skip
        self.summary.setText(text)
        self.line_rows.set_rows(s.lines)
        pending = s.state is subsidies.PaymentState.PENDING
        approver = Action.APPROVE_SUBSIDY in allowed
        self.override_button.setEnabled(pending and approver)
        separate = s.may_approve(self._ctx.actor)
        self.review_button.setEnabled(pending and approver and separate)
        self.review_button.setToolTip(
            "" if separate else self.tr("You adjusted this amount: another supervisor approves it")
        )

    def _show_basis(self, basis: subsidies.SubsidyBasis, *, clerk: bool) -> None:
        self.basis_box.show()
        self._basis_version = basis.version
        while self.basis_form.rowCount():
            self.basis_form.removeRow(0)
        self.region = QComboBox()
        self.region.addItem(self.tr("As registered (no tier)"), None)
        for tier in RegionTier:
            self.region.addItem(tier.value, tier.value)
        self.region.setCurrentIndex(max(self.region.findData(basis.region_tier), 0))
        self.aided_persons = _spin(9999, 1)
        self.aided_persons.setValue(basis.aided_persons)
        row = QHBoxLayout()
        row.addWidget(self.region)
        row.addWidget(QLabel(self.tr("Aided persons")))
        row.addWidget(self.aided_persons)
        # 同案多件: cases joined in this one (some tables add an amount per extra case).
        self.joined_cases = _spin(9999, 1)
        self.joined_cases.setValue(basis.joined_cases)
        row.addWidget(QLabel(self.tr("Cases joined")))
        row.addWidget(self.joined_cases)
        row.addStretch()
        self.basis_form.addRow(self.tr("Where handled"), row)
        editable: list[QWidget] = [self.region, self.aided_persons, self.joined_cases]
        editable += self._parts_row(basis)
        self.days = {}
        for item in sorted({*basis.per_day_items, *basis.days}):
            box = _spin(366)
            box.setValue(basis.days.get(item, 0))
            box.setSuffix(self.tr(" days"))
            self.days[item] = box
            self.basis_form.addRow(item, box)
            editable.append(box)
        self._by_stages = basis.by_stages and basis.terminated
        if self._by_stages:
            done, total = basis.stages or (0, 1)
            self.stages_done, self.stages_total = _spin(9), _spin(9, 1)
            self.stages_total.setValue(total)
            self.stages_done.setValue(done)
            stages = QHBoxLayout()
            for part in (self.stages_done, QLabel(self.tr("of")), self.stages_total):
                stages.addWidget(part)
            stages.addStretch()
            self.basis_form.addRow(self.tr("Stages completed (terminated case)"), stages)
            editable += [self.stages_done, self.stages_total]
        self.share_given = None
        if basis.terminated:
            # What the table pays a terminated case, and the share a clerk may record instead
            # (法律援助法 s.52 leaves it to the table; one silent on it pays nothing unasked).
            if basis.by_stages:
                rule = self.tr("The standard pays the stages completed")
            elif basis.standard_share is not None:
                rule = self.tr("The standard pays {0}").format(share_text(basis.standard_share))
            else:
                rule = self.tr("The standard says nothing on terminated cases: nothing is paid "
                               "until a share is recorded here")  # fmt: skip
            self.basis_form.addRow(self.tr("Terminated aid"), QLabel(rule))
            self.share_given = QCheckBox(self.tr("Pay this share instead"))
            self.share_percent = _spin(100)
            self.share_percent.setSuffix(" %")
            self.share_reason = QLineEdit()
            self.share_reason.setPlaceholderText(self.tr("Why this share (required)"))
            if basis.share is not None:
                self.share_given.setChecked(True)
                self.share_percent.setValue(int(basis.share[0] * 100))
                self.share_reason.setText(basis.share[1])
            share_row = QHBoxLayout()
            share_row.addWidget(self.share_given)
            share_row.addWidget(self.share_percent)
            share_row.addWidget(self.share_reason, 1)
            self.basis_form.addRow(self.tr("Share paid"), share_row)
            editable += [self.share_given, self.share_percent, self.share_reason]
        self.recalculate = QPushButton(self.tr("Save basis and recalculate"))
        self.recalculate.clicked.connect(self.save_basis)
        self.basis_form.addRow("", self.recalculate)
        for widget in (*editable, self.recalculate):
            widget.setEnabled(basis.editable and clerk)

    def _parts_row(self, basis: subsidies.SubsidyBasis) -> list[QWidget]:
        """A case that changed handler: each handler's part, by share or by stages done."""
        self.part_boxes: dict[int, QSpinBox] = {}
        if len(basis.handlers) < 2:
            return []
        self.parts_mode = QComboBox()
        self.parts_mode.addItem(self.tr("By share"), "share")
        self.parts_mode.addItem(self.tr("By stages each did"), "stages")
        by_stages = bool(basis.parts) and basis.parts[0].stages is not None
        self.parts_mode.setCurrentIndex(1 if by_stages else 0)
        recorded = {p.handler_id: p for p in basis.parts}
        row = QHBoxLayout()
        row.addWidget(self.parts_mode)
        for handler_id, name in basis.handlers.items():
            box = _spin(100)
            part = recorded.get(handler_id)
            if part is not None:
                box.setValue(int(part.share * 100) if part.share is not None else part.stages or 0)
            self.part_boxes[handler_id] = box
            row.addWidget(QLabel(name))
            row.addWidget(box)
        row.addStretch()
        self.parts_mode.currentIndexChanged.connect(self._part_suffix)
        self._part_suffix()
        self.basis_form.addRow(self.tr("Each handler's part"), row)
        return [self.parts_mode, *self.part_boxes.values()]

    def _part_suffix(self) -> None:
        stages = self.parts_mode.currentData() == "stages"
        for box in self.part_boxes.values():
            box.setSuffix(self.tr(" stages") if stages else " %")

    def _parts(self) -> list[HandlerPart] | None:
        """The parts as typed; None (left as stored) while nothing is typed."""
        if not self.part_boxes or not any(box.value() for box in self.part_boxes.values()):
            return None
        if self.parts_mode.currentData() == "stages":
            return [HandlerPart(i, stages=box.value()) for i, box in self.part_boxes.items()]
        return [HandlerPart(i, Decimal(box.value()) / 100) for i, box in self.part_boxes.items()]

    def save_basis(self) -> None:
        tier = self.region.currentData()
        stages = (self.stages_done.value(), self.stages_total.value()) if self._by_stages else None
        share = (
            (Decimal(self.share_percent.value()) / 100, self.share_reason.text())
            if self.share_given is not None and self.share_given.isChecked()
            else None
        )
        self._run(
            partial(
                subsidies.set_subsidy_basis,
                self._ctx,
                case_id=self._case_id,
                region_tier=RegionTier(tier) if tier else None,
                aided_persons=self.aided_persons.value(),
                days={item: box.value() for item, box in self.days.items()},
                stages=stages,
                share=share,
                joined_cases=self.joined_cases.value(),
                parts=self._parts(),
                expected_version=self._basis_version,
            )
        )

    def adjust(self) -> None:
        dialog = AdjustDialog(self.subsidy.computed if self.subsidy else None, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._run(
                partial(
                    subsidies.override_subsidy,
                    self._ctx,
                    case_id=self._case_id,
                    amount=dialog.amount.text(),
                    reason=dialog.reason.toPlainText(),
                )
            )

    def approve(self) -> None:
        self._run(partial(subsidies.review_subsidy, self._ctx, case_id=self._case_id))
