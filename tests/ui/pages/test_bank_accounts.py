"""承办人员 › 银行账户: the accounts the payment list names, entered where the handlers are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands.offices import add_handler, list_handlers
from legalaid.services.commands.payments import payee_of
from legalaid.services.plumbing.context import Context
from legalaid.ui.pages.handlers_page import BankDialog, HandlersPage

Answer = Callable[[Callable[[QWidget], None]], None]


def test_the_firm_account_receives_its_lawyers_pay(
    offices: Context, qtbot: QtBot, answer_dialog: Answer, tmp_path: Path, backend: str
) -> None:
    add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER,
                firm_name="湖南天元律师事务所")  # fmt: skip
    page = HandlersPage(offices)
    qtbot.addWidget(page)
    page.refresh()
    page.table.selectRow(0)
    assert not page.bank.isHidden()  # a clerk pays subsidies

    def fill(box: QWidget) -> None:
        assert isinstance(box, BankDialog)
        box.firm_bank.setText("中国建设银行株洲分行")
        box.firm_account.setText("4305 0162 6201 0000 0123")  # spaces as printed on a card
        box.account.setText("62284800123")  # no bank given: said beside the form
        save = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        save.click()
        assert box.isVisible() and "开户银行" in box.error.text()
        box.bank.setText("中国农业银行")
        if backend == "sqlite":
            box.grab().save(str(tmp_path / "bank.png"))
        save.click()

    answer_dialog(fill)
    page.bank.click()
    handler = list_handlers(offices)[0]
    assert handler.firm_bank == ("中国建设银行株洲分行", "43050162620100000123")
    assert handler.bank == ("中国农业银行", "62284800123")
    payee, account = payee_of(handler.name, handler.firm, handler.bank, handler.firm_bank)
    assert payee == "湖南天元律师事务所" and account.endswith("43050162620100000123")
