"""关于: version, where the data is, and the licences of what ships with the application."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from legalaid import __version__
from legalaid.logs import log_folder
from legalaid.paths import resources_dir


class AboutDialog(QDialog):
    def __init__(self, database_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About legalaid"))
        header = QLabel(self.tr("<b>Legal aid case management</b> {0}").format(__version__))
        where = QLabel(
            self.tr("Database: {0}\nLog folder: {1}").format(
                database_url.removeprefix("sqlite:///"), log_folder()
            )
        )
        where.setWordWrap(True)
        licences = QTextBrowser()
        font_copyright = resources_dir() / "fonts" / "wqy-microhei.COPYRIGHT"
        parts = [
            self.tr(
                "Third-party components: Qt for Python (PySide6, LGPLv3), SQLAlchemy "
                "(MIT), Alembic (MIT), reportlab (BSD), openpyxl (MIT), pypinyin (MIT), "
                "chinese-calendar (MIT), pypdfium2 (Apache-2.0 / BSD), platformdirs "
                "(MIT)."
            )
        ]
        if font_copyright.exists():
            parts.append(
                self.tr("Font WenQuanYi Micro Hei (Apache-2.0 or GPLv3 with font exception):")
            )
            parts.append(font_copyright.read_text(encoding="utf-8", errors="replace"))
        licences.setPlainText("\n\n".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(where)
        layout.addWidget(licences)
        layout.addWidget(buttons)
        self.resize(640, 480)
