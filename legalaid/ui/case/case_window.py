"""One case in full: tabs for the case, the person, review and assignment, the timeline;
the next steps the law allows from its state as buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.closing_file import ChecklistItem, Enforcement, Hearing, Outcome
from legalaid.domain.deadlines import remaining_text
from legalaid.domain.documents import DocumentKind
from legalaid.domain.errors import ConflictError, LegalAidError, ValidationError
from legalaid.domain.holidays import ESTIMATED_NOTE
from legalaid.domain.lifecycle import PENDING_DECISION, Step
from legalaid.domain.permissions import STEP_ACTIONS, Action
from legalaid.domain.vocabulary import (
    AdvanceGround,
    QualityGrade,
    TerminationReason,
)
from legalaid.services.commands import assignment, closing, documents, intake
from legalaid.services.commands.escalations import EscalationView
from legalaid.services.plumbing.authz import allowed_actions
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseDetail, HandlerSpell, TimelineEntry, get_case
from legalaid.ui.case.assign_dialog import AssignDialog
from legalaid.ui.case.correction_dialog import CorrectionDialog
from legalaid.ui.case.escalation_tab import EscalationPanel
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.case.subsidy_tab import SubsidyPanel, SubsidyReading
from legalaid.ui.case.work_tab import (
    ClosingDialog,
    FollowUpPanel,
    FollowUpReading,
    WorkPanel,
    WorkReading,
)
from legalaid.ui.kit.models import Column, RowsModel, list_view
from legalaid.ui.kit.pdf_view import offer_print
from legalaid.ui.kit.widgets import FieldError, from_qdate, run_modal, show_error
from legalaid.ui.work import operation
from legalaid.ui.work.changes import NOTHING, Change, Changes

# A step that moves the case: its row, the clocks, caseloads (assignment, closing) and, at
# closing, the subsidy proposed.
STATE_STEP = Change.CASE | Change.DEADLINES | Change.HANDLERS | Change.SUBSIDIES
ESCALATION_STEP = Change.CASE | Change.ESCALATIONS | Change.DEADLINES  # the report's clock


class CaseDialog(QDialog):
    def __init__(self, ctx: Context, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self.changes = NOTHING  # what the window's steps touched, for the pages behind it
        self.tabs = QTabWidget()
        self.summary = QFormLayout()
        self.person = QFormLayout()
        self.review = QFormLayout()
        self.handler_spells: RowsModel[HandlerSpell] = RowsModel(
            [
                Column(self.tr("Handler"), lambda h: h.handler),
                Column(self.tr("From"), lambda h: h.assigned_on.isoformat()),
                Column(self.tr("Until"), lambda h: _day(h.ended_on)),
                Column(self.tr("Reason"), lambda h: h.reason or ""),
            ]
        )
        self.handlers = list_view(self.handler_spells)
        self.events: RowsModel[TimelineEntry] = RowsModel(
            [
                Column(self.tr("Time"), lambda e: e.at.strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("By"), lambda e: e.actor),
                Column(self.tr("What"), _event_action),
                Column(self.tr("Details"), _event_details, tip=lambda e: _event_details(e) or None),
            ]
        )
        self.timeline = list_view(self.events)
        for layout, title in (
            (self.summary, self.tr("Case")),
            (self.person, self.tr("Aided person")),
        ):
            page = QWidget()
            page.setLayout(layout)
            self.tabs.addTab(page, title)
        review_page = QWidget()
        review_layout = QVBoxLayout(review_page)
        review_layout.addLayout(self.review)
        review_layout.addWidget(QLabel(self.tr("Handlers")))
        review_layout.addWidget(self.handlers)
        self.tabs.addTab(review_page, self.tr("Review and assignment"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.subsidy_panel = SubsidyPanel(
            ctx, case_id, lambda step: self._run(step, Change.CASE | Change.SUBSIDIES)
        )
        self.subsidy_tab = self.tabs.addTab(self.subsidy_panel, self.tr("Subsidy"))
        self.escalation_panel = EscalationPanel(
            ctx, case_id, lambda step: self._run(step, ESCALATION_STEP)
        )
        self.escalation_tab = self.tabs.addTab(self.escalation_panel, self.tr("Major or difficult"))
        self.work_panel = WorkPanel(ctx, case_id, self._run_noting_case, self._dialog_noting_case)
        self.work_tab = self.tabs.addTab(self.work_panel, self.tr("Work and documents"))
        self.follow_panel = FollowUpPanel(
            ctx, case_id, self._run_noting_case, self._dialog_noting_case
        )
        self.follow_tab = self.tabs.addTab(self.follow_panel, self.tr("Closing and follow-up"))

        self.step_row = QHBoxLayout()
        self.buttons: dict[Step, QPushButton] = {}
        steps: list[tuple[Step, str, Callable[[], None]]] = [
            (Step.REVIEW, self.tr("Start review"), self.start_review),
            (Step.MATERIALS, self.tr("Request materials…"), self.request_materials),
            (Step.RECEIVED, self.tr("Materials received"), self.materials_received),
            (Step.GRANT, self.tr("Grant aid…"), self.grant),
            (Step.REJECT, self.tr("Refuse aid…"), self.refuse),
            (Step.OBJECTION, self.tr("Objection…"), self.objection),
            (
                Step.OBJECTION_RESULT,
                self.tr("Bureau's decision on the objection…"),
                self.objection_result,
            ),
            (Step.ADVANCE, self.tr("Aid in advance…"), self.provide_in_advance),
            (Step.ASSIGN, self.tr("Assign handler…"), self.assign),
            (Step.ENGAGE, self.tr("Agreement signed"), self.engage),
            (Step.PAUSE, self.tr("Agreement delayed…"), self.pause_agreement),
            (Step.TERMINATE, self.tr("Terminate aid…"), self.terminate),
            (Step.WITHDRAW, self.tr("Withdrawn…"), self.withdraw),
            (Step.SUBMIT, self.tr("Submit closing file…"), self.submit_closing),
            (Step.APPROVE, self.tr("Approve closing"), self.approve_closing),
            (Step.RETURN, self.tr("Return closing file…"), self.return_closing),
            (Step.ARCHIVE, self.tr("Archive"), self.archive),
        ]
        for step, label, handler in steps:
            button = QPushButton(label)
            button.clicked.connect(handler)
            self.buttons[step] = button
            self.step_row.addWidget(button)
        self.step_row.addStretch()
        # 更正: registered facts corrected by a clerk, with a reason (audited).
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setToolTip(self.tr("Correct the registered facts, with a reason"))
        self.correct_button.clicked.connect(self.correct_facts)
        self.step_row.addWidget(self.correct_button)
        self.documents = QToolButton()
        self.documents.setText(self.tr("Documents"))
        self.documents.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.documents.setMenu(QMenu(self.documents))
        self.step_row.addWidget(self.documents)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        outer.addLayout(self.step_row)
        outer.addWidget(close)
        self.resize(1000, 620)
        self._opened = False
        self.reload()

    # -- showing ----------------------------------------------------------------------------
    def reload(self) -> None:
        # The window's opening is the audited look; its redraws after each step are not.
        opening = not self._opened
        reading = operation.run(self, lambda: self._read(opening), self.tr("Reading the case…"))
        self._opened = True
        self.detail = reading.detail
        self.allowed = reading.allowed
        d: CaseDetail = self.detail
        row = d.row
        self.setWindowTitle(f"{row.case_no}　{row.name}")
        deadline = ""
        if d.deadline is not None:
            deadline = self.tr("{0}: due {1} ({2}; period {3})").format(
                d.deadline.kind.value,
                d.deadline.due.isoformat(),
                remaining_text(d.deadline, self._ctx.today(), self._ctx.calendar),
                d.deadline.rule.text,
            )
            if d.deadline.estimated:
                deadline += "　" + ESTIMATED_NOTE
        if d.objection is not None:
            filed, ground = d.objection
            deadline = (deadline + "\n" if deadline else "") + self.tr(
                "Objection filed on {0}: {1}"
            ).format(filed.isoformat(), ground)
        elif d.advance is not None and row.state in PENDING_DECISION:
            since, ground = d.advance
            deadline = (deadline + "\n" if deadline else "") + self.tr(
                "Aid given in advance since {0} ({1}); the decision is still due"
            ).format(since.isoformat(), ground)
        elif d.agreement_paused is not None:
            since, reason = d.agreement_paused
            deadline = self.tr(
                "Agreement: clock stopped since {0} ({1}) until it is signed"
            ).format(since.isoformat(), reason)
        self._fill(
            self.summary,
            [
                (self.tr("Case number"), row.case_no),
                (
                    self.tr("Office"),
                    f"{d.office_name}（{row.office}）" if d.office_name else row.office,
                ),
                (self.tr("State"), row.state.value),
                (self.tr("Deadline"), deadline or "—"),
                (self.tr("Source"), row.source),
                *(
                    [
                        (self.tr("Notifying organ"), d.notification[0] or "—"),
                        (self.tr("Ground of the notification"), d.notification[1] or "—"),
                        (self.tr("Organ's case number"), d.notification[2] or "—"),
                        (self.tr("Place of detention"), d.notification[3] or "—"),
                    ]
                    if d.notification is not None
                    else []
                ),
                *(
                    [(self.tr("Organ handling the case"), d.handling_organ)]
                    if d.handling_organ
                    else []
                ),
                (self.tr("Handler"), d.handler_detail or "—"),
                (self.tr("Case type"), row.case_type),
                (self.tr("Stage"), row.stage or "—"),
                (self.tr("Cause"), row.cause or "—"),
                (self.tr("Matter (s.31)"), d.matter_category or "—"),
                *(
                    [
                        (
                            self.tr("Representative"),
                            self.tr("{0} {1} ({2}) {3}").format(*d.representative).strip(),
                        )
                    ]
                    if d.representative is not None
                    else []
                ),
                (self.tr("Received on"), row.applied_on.isoformat()),
                *([(self.tr("Economic hardship"), d.hardship_basis)] if d.hardship_basis else []),
                *(
                    [
                        (
                            self.tr("Aid in advance (s.44)"),
                            f"{d.advance[0].isoformat()}　{d.advance[1]}",
                        )
                    ]
                    if d.advance is not None
                    else []
                ),
                (self.tr("Aid granted / accepted on"), _day(row.accepted_on)),
                (self.tr("Assigned on"), _day(d.assigned_on)),
                (self.tr("Case ended on"), _day(d.ended_on)),
                (self.tr("Closed on"), _day(d.closed_on)),
                (
                    self.tr("Cross-region"),
                    d.region_tier or (self.tr("Yes") if d.cross_region else self.tr("No")),
                ),
                (self.tr("Aided persons (incl. joined cases)"), str(d.aided_persons)),
                (
                    self.tr("Major or difficult"),
                    (self.tr("Yes") if d.major_difficult else self.tr("No"))
                    + (f"（{d.escalation}）" if d.escalation else ""),
                ),
                (
                    self.tr("Possible life or death sentence"),
                    self.tr("Yes") if d.possible_life_or_death else self.tr("No"),
                ),
                (self.tr("Summary"), d.summary or "—"),
            ],
        )
        self._fill(
            self.person,
            [
                (self.tr("Name"), row.name),
                (self.tr("ID number"), row.id_number or "—"),
                (self.tr("Gender"), d.person_gender or "—"),
                (self.tr("Born"), _day(d.person_birth_date)),
                (self.tr("Phone"), d.person_phone or "—"),
                (self.tr("Address"), d.person_address or "—"),
                (self.tr("Groups"), "、".join(d.groups) or "—"),
            ],
        )
        self._fill(
            self.review,
            [
                (self.tr("Decision reason"), d.decision_reason or "—"),
                (self.tr("Materials requested"), d.missing_materials or "—"),
                (self.tr("Current handler"), row.handler or "—"),
            ],
        )
        self.handler_spells.set_rows(d.handlers)
        self.events.set_rows(d.timeline)
        self.timeline.resizeColumnsToContents()
        self._enable_steps()
        self._show_subsidy(reading.subsidy)
        self.escalation_panel.show_case(reading.escalation, allowed=self.allowed)
        self.work_panel.show_case(reading.work, has_handler=bool(row.handler), allowed=self.allowed)
        self.follow_panel.show_case(reading.follow_ups, allowed=self.allowed)
        self.correct_button.setVisible(self._may(Action.REGISTER))
        self.documents.setVisible(self._may(Action.PRINT))
        menu = self.documents.menu()
        menu.clear()
        kinds = reading.documents
        if all(kind in kinds for kind in documents.ASSIGNMENT_BUNDLE):
            # One assignment's papers in one PDF: 指派通知书, 公函, 授权委托书.
            menu.addAction(self.tr("Assignment papers (notice, letter, power of attorney)"),
                           self.print_bundle)  # fmt: skip
            menu.addSeparator()
        # Grouped as the work goes: application and review; assignment and handling;
        # change, termination and closing.
        for title, group in (
            (self.tr("Application and review"), documents.APPLICATION_PAPERS),
            (self.tr("Assignment and handling"), documents.HANDLING_PAPERS),
            (self.tr("Change, termination and closing"), documents.ENDING_PAPERS),
        ):
            chosen = [kind for kind in kinds if kind in group]
            if not chosen:
                continue
            submenu = menu.addMenu(title)
            for kind in chosen:
                submenu.addAction(kind.heading if kind.heading == kind.value
                                  else f"{kind.value}（{kind.heading}）",
                                  lambda k=kind: self.print_document(k))  # fmt: skip

    def _read(self, opening: bool) -> CaseReading:
        """Everything the window shows, read on the database worker (no widgets here)."""
        detail = get_case(self._ctx, self._case_id, opening=opening)
        return CaseReading(
            detail,
            allowed_actions(self._ctx, case_id=self._case_id),
            documents.documents_for(self._ctx, case_id=self._case_id),
            self.work_panel.read(),
            self.follow_panel.read(),
            self.escalation_panel.read(),
            self.subsidy_panel.read() if detail.row.handler else None,
        )

    def _fill(self, form: QFormLayout, rows: list[tuple[str, str]]) -> None:
        while form.rowCount():
            form.removeRow(0)
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            form.addRow(label, text)

    def _enable_steps(self) -> None:
        """Offer the steps the law allows now (domain.lifecycle) to those who may take them."""
        allowed = self.detail.steps
        for step, button in self.buttons.items():
            button.setVisible(step in allowed and self._may(STEP_ACTIONS[step]))
        self.buttons[Step.ASSIGN].setText(
            self.tr("Change handler…") if self.detail.row.handler else self.tr("Assign handler…")
        )

    # -- subsidy ----------------------------------------------------------------------------
    def _show_subsidy(self, reading: SubsidyReading | None) -> None:
        self.tabs.setTabVisible(self.subsidy_tab, reading is not None)
        if reading is not None:
            self.subsidy_panel.show_case(reading, allowed=self.allowed)

    # -- documents --------------------------------------------------------------------------
    def print_document(self, kind: DocumentKind) -> None:
        """Save the document as PDF, then print it if the clerk wants to."""
        suggested = str(Path.home() / f"{self.detail.row.case_no}-{kind.value}.pdf")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not name:
            return
        if self.save_document(kind, Path(name)):
            offer_print(self, Path(name), kind.value)

    def save_document(self, kind: DocumentKind, path: Path, addressee: str | None = None) -> bool:
        return self._save(lambda to: documents.write_document(
            self._ctx, case_id=self._case_id, kind=kind, out=path, addressee=to
        ), addressee)  # fmt: skip

    def print_bundle(self) -> None:
        suggested = str(Path.home() / f"{self.detail.row.case_no}-指派文书.pdf")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), suggested, self.tr("PDF files (*.pdf)")
        )
        if name and self.save_bundle(Path(name)):
            offer_print(self, Path(name), self.tr("Assignment papers"))

    def save_bundle(self, path: Path, addressee: str | None = None) -> bool:
        return self._save(lambda to: documents.write_documents(
            self._ctx, case_id=self._case_id, kinds=documents.ASSIGNMENT_BUNDLE, out=path,
            addressee=to,
        ), addressee)  # fmt: skip

    def _save(self, write: Callable[[str | None], object], addressee: str | None) -> bool:
        """Write; a letter with no organ on file asks for it (a civil case's court) once."""
        while True:
            try:
                operation.run(self, partial(write, addressee), self.tr("Writing the document…"))
            except ValidationError as exc:
                if exc.field != "受理机关":
                    show_error(self, exc, self.tr("Not done"))
                    return False
                addressee, ok = QInputDialog.getText(
                    self, self.tr("Addressee of the letter"), exc.message
                )
                if not ok or not addressee.strip():
                    return False
                continue
            except LegalAidError as exc:
                show_error(self, exc, self.tr("Not done"))
                return False
            self.reload()
            return True

    # -- steps ------------------------------------------------------------------------------
    @property
    def changed(self) -> bool:
        return bool(self.changes.what)

    def _note(self, what: Change) -> None:
        self.changes |= Changes(what, frozenset({self._case_id}))

    def _run(self, step: Callable[[], object], what: Change = STATE_STEP) -> bool:
        """Take ``step`` on the database worker (it must not touch widgets), then redraw."""
        try:
            operation.run(self, step)
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not done"))
            return False
        self._note(what)
        self.reload()
        return True

    def _run_noting_case(self, step: Callable[[], object]) -> bool:
        return self._run(step, Change.CASE)  # work, files, follow-ups: the case alone

    def _dialog_noting_case(
        self, dialog: QDialog, prepare: Callable[[], Callable[[], object]]
    ) -> bool:
        return self.run_dialog(dialog, prepare, Change.CASE)

    def _step(
        self,
        title: str,
        reason_label: str | None = None,
        choices: list[str] | None = None,
        *,
        then: Callable[[StepDialog], Callable[[], object]],
    ) -> bool:
        """Ask date and reason for a step, then take it with what was typed (``then`` reads
        the dialog and returns the step to take)."""
        dialog = StepDialog(
            title, reason_label=reason_label, choices=choices, today=self._ctx.today(), parent=self
        )
        return self.run_dialog(dialog, lambda: then(dialog))

    def run_dialog(
        self,
        dialog: QDialog,
        prepare: Callable[[], Callable[[], object]],
        what: Change = STATE_STEP,
    ) -> bool:
        """Take the step ``prepare`` makes of what ``dialog`` holds (read on the GUI thread,
        taken on the database worker). A refusal (a reason missing, a date out of order, the
        case changed meanwhile) shows the dialog again with the reason and everything typed
        in it, until the step is taken or the dialog cancelled."""
        try:
            while dialog.exec() == QDialog.DialogCode.Accepted:
                try:
                    operation.run(dialog, prepare())
                except LegalAidError as exc:
                    if isinstance(exc, ConflictError):
                        self.reload()  # the case as it is now, for the step to be judged on
                    error = getattr(dialog, "error", None)
                    if isinstance(error, FieldError):
                        error.show_message(exc.message)
                    else:
                        show_error(dialog, exc, self.tr("Not done"))
                    continue
                self._note(what)
                self.reload()
                return True
            return False
        finally:
            dialog.deleteLater()

    @property
    def _version(self) -> int:
        return self.detail.version

    def start_review(self) -> None:
        self._run(
            partial(
                intake.start_review,
                self._ctx,
                case_id=self._case_id,
                expected_version=self._version,
            )
        )

    def request_materials(self) -> None:
        self._step(
            self.tr("Request materials"),
            self.tr("Missing (one per line)"),
            then=lambda step: partial(
                intake.request_materials,
                self._ctx,
                case_id=self._case_id,
                missing=step.text.splitlines(),
                on=step.day,
                expected_version=self._version,
            ),
        )

    def materials_received(self) -> None:
        self._step(
            self.tr("Materials received"),
            then=lambda step: partial(
                intake.receive_materials,
                self._ctx,
                case_id=self._case_id,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def grant(self) -> None:
        self._decide(grant=True, title=self.tr("Grant legal aid"), label=self.tr("Notes"))

    def refuse(self) -> None:
        self._decide(
            grant=False, title=self.tr("Refuse legal aid"), label=self.tr("Reasons (written, s.38)")
        )

    def _decide(self, *, grant: bool, title: str, label: str) -> None:
        self._step(
            title,
            label,
            then=lambda step: partial(
                intake.decide,
                self._ctx,
                case_id=self._case_id,
                grant=grant,
                reason=step.text,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def objection(self) -> None:
        self._step(
            self.tr("Objection to the decision (法律援助法 s.49)"),
            self.tr("Ground of the objection"),
            then=lambda step: partial(
                intake.file_objection,
                self._ctx,
                case_id=self._case_id,
                ground=step.text,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def objection_result(self) -> None:
        upheld, rejected = self.tr("Upheld"), self.tr("Not upheld: the decision stands")
        self._step(
            self.tr("The justice bureau's decision on the objection"),
            self.tr("Note"),
            choices=[upheld, rejected],
            then=lambda step: partial(
                intake.decide_objection,
                self._ctx,
                case_id=self._case_id,
                upheld=step.choice.currentText() == upheld,
                note=step.text,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def provide_in_advance(self) -> None:
        self._step(
            self.tr("Aid in advance, before the decision (法律援助法 s.44)"),
            self.tr("Note (e.g. the day the limitation period ends)"),
            choices=[g.value for g in AdvanceGround],
            then=lambda step: partial(
                intake.provide_in_advance,
                self._ctx,
                case_id=self._case_id,
                ground=AdvanceGround(step.choice.currentText()),
                note=step.text,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def assign(self) -> None:
        dialog = AssignDialog(
            self._ctx,
            case_id=self._case_id,
            case_no=self.detail.row.case_no,
            version=self._version,
            has_handler=bool(self.detail.row.handler),
            parent=self,
        )
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._note(STATE_STEP)
            self.reload()

    def engage(self) -> None:
        self._step(
            self.tr("Agreement and power of attorney signed"),
            then=lambda step: partial(
                assignment.start_handling,
                self._ctx,
                case_id=self._case_id,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def pause_agreement(self) -> None:
        self._step(
            self.tr("Agreement cannot be signed in time (程序规定 s.27)"),
            self.tr("Reason (the aided person's, or another objective one)"),
            then=lambda step: partial(
                assignment.pause_agreement,
                self._ctx,
                case_id=self._case_id,
                reason=step.text,
                on=step.day,
                expected_version=self._version,
            ),
        )

    def terminate(self) -> None:
        reasons = [r.value for r in TerminationReason]
        self._step(
            self.tr("Terminate legal aid (s.48)"),
            choices=reasons,
            then=lambda step: partial(
                closing.terminate,
                self._ctx,
                case_id=self._case_id,
                reason=TerminationReason(step.choice.currentData()),
                on=step.day,
                expected_version=self._version,
            ),
        )

    def correct_facts(self) -> None:
        dialog = CorrectionDialog(self._ctx, self._case_id, parent=self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._note(Change.CASE | Change.DEADLINES)
            self.reload()

    def _may(self, action: Action) -> bool:
        return action in self.allowed  # as read with the case (services.authz)

    def submit_closing(self) -> None:
        items, outcome, filed, held, heard = operation.run(self, self._read_closing)
        # Ticked already: what was filed before, and what the application itself holds.
        filed = [*filed, *(item for item in held if item not in filed)]
        dialog = ClosingDialog(items, filed, outcome, self._ctx.today(), self, heard=heard)
        self.run_dialog(
            dialog,
            lambda: partial(
                self._submit,
                from_qdate(dialog.ended_on.date()),
                Outcome(dialog.outcome.currentData()),
                dialog.filed(),
                dialog.recovered_amount(),
                dialog.heard(),
            ),
        )

    def _read_closing(
        self,
    ) -> tuple[
        tuple[ChecklistItem, ...],
        Outcome | None,
        list[str],
        list[str],
        tuple[Hearing | None, Enforcement | None],
    ]:
        """What the closing checklist opens with, read on the database worker."""
        ctx, case_id = self._ctx, self._case_id
        outcome, filed = closing.filed_items(ctx, case_id=case_id)
        return (
            closing.closing_checklist(ctx, case_id=case_id),
            outcome,
            filed,
            closing.held_items(ctx, case_id=case_id),
            closing.hearing_and_enforcement(ctx, case_id=case_id),
        )

    def submit_file(
        self, ended_on: date, outcome: Outcome, items: list[str], recovered: Decimal | None = None,
        heard: tuple[Hearing | None, Enforcement | None] = (None, None),
    ) -> bool:  # fmt: skip
        return self._run(partial(self._submit, ended_on, outcome, items, recovered, heard))

    def _submit(
        self, ended_on: date, outcome: Outcome, items: list[str], recovered: Decimal | None,
        heard: tuple[Hearing | None, Enforcement | None] = (None, None),
    ) -> None:  # fmt: skip
        closing.submit_closing(
            self._ctx,
            case_id=self._case_id,
            ended_on=ended_on,
            outcome=outcome,
            items=items,
            recovered_amount=recovered,
            hearing=heard[0],
            enforcement=heard[1],
            expected_version=self._version,
        )

    def approve_closing(self) -> None:
        """The review closes the case and grades it (质量等级, recorded with the reviewer)."""
        self._step(
            self.tr("Approve closing — quality of the case"),
            choices=[grade.value for grade in QualityGrade],
            then=lambda step: partial(
                closing.approve_closing, self._ctx, case_id=self._case_id, on=step.day,
                quality_grade=QualityGrade(step.choice.currentData()),
                expected_version=self._version,
            ),
        )  # fmt: skip

    def return_closing(self) -> None:
        self._step(
            self.tr("Return the closing file"),
            self.tr("What is missing or wrong"),
            then=lambda step: partial(
                closing.return_closing,
                self._ctx,
                case_id=self._case_id,
                reason=step.text,
                expected_version=self._version,
            ),
        )

    def archive(self) -> None:
        self._run(
            partial(
                closing.archive, self._ctx, case_id=self._case_id, expected_version=self._version
            )
        )

    def withdraw(self) -> None:
        self._step(
            self.tr("Application withdrawn"),
            self.tr("Reason"),
            then=lambda step: partial(
                intake.withdraw,
                self._ctx,
                case_id=self._case_id,
                reason=step.text,
                expected_version=self._version,
            ),
        )


@dataclass(frozen=True)
class CaseReading:
    """One reading of everything the case window shows (one trip to the database worker)."""

    detail: CaseDetail
    allowed: frozenset[Action]
    documents: list[DocumentKind]
    work: WorkReading
    follow_ups: FollowUpReading
    escalation: EscalationView | None
    subsidy: SubsidyReading | None  # a case with a handler only


def _event_action(entry: TimelineEntry) -> str:
    move = f"（{entry.from_state or ''}→{entry.to_state}）" if entry.to_state else ""
    return entry.action + move


def _event_details(entry: TimelineEntry) -> str:
    return "；".join(
        f"{k}：{'、'.join(v) if isinstance(v, list) else v}" for k, v in entry.detail.items()
    )


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"
