"""A bug is logged without personal data and shown once; the application goes on."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from legalaid import logs
from legalaid.ui.shell import crash

Answer = Callable[[Callable[[QWidget], None]], None]


def test_unexpected_error_is_logged_without_data_and_shown_once(
    tmp_path: Path, answer_dialog: Answer, qapp: object
) -> None:
    path = logs.configure(tmp_path)
    previous = sys.excepthook
    crash.install(path)
    seen: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    try:
        answer_dialog(close)
        try:
            raise ValueError("430225197808134424 袁英燕 13236344021")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        try:
            raise KeyError("second")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)  # no second dialog
    finally:
        sys.excepthook = previous
        crash._shown = False
    for handler in logging.getLogger("legalaid").handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "builtins.KeyError" in text
    assert "430225197808134424" not in text and "袁英燕" not in text and "1323634" not in text
    assert len(seen) == 1 and "ValueError" in seen[0] and str(path) in seen[0]
