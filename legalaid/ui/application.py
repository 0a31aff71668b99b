"""Starting the desktop application: Qt, the shipped Chinese font, the database, the window."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from legalaid import logs
from legalaid.domain.errors import LegalAidError
from legalaid.paths import font_file, resources_dir
from legalaid.ui import crash
from legalaid.ui.i18n import install_translations


def load_chinese_font(app: QApplication) -> None:
    """Chinese renders on any machine: the font ships with the application."""
    path = font_file()
    if path.exists():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            font = QFont(families[0])
            font.setPointSize(10)
            app.setFont(font)


def run(db: str | None) -> int:
    from legalaid.services import setup
    from legalaid.storage.database import Database, SchemaOutdated
    from legalaid.ui.first_run import FirstRunWizard
    from legalaid.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("legalaid")
    app.setApplicationName("legalaid")
    install_translations(app)
    app.setApplicationDisplayName(app.translate("Application", "Legal aid case management"))
    load_chinese_font(app)
    icon = resources_dir() / "icons" / "legalaid.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    log_path = logs.configure()
    crash.install(log_path)
    settings = QSettings()
    remembered = settings.value("database/target")
    target = (
        db
        or os.environ.get("LEGALAID_DB")
        or (remembered if isinstance(remembered, str) and remembered else None)
        or setup.default_database()
    )
    if "://" not in target and not Path(target).exists():
        # No database yet: the first-run wizard chooses where and registers the offices.
        wizard = FirstRunWizard(target)
        if wizard.exec() != QWizard.DialogCode.Accepted or wizard.result_target is None:
            return 0
        target = wizard.result_target
        settings.setValue("database/target", target)
    try:
        try:
            ctx = setup.open_context(target)
        except SchemaOutdated:
            # A fresh per-user database is created on first start (init is idempotent).
            setup.initialise(Database(target))
            ctx = setup.open_context(target)
    except LegalAidError as exc:
        QMessageBox.critical(
            None, app.translate("Application", "Cannot open the database"), exc.message
        )
        return 1
    from legalaid.ui.login import sign_in

    signed = sign_in(ctx)  # every desktop user signs in; the first start creates the admin
    if signed is None:
        return 0
    window = MainWindow(signed)
    window.show()
    start_daily_backup(target, ctx.today())
    return int(app.exec())


def start_daily_backup(target: str, today: date) -> None:
    """Once a day, in the background: a consistent copy of the database (SQLite only)."""
    from legalaid.services.backups import BackupPolicy, daily_backup
    from legalaid.ui import tasks
    from legalaid.ui.settings_page import backup_folder

    policy = BackupPolicy(folder=backup_folder())
    tasks.start(tasks.Task(lambda _progress: daily_backup(target, policy, today=today)))
