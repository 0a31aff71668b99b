"""Simplified Chinese by default: English source strings, the zh_CN translation shipped."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from legalaid.paths import resources_dir

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication) -> str:
    """Load zh_CN (ours and Qt's own dialogs) unless ``LEGALAID_LANG=en``; returns the
    language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = os.environ.get("LEGALAID_LANG", "zh_CN")
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return "en"
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / "legalaid_zh_CN.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return "zh_CN"
