"""The first-run wizard: local database or office server (tested before it is kept), offices
with their prefixes, optional demonstration data."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from legalaid.domain.permissions import Role
from legalaid.services.commands.accounts import sign_in
from legalaid.services.commands.offices import list_offices
from legalaid.services.commands.setup import open_context
from legalaid.services.queries.cases import count_cases
from legalaid.ui.shell.first_run import FirstRunWizard
from tests.conftest import PG_ENV


def test_local_database_with_offices_and_demo(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "first.sqlite3"
    wizard = FirstRunWizard(str(target))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.database_page.local.isChecked()
    wizard.next()
    assert wizard.currentPage() is wizard.offices_page
    wizard.next()  # no office yet: refused with a reason, the page stays
    assert wizard.currentPage() is wizard.offices_page
    assert "至少登记一个机构" in wizard.offices_page.error.text()
    wizard.offices_page.set_row(0, "ZZ", "株洲市法律援助中心", "株")
    wizard.offices_page.set_row(1, "LL", "醴陵市法律援助中心", "醴")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    admin = wizard.admin_page
    admin.name.setText("周主任")
    admin.password.setText("Admin2026")
    admin.repeat.setText("Admin2026x")
    wizard.next()  # the two passwords differ: the page stays
    assert wizard.currentPage() is admin and "两次输入的密码不一致" in admin.error.text()
    admin.password.setText("short")
    admin.repeat.setText("short")
    wizard.next()
    assert wizard.currentPage() is admin and "密码至少8位" in admin.error.text()
    admin.password.setText("Admin2026")
    admin.repeat.setText("Admin2026")
    wizard.next()
    wizard.demo.setChecked(True)
    wizard.accept()
    assert wizard.result_target == str(target)
    ctx = open_context(str(target))
    offices = {o.code: o for o in list_offices(ctx)}
    assert offices["ZZ"].prefix == "株" and offices["LL"].parent_code == "ZZ"
    assert count_cases(ctx) == 1000
    principal = sign_in(ctx, username="admin", password="Admin2026")
    assert principal.role is Role.ADMIN and principal.name == "周主任"
    ctx.db.dispose()


def test_server_connection_is_tested_before_it_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(str(tmp_path / "unused.sqlite3"))
    qtbot.addWidget(wizard)
    page = wizard.database_page
    page.server.setChecked(True)
    page.host.setText("127.0.0.1")
    page.port.setValue(1)  # nothing listens there
    assert not page.validatePage()
    assert "无法连接数据库" in page.result.text()
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server configured ({PG_ENV})")
    url = make_url(server)
    page.host.setText(url.host or "")
    page.port.setValue(url.port or 5432)
    page.database.setText(url.database or "")
    page.user.setText(url.username or "")
    assert page.validatePage()
    assert page.target().startswith("postgresql+psycopg://")


def test_an_existing_but_empty_file_is_not_taken_for_a_new_installation_unasked(
    tmp_path: Path, answer_dialog: Callable[[Callable[[QWidget], None]], None]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from legalaid.services.commands.setup import is_empty_file
    from legalaid.ui.shell.application import confirm_empty_file

    empty = tmp_path / "legalaid.sqlite3"
    empty.write_bytes(b"")  # what a copy killed at its start leaves
    no_tables = tmp_path / "no-tables.sqlite3"
    sqlite3.connect(no_tables).close()
    real = tmp_path / "real.sqlite3"
    open_context(str(real), check=False).db.upgrade()
    assert is_empty_file(str(empty)) and is_empty_file(str(no_tables))
    assert not is_empty_file(str(real)) and not is_empty_file(str(tmp_path / "none.sqlite3"))
    assert not is_empty_file("postgresql+psycopg://u@localhost/legalaid")

    seen: list[str] = []

    def decline(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.button(QMessageBox.StandardButton.No).click()

    answer_dialog(decline)
    assert not confirm_empty_file(str(empty))
    assert empty.exists()  # nothing done: the user goes to restore a backup
    assert str(empty) in seen[0] and "备份" in seen[0]

    answer_dialog(lambda d: d.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    assert confirm_empty_file(str(empty))
    assert not empty.exists()  # the first-run wizard builds the new database here
