"""The main window: navigation on the left, the chosen section on the right."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.vocabulary import CaseState, CaseType
from legalaid.services.cases import CaseFilter
from legalaid.services.context import Context
from legalaid.services.offices import list_offices
from legalaid.ui.case_table import CaseTableModel
from legalaid.ui.reports_page import ReportsPage


class CaseListPage(QWidget):
    """案件: the searchable, filterable case list."""

    def __init__(self, ctx: Context, window: QMainWindow) -> None:
        super().__init__()
        self._window = window
        self.model = CaseTableModel(ctx)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索：案号、姓名、身份证号、电话或拼音首字母（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.addItem("全部状态", None)
        for state in CaseState:
            self.state.addItem(state.value, state.value)
        self.case_type = QComboBox()
        self.case_type.addItem("全部类型", None)
        for case_type in CaseType:
            self.case_type.addItem(case_type.value, case_type.value)
        self.office = QComboBox()
        self.office.addItem("全部机构", None)
        for office in list_offices(ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("查找"))
        filters.addWidget(self.search, 3)
        filters.addWidget(self.state)
        filters.addWidget(self.case_type)
        filters.addWidget(self.office)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        # Find as you type, without a query per keystroke.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.state, self.case_type, self.office):
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh()
        self.table.resizeColumnsToContents()

    def current_filter(self) -> CaseFilter:
        state = self.state.currentData()
        return CaseFilter(
            states=(CaseState(state),) if state else (),
            case_type=self.case_type.currentData(),
            office_code=self.office.currentData(),
            query=self.search.text().strip() or None,
        )

    def refresh(self) -> None:
        self.model.set_filter(self.current_filter())
        self._window.statusBar().showMessage(f"共 {self.model.total} 件案件")


class MainWindow(QMainWindow):
    SECTIONS = ("案件", "统计报表")

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.setWindowTitle("法律援助案件管理")
        self.resize(1280, 720)
        self.cases = CaseListPage(ctx, self)
        self.reports = ReportsPage(ctx)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.cases)
        self.pages.addWidget(self.reports)
        self.navigation = QListWidget()
        self.navigation.addItems(list(self.SECTIONS))
        self.navigation.setFixedWidth(120)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_search)

    def _focus_search(self) -> None:
        self.navigation.setCurrentRow(0)
        self.cases.search.setFocus()
