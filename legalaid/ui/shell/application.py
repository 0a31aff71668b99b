"""Starting the desktop application: Qt, the shipped Chinese font, the database, the window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWizard

from legalaid import logs
from legalaid.domain.errors import LegalAidError
from legalaid.paths import font_file, resources_dir
from legalaid.services.plumbing import credentials
from legalaid.ui.shell import crash
from legalaid.ui.shell.i18n import install_translations

if TYPE_CHECKING:
    from legalaid.services.plumbing.context import Context
    from legalaid.ui.shell.main_window import MainWindow


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
    from legalaid.services.commands import setup
    from legalaid.storage.database import Database, SchemaOutdated
    from legalaid.ui.shell.first_run import FirstRunWizard

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
    target = db or os.environ.get("LEGALAID_DB") or remembered_target(settings)
    target = target or setup.default_database()
    if setup.is_empty_file(target) and not confirm_empty_file(target):
        return 0
    if "://" not in target and not Path(target).exists():
        # No database yet: the first-run wizard chooses where and registers the offices.
        wizard = FirstRunWizard(target)
        if wizard.exec() != QWizard.DialogCode.Accepted or wizard.result_target is None:
            return 0
        target = wizard.result_target
        remember_target(settings, target)
    target = credentials.complete(target)
    asked = False
    for _attempt in range(3):
        if credentials.needs_password(target):
            password = ask_password(target)
            if password is None:
                return 0
            target, asked = credentials.with_password(target, password), True
        try:
            try:
                ctx = setup.open_context(target)
            except SchemaOutdated:
                # A fresh per-user database is created on first start (init is idempotent).
                setup.initialise(Database(target))
                ctx = setup.open_context(target)
        except LegalAidError as exc:
            if "password authentication failed" in exc.message:
                # The kept password no longer works (changed on the server): ask again.
                credentials.forget_password(target)
                target = credentials.without_password(target)
                continue
            QMessageBox.critical(
                None, app.translate("Application", "Cannot open the database"), exc.message
            )
            return 1
        break
    else:
        return 1
    if asked:
        credentials.keep_password(target)
    from legalaid.ui.shell.login import sign_in

    signed = sign_in(ctx)  # every desktop user signs in; the first start creates the admin
    if signed is None:
        return 0
    open_window(ctx, signed, sign_in)
    start_daily_backup(target, ctx.today())
    return int(app.exec())


_windows: list[MainWindow] = []  # the window in use (kept from the garbage collector)


def open_window(
    ctx: Context, signed: Context, sign_in: Callable[[Context], Context | None]
) -> MainWindow:
    """The signed-in user's window; when they sign out, the next user signs in to a window
    of their own (a shared PC), or the application ends if nobody does."""
    from legalaid.ui.shell.main_window import MainWindow

    window = MainWindow(signed)

    def next_user() -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # While nobody is signed in no window shows: the sign-in dialog closing must not end
        # the application as the last window closed would.
        app.setQuitOnLastWindowClosed(False)
        try:
            following = sign_in(ctx)
            if following is not None:
                open_window(ctx, following, sign_in)
            _windows.remove(window)
            window.close()
            window.deleteLater()
        finally:
            app.setQuitOnLastWindowClosed(True)
        if following is None:
            app.quit()

    window.signed_out.connect(next_user, Qt.ConnectionType.QueuedConnection)
    _windows.append(window)
    window.show()
    QTimer.singleShot(SETTLE_MS, settle_heap)
    return window


SETTLE_MS = 1000  # after the first page is drawn (and a signed-out window deleted)


def settle_heap() -> None:
    """Keep what start-up built out of the collector's full passes: they walk every object
    the process holds while no other thread may run, which at a million cases froze the
    window for 100 ms in the middle of a section read in the background (10 ms once frozen).
    Unfrozen and collected first, so that a signed-out user's window is freed."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def remembered_target(settings: QSettings) -> str | None:
    """The database this desktop used last. A server password that an earlier release kept in
    the plain settings moves into the credential store (or is dropped: asked at start)."""
    value = settings.value("database/target")
    if not isinstance(value, str) or not value:
        return None
    if credentials.without_password(value) != value:
        kept, stored = credentials.keep_password(value)
        settings.setValue("database/target", kept)
        return kept if stored else value  # without a store: used this once, then asked
    return value


def remember_target(settings: QSettings, target: str) -> None:
    """Remember the database for the next start — a server's password only in the operating
    system's credential store, never in the settings."""
    settings.setValue("database/target", credentials.keep_password(target)[0])


def ask_password(target: str) -> str | None:
    """The server password, asked when no credential store keeps it (None: cancelled)."""
    from sqlalchemy.engine import make_url

    url = make_url(target)
    password, accepted = QInputDialog.getText(
        None,
        QApplication.translate("Application", "Connect to the office server"),
        QApplication.translate("Application", "Password of {0} on {1}:").format(
            url.username or "", url.host or "localhost"
        ),
        QLineEdit.EchoMode.Password,
    )
    return password if accepted else None


def confirm_empty_file(target: str) -> bool:
    """An existing but empty database file becomes a new installation only when the user says
    so (it may be what an interrupted restore or a disk fault left of the office's data)."""
    answer = QMessageBox.warning(
        None,
        QApplication.translate("Application", "The database file is empty"),
        QApplication.translate(
            "Application",
            "The database file {0} exists but holds no data. An interrupted copy or a disk "
            "fault can leave such a file: if the office had data here, close and restore the "
            "latest backup instead.\n\nSet up a new, empty database in this file?",
        ).format(target),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    Path(target).unlink()  # the first-run wizard builds the new database in its place
    return True


def start_daily_backup(target: str, today: date) -> None:
    """Once a day, in the background: a consistent copy of the database (SQLite only)."""
    from legalaid.services.commands.backups import BackupPolicy, daily_backup
    from legalaid.ui.pages.settings_page import backup_folder
    from legalaid.ui.work import tasks

    policy = BackupPolicy(folder=backup_folder())
    tasks.start(tasks.Task(lambda _progress: daily_backup(target, policy, today=today)))
