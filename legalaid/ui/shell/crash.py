"""Bugs: logged (type and stack, no personal data) and shown once in a dialog; the
application keeps running where it can."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from legalaid.domain.errors import LegalAidError
from legalaid.logs import describe_error

log = logging.getLogger("legalaid.crash")
_shown = False


def install(log_path: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        global _shown
        if isinstance(error, LegalAidError):
            # A sentence for the user that a screen forgot to catch: show it, nothing to log.
            QMessageBox.warning(QApplication.activeWindow(), "legalaid", error.message)
            return
        log.error("unexpected error: %s", describe_error(kind, tb))
        if _shown:
            return  # one dialog, not a cascade
        _shown = True
        title = QCoreApplication.translate("Crash", "Unexpected error")
        text = QCoreApplication.translate(
            "Crash",
            "Something went wrong inside legalaid ({0}). What you saved is safe; "
            "the last action may not have completed.\nDetails are in the log: {1}",
        )
        QMessageBox.critical(
            QApplication.activeWindow(), title, text.format(kind.__name__, log_path)
        )

    sys.excepthook = hook
