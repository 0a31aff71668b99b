"""Showing and printing the real pages of a generated PDF (pypdfium2 renders them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument


def _document(path: Path) -> PdfDocument:
    # Imported on first use: the renderer's library is not needed for the window to start.
    import pypdfium2

    return pypdfium2.PdfDocument(str(path))


def render_pages(path: Path, dpi: float) -> list[QImage]:
    document = _document(path)
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
    """Print the PDF's own pages at 100 %, as vectors wherever possible: a "print to PDF"
    printer gets the file itself; a real printer gets it through the system's printing
    (CUPS ``lp``; the PDF application's print verb on Windows), which keeps the vectors and
    the scale; only where neither is possible are the pages drawn — at the printer's
    resolution, on the whole paper, unscaled. Returns the pages sent."""
    pages = page_count(path)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        shutil.copyfile(path, printer.outputFileName())
        return pages
    if system_print(path, printer.printerName(), printer.copyCount()):
        return pages
    return print_raster(path, printer)


def page_count(path: Path) -> int:
    document = _document(path)
    try:
        return len(document)
    finally:
        document.close()


def system_print(path: Path, printer_name: str, copies: int = 1) -> bool:
    """Hand the PDF to the system's printing; False when it has none that takes a PDF."""
    if sys.platform == "win32":
        try:
            # The PDF application prints it to the chosen printer (its own, vector path).
            os.startfile(str(path), "printto", f'"{printer_name}"')  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    lp = shutil.which("lp")
    if lp is None:
        return False
    command = [lp, "-n", str(max(copies, 1)), "-o", "fit-to-page=false"]
    if printer_name:
        command += ["-d", printer_name]
    result = subprocess.run([*command, "--", str(path)], capture_output=True, check=False)
    return result.returncode == 0


def print_raster(path: Path, printer: QPrinter) -> int:
    """Draw each page at the printer's resolution (at most 600 dpi) over the whole paper at
    its real size: 1 PDF point prints as 1/72 inch, nothing is shrunk into the margins."""
    document = _document(path)
    try:
        if not len(document):
            return 0
        width, height = document[0].get_size()
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point))
        dpi = min(600, printer.resolution())
        scale = printer.resolution() / dpi
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            for index in range(len(document)):
                if index:
                    printer.newPage()
                bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height,
                               bitmap.stride, QImage.Format.Format_RGB888)  # fmt: skip
                target = QRectF(0, 0, image.width() * scale, image.height() * scale)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return len(document)
    finally:
        document.close()


class PdfPreview(QScrollArea):
    """The pages one under another, as they will print; zoomed in and out, or to the width
    of the view."""

    MIN_DPI, MAX_DPI = 30.0, 300.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._inner)
        self.page_count = 0
        self.dpi = 80.0
        self._path: Path | None = None
        self._page_width = 595.0  # points: A4 until a document says otherwise

    def show_pdf(self, path: Path, dpi: float | None = None) -> None:
        self._path = path
        if dpi is not None:
            self.dpi = dpi
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        document = _document(path)
        try:
            if len(document):
                self._page_width = document[0].get_size()[0]
        finally:
            document.close()
        pages = render_pages(path, self.dpi * self.devicePixelRatioF())
        for image in pages:
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self._layout.addWidget(label)
        self.page_count = len(pages)

    @property
    def zoom_percent(self) -> int:
        """The zoom against the page's real size on this screen."""
        return round(self.dpi / max(self.logicalDpiX(), 1) * 100)

    def zoom(self, factor: float) -> None:
        self._redraw(self.dpi * factor)

    def fit_width(self) -> None:
        """The page as wide as the view (less room for the frame and the scroll bar)."""
        room = self.viewport().width() - 2 * self._layout.contentsMargins().left() - 4
        self._redraw(room / self._page_width * 72)

    def _redraw(self, dpi: float) -> None:
        self.dpi = min(max(dpi, self.MIN_DPI), self.MAX_DPI)
        if self._path is not None:
            self.show_pdf(self._path)


def offer_print(parent: QWidget, path: Path, title: str) -> None:
    """After a document is saved: print it now if the clerk wants to."""
    question = QCoreApplication.translate("PdfView", "Saved. Print it now?")
    if QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted:
            print_pdf(path, printer)
