"""GUI tests run in Simplified Chinese with the shipped font, as clerks see it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from legalaid.ui.shell.application import load_chinese_font
from legalaid.ui.shell.i18n import install_translations


@pytest.fixture(autouse=True)
def user_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Settings written by the code under test go to a scratch folder, not the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.getbasetemp() / "qsettings"),
    )


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    assert install_translations(qapp) == "zh_CN"
    load_chinese_font(qapp)
    yield


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def answer_dialog() -> Callable[..., None]:
    """Answer the next modal dialog the code under test opens (``exec`` blocks otherwise);
    with ``kind``, the next one of that class (a dialog still open while its save runs on the
    database worker is not the one that opens after it)."""

    def schedule(answer: Callable[[QWidget], None], kind: type[QWidget] = QWidget) -> None:
        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind):
                QTimer.singleShot(20, run)
                return
            answer(dialog)

        QTimer.singleShot(0, run)

    return schedule
