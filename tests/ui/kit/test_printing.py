"""Printing keeps the document as it is: to a PDF printer the pages go as vectors, same size
and text; where pages must be drawn, they are drawn at the printer's resolution over the
whole paper, at 100 % (never shrunk into the margins)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from legalaid.domain.aid_services import ServiceKind
from legalaid.domain.documents import DocumentKind
from legalaid.domain.vocabulary import CaseSource, CaseType
from legalaid.services.commands import intake
from legalaid.services.commands.documents import write_document
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.pdf_view import print_pdf, print_raster

pytestmark = pytest.mark.usefixtures("poppler")


def _info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def _receipt(ctx: Context, out: Path, received: date = date(2026, 11, 2)) -> Path:
    ref = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL,
        received_on=received, cause="劳动报酬纠纷", hardship_basis="个人诚信承诺",
        person=PersonInput(name="刘桂英"),
    ))  # fmt: skip
    write_document(ctx, case_id=ref.id, kind=DocumentKind.RECEIPT, out=out)
    return out


def _pdf_printer(out: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def test_a_pdf_printer_gets_the_vectors(offices: Context, qtbot: QtBot, tmp_path: Path) -> None:
    source = _receipt(offices, tmp_path / "receipt.pdf")
    printed = tmp_path / "printed.pdf"
    assert print_pdf(source, _pdf_printer(printed)) == 1
    assert "595.276 x 841.89 pts (A4)" in _info(printed)
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True,
                          text=True).stdout  # fmt: skip
    assert "法律援助申请材料接收凭证" in text and "刘桂英" in text  # text, not a picture


def test_drawn_pages_are_full_size_at_the_printers_resolution(
    offices: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    source = _receipt(offices, tmp_path / "receipt.pdf")
    printed = tmp_path / "raster.pdf"
    printer = _pdf_printer(printed)
    printer.setResolution(300)
    assert print_raster(source, printer) == 1
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", _info(printed))
    assert size and abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1
    images = subprocess.run(["pdfimages", "-list", str(printed)], capture_output=True,
                            text=True).stdout.splitlines()[2:]  # fmt: skip
    assert len(images) == 1
    columns = images[0].split()
    width, height, x_ppi, y_ppi = int(columns[3]), int(columns[4]), columns[12], columns[13]
    # A4 at 300 dpi, placed at 300 ppi: 1 point of the document prints as 1/72 inch.
    assert abs(width - 2480) <= 1 and abs(height - 3508) <= 1
    assert (x_ppi, y_ppi) == ("300", "300")


def test_the_desk_prints_a_days_receipts_and_one_registration_form(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    from legalaid.services.commands import aid_services
    from legalaid.services.commands.aid_services import ServiceForm
    from legalaid.ui.shell.main_window import MainWindow
    from tests.services.commands.test_aid_services import _consultation

    _receipt(offices, tmp_path / "first.pdf", received=offices.today())
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    assert window.receipts_action.isVisible()
    day = tmp_path / "day.pdf"
    assert window.save_receipts(day)
    assert "刘桂英" in subprocess.run(["pdftotext", str(day), "-"], capture_output=True,
                                     text=True).stdout  # fmt: skip
    service_id = aid_services.register_service(
        offices, ServiceForm(_consultation("王秀英"), office_code="ZZ")
    )
    page = window.services
    page.refresh()
    form = tmp_path / "form.pdf"
    assert page.save_form(service_id, form)
    text = subprocess.run(["pdftotext", str(form), "-"], capture_output=True, text=True).stdout
    assert "法律咨询登记表" in text and "王秀英" in text

    # The day's consultations, one form each, in one PDF.
    aid_services.register_service(offices, ServiceForm(_consultation("李强"), office_code="ZZ"))
    page.show_day(offices.today())
    day_forms = tmp_path / "day-forms.pdf"
    assert page.save_day_forms(ServiceKind.CONSULTATION, day_forms)
    text = subprocess.run(["pdftotext", str(day_forms), "-"], capture_output=True,
                          text=True).stdout  # fmt: skip
    assert text.count("法律咨询登记表") == 2 and "王秀英" in text and "李强" in text
