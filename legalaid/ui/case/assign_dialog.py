"""指派 / 更换承办人: the handler picker with caseload and qualifications."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.services.commands import assignment
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import DUE_TODAY, MUTED, RIGHT, Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.widgets import FieldError, date_edit, from_qdate, show_error
from legalaid.ui.work import operation


class AssignDialog(QDialog):
    NAME, TYPE, FIRM, LOAD, YEARS, MINORS, CHECK = range(7)

    def __init__(
        self,
        ctx: Context,
        *,
        case_id: int,
        case_no: str,
        version: int,
        has_handler: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self._version = version
        self.reassignment = has_handler
        self.warnings: tuple[str, ...] = ()
        self.setWindowTitle(
            self.tr("Change handler — {0}").format(case_no)
            if has_handler
            else self.tr("Assign a handler — {0}").format(case_no)
        )
        self.options = assignment.handler_options(ctx, case_id=case_id)
        yes = self.tr("Yes")
        self.model: RowsModel[assignment.HandlerOption] = RowsModel(
            [
                Column(self.tr("Handler"), lambda o: o.name),
                Column(self.tr("Type"), lambda o: o.handler_type),
                Column(self.tr("Firm"), lambda o: o.firm or ""),
                Column(self.tr("Open cases"), lambda o: str(o.open_cases), align=RIGHT),
                Column(self.tr("Criminal practice (years)"), lambda o: str(o.criminal_years),
                       align=RIGHT),
                Column(self.tr("Minors"), lambda o: yes if o.minors_expertise else ""),
                Column(self.tr("Qualification"), self._check, tip=self._check,
                       colour=lambda o: DUE_TODAY
                       if not o.refusals and (o.warnings or o.minors_gap) else None),
            ],
            colour=lambda o: MUTED if o.refusals else None,
        )  # fmt: skip
        self.model.set_rows(self.options)
        self.table = list_view(self.model)
        self.table.resizeColumnsToContents()
        suggestion = next(
            (i for i, o in enumerate(self.options) if o.qualified and not o.current), None
        )
        self.hint = QLabel()
        if suggestion is not None:
            self.table.selectRow(suggestion)
            self.hint.setText(
                self.tr("Suggested: {0}, the qualified handler with the fewest open cases.").format(
                    self.options[suggestion].name
                )
            )
        self.on_date = date_edit(ctx.today(), field="指派日期")
        self.reason = QLineEdit()
        self.reason_error = FieldError()
        # 未成年人案件: a handler without minors expertise only with a written reason.
        self.minors_reason = QLineEdit()
        self.minors_reason.setPlaceholderText(
            self.tr("Only if no lawyer familiar with minors can be assigned")
        )
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.on_date)
        if has_handler:
            form.addRow(self.tr("Reason for the change"), self.reason)
            form.addRow("", self.reason_error)
        if any(o.minors_gap for o in self.options):
            form.addRow(self.tr("Why no lawyer familiar with minors"), self.minors_reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def chosen(self) -> assignment.HandlerOption | None:
        option: assignment.HandlerOption | None = chosen_row(self.table)
        return option

    def _check(self, option: assignment.HandlerOption) -> str:
        """Why the handler may, may with a reason, or may not take the case."""
        if option.current:
            return self.tr("Current handler")
        return (
            "；".join(option.refusals)
            or (self.tr("Minors: only with a written reason") if option.minors_gap else "")
            or "；".join(option.warnings)
            or self.tr("Qualified")
        )

    def save(self) -> None:
        option = self.chosen()
        self.error.show_message(None)
        self.reason_error.show_message(None)
        if option is None:
            self.error.show_message(self.tr("Choose a handler first."))
            return
        if option.refusals:
            # The law's conditions are refused here already, with the reason (s.26).
            self.error.show_message("；".join(option.refusals))
            return
        if option.minors_gap and not self.minors_reason.text().strip():
            self.error.show_message(option.minors_gap)
            self.minors_reason.setFocus()
            return
        if option.warnings:
            answer = QMessageBox.question(
                self,
                self.tr("Please confirm"),
                "；".join(option.warnings) + "\n" + self.tr("Assign anyway?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            work = partial(
                assignment.assign_handler,
                self._ctx,
                case_id=self._case_id,
                handler_id=option.id,
                on=from_qdate(self.on_date.date()),
                reason=self.reason.text().strip() or None,
                minors_reason=self.minors_reason.text().strip() or None,
                expected_version=self._version,
            )
            result = operation.run(self, work, self.tr("Saving…"))
        except LegalAidError as exc:
            if getattr(exc, "field", None) == "更换原因":
                self.reason_error.show_message(exc.message)
            elif isinstance(exc, LegalAidError) and not hasattr(exc, "field"):
                show_error(self, exc, self.tr("Not assigned"))
            else:
                self.error.show_message(exc.message)
            return
        self.warnings = result.warnings
        self.accept()
