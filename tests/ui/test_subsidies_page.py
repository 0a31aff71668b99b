"""补贴: approved subsidies into a payment batch, its list saved, paid; standards versioned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from legalaid.domain.vocabulary import HandlerType
from legalaid.services import subsidies
from legalaid.services.context import Context
from legalaid.services.offices import add_handler
from legalaid.ui.main_window import MainWindow
from tests.services.test_subsidies import _closed_case


def test_payment_batch_and_standard_versions(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path, backend: str
) -> None:
    case_id = _closed_case(offices, assigned=date(2025, 3, 3))
    subsidies.review_subsidy(offices, case_id=case_id)
    add_handler(
        offices, name="谭飞军", handler_type=HandlerType.LAWYER, firm_name="湖南天元律师事务所"
    )
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show_section(window.SUBSIDIES)
    tab = window.subsidies.payments
    tab.period_from.setDate(tab.period_from.date().fromString("2026-10-01", "yyyy-MM-dd"))
    assert tab.firm.findText("湖南天元律师事务所") > 0
    tab.firm.setCurrentIndex(tab.firm.findText("湖南天元律师事务所"))
    tab.show_candidates()
    assert tab.lines.rowCount() == 0  # another firm's cases only
    tab.firm.setCurrentIndex(0)
    tab.show_candidates()
    assert tab.lines.rowCount() == 1 and "3,500.00" in tab.message.text()
    tab.create_button.click()
    assert tab.batches.count() == 1 and "待发放" in tab.batches.currentText()
    assert tab.save_batch(tmp_path / "list.xlsx")
    tab.pay.click()
    assert "已发放" in tab.batches.currentText()
    assert subsidies.case_subsidy(offices, case_id=case_id).state is subsidies.PaymentState.PAID
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "payments.png"))

    standards = window.subsidies.standards
    window.subsidies.setCurrentWidget(standards)
    assert not standards.save_edit.isEnabled()  # the shipped standard has been used
    standards.base.item(0, 2).setText("-5")
    assert not standards.store(new_version=True)
    assert "不能为负数" in standards.message.text()
    standards.show_version()
    standards.name.setText("2026版")
    standards.effective_from.setDate(
        standards.effective_from.date().fromString("2026-01-01", "yyyy-MM-dd")
    )
    standards.cross_region.setText("1500")
    assert standards.store(new_version=True)
    assert standards.versions.count() == 2 and "2026版" in standards.versions.currentText()
    assert standards.save_edit.isEnabled()  # not used yet: may still be corrected
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "standards.png"))
