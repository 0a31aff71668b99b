"""设置 › 机构: renaming an office and giving it the address and phone its documents print;
a wrong phone refused naming the office, nothing saved; a new county office."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from legalaid.services.commands.offices import list_offices
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.ui.pages.offices_tab import ADDRESS, NAME, PARENT, PHONE, OfficesTab


def test_offices_are_edited_and_added(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    tab = OfficesTab(offices)
    qtbot.addWidget(tab)
    tab.resize(1200, 500)
    tab.refresh()
    codes = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    row = codes.index("ZZ")
    tab.table.item(row, PHONE).setText("电话0731")
    assert not tab.save()
    assert tab.message.text().startswith("ZZ：联系电话「电话0731」格式有误")
    assert next(o for o in list_offices(offices) if o.code == "ZZ").phone == ""  # not saved
    tab.table.item(row, PHONE).setText("0731-28888148")
    tab.table.item(row, ADDRESS).setText("株洲市天元区长江北路1号")
    tab.table.item(row, NAME).setText("株洲市法律援助中心（株洲市法律援助处）")
    assert tab.save()
    office = next(o for o in list_offices(offices) if o.code == "ZZ")
    assert (office.name, office.phone, office.address) == (
        "株洲市法律援助中心（株洲市法律援助处）",
        "0731-28888148",
        "株洲市天元区长江北路1号",
    )
    rows, _ = audit_entries(offices, AuditFilter(action="修改机构"))
    assert len(rows) == 1  # only the office that changed
    tab.new_code.setText("CL")
    tab.new_name.setText("茶陵县法律援助中心")
    tab.new_parent.setCurrentIndex(tab.new_parent.findData("ZZ"))
    assert tab.add()
    assert any(o.code == "CL" and o.parent_code == "ZZ" and o.prefix == "茶"
               for o in list_offices(offices))  # fmt: skip
    if backend == "sqlite":
        qtbot.wait(50)  # the new rows' cell widgets are placed by the event loop
        tab.grab().save(str(tmp_path / "offices.png"))


def test_an_office_is_put_under_another(offices: Context, qtbot: QtBot) -> None:
    tab = OfficesTab(offices)
    qtbot.addWidget(tab)
    tab.refresh()
    codes = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    top = tab.table.cellWidget(codes.index("ZZ"), PARENT)
    assert isinstance(top, QComboBox)
    # Not under itself nor under an office below it.
    assert [top.itemData(i) for i in range(top.count())] == [None]
    county = tab.table.cellWidget(codes.index("YX"), PARENT)
    assert isinstance(county, QComboBox) and county.currentData() == "ZZ"
    county.setCurrentIndex(county.findData("LL"))
    assert tab.save()
    assert {o.code: o.parent_code for o in list_offices(offices)}["YX"] == "LL"
    assert "1" in tab.message.text()
