"""值班: duty stations and their rota, edited a month at a time as a calendar — choose the
days (several at once), choose the lawyer, 排班 or 取消; a week can be repeated onwards."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.aid_services import StationKind
from legalaid.domain.errors import LegalAidError
from legalaid.domain.permissions import Action
from legalaid.services.commands import duty
from legalaid.services.commands.duty import Station
from legalaid.services.commands.offices import list_handlers, list_offices
from legalaid.services.plumbing.authz import may
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.widgets import FieldError, form_dialog, run_modal, show_error
from legalaid.ui.work import operation

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")


class StationDialog(QDialog):
    """Add or change a duty station."""

    def __init__(self, ctx: Context, station: Station | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.station = station
        self.saved: int | None = None
        self.setWindowTitle(self.tr("Duty station"))
        self.office = QComboBox()
        for office in list_offices(ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)
        self.name = QLineEdit(station.name if station else "")
        self.name.setPlaceholderText(self.tr("e.g. 县人民法院值班律师工作站"))
        self.kind = QComboBox()
        for kind in StationKind:
            self.kind.addItem(kind.value, kind.value)
        self.address = QLineEdit(station.address or "" if station else "")
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(station.active if station else True)
        if station is not None:
            self.office.setCurrentIndex(max(self.office.findData(station.office_code), 0))
            self.kind.setCurrentIndex(self.kind.findData(station.kind.value))
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Where"), self.kind)
        form.addRow(self.tr("Address"), self.address)
        form.addRow("", self.active)
        form_dialog(self, form, self.error, on_accept=self.save, save=True)
        self.name.textEdited.connect(self._guess_kind)
        self.resize(460, self.sizeHint().height())

    def _guess_kind(self, text: str) -> None:
        if self.station is None:
            self.kind.setCurrentIndex(self.kind.findData(StationKind.guess(text).value))

    def save(self) -> None:
        try:
            work = partial(
                duty.save_station,
                self._ctx,
                office_code=self.office.currentData(),
                name=self.name.text(),
                kind=StationKind(self.kind.currentData()),
                address=self.address.text(),
                station_id=self.station.id if self.station else None,
                active=self.active.isChecked(),
            )
            self.saved = operation.run(self, work)
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        self.accept()


class DutyPage(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.loaded = False
        today = ctx.today()
        self.month = date(today.year, today.month, 1)
        self.stations: list[Station] = []
        self.days: list[date | None] = []
        self.editable = may(ctx, Action.MANAGE_DUTY)

        self.station_list = QListWidget()
        self.station_list.setFixedWidth(270)
        self.add_station = QPushButton(self.tr("New station…"))
        self.change_station = QPushButton(self.tr("Change…"))
        self.show_inactive = QCheckBox(self.tr("Show stations no longer used"))
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Duty stations")))
        left.addWidget(self.station_list, 1)
        left.addWidget(self.show_inactive)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_station)
        buttons.addWidget(self.change_station)
        left.addLayout(buttons)

        self.previous = QPushButton("◀")
        self.following = QPushButton("▶")
        for button in (self.previous, self.following):
            button.setFixedWidth(32)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.lawyer = QComboBox()
        self.lawyer.setMinimumWidth(140)
        self.put_on = QPushButton(self.tr("On duty (Enter)"))
        self.take_off = QPushButton(self.tr("Off duty (Del)"))
        self.copy_week = QPushButton(self.tr("Repeat a week…"))
        bar = QHBoxLayout()
        for part in (self.previous, self.title, self.following):
            bar.addWidget(part)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Lawyer")))
        for control in (self.lawyer, self.put_on, self.take_off, self.copy_week):
            bar.addWidget(control)

        self.grid = QTableWidget(6, 7)
        self.grid.setHorizontalHeaderLabels([f"周{d}" for d in WEEKDAYS])
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = FieldError()
        right = QVBoxLayout()
        right.addLayout(bar)
        right.addWidget(self.grid, 1)
        right.addWidget(self.error)
        right.addWidget(self.summary)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        for widget in (self.add_station, self.change_station, self.put_on, self.take_off,
                       self.copy_week, self.lawyer):  # fmt: skip
            widget.setVisible(self.editable)
        self.station_list.currentRowChanged.connect(lambda _row: self.show_month())
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.previous.clicked.connect(lambda: self.move_month(-1))
        self.following.clicked.connect(lambda: self.move_month(1))
        self.add_station.clicked.connect(lambda: self.edit_station(None))
        self.change_station.clicked.connect(lambda: self.edit_station(self.current_station()))
        self.put_on.clicked.connect(lambda: self.set_selected(True))
        self.take_off.clicked.connect(lambda: self.set_selected(False))
        self.copy_week.clicked.connect(self.repeat_week)
        self.grid.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the calendar, Enter puts the chosen lawyer on the chosen days, Delete takes
        them off (the grid's own keys would only move the cursor)."""
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.set_selected(True)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.set_selected(False)
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        self.loaded = True
        keep = self.current_station()
        self.stations = operation.run(
            self,
            partial(duty.list_stations, self._ctx, include_inactive=self.show_inactive.isChecked()),
        )
        self.station_list.blockSignals(True)
        self.station_list.clear()
        for station in self.stations:
            text = f"{station.name}\n{station.office_code} · {station.kind.value}"
            if not station.active:
                text += self.tr(" · no longer used")
            self.station_list.addItem(QListWidgetItem(text))
        self.station_list.blockSignals(False)
        index = next((i for i, s in enumerate(self.stations) if keep and s.id == keep.id), 0)
        if self.stations:
            self.station_list.setCurrentRow(index)
        if self.editable and self.lawyer.count() == 0:
            lawyers = operation.run(self, partial(list_handlers, self._ctx, with_caseload=False))
            for handler in lawyers:
                self.lawyer.addItem(handler.name, handler.id)
        self.change_station.setEnabled(bool(self.stations))
        self.show_month()

    def current_station(self) -> Station | None:
        row = self.station_list.currentRow()
        return self.stations[row] if 0 <= row < len(self.stations) else None

    def move_month(self, step: int) -> None:
        month = self.month.month - 1 + step
        self.month = date(self.month.year + month // 12, month % 12 + 1, 1)
        self.show_month()

    def show_month(self) -> None:
        """The month as a calendar: each day lists who is on duty at the station."""
        self.title.setText(self.tr("{0}-{1:02d}").format(self.month.year, self.month.month))
        station = self.current_station()
        first_weekday, length = calendar.monthrange(self.month.year, self.month.month)
        last = self.month + timedelta(days=length - 1)
        shifts = (
            operation.run(
                self,
                partial(duty.shifts_between, self._ctx, self.month, last, station_id=station.id),
            )
            if station
            else []
        )
        by_day: dict[date, list[str]] = {}
        for shift in shifts:
            by_day.setdefault(shift.on_date, []).append(shift.handler)
        self.days = [None] * 42
        self.grid.clearContents()
        today = self._ctx.today()
        for offset in range(length):
            cell = first_weekday + offset
            day = self.month + timedelta(days=offset)
            self.days[cell] = day
            names = by_day.get(day, [])
            item = QTableWidgetItem(f"{day.day}\n" + "、".join(names))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if day == today:
                item.setBackground(QColor("#FFF4C2"))  # today
            elif names:
                item.setBackground(QColor("#DCE6F2"))
            self.grid.setItem(cell // 7, cell % 7, item)
        for cell in range(42):
            if self.days[cell] is None:
                blank = QTableWidgetItem("")
                blank.setFlags(Qt.ItemFlag.NoItemFlags)
                self.grid.setItem(cell // 7, cell % 7, blank)
        counts = Counter(shift.handler for shift in shifts)
        if station is None:
            self.summary.setText(self.tr("Add a duty station to plan its rota."))
        else:
            listed = "，".join(f"{name} {n}天" for name, n in counts.most_common())
            self.summary.setText(
                self.tr("{0}: {1} duty day(s) this month. {2}").format(
                    station.name, sum(counts.values()), listed
                )
            )

    def selected_days(self) -> list[date]:
        chosen = []
        for index in self.grid.selectedIndexes():
            day = self.days[index.row() * 7 + index.column()]
            if day is not None:
                chosen.append(day)
        return sorted(chosen)

    def set_selected(self, on_duty: bool) -> None:
        station = self.current_station()
        handler_id = self.lawyer.currentData()
        days = self.selected_days()
        if not self.editable or station is None or handler_id is None or not days:
            return
        self.error.show_message(None)
        try:
            for day in days:
                operation.run(self, partial(
                    duty.set_shift, self._ctx, station_id=station.id, on_date=day,
                    handler_id=handler_id, on_duty=on_duty))  # fmt: skip
        except LegalAidError as exc:
            self.error.show_message(exc.message)
        self.show_month()

    def repeat_week(self) -> None:
        station = self.current_station()
        days = self.selected_days()
        if station is None:
            return
        start = days[0] if days else self._ctx.today()
        monday = start - timedelta(days=start.weekday())
        weeks, ok = QInputDialog.getInt(
            self, self.tr("Repeat a week"),
            self.tr("Repeat the week of {0} at {1} over how many following weeks?\n"
                    "Days already planned keep their lawyers.").format(monday.isoformat(),
                                                                      station.name),
            4, 1, 26,
        )  # fmt: skip
        if not ok:
            return
        try:
            added = operation.run(self, partial(
                duty.copy_week, self._ctx, station_id=station.id, source_monday=monday,
                weeks=weeks))  # fmt: skip
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not repeated"))
            return
        self.show_month()
        self.summary.setText(
            self.tr("{0} duty day(s) added.").format(added) + " " + self.summary.text()
        )

    def edit_station(self, station: Station | None) -> None:
        dialog = StationDialog(self._ctx, station, self)
        if run_modal(dialog) == QDialog.DialogCode.Accepted:
            self.refresh()
