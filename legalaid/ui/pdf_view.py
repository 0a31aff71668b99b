"""Showing and printing the real pages of a generated PDF (pypdfium2 renders them)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget


def render_pages(path: Path, dpi: float) -> list[QImage]:
    document = pdfium.PdfDocument(str(path))
    try:
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888,
            )
            images.append(image.copy())  # detach from pdfium's buffer
        return images
    finally:
        document.close()


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Draw each page at the printer's resolution (at most 300 dpi); returns pages printed."""
    dpi = min(300, printer.resolution())
    pages = render_pages(path, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(target.x(), target.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return len(pages)


class PdfPreview(QScrollArea):
    """The pages one under another, as they will print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._inner)
        self.page_count = 0

    def show_pdf(self, path: Path, dpi: float = 80) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        pages = render_pages(path, dpi * self.devicePixelRatioF())
        for image in pages:
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self._layout.addWidget(label)
        self.page_count = len(pages)


def offer_print(parent: QWidget, path: Path, title: str) -> None:
    """After a document is saved: print it now if the clerk wants to."""
    question = QCoreApplication.translate("PdfView", "Saved. Print it now?")
    if QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted:
            print_pdf(path, printer)
