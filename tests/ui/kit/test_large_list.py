"""The case list over 100,000 demo cases opens on its first page, filters, searches, scrolls."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.search import name_pinyin
from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases
from legalaid.storage.database import Database
from legalaid.ui.kit.case_table import PAGE
from legalaid.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.cells import row_count


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Context:
    db = Database(str(tmp_path_factory.mktemp("large") / "large.sqlite3"))
    initialise(db)
    ctx = Context(db=db, today=lambda: TODAY, now=lambda: datetime(2026, 11, 20, 9, 0))
    generate_demo(ctx, cases=100_000, year=2026, seed=42)
    return ctx


def test_hundred_thousand_cases(
    large: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    window = MainWindow(large, settings)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    model = window.cases.model
    qtbot.waitUntil(lambda: model.total == 100_000)  # counted in the background
    assert model.rowCount() == PAGE  # only the first page is loaded
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE

    window.cases.state.setCurrentIndex(window.cases.state.findData("承办中"))
    expected = count_cases(large, CaseFilter(states=(window.cases.current_filter().states)))
    qtbot.waitUntil(lambda: model.total == expected > 0)
    assert {model.index(r, model.STATE).data() for r in range(model.rowCount())} == {"承办中"}
    window.cases.state.setCurrentIndex(0)

    sample = find_cases(large, limit=1)[0]
    two = sample.name[:2]
    window.cases.search.setText(two)
    qtbot.waitUntil(lambda: model.total == count_cases(large, CaseFilter(query=two)))
    assert all(two in model.index(r, model.NAME).data() for r in range(model.rowCount()))
    window.cases.search.setText("zs")
    qtbot.waitUntil(lambda: model.total == count_cases(large, CaseFilter(query="zs")))
    names = {model.index(r, model.NAME).data() for r in range(model.rowCount())}
    # Every name found reads "z… s…" (initials as typed, surname readings included).
    assert names and all(
        any(initials.startswith("zs") for initials, _ in name_pinyin(n)) for n in names
    )
    window.cases.search.setText("")
    window.cases.overdue.setChecked(True)
    overdue = count_cases(large, CaseFilter(overdue_on=date(2026, 11, 20)))
    qtbot.waitUntil(lambda: model.total == overdue)
    assert all(model.index(r, model.DUE).data() < "2026-11-20" for r in range(model.rowCount()))
    window.cases.overdue.setChecked(False)

    window.grab().save(str(tmp_path / "cases-100k.png"))
    window.show_section(window.DEADLINES)
    qtbot.waitUntil(lambda: not window.loader.loading, timeout=30_000)
    assert window.deadlines.rows
    window.grab().save(str(tmp_path / "deadlines.png"))
    window.show_section(window.HANDLERS)
    qtbot.waitUntil(lambda: not window.loader.loading, timeout=30_000)
    assert row_count(window.handlers.table) > 0
    window.grab().save(str(tmp_path / "handlers.png"))


def test_a_search_shows_its_first_page_at_once_and_counts_behind_it(
    large: Context, qtbot: QtBot, settings: QSettings
) -> None:
    """A one-letter search matching tens of thousands of cases: the rows are there when the
    list is refiltered, the count follows in the background, and a newer search's count wins
    over an older one still running."""
    window = MainWindow(large, settings)
    qtbot.addWidget(window)
    window.show()
    page, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.total == 100_000)
    page.search.setText("z")
    page.refresh()  # as the search box does once typing pauses
    assert model.rowCount() == PAGE and model.total is None
    assert window.statusBar().currentMessage() == "正在计数…"
    assert model.canFetchMore()  # scrolling goes on before the count arrives
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    page.search.setText("li")  # typed on before the first count came back
    page.refresh()
    expected = count_cases(large, CaseFilter(query="li"))
    qtbot.waitUntil(lambda: model.total is not None)
    assert model.total == expected > PAGE
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(f"共 {expected} 件"))
    page.search.setText("王芳")  # one page or less: counted by its rows at once
    page.refresh()
    assert model.total == model.rowCount() < PAGE
