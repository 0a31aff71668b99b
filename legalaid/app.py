"""Desktop entry point: ``legalaid`` without a command opens the main window."""

from __future__ import annotations

import sys

# Exit status when the Qt binding is known to abort the process later (see ui/qt_runtime.py).
BROKEN_BINDING = 3


def refuse(message: str) -> int:
    """Say why the program does not start: on the console and, where possible, in a box."""
    print(message, file=sys.stderr)
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv)
    if isinstance(app, QApplication) and app.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, "法律援助案件管理", message)
    return BROKEN_BINDING


def main(db: str | None = None) -> int:
    from legalaid.ui.shell.qt_runtime import startup_problem

    problem = startup_problem()
    if problem is not None:
        return refuse(problem)
    from legalaid.ui.shell.application import run

    return int(run(db))
