"""法律帮助: the desk where consultations, drafted documents and duty help are registered,
keyboard first (Enter moves on, Enter on the last field or Ctrl+Enter saves, the next entry
is ready at once), above the day's (or a period's) list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.aid_services import (
    DRAFT_KINDS,
    Channel,
    DutyHelp,
    ServiceInput,
    ServiceKind,
)
from legalaid.domain.errors import LegalAidError, ValidationError, ValidationErrors
from legalaid.domain.identity import normalize_phone, parse_id_number
from legalaid.domain.permissions import Action, Role
from legalaid.domain.vocabulary import MATTER_CATEGORIES, STANDARD_GROUPS
from legalaid.services.commands import aid_services, duty, service_papers
from legalaid.services.commands.aid_services import (
    RepeatedService,
    ServiceEntry,
    ServiceFilter,
    ServiceForm,
)
from legalaid.services.commands.offices import list_handlers, list_offices
from legalaid.services.plumbing.authz import may
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import RIGHT, Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.pdf_view import offer_print
from legalaid.ui.kit.widgets import FieldError, date_edit, show_error, to_qdate
from legalaid.ui.work import operation, tasks

_Lists = tuple[list[tuple[int, str]], list[tuple[int, str, str]]]


def _lists(ctx: Context) -> _Lists:
    """The handlers and the duty stations the form offers."""
    handlers = [(h.id, h.name) for h in list_handlers(ctx, with_caseload=False)]
    stations = [(s.id, s.name, s.office_code) for s in duty.list_stations(ctx)]
    return handlers, stations


def _entries(ctx: Context, filters: ServiceFilter) -> tuple[list[ServiceEntry], tuple[int, int]]:
    """The period's records (the newest 500) and their counts: records, person-times."""
    return aid_services.list_services(ctx, filters), aid_services.count_services(ctx, filters)


@dataclass(frozen=True)
class _Read:
    lists: _Lists
    entries: list[ServiceEntry] | None  # None: the period typed is not a valid one
    counts: tuple[int, int]  # records and person-times


class _EnterMoves(QObject):
    """Enter goes to the next field of the desk's chain (ticks are for the mouse, Tab and
    Space); on the last field, or with Ctrl, it saves."""

    def __init__(self, page: HelpDeskPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QWidget)
        ):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.page.save()
            else:
                self.page.enter_pressed(watched)
            return True
        return False


class HelpDeskPage(QWidget):
    """The desk and its list. A lawyer's desk records their own duty help only."""

    open_case = Signal(int)
    to_application = Signal(object)  # a ServiceEntry the intake form is filled from

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        principal = ctx.principal
        self.lawyer_id = (
            principal.handler_id if principal and principal.role is Role.LAWYER else None
        )
        self.editing: int | None = None
        self.loaded = False
        self._errors: dict[str, FieldError] = {}
        self._build_form()
        self._build_list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_box)
        layout.addLayout(self.list_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.list_buttons)

    # -- the entry form ----------------------------------------------------------------------
    def _build_form(self) -> None:
        self.form_box = QGroupBox(self.tr("Register"))
        self.kind = QComboBox()
        for kind in ServiceKind:
            if self.lawyer_id is None or kind is ServiceKind.DUTY_HELP:
                self.kind.addItem(kind.value, kind.value)
        self.served_on = date_edit(self._ctx.today(), field="日期")
        self.office = QComboBox()
        for office in list_offices(self._ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)
        self.channel_label = QLabel()
        self.channel = QComboBox()
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.times = QSpinBox()
        self.times.setRange(1, 999)
        self.returning = QLabel()
        self.returning.setStyleSheet("color: #1B5E20;")
        self.returning.hide()  # shown once a returning person is found
        self.groups: dict[str, QCheckBox] = {g: QCheckBox(g) for g in STANDARD_GROUPS}
        self.matter = QComboBox()
        self.matter.setEditable(True)
        self.matter.addItem("")
        self.matter.addItems(MATTER_CATEGORIES)
        self.help_label = QLabel(self.tr("Help given"))
        self.helps: dict[DutyHelp, QCheckBox] = {h: QCheckBox(h.value) for h in DutyHelp}
        self.content = QLineEdit()
        self.answer = QLineEdit()
        self.handler = QComboBox()
        self.handler.setEditable(True)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.general_error = FieldError()

        grid = QGridLayout(self.form_box)
        grid.setVerticalSpacing(4)
        row = 0
        grid.addWidget(QLabel(self.tr("Form of aid")), row, 0)
        grid.addWidget(self.kind, row, 1)
        grid.addWidget(QLabel(self.tr("Date")), row, 2)
        grid.addWidget(self.served_on, row, 3)
        grid.addWidget(QLabel(self.tr("Office")), row, 4)
        grid.addWidget(self.office, row, 5)
        grid.addWidget(self.channel_label, row, 6)
        grid.addWidget(self.channel, row, 7)
        row += 1
        grid.addWidget(QLabel(self.tr("Person served")), row, 0)
        grid.addWidget(self.name, row, 1)
        grid.addWidget(QLabel(self.tr("Phone")), row, 2)
        grid.addWidget(self.phone, row, 3)
        grid.addWidget(QLabel(self.tr("ID number")), row, 4)
        grid.addWidget(self.id_number, row, 5)
        grid.addWidget(QLabel(self.tr("Person-times")), row, 6)
        grid.addWidget(self.times, row, 7)
        row += 1
        grid.addWidget(self.returning, row, 1, 1, 7)
        row += 1
        grid.addWidget(QLabel(self.tr("Groups")), row, 0)
        groups = QHBoxLayout()
        for box in self.groups.values():
            groups.addWidget(box)
        groups.addStretch(1)
        grid.addLayout(groups, row, 1, 1, 5)
        grid.addWidget(QLabel(self.tr("Matter")), row, 6)
        grid.addWidget(self.matter, row, 7)
        row += 1
        grid.addWidget(self.help_label, row, 0)
        helps = QHBoxLayout()
        for box in self.helps.values():
            helps.addWidget(box)
        helps.addStretch(1)
        grid.addLayout(helps, row, 1, 1, 7)
        self.help_row = row
        row += 1
        self.content_label = QLabel(self.tr("Question"))
        grid.addWidget(self.content_label, row, 0)
        grid.addWidget(self.content, row, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Answer")), row, 4)
        grid.addWidget(self.answer, row, 5, 1, 3)
        row += 1
        self.handler_label = QLabel(self.tr("Answered by"))
        grid.addWidget(self.handler_label, row, 0)
        grid.addWidget(self.handler, row, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, row, 2, 1, 6)
        row += 1
        for name in (
            "日期",
            "服务对象",
            "方式",
            "工作站",
            "联系电话",
            "身份证号",
            "性别",
            "帮助内容",
            "内容",
            "答复",
            "办理人",
            "人次",
            "事项类别",
            "机构",
        ):
            self._errors[name] = self.general_error
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.office.currentIndexChanged.connect(self._kind_changed)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self.id_number.editingFinished.connect(self._look_up)
        self.phone.editingFinished.connect(self._look_up)
        enter = _EnterMoves(self)
        for widget in (
            self.served_on,
            self.name,
            self.phone,
            self.id_number,
            self.times,
            self.content,
            self.answer,
            self.kind,
            self.office,
            self.channel,
            self.matter,
            self.handler,
        ):
            widget.installEventFilter(enter)
        for child in self.served_on.findChildren(QLineEdit):
            child.installEventFilter(enter)
        for combo in (self.matter, self.handler):
            line = combo.lineEdit()
            if line is not None:
                line.installEventFilter(enter)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.save)
        self._handlers: list[tuple[int, str]] = []
        self._stations: list[tuple[int, str, str]] = []

    def enter_chain(self) -> list[QWidget]:
        """The fields Enter walks through, in the order a desk fills them."""
        return [
            *(self.kind, self.served_on, self.office, self.channel, self.name, self.phone),
            *(self.id_number, self.times, self.matter, self.content, self.answer, self.handler),
        ]

    def enter_pressed(self, watched: QWidget) -> None:
        chain = self.enter_chain()
        current = next(
            (i for i, field in enumerate(chain) if field is watched or field.isAncestorOf(watched)),
            None,
        )
        if current is None or current == len(chain) - 1:
            self.save()  # Enter on the last field saves
            return
        for field in chain[current + 1 :]:
            if field.isVisible() and field.isEnabled():
                field.setFocus()
                if isinstance(field, QLineEdit):
                    field.selectAll()
                return
        self.save()

    def current_kind(self) -> ServiceKind:
        return ServiceKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        """方式 means the channel, the document kind or the station, by the form of aid."""
        kind = self.current_kind()
        self.channel.clear()
        self.channel.setEditable(kind is ServiceKind.DRAFTING)
        if kind is ServiceKind.CONSULTATION:
            self.channel_label.setText(self.tr("Channel"))
            for channel in Channel:
                self.channel.addItem(channel.value, channel.value)
        elif kind is ServiceKind.DRAFTING:
            self.channel_label.setText(self.tr("Document"))
            for document in DRAFT_KINDS:
                self.channel.addItem(document, document)
        else:
            self.channel_label.setText(self.tr("Station"))
            office = self.office.currentData()
            for ident, name, code in self._stations:
                if code == office or office is None:
                    self.channel.addItem(name, ident)
        duty_help = kind is ServiceKind.DUTY_HELP
        self.help_label.setVisible(duty_help)
        for box in self.helps.values():
            box.setVisible(duty_help)
        self.content_label.setText(
            {
                ServiceKind.CONSULTATION: self.tr("Question"),
                ServiceKind.DRAFTING: self.tr("Matter drafted for"),
                ServiceKind.DUTY_HELP: self.tr("Charge"),
            }[kind]
        )
        self.handler_label.setText(self.tr("Duty lawyer") if duty_help else self.tr("Answered by"))
        self._fill_handlers(duty_help)

    def _fill_handlers(self, duty_help: bool) -> None:
        typed = self.handler.currentText()
        self.handler.clear()
        if self.lawyer_id is not None:
            for ident, name in self._handlers:
                if ident == self.lawyer_id:
                    self.handler.addItem(name, ident)
            self.handler.setEnabled(False)
            return
        if not duty_help:
            # Staff answer most consultations: their own name first, typed names kept.
            self.handler.addItem(self._ctx.actor, None)
        for ident, name in self._handlers:
            self.handler.addItem(name, ident)
        if typed and not duty_help:
            self.handler.setEditText(typed)

    def _look_up(self) -> None:
        """A person served before: the name (and what is on file) filled in, visits shown."""
        if self.editing is not None or not may(self._ctx, Action.REGISTER_SERVICE):
            return
        id_number = self.id_number.text().strip()
        phone = self.phone.text().strip()
        try:
            if id_number:
                parse_id_number(id_number, today=self._ctx.today())
            if phone:
                normalize_phone(phone)
            found = aid_services.returning_person(
                self._ctx, id_number=id_number or None, phone=None if id_number else phone or None
            )
        except ValidationError as exc:
            self.general_error.show_message(exc.message)
            return
        self.general_error.show_message(None)
        if found is None:
            self.returning.clear()
            self.returning.hide()
            return
        if not self.name.text().strip():
            self.name.setText(found.name)
        if not phone and found.phone:
            self.phone.setText(found.phone)
        for group in found.groups:
            if group in self.groups:
                self.groups[group].setChecked(True)
        self.returning.setText(
            self.tr("Served before: {0} time(s), {1} case(s) on file").format(
                found.visits, found.cases
            )
        )
        self.returning.show()

    def form(self) -> ServiceForm:
        kind = self.current_kind()
        handler_id = self.handler.currentData()
        station_id = self.channel.currentData() if kind is ServiceKind.DUTY_HELP else None
        if handler_id is not None and self.handler.currentText() != self.handler.itemText(
            self.handler.currentIndex()
        ):
            handler_id = None  # a name typed over the list
        entry = ServiceInput(
            kind=kind,
            served_on=self.served_on.value(),
            name=self.name.text(),
            channel=None if kind is ServiceKind.DUTY_HELP else self.channel.currentText(),
            id_number=self.id_number.text() or None,
            phone=self.phone.text() or None,
            groups=tuple(g for g, box in self.groups.items() if box.isChecked()),
            matter_category=self.matter.currentText() or None,
            help_items=tuple(h for h, box in self.helps.items() if box.isChecked())
            if kind is ServiceKind.DUTY_HELP
            else (),
            content=self.content.text() or None,
            answer=self.answer.text() or None,
            handler_name=self.handler.currentText() or None,
            person_times=self.times.value(),
        )
        return ServiceForm(
            entry,
            office_code=self.office.currentData(),
            station_id=station_id,
            handler_id=handler_id,
        )

    def save(self) -> None:
        """Save the entry; the form keeps everything typed when a field is wrong."""
        self.general_error.show_message(None)
        try:
            if not self.served_on.is_valid():
                raise ValidationError(self.served_on.error() or "", field="日期")
            form = self.form()
            self._store(form)
        except RepeatedService as exc:
            answer = QMessageBox.question(
                self,
                self.tr("Already registered?"),
                exc.message + "\n\n" + self.tr("Register it as another service anyway?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                self._store(
                    ServiceForm(
                        form.entry,
                        form.office_code,
                        form.station_id,
                        form.handler_id,
                        allow_repeat=True,
                    )
                )
            except LegalAidError as again:
                self._show(again)
                return
        except LegalAidError as exc:
            self._show(exc)
            return
        self.clear(keep_context=True)
        self.refresh()

    def _store(self, form: ServiceForm) -> None:
        """Written on the database worker; the desk keeps drawing meanwhile."""
        work: Callable[[], object]
        if self.editing is not None:
            work = partial(aid_services.update_service, self._ctx, self.editing, form)
        elif form.entry.kind is ServiceKind.DUTY_HELP and not may(
            self._ctx, Action.REGISTER_SERVICE
        ):
            work = partial(aid_services.record_duty_help, self._ctx, form)
        else:
            work = partial(aid_services.register_service, self._ctx, form)
        operation.run(self, work, self.tr("Saving…"))

    def _show(self, error: LegalAidError) -> None:
        if isinstance(error, ValidationErrors):
            self.general_error.show_message("；".join(p.message for p in error.problems))
        elif isinstance(error, ValidationError):
            self.general_error.show_message(error.message)
        else:
            show_error(self, error, self.tr("Not saved"))

    def clear(self, keep_context: bool = False) -> None:
        """Empty the person and matter; the date, form of aid, office, channel and handler
        stay for the next entry (a desk logs many in a row)."""
        self.editing = None
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self.kind.setEnabled(True)
        for line in (self.name, self.phone, self.id_number, self.content, self.answer):
            line.clear()
        self.times.setValue(1)
        self.matter.setCurrentIndex(0)
        for box in (*self.groups.values(), *self.helps.values()):
            box.setChecked(False)
        self.returning.clear()
        self.returning.hide()
        self.general_error.show_message(None)
        if not keep_context:
            self.served_on.setDate(to_qdate(self._ctx.today()))
        self.name.setFocus()

    def edit(self, entry: ServiceEntry) -> None:
        """Load a listed record into the form to correct it."""
        self.clear()
        self.editing = entry.id
        self.save_button.setText(self.tr("Save correction"))
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self.kind.setEnabled(False)
        self.office.setCurrentIndex(max(self.office.findData(entry.office_code), 0))
        self.served_on.setDate(to_qdate(entry.served_on))
        if entry.kind is ServiceKind.DUTY_HELP:
            self.channel.setCurrentIndex(max(self.channel.findData(entry.station_id), 0))
        else:
            index = self.channel.findText(entry.channel or "")
            if index >= 0:
                self.channel.setCurrentIndex(index)
            elif self.channel.isEditable():
                self.channel.setEditText(entry.channel or "")
        self.name.setText(entry.name)
        self.phone.setText(entry.phone or "")
        self.id_number.setText(
            entry.id_number if entry.id_number and "*" not in entry.id_number else ""
        )
        self.times.setValue(entry.person_times)
        for group in entry.groups:
            if group in self.groups:
                self.groups[group].setChecked(True)
        self.matter.setEditText(entry.matter_category or "")
        for item in entry.help_items:
            self.helps[DutyHelp(item)].setChecked(True)
        self.content.setText(entry.content or "")
        self.answer.setText(entry.answer or "")
        index = self.handler.findData(entry.handler_id) if entry.handler_id else -1
        if index >= 0:
            self.handler.setCurrentIndex(index)
        else:
            self.handler.setEditText(entry.handler_name or "")
        self.name.setFocus()

    # -- the list ------------------------------------------------------------------------------
    def _build_list(self) -> None:
        today = self._ctx.today()
        self.day_from = date_edit(today, field="开始日期")
        self.day_to = date_edit(today, field="结束日期")
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All forms"), None)
        for kind in ServiceKind:
            self.kind_filter.addItem(kind.value, kind.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, phone, ID number, content or handler"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.counts = QLabel()
        show = QPushButton(self.tr("Show"))
        self.list_bar = QHBoxLayout()
        for widget in (
            QLabel(self.tr("From")),
            self.day_from,
            QLabel(self.tr("to")),
            self.day_to,
            self.kind_filter,
            self.search,
        ):
            self.list_bar.addWidget(widget)
        self.list_bar.addWidget(show)
        self.list_bar.addWidget(self.counts, 1)
        self.model: RowsModel[ServiceEntry] = RowsModel(
            [
                Column(self.tr("Date"), lambda e: e.served_on.isoformat()),
                Column(self.tr("Form of aid"), lambda e: e.kind.value),
                Column(self.tr("Channel / station / document"), lambda e: e.channel or ""),
                Column(self.tr("Person served"), lambda e: e.name),
                Column(self.tr("Phone"), lambda e: e.phone or ""),
                Column(self.tr("Content"), _content, tip=lambda e: _content(e) or None),
                Column(self.tr("Handled by"), lambda e: e.handler_name or ""),
                Column(self.tr("Person-times"), lambda e: str(e.person_times), align=RIGHT),
                Column(self.tr("Case"), lambda e: e.case_no or ""),
            ]
        )
        self.table = list_view(self.model)
        for column, width in enumerate((88, 130, 210, 80, 110, 280, 80, 50)):
            self.table.setColumnWidth(column, width)
        self.edit_button = QPushButton(self.tr("Correct"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.apply_button = QPushButton(self.tr("Turn into an application…"))
        self.case_button = QPushButton(self.tr("Open the case"))
        self.register_button = QPushButton(self.tr("Consultation register (PDF)…"))
        self.register_button.setVisible(may(self._ctx, Action.REGISTER_SERVICE))
        # The chosen record's own registration form, for the person to sign.
        self.form_button = QPushButton(self.tr("Registration form (PDF)…"))
        # Every record of the day shown, one form a page (a day's consultations to sign).
        self.day_forms_button = QPushButton(self.tr("The day's forms (PDF)…"))
        self.list_buttons = QHBoxLayout()
        self.list_buttons.addWidget(self.register_button)
        self.list_buttons.addWidget(self.form_button)
        self.list_buttons.addWidget(self.day_forms_button)
        self.list_buttons.addStretch(1)
        for button in (self.case_button, self.apply_button, self.edit_button, self.delete_button):
            self.list_buttons.addWidget(button)
        self.apply_button.setVisible(may(self._ctx, Action.REGISTER))
        show.clicked.connect(self.refresh)
        self.search.returnPressed.connect(self.refresh)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(lambda _index: self._edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.apply_button.clicked.connect(self._apply_selected)
        self.case_button.clicked.connect(self._open_case)
        self.register_button.clicked.connect(self._ask_register)
        self.form_button.clicked.connect(self._ask_form)
        self.day_forms_button.clicked.connect(self._ask_day_forms)
        self._selection_changed()

    def reload_lists(self) -> None:
        """Handlers and stations as they are now (a station added in 值班安排 is offered when
        the desk is shown again); the form's current choices are kept."""
        self._apply_lists(*operation.run(self, partial(_lists, self._ctx)))

    def _apply_lists(
        self, handlers: list[tuple[int, str]], stations: list[tuple[int, str, str]]
    ) -> None:
        if (handlers, stations) == (self._handlers, self._stations) and self.channel.count():
            return
        self._handlers, self._stations = handlers, stations
        channel, handler = self.channel.currentText(), self.handler.currentText()
        self._kind_changed()
        index = self.channel.findText(channel)
        if index >= 0:
            self.channel.setCurrentIndex(index)
        index = self.handler.findText(handler)
        if index >= 0:
            self.handler.setCurrentIndex(index)

    def showEvent(self, event: QShowEvent) -> None:
        if self.loaded:
            # The lists again, off the GUI thread and without covering the form being typed.
            ctx = self._ctx
            task = tasks.Task(lambda _progress: _lists(ctx))
            task.signals.finished.connect(self._lists_read)
            tasks.start(task)
        super().showEvent(event)

    def _lists_read(self, lists: object) -> None:
        if shiboken6.isValid(self):
            self._apply_lists(*cast(_Lists, lists))

    def _filters(self) -> ServiceFilter | None:
        if not (self.day_from.is_valid() and self.day_to.is_valid()):
            return None  # the date field says what is wrong
        return ServiceFilter(
            day_from=self.day_from.value(),
            day_to=self.day_to.value(),
            kind=ServiceKind(k) if (k := self.kind_filter.currentData()) else None,
            text=self.search.text(),
        )

    def reader(self) -> Callable[[], object]:
        """The form's lists and the period's records, to read off the GUI thread when the
        desk is first shown (a year of consultations is tens of thousands of records)."""
        ctx, filters = self._ctx, self._filters()

        def read() -> _Read:
            lists = _lists(ctx)
            if filters is None:
                return _Read(lists, None, (0, 0))
            return _Read(lists, *_entries(ctx, filters))

        return read

    def show_data(self, data: object) -> None:
        self.loaded = True
        read = cast(_Read, data)
        self._apply_lists(*read.lists)
        if read.entries is not None:
            self._show_entries(read.entries, *read.counts)

    def refresh(self) -> None:
        """The lists the form offers (handlers, stations) and the period's records, at once
        (after a save, a filter changed, 刷新)."""
        if not self.loaded:
            self.loaded = True
            self.reload_lists()
        filters = self._filters()
        if filters is None:
            return
        try:
            # Read on the database worker (after a save, in order behind it) while the desk
            # keeps drawing: a year of records at a large centre takes a third of a second.
            entries, (count, times) = operation.run(self, partial(_entries, self._ctx, filters))
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not shown"))
            return
        self._show_entries(entries, count, times)

    def _show_entries(self, entries: list[ServiceEntry], count: int, times: int) -> None:
        self.model.set_rows(entries)
        shown = (
            ""
            if len(self.entries) == count
            else self.tr(" (newest {0} shown)").format(len(self.entries))
        )
        self.counts.setText(
            self.tr("{0} record(s), {1} person-time(s)").format(count, times) + shown
        )
        self._selection_changed()

    @property
    def entries(self) -> list[ServiceEntry]:
        return self.model.rows

    def selected(self) -> ServiceEntry | None:
        entry: ServiceEntry | None = chosen_row(self.table)
        return entry

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.edit_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None and entry.case_id is None)
        self.apply_button.setEnabled(
            entry is not None and entry.case_id is None and entry.kind is not ServiceKind.DRAFTING
        )
        self.case_button.setEnabled(entry is not None and entry.case_id is not None)
        self.form_button.setEnabled(entry is not None)

    def _edit_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.edit(entry)

    def _delete_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete the record of {0} on {1}?").format(
                entry.name, entry.served_on.isoformat()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            operation.run(self, partial(aid_services.delete_service, self._ctx, entry.id))
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not deleted"))
            return
        self.refresh()

    def _apply_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.to_application.emit(entry)

    def _open_case(self) -> None:
        entry = self.selected()
        if entry is not None and entry.case_id is not None:
            self.open_case.emit(entry.case_id)

    def _ask_register(self) -> None:
        if not (self.day_from.is_valid() and self.day_to.is_valid()):
            return
        first, last = self.day_from.value(), self.day_to.value()
        name = f"咨询登记表{first.isoformat()}" + ("" if first == last else f"至{last.isoformat()}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Consultation register"), str(Path.home() / f"{name}.pdf"),
            self.tr("PDF files (*.pdf);;Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.save_register(Path(path))

    def save_register(self, path: Path) -> bool:
        """The 咨询登记表 of the list's period, written and opened for printing."""
        try:
            work = partial(
                aid_services.write_consultation_register,
                self._ctx,
                day_from=self.day_from.value(),
                day_to=self.day_to.value(),
                out=path,
            )
            report = operation.run(self, work, self.tr("Writing the register…"))
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not saved"))
            return False
        self.counts.setText(self.tr("Saved: {0} ({1})").format(path.name, report.summary[0]))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return True

    def _ask_form(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        name = f"{entry.kind.value}登记表-{entry.name}-{entry.served_on.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Registration form"), str(Path.home() / name),
            self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if path and self.save_form(entry.id, Path(path)):
            offer_print(self, Path(path), self.tr("Registration form"))

    def _ask_day_forms(self) -> None:
        if not (self.day_from.is_valid() and self.day_to.is_valid()):
            return
        kind = ServiceKind(self.kind_filter.currentData() or ServiceKind.CONSULTATION.value)
        day = self.day_from.value()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Registration form"),
            str(Path.home() / f"{kind.value}登记表{day.isoformat()}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if path and self.save_day_forms(kind, Path(path)):
            offer_print(self, Path(path), self.tr("Registration form"))

    def save_day_forms(self, kind: ServiceKind, path: Path) -> bool:
        """The forms of the list's day (one day: the list's first)."""
        day = self.day_from.value()
        if self.day_to.value() != day:
            self.counts.setText(self.tr("Choose one day (from and to the same) first."))
            return False
        try:
            work = partial(service_papers.write_day_forms, self._ctx, day=day, kind=kind, out=path)
            count = operation.run(self, work, self.tr("Writing the forms…"))
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not saved"))
            return False
        self.counts.setText(self.tr("Saved: {0}").format(f"{path.name}（{count}）"))
        return True

    def save_form(self, service_id: int, path: Path) -> bool:
        try:
            work = partial(
                service_papers.write_service_forms, self._ctx, service_ids=[service_id], out=path
            )
            operation.run(self, work, self.tr("Writing the forms…"))
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not saved"))
            return False
        self.counts.setText(self.tr("Saved: {0}").format(path.name))
        return True

    def show_day(self, day: date) -> None:
        self.day_from.setDate(to_qdate(day))
        self.day_to.setDate(to_qdate(day))
        self.refresh()


def _content(entry: ServiceEntry) -> str:
    """What was asked or done: the help items, then the free text."""
    items = "、".join(entry.help_items)
    return items + ("：" if items and entry.content else "") + (entry.content or "")
