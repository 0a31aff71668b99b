"""First run: choose the database (this computer, or the office's PostgreSQL server), register
the office(s) with their case-number prefix, optionally load demonstration data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from legalaid.domain.errors import LegalAidError
from legalaid.services.commands.accounts import check_password
from legalaid.services.commands.setup import check_connection, postgres_url, set_up_database
from legalaid.ui.kit.widgets import FieldError


class DatabasePage(QWizardPage):
    def __init__(self, default_path: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Where the data is kept"))
        self.local = QRadioButton(self.tr("On this computer (recommended for one desktop)"))
        self.local.setChecked(True)
        self.path = QLineEdit(default_path)
        self.server = QRadioButton(self.tr("On the office's PostgreSQL server (several desktops)"))
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("legalaid")
        self.user = QLineEdit("legalaid")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test = QPushButton(self.tr("Test the connection"))
        self.result = FieldError()
        self.result.setStyleSheet("")
        server_form = QFormLayout()
        server_form.addRow(self.tr("Server"), self.host)
        server_form.addRow(self.tr("Port"), self.port)
        server_form.addRow(self.tr("Database"), self.database)
        server_form.addRow(self.tr("User"), self.user)
        server_form.addRow(self.tr("Password"), self.password)
        server_form.addRow("", self.test)
        self.server_box = QWidget()
        self.server_box.setLayout(server_form)
        self.server_box.setEnabled(False)
        self.server.toggled.connect(self.server_box.setEnabled)
        self.local.toggled.connect(self.path.setEnabled)
        self.test.clicked.connect(self.test_connection)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.path)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addWidget(self.result)
        self.tested = False

    def target(self) -> str:
        if self.local.isChecked():
            return self.path.text().strip()
        return postgres_url(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )

    def test_connection(self) -> bool:
        try:
            check_connection(self.target())
        except LegalAidError as exc:
            self.result.show_message(exc.message)
            self.tested = False
            return False
        self.result.show_message(self.tr("Connected."))
        self.tested = True
        return True

    def validatePage(self) -> bool:
        # A server must answer before its settings are kept.
        return self.local.isChecked() or self.test_connection()


class OfficesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Legal-aid offices"))
        self.setSubTitle(
            self.tr(
                "The first row is the main office; each office numbers its "
                "own cases with its prefix (株 → 株法援〔2026〕第1号)."
            )
        )
        self.table = QTableWidget(4, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Case-number prefix")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 260)
        self.error = FieldError()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)

    def set_row(self, row: int, code: str, name: str, prefix: str) -> None:
        for column, value in enumerate((code, name, prefix)):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def offices(self) -> list[tuple[str, str, str]]:
        rows = []
        for row in range(self.table.rowCount()):
            values = [self._text(row, column) for column in range(3)]
            if any(values):
                rows.append((values[0], values[1], values[2]))
        return rows

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def validatePage(self) -> bool:
        if not self.offices():
            self.error.show_message(self.tr("Register at least one office."))
            return False
        return True


class AdminPage(QWizardPage):
    """The administrator: adds the other users and sets their roles."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator adds the other users and their roles."))
        self.username = QLineEdit("admin")
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        form.addRow(self.error)

    def account(self) -> tuple[str, str, str]:
        username = self.username.text().strip()
        return username, self.name.text().strip() or username, self.password.text()

    def validatePage(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.show_message(self.tr("The two passwords differ."))
            return False
        try:
            check_password(self.password.text())
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return False
        if not self.username.text().strip():
            self.error.show_message(self.tr("Enter a user name."))
            return False
        return True


class FirstRunWizard(QWizard):
    def __init__(self, default_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Setting up legalaid"))
        self.database_page = DatabasePage(default_path)
        self.offices_page = OfficesPage()
        self.admin_page = AdminPage()
        finish = QWizardPage()
        finish.setTitle(self.tr("Ready"))
        self.demo = QCheckBox(self.tr("Load 1,000 demonstration cases to try the application"))
        self.error = FieldError()
        finish_layout = QVBoxLayout(finish)
        finish_layout.addWidget(QLabel(self.tr("The database is created when you finish.")))
        finish_layout.addWidget(self.demo)
        finish_layout.addWidget(self.error)
        for page in (self.database_page, self.offices_page, self.admin_page, finish):
            self.addPage(page)
        self.result_target: str | None = None

    def accept(self) -> None:
        target = self.database_page.target()
        try:
            set_up_database(
                target,
                offices=self.offices_page.offices(),
                admin=self.admin_page.account(),
                demo_cases=1000 if self.demo.isChecked() else 0,
            )
        except LegalAidError as exc:
            self.error.show_message(exc.message)
            return
        self.result_target = target
        super().accept()
