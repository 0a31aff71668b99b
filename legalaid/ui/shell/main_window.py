"""The main window: navigation on the left, the chosen section on the right, a menu with
every action and its shortcut, counts in the status bar; geometry and columns remembered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol, cast

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError
from legalaid.domain.permissions import MATRIX, Action
from legalaid.domain.vocabulary import CaseSource, CaseState, CaseType
from legalaid.services.commands import service_papers
from legalaid.services.commands.accounts import sign_out
from legalaid.services.commands.aid_services import ServiceEntry
from legalaid.services.commands.offices import list_handlers, list_offices
from legalaid.services.commands.settings import idle_minutes
from legalaid.services.plumbing.authz import may
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import verify_chain
from legalaid.services.queries.cases import CaseFilter, count_cases_unless
from legalaid.ui.case.intake_dialog import IntakeDialog
from legalaid.ui.kit.case_table import CaseTableModel
from legalaid.ui.kit.models import compact_rows
from legalaid.ui.kit.pdf_view import offer_print
from legalaid.ui.kit.widgets import run_modal, show_error
from legalaid.ui.pages.audit_page import AuditPage
from legalaid.ui.pages.deadlines_page import DeadlinesPage
from legalaid.ui.pages.duty_page import DutyPage
from legalaid.ui.pages.escalations_page import EscalationsPage
from legalaid.ui.pages.handlers_page import HandlersPage
from legalaid.ui.pages.help_desk_page import HelpDeskPage
from legalaid.ui.pages.my_cases_page import MyCasesPage
from legalaid.ui.pages.reports_page import ReportsPage
from legalaid.ui.pages.settings_page import SettingsPage
from legalaid.ui.pages.subsidies_page import SubsidiesPage
from legalaid.ui.pages.users_page import UsersPage
from legalaid.ui.shell.about_dialog import AboutDialog
from legalaid.ui.shell.login import ChangePasswordDialog, Cover, IdleWatcher, LockScreen
from legalaid.ui.work import operation, tasks
from legalaid.ui.work.changes import EVERYTHING, Change, Changes
from legalaid.ui.work.page_loader import PageLoader

# The handler filter is sorted by pinyin, whose dictionaries take a sixth of a second to load
# while holding Python's lock: filled this long after the window starts, not on its way up.
HANDLERS_AFTER_MS = 700


class _FillOnOpen(QComboBox):
    """A combo box filled in the background that fills itself if opened before that."""

    def __init__(self, fill: Callable[[], None]) -> None:
        super().__init__()
        self._fill = fill

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()


class CaseListPage(QWidget):
    """案件: the searchable, filterable case list over a lazily loading model."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.model = CaseTableModel(ctx)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search: case number, name, ID number, phone or pinyin initials (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.state = self._combo(self.tr("All states"), [(s.value, s.value) for s in CaseState])
        self.case_type = self._combo(self.tr("All types"), [(t.value, t.value) for t in CaseType])
        self.source = self._combo(self.tr("All sources"), [(s.value, s.value) for s in CaseSource])
        self.office = self._combo(
            self.tr("All offices"), [(f"{o.code} {o.name}", o.code) for o in list_offices(ctx)]
        )
        this_year = ctx.today().year
        self.year = self._combo(
            self.tr("All years"), [(str(y), y) for y in range(this_year, this_year - 6, -1)]
        )
        self.handler = _FillOnOpen(self.fill_handlers_now)
        self.handler.addItem(self.tr("All handlers"), None)
        self._handlers_asked = 0
        self._handlers_filled = False
        self.overdue = QCheckBox(self.tr("Overdue only"))
        # After the first page is up; opened sooner, the filter fills itself there and then.
        QTimer.singleShot(HANDLERS_AFTER_MS, self.reload_handlers)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.overdue)
        filters = QHBoxLayout()
        for combo in (
            self.state,
            self.case_type,
            self.source,
            self.office,
            self.year,
            self.handler,
        ):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)
        filters.addStretch()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        header.sortIndicatorChanged.connect(self._keep_indicator)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        # Find as you type, without a query per keystroke.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (
            self.state,
            self.case_type,
            self.source,
            self.office,
            self.year,
            self.handler,
        ):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.refresh()
        # Room for a full case number, a masked ID number and, at 1366×768, the deadline with
        # its kind in the last column.
        for column, width in (
            (CaseTableModel.CASE_NO, 170),
            (CaseTableModel.OFFICE, 44),
            (CaseTableModel.NAME, 70),
            (CaseTableModel.ID_NUMBER, 150),
            (CaseTableModel.TYPE, 120),
            (CaseTableModel.SOURCE, 96),
            (CaseTableModel.STAGE, 64),
            (CaseTableModel.STATE, 64),
            (CaseTableModel.APPLIED, 88),
            (CaseTableModel.ACCEPTED, 88),
            (CaseTableModel.HANDLER, 64),
        ):
            self.table.setColumnWidth(column, width)
        self.default_columns = header.saveState()
        # The user chooses the columns (right click on the header, or 视图 › 显示的列); the
        # window keeps the choice with its layout.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda point: self.fill_column_menu(QMenu(self)).exec(header.mapToGlobal(point))
        )

    def fill_column_menu(self, menu: QMenu) -> QMenu:
        """Every column with a tick for the shown ones (案号 always is), and the defaults."""
        header = self.table.horizontalHeader()
        menu.clear()
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != CaseTableModel.CASE_NO)
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.addSeparator()
        defaults = menu.addAction(self.tr("Default columns"))
        defaults.triggered.connect(lambda: header.restoreState(self.default_columns))
        return menu

    def _combo(self, everything: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def reload_handlers(self) -> None:
        """Fill the handler filter on the worker: the list is sorted by pinyin, whose
        dictionaries take a quarter second to load — not on the way to the first page."""
        self._handlers_asked += 1
        asked = self._handlers_asked
        task = tasks.Task(
            lambda _progress: list_handlers(self._ctx, active_only=False, with_caseload=False)
        )
        task.signals.finished.connect(lambda handlers: self._fill_handlers(asked, handlers))
        tasks.start(task)

    def fill_handlers_now(self) -> None:
        """The filter opened before its fill came from the worker: fill it at once."""
        if not self._handlers_filled:
            self._handlers_asked += 1
            handlers = list_handlers(self._ctx, active_only=False, with_caseload=False)
            self._fill_handlers(self._handlers_asked, handlers)

    def _fill_handlers(self, asked: int, handlers: list[Any]) -> None:
        if asked != self._handlers_asked or not shiboken6.isValid(self):
            return  # a newer reload is on its way, or the window is gone
        self._handlers_filled = True
        current = self.handler.currentData()
        self.handler.blockSignals(True)
        while self.handler.count() > 1:
            self.handler.removeItem(1)
        for h in handlers:
            self.handler.addItem(f"{h.name}（{h.firm or h.handler_type.value}）", h.id)
        index = self.handler.findData(current)
        self.handler.setCurrentIndex(max(index, 0))
        self.handler.blockSignals(False)

    def _keep_indicator(self) -> None:
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() not in CaseTableModel.SORTABLE:
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    def current_filter(self) -> CaseFilter:
        state = self.state.currentData()
        return CaseFilter(
            states=(CaseState(state),) if state else (),
            case_type=self.case_type.currentData(),
            source=self.source.currentData(),
            office_code=self.office.currentData(),
            year=self.year.currentData(),
            handler_id=self.handler.currentData(),
            overdue_on=self._ctx.today() if self.overdue.isChecked() else None,
            query=self.search.text().strip() or None,
        )

    def refresh(self) -> None:
        self.model.set_filter(self.current_filter())
        window = self.window()
        if isinstance(window, MainWindow):
            window.update_status()

    def selected_case(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None


class Page(Protocol):
    """A section that reads its data when first shown."""

    loaded: bool

    def refresh(self) -> None: ...


class MainWindow(QMainWindow):
    signed_out = Signal()  # the user signed out: the application asks for the next one

    (MY_CASES, CASES, SERVICES, DUTY, DEADLINES, ESCALATIONS, HANDLERS, SUBSIDIES, REPORTS,
     USERS, AUDIT, SETTINGS) = range(12)  # fmt: skip
    # What a role must be allowed to do to see a section (the services check each action).
    SECTION_ACTIONS = (Action.LOG_WORK, Action.VIEW_CASE, Action.RECORD_DUTY_HELP,
                       Action.MANAGE_DUTY, Action.VIEW_CASE, Action.ESCALATE,
                       Action.ASSIGN, Action.PAY_SUBSIDY, Action.STATISTICS, Action.ADMINISTER,
                       Action.VIEW_AUDIT, Action.ADMINISTER)  # fmt: skip

    def __init__(self, ctx: Context, settings: QSettings | None = None) -> None:
        super().__init__()
        self._ctx = ctx
        self._settings = settings or QSettings()
        self._overdue_counts = tasks.Newest()  # of the list as filtered now (update_status)
        self._overdue: int | None = None  # of the list as filtered, once counted
        self.setWindowTitle(self.tr("Legal aid case management"))
        self.resize(1280, 720)
        self.my_cases = MyCasesPage(ctx)
        self.cases = CaseListPage(ctx)
        self.cases.model.counted.connect(self._render_status)
        self.services = HelpDeskPage(ctx)
        self.duty = DutyPage(ctx)
        self.deadlines = DeadlinesPage(ctx)
        self.escalations = EscalationsPage(ctx)
        self.handlers = HandlersPage(ctx)
        self.subsidies = SubsidiesPage(ctx)
        self.reports = ReportsPage(ctx)
        self.users = UsersPage(ctx)
        self.audit = AuditPage(ctx)
        self.settings_page = SettingsPage(ctx)
        self.pages = QStackedWidget()
        self.loader = PageLoader(self)
        for page in (
            self.my_cases,
            self.cases,
            self.services,
            self.duty,
            self.deadlines,
            self.escalations,
            self.handlers,
            self.subsidies,
            self.reports,
            self.users,
            self.audit,
            self.settings_page,
        ):
            self.pages.addWidget(page)
        self.navigation = QListWidget()
        self.navigation.addItems(self._section_titles())
        self.navigation.currentRowChanged.connect(self._show_page)
        self.visible_sections = [i for i in range(self.pages.count()) if self._may_see(i)]
        for index in range(self.pages.count()):
            self.navigation.item(index).setHidden(index not in self.visible_sections)
        self.navigation.setCurrentRow(self.visible_sections[0] if self.visible_sections else 0)

        self.navigation.setFixedWidth(110)
        work = QWidget()
        row = QHBoxLayout(work)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        # The lock screen replaces everything: no case data stays on screen when idle.
        self.lock_screen = LockScreen(ctx)
        self.lock_screen.unlocked.connect(self.unlock)
        self._covers: list[Cover] = []  # over the dialogs open when the desk locked
        self.screens = QStackedWidget()
        self.screens.addWidget(work)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self._menus()
        self.idle: IdleWatcher | None = None
        if ctx.principal is not None:
            self.idle = IdleWatcher(idle_minutes(ctx))
            self.idle.idle.connect(self.lock)
            self.setWindowTitle(
                self.tr("Legal aid case management — {0} ({1})").format(
                    ctx.principal.name, ctx.principal.role.value
                )
            )
        # ``activated`` alone: Qt emits it for a double-click (and for Enter) after
        # ``doubleClicked``; listening to both opened a double-clicked case a second time
        # as soon as its window was closed.
        self.cases.table.activated.connect(lambda _index: self.open_selected())
        self.deadlines.open_case.connect(self.open_case)
        self.escalations.open_case.connect(self.open_case)
        self.my_cases.open_case.connect(self.open_case)
        self.services.open_case.connect(self.open_case)
        self.services.to_application.connect(self.register_from_service)
        self.update_status()
        self._restore()
        self.chain_warning: str | None = None
        if ctx.principal is not None and Action.VIEW_AUDIT in MATRIX[ctx.principal.role]:
            self._check_the_audit_chain()

    def _check_the_audit_chain(self) -> None:
        """Those who read the audit trail are told at sign-in when it is broken (checked off
        the GUI thread: a long trail takes a while)."""
        task = tasks.Task(lambda _progress: verify_chain(self._ctx))
        task.signals.finished.connect(self._chain_checked)
        tasks.start(task)

    def _chain_checked(self, result: object) -> None:
        assert isinstance(result, tuple)
        broken = result[1]  # (rows checked, the first broken link or None)
        if broken is None:
            return
        self.chain_warning = self.tr(
            "The audit trail is broken at entry {0}: {1}. Report it; compare with the last "
            "signed anchor printout (审计记录 › 打印锚点)."
        ).format(broken.id, broken.reason)
        self.statusBar().showMessage(self.chain_warning)
        QMessageBox.warning(self, self.tr("Audit trail"), self.chain_warning)

    # -- menus and shortcuts ----------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _menus(self) -> None:
        case_menu = self.menuBar().addMenu(self.tr("&Case"))
        self.new_application = self._action(
            self.tr("New &application…"), QKeySequence.StandardKey.New, self.register_application
        )
        self.new_notification = self._action(
            self.tr("Accept a &notification…"), "Ctrl+Shift+N", self.register_notification
        )
        self.open_action = self._action(self.tr("&Open case"), "Ctrl+O", self.open_selected)
        self.find_action = self._action(
            self.tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh_all
        )
        quit_action = self._action(self.tr("E&xit"), QKeySequence.StandardKey.Quit, self.close)
        for action in (
            self.new_application,
            self.new_notification,
            self.open_action,
            self.find_action,
            self.refresh_action,
        ):
            case_menu.addAction(action)
        case_menu.addSeparator()
        self.import_action = self._action(self.tr("&Import ledger…"), None, self.import_ledger)
        self.export_action = self._action(self.tr("E&xport ledger…"), None, self.export_ledger)
        self.import_action.setVisible(may(self._ctx, Action.REGISTER))
        self.export_action.setVisible(may(self._ctx, Action.EXPORT))
        case_menu.addAction(self.import_action)
        case_menu.addAction(self.export_action)
        # The day's 接收凭证 of every application received, one PDF to print at the desk.
        self.receipts_action = self._action(
            self.tr("Today's application receipts (PDF)…"), None, self.print_receipts
        )
        self.receipts_action.setVisible(may(self._ctx, Action.PRINT))
        case_menu.addAction(self.receipts_action)
        case_menu.addSeparator()
        case_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About legalaid"), None, self.show_about))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        may_register = (
            self._ctx.principal is None or Action.REGISTER in MATRIX[self._ctx.principal.role]
        )
        self.new_application.setEnabled(may_register)
        self.new_notification.setEnabled(may_register)
        titles = self._section_titles()
        # Ctrl+1, Ctrl+2, … follow the sections this user sees, in their order.
        for number, index in enumerate(self.visible_sections, start=1):
            shortcut = f"Ctrl+{number}" if number <= 9 else None
            view_menu.addAction(
                self._action(titles[index], shortcut, lambda _=False, i=index: self.show_section(i))
            )
        view_menu.addSeparator()
        columns = view_menu.addMenu(self.tr("Columns shown"))
        columns.aboutToShow.connect(lambda: self.cases.fill_column_menu(columns))
        if self._ctx.principal is not None:
            account = self.menuBar().addMenu(self.tr("&Account"))
            account.addAction(self._action(self.tr("Change password…"), None, self.change_password))
            account.addAction(self._action(self.tr("Lock now"), "Ctrl+L", self.lock))
            # A shared PC: the next person signs in with their own account.
            self.sign_out_action = self._action(
                self.tr("Sign out (switch user)"), None, self.sign_out_user
            )
            account.addAction(self.sign_out_action)

    def _may_see(self, index: int) -> bool:
        principal = self._ctx.principal
        if principal is None:  # no accounts in use (tests, tools): all but a handler's own
            return index != self.MY_CASES
        if index == self.MY_CASES and principal.handler_id is None:
            return False
        if index == self.SUBSIDIES and Action.ADMINISTER in MATRIX[principal.role]:
            return True  # the admin keeps the standards' table
        return self.SECTION_ACTIONS[index] in MATRIX[principal.role]

    def sign_out_user(self) -> None:
        """Close every case window, sign out (audited) and hand the desk to the next user:
        the application asks who signs in and opens their window (see ``signed_out``)."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self and isinstance(widget, QDialog) and widget.isVisible():
                QDialog.reject(widget)  # closed unasked: the next user may not see it
        sign_out(self._ctx, reason="退出登录")
        # Hidden, not closed: closing the last window would end the application before the
        # next user has signed in; the application closes it once the next window is up.
        self.hide()
        self.signed_out.emit()

    # -- the idle lock ------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide every case, forget copied personal data, ask the password. Open dialogs are
        covered, not closed: what the user was typing is there again after the sign-in."""
        principal = self._ctx.principal
        if principal is None or self.screens.currentWidget() is self.lock_screen:
            return
        modal = QApplication.activeModalWidget()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and isinstance(widget, QDialog) and widget.isVisible():
                screen = None
                if widget is modal:  # the one that takes input: the password goes here
                    screen = LockScreen(self._ctx)
                    screen.unlocked.connect(self.unlock)
                    screen.show_for(principal)
                self._covers.append(Cover(widget, screen))
                if screen is not None:
                    screen.password.setFocus()
        # The clipboard may hold a name or ID number copied from a case; not every platform
        # says who put it there, so whatever it holds goes (the user has left the desk).
        clipboard = QApplication.clipboard()
        if clipboard.ownsClipboard() or clipboard.text():
            clipboard.clear()
        self.menuBar().setEnabled(False)
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.show_for(principal)
        # At once, not on the worker: a nested event loop while the windows are being covered
        # (or closed) let other events in mid-way; the audit entry is one short write.
        sign_out(self._ctx, reason="空闲锁定")

    def unlock(self) -> None:
        for cover in self._covers:
            if shiboken6.isValid(cover):  # its dialog may have closed meanwhile
                cover.remove()
        self._covers.clear()
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        if self.idle is not None:
            self.idle.resume()

    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def _section_titles(self) -> list[str]:
        return [
            self.tr("My cases"),
            self.tr("Cases"),
            self.tr("Legal help"),
            self.tr("Duty rota"),
            self.tr("Deadlines"),
            self.tr("Major or difficult"),
            self.tr("Handlers"),
            self.tr("Subsidies"),
            self.tr("Statistics"),
            self.tr("Users"),
            self.tr("Audit trail"),
            self.tr("Settings"),
        ]

    def _show_page(self, index: int) -> None:
        page = self.pages.widget(index)
        self.pages.setCurrentIndex(index)
        # Sections other than the case list fill themselves when first shown; those that can
        # read off the GUI thread do, behind a "reading" cover.
        if page is not None and not getattr(page, "loaded", True):
            self._read(page)

    def _read(self, page: QWidget) -> None:
        if hasattr(page, "reader"):
            self.loader.load(page)
        else:
            page.refresh()  # type: ignore[attr-defined]

    def change_password(self) -> None:
        run_modal(ChangePasswordDialog(self._ctx, required=False, parent=self))

    def show_about(self) -> None:
        run_modal(AboutDialog(self._ctx.db.url, self))

    def show_section(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def focus_search(self) -> None:
        self.show_section(self.CASES)
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    # -- work -------------------------------------------------------------------------------
    def print_receipts(self) -> None:
        day = self._ctx.today()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Today's application receipts"),
            str(Path.home() / f"接收凭证{day.isoformat()}.pdf"), self.tr("PDF files (*.pdf)"),
        )  # fmt: skip
        if path and self.save_receipts(Path(path)):
            offer_print(self, Path(path), self.tr("Today's application receipts"))

    def save_receipts(self, path: Path) -> bool:
        try:
            work = partial(
                service_papers.write_day_receipts, self._ctx, day=self._ctx.today(), out=path
            )
            count = operation.run(self, work, self.tr("Writing the receipts…"))
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not saved"))
            return False
        self.statusBar().showMessage(self.tr("{0} receipts saved: {1}").format(count, path.name))
        return True

    # The case window and the ledger dialogs are imported when first opened: a sixth of the
    # window's start went on modules no clerk needs before the list is up.
    def import_ledger(self) -> None:
        from legalaid.ui.pages.ledger_dialog import ImportDialog

        dialog = ImportDialog(self._ctx, self)
        run_modal(dialog)
        if dialog.imported:
            self.refresh_all()

    def export_ledger(self) -> None:
        from legalaid.ui.pages.ledger_dialog import ExportDialog

        run_modal(ExportDialog(self._ctx, self.cases.current_filter(), self))

    def register_application(self) -> None:
        self._register(notification=False)

    def register_notification(self) -> None:
        self._register(notification=True)

    def register_from_service(self, entry: ServiceEntry) -> None:
        """转为案件: the intake form filled from a consultation or duty help, linked to it."""
        self._register(notification=False, service=entry)
        self.services.refresh()

    def _register(self, *, notification: bool, service: ServiceEntry | None = None) -> None:
        dialog = IntakeDialog(self._ctx, notification=notification, parent=self)
        if service is not None:
            dialog.fill_from_service(service)
        if run_modal(dialog) == QDialog.DialogCode.Accepted and dialog.result_ref is not None:
            self.apply(Changes(Change.CASES | Change.DEADLINES | Change.ESCALATIONS))
            self.statusBar().showMessage(
                self.tr("Registered as {0}").format(dialog.result_ref.case_no), 10_000
            )
            self.open_case(dialog.result_ref.id)

    def open_selected(self) -> None:
        case_id = self.cases.selected_case()
        if case_id is None:
            QMessageBox.information(self, self.tr("Open case"), self.tr("Select a case first."))
            return
        self.open_case(case_id)

    def open_case(self, case_id: int) -> None:
        from legalaid.ui.case.case_window import CaseDialog

        try:
            dialog = CaseDialog(self._ctx, case_id, parent=self)
        except LegalAidError as exc:  # e.g. a handler opening another's case: refused
            show_error(self, exc, self.tr("Cannot open the case"))
            return
        run_modal(dialog)
        if dialog.changed:
            self.apply(dialog.changes)

    def refresh_all(self) -> None:
        """刷新 (F5): everything read again now, every page that has been shown included."""
        self.apply(EVERYTHING, now=True)

    def apply(self, changes: Changes, *, now: bool = False) -> None:
        """Redraw what ``changes`` touched: the rows of the cases named (not the whole list,
        unless cases came or went), and the pages watching what changed — the one on screen
        at once, the others when they are next shown."""
        what = changes.what
        if what & Change.HANDLERS:
            self.cases.reload_handlers()
        if what & Change.CASES:
            self.cases.refresh()
        elif what & Change.CASE and changes.case_ids:
            self.cases.model.refresh_rows(changes.case_ids)
            if what & Change.DEADLINES:
                self.update_status()  # the overdue figure
        current = self.pages.currentWidget()
        for page, watches in self._watching():
            if not what & watches or not page.loaded:
                continue
            if now:
                self.loader.forget(page)
                page.refresh()
            elif page is cast(object, current):
                self._read(cast(QWidget, page))
            else:
                page.loaded = False  # read again when shown (_show_page)

    def _watching(self) -> list[tuple[Page, Change]]:
        C = Change
        return [
            (self.my_cases, C.CASES | C.CASE | C.DEADLINES),
            (self.deadlines, C.CASES | C.DEADLINES),
            (self.escalations, C.CASES | C.ESCALATIONS),
            (self.handlers, C.HANDLERS | C.CASES),
            (self.subsidies, C.SUBSIDIES | C.HANDLERS),
        ]

    def update_status(self) -> None:
        """Both figures of the list as filtered, each as soon as it is counted — off the GUI
        thread, as a state filter over a million cases takes half a second to count. A newer
        count wins over an older one, which stops."""
        overdue = replace(self.cases.current_filter(), overdue_on=self._ctx.today())
        self._overdue = None
        self._render_status()
        ctx = self._ctx
        self._overdue_counts.start(
            lambda abandoned: count_cases_unless(ctx, overdue, abandoned), self._overdue_counted
        )

    def _overdue_counted(self, overdue: int | None) -> None:
        if overdue is None or not shiboken6.isValid(self):
            return  # given up, or the window is gone
        self._overdue = overdue
        self._render_status()

    def _render_status(self) -> None:
        total, overdue = self.cases.model.total, self._overdue
        if total is None:
            text = self.tr("Counting the cases…")
        elif overdue is None:
            text = self.tr("{0} cases shown").format(total)
        else:
            text = self.tr("{0} cases shown · {1} overdue deadlines").format(total, overdue)
        self.statusBar().showMessage(text)

    # -- remembered layout ------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self._settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        columns = self._settings.value("main/case_columns")
        if isinstance(columns, QByteArray):
            self.cases.table.horizontalHeader().restoreState(columns)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue(
            "main/case_columns", self.cases.table.horizontalHeader().saveState()
        )
        self._settings.sync()
        # A section still being read finishes before the database may be closed behind it.
        QThreadPool.globalInstance().waitForDone(10_000)
        operation.wait_for_worker()  # a change handed over is written before the window goes
        super().closeEvent(event)
