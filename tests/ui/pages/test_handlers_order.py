"""Handlers appear in dictionary order (pinyin; 曾 read zeng as a surname), not code points."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands.offices import add_handler, list_handlers
from legalaid.services.plumbing.context import Context
from legalaid.ui.pages.handlers_page import HandlersPage
from tests.ui.cells import cell, row_count

NAMES = ["曾杰红", "王芳", "陈明", "李娜", "安然"]
ORDER = ["安然", "陈明", "李娜", "王芳", "曾杰红"]


def test_handlers_in_pinyin_order(offices: Context, qtbot: QtBot) -> None:
    for name in NAMES:
        add_handler(offices, name=name, handler_type=HandlerType.LAWYER)
    assert [h.name for h in list_handlers(offices)] == ORDER
    page = HandlersPage(offices)
    qtbot.addWidget(page)
    page.refresh()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = [cell(page.table, row, 0) for row in range(row_count(page.table))]
    assert shown == ORDER[::-1]
