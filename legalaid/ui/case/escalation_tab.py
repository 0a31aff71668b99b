"""The case window's 重大疑难 tab: why the case is (or may be) major or difficult, the
decision, the collective discussions with their minutes, the report upward and the reply."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.deadlines import remaining_text
from legalaid.domain.errors import LegalAidError, ValidationError
from legalaid.domain.escalation import (
    BY_HAND,
    Criterion,
    EscalationState,
    Meeting,
    allowed_steps,
    split_names,
)
from legalaid.domain.permissions import Action
from legalaid.services.commands import escalations
from legalaid.services.commands.accounts import colleague_names
from legalaid.services.commands.attachments import save_attachment
from legalaid.services.commands.offices import list_handlers
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import escalation_papers
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.kit.models import Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.pdf_view import offer_print
from legalaid.ui.kit.widgets import (
    FieldError,
    date_edit,
    form_dialog,
    from_qdate,
    run_modal,
    show_error,
)
from legalaid.ui.work import operation

Run = Callable[[Callable[[], object]], bool]
E = EscalationState


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    return box


class MeetingDialog(QDialog):
    """One collective discussion: handlers ticked from the list, other names typed."""

    def __init__(self, ctx: Context, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Collective discussion"))
        self.held_on = date_edit(today, field="讨论日期")
        self.chair = QComboBox()
        self.chair.setEditable(True)
        self.people = QListWidget()
        self.people.setFixedHeight(110)
        # Colleagues with an account (the director chairs), then the handlers.
        names = colleague_names(ctx)
        handlers = [h.name for h in list_handlers(ctx, active_only=True, with_caseload=False)]
        for name in dict.fromkeys([*names, *handlers]):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
            self.chair.addItem(name)
        self.chair.setCurrentText("")
        self.others = QLineEdit()
        self.others.setPlaceholderText(self.tr("Other participants, separated by 、"))
        self.opinions = _text_box(90)
        self.plan = _text_box()
        self.minutes = QLineEdit()
        self.minutes.setPlaceholderText(self.tr("optional: the signed minutes, scanned"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes, 1)
        minutes_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Held on"), self.held_on)
        form.addRow(self.tr("Chair"), self.chair)
        form.addRow(self.tr("Participants"), self.people)
        form.addRow("", self.others)
        form.addRow(self.tr("Opinions"), self.opinions)
        form.addRow(self.tr("Agreed handling plan"), self.plan)
        form.addRow(self.tr("Signed minutes"), minutes_row)
        self.error = FieldError()
        form_dialog(self, form, self.error)
        self.resize(560, self.sizeHint().height())

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signed minutes"), "", self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif)")
        )
        if name:
            self.minutes.setText(name)

    def meeting(self) -> Meeting:
        ticked = [
            self.people.item(i).text()
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]
        chair = self.chair.currentText().strip()
        names = tuple(dict.fromkeys([chair, *ticked, *split_names(self.others.text())]))
        return Meeting(
            chair=chair,
            participants=tuple(n for n in names if n),
            opinions=self.opinions.toPlainText(),
            plan=self.plan.toPlainText(),
        )

    @property
    def day(self) -> date:
        return from_qdate(self.held_on.date())

    @property
    def minutes_path(self) -> Path | None:
        return Path(self.minutes.text().strip()) if self.minutes.text().strip() else None


class ReportDialog(QDialog):
    """The report to the supervising authority, or (reply=True) the authority's reply."""

    def __init__(self, today: date, *, reply: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reply = reply
        self.setWindowTitle(self.tr("Authority's reply") if reply else self.tr("Report upward"))
        self.on_date = date_edit(today)
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(self.tr("e.g. 株洲市司法局"))
        self.reference = QLineEdit()
        self.content = _text_box(110)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.on_date)
        if not reply:
            form.addRow(self.tr("Authority"), self.authority)
            form.addRow(self.tr("Reference number"), self.reference)
        form.addRow(self.tr("Reply") if reply else self.tr("Content"), self.content)
        self.error = FieldError()
        form_dialog(self, form, self.error)
        self.resize(520, self.sizeHint().height())

    @property
    def day(self) -> date:
        return from_qdate(self.on_date.date())


# The panel's buttons for the register's steps (domain.escalation.STEPS).
REGISTER_STEPS = {"confirm": "确认", "dismiss": "排除", "discuss": "集体讨论", "report": "上报",
                  "reply": "批复"}  # fmt: skip


class EscalationPanel(QWidget):
    def __init__(self, ctx: Context, case_id: int, run: Run) -> None:
        super().__init__()
        self._ctx = ctx
        self._case_id = case_id
        self._run = run
        self.view: escalations.EscalationView | None = None
        self._allowed: frozenset[Action] = frozenset()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        not_attached = self.tr("(not attached)")
        self.meeting_rows: RowsModel[escalations.MeetingView] = RowsModel(
            [
                Column(self.tr("Held on"), lambda m: m.held_on.isoformat()),
                Column(self.tr("Chair"), lambda m: m.chair),
                Column(self.tr("Participants"), lambda m: "、".join(m.participants)),
                Column(self.tr("Agreed handling plan"), lambda m: m.plan, tip=lambda m: m.plan),
                Column(self.tr("Signed minutes"), lambda m: m.minutes_name or not_attached),
            ]
        )
        self.meetings = list_view(self.meeting_rows, stretch_last=False)
        self.meetings.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.meetings.selectionModel().selectionChanged.connect(lambda *_: self._meeting_buttons())
        self.report_text = QLabel()
        self.report_text.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        steps: list[tuple[str, str, Callable[[], None]]] = [
            ("flag", self.tr("Flag as major or difficult…"), self.flag),
            ("confirm", self.tr("Confirm…"), lambda: self.decide(confirm=True)),
            ("dismiss", self.tr("Dismiss…"), lambda: self.decide(confirm=False)),
            ("discuss", self.tr("Record a discussion…"), self.discuss),
            ("report", self.tr("Report upward…"), self.report),
            ("reply", self.tr("Record the reply…"), self.reply),
            ("report_form", self.tr("Print report form…"), self.print_report_form),
        ]
        step_row = QHBoxLayout()
        for key, label, handler in steps:
            button = QPushButton(label)
            button.clicked.connect(handler)
            self.buttons[key] = button
            step_row.addWidget(button)
        step_row.addStretch()
        self.print_minutes = QPushButton(self.tr("Print minutes form…"))
        self.attach = QPushButton(self.tr("Attach signed minutes…"))
        self.open_minutes = QPushButton(self.tr("Open signed minutes"))
        self.print_minutes.clicked.connect(self._ask_print_minutes)
        self.attach.clicked.connect(self._ask_attach)
        self.open_minutes.clicked.connect(self.show_minutes)
        meeting_row = QHBoxLayout()
        meeting_row.addStretch()
        for button in (self.print_minutes, self.attach, self.open_minutes):
            meeting_row.addWidget(button)
        box = QGroupBox(self.tr("Collective discussions"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.meetings)
        box_layout.addLayout(meeting_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(step_row)
        layout.addWidget(box, 1)
        layout.addWidget(self.report_text)

    # -- showing ------------------------------------------------------------------------------
    def read(self) -> escalations.EscalationView | None:
        """What the tab shows (on the database worker: no widgets here)."""
        return escalations.escalation_of(self._ctx, self._case_id)

    def show_case(
        self, view: escalations.EscalationView | None, *, allowed: frozenset[Action]
    ) -> None:
        self._allowed = allowed
        self.view = view
        v = self.view
        state = v.state if v else None
        if v is None:
            self.status.setText(self.tr("Not a major or difficult case. Flag it by hand if it is."))
        else:
            lines = [
                self.tr("State: {0} · flagged on {1} by {2}").format(
                    v.state.value, v.flagged_on.isoformat(), v.flagged_by
                ),
                self.tr("Reasons: {0}").format("；".join(v.reasons)),
            ]
            on, by, note = v.decided
            if on is not None:
                lines.append(self.tr("Decided on {0} by {1}: {2}").format(on.isoformat(), by, note))
            if v.report_deadline is not None:
                left = remaining_text(v.report_deadline, self._ctx.today(), self._ctx.calendar)
                lines.append(
                    self.tr("Report due on {0} ({1})").format(
                        v.report_deadline.due.isoformat(), left
                    )
                )
            self.status.setText("\n".join(lines))
        meetings = v.meetings if v else ()
        self.meeting_rows.set_rows(meetings)
        self.meetings.resizeColumnToContents(0)
        self.meetings.resizeColumnToContents(1)
        self.report_text.setText(self._report_text(v))
        steps = allowed_steps(state)
        enabled = {
            "flag": state is None or state is not E.REPLIED,
            # The register's own steps, as domain.escalation allows them from this state.
            **{key: name in steps for key, name in REGISTER_STEPS.items()},
            "report_form": state in (E.REPORTED, E.REPLIED),
        }
        for key, button in self.buttons.items():
            action = {"flag": Action.FLAG_MAJOR, "report_form": Action.PRINT}.get(
                key, Action.ESCALATE
            )
            button.setVisible(enabled[key] and action in allowed)
        self._meeting_buttons()

    def _report_text(self, v: escalations.EscalationView | None) -> str:
        on, authority, number, content = v.reported if v else (None,) * 4
        if v is None or on is None:
            return ""
        text = self.tr("Reported on {0} to {1} ({2}): {3}").format(
            on.isoformat(), authority, number or self.tr("no reference number"), content
        )
        replied_on, reply = v.replied
        if replied_on is not None:
            text += "\n" + self.tr("Reply of {0}: {1}").format(replied_on.isoformat(), reply)
        return text

    def _meeting(self) -> escalations.MeetingView | None:
        meeting: escalations.MeetingView | None = chosen_row(self.meetings)
        return meeting

    def _meeting_buttons(self) -> None:
        meeting = self._meeting()
        self.print_minutes.setEnabled(meeting is not None and Action.PRINT in self._allowed)
        self.attach.setEnabled(meeting is not None and Action.ESCALATE in self._allowed)
        self.open_minutes.setEnabled(meeting is not None and meeting.minutes_id is not None)

    # -- steps --------------------------------------------------------------------------------
    def _step(self, title: str, note: str | None, choices: list[str] | None = None) -> StepDialog:
        return StepDialog(
            title, reason_label=note, choices=choices, today=self._ctx.today(), parent=self
        )

    def flag(self) -> None:
        dialog = self._step(
            self.tr("Flag as major or difficult"), self.tr("Note"), [c.value for c in BY_HAND]
        )
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._run(
                partial(
                    escalations.flag_case,
                    self._ctx,
                    case_id=self._case_id,
                    criterion=Criterion(dialog.choice.currentData()),
                    note=dialog.text,
                )
            )

    def decide(self, *, confirm: bool) -> None:
        title = self.tr("Confirm as major or difficult") if confirm else self.tr("Dismiss")
        dialog = self._step(title, self.tr("Reason"))
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._run(
                partial(
                    escalations.decide,
                    self._ctx,
                    case_id=self._case_id,
                    confirm=confirm,
                    note=dialog.text,
                    on=dialog.day,
                )
            )

    def discuss(self) -> None:
        dialog = MeetingDialog(self._ctx, self._ctx.today(), self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._run(
                partial(
                    escalations.add_meeting,
                    self._ctx,
                    case_id=self._case_id,
                    held_on=dialog.day,
                    meeting=dialog.meeting(),
                    minutes=dialog.minutes_path,
                )
            )

    def report(self) -> None:
        dialog = ReportDialog(self._ctx.today(), reply=False, parent=self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._run(
                partial(
                    escalations.report,
                    self._ctx,
                    case_id=self._case_id,
                    reported_on=dialog.day,
                    authority=dialog.authority.text(),
                    reference_no=dialog.reference.text(),
                    content=dialog.content.toPlainText(),
                )
            )

    def reply(self) -> None:
        dialog = ReportDialog(self._ctx.today(), reply=True, parent=self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self._run(
                partial(
                    escalations.record_reply,
                    self._ctx,
                    case_id=self._case_id,
                    replied_on=dialog.day,
                    reply=dialog.content.toPlainText(),
                )
            )

    # -- papers -------------------------------------------------------------------------------
    def _save_as(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), str(Path.home() / suggested),
            self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        return Path(name) if name else None

    def save_minutes(self, out: Path) -> bool:
        meeting = self._meeting()
        if meeting is None:
            return False
        return self._paper(
            lambda: escalation_papers.write_minutes(
                self._ctx, case_id=self._case_id, meeting_id=meeting.id, out=out
            ),
            out,
        )

    def save_report_form(self, out: Path) -> bool:
        return self._paper(
            lambda: escalation_papers.write_report_form(self._ctx, case_id=self._case_id, out=out),
            out,
        )

    def _paper(self, write: Callable[[], None], out: Path) -> bool:
        try:
            write()
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not saved"))
            return False
        except OSError as exc:
            show_error(self, ValidationError(str(exc)), self.tr("Not saved"))
            return False
        return True

    def _ask_print_minutes(self) -> None:
        out = self._save_as("集体讨论记录.pdf")
        if out and self.save_minutes(out):
            offer_print(self, out, self.tr("Minutes of the collective discussion"))

    def print_report_form(self) -> None:
        out = self._save_as("重大疑难案件报告表.pdf")
        if out and self.save_report_form(out):
            offer_print(self, out, self.tr("Report form"))

    def attach_minutes(self, path: Path) -> bool:
        meeting = self._meeting()
        if meeting is None:
            return False
        return self._run(
            partial(escalations.attach_minutes, self._ctx, meeting_id=meeting.id, path=path)
        )

    def _ask_attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signed minutes"), "", self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif)")
        )
        if name:
            self.attach_minutes(Path(name))

    def show_minutes(self) -> None:
        """Open the attached file with the system's viewer (a copy in the temporary folder)."""
        meeting = self._meeting()
        if meeting is None or meeting.minutes_id is None:
            return
        try:
            work = partial(save_attachment, self._ctx, meeting.minutes_id, Path(tempfile.mkdtemp()))
            path = operation.run(self, work)
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Cannot open"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
