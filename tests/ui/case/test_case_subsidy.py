"""The 办案补贴 tab: the breakdown of a closed case, an adjustment with its reason, approval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from legalaid.services.commands.subsidies import PaymentState, case_subsidy
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.subsidy_tab import AdjustDialog
from tests.services.commands.test_subsidies import _closed_case
from tests.ui.cells import cell, row_count

Answer = Callable[[Callable[[QWidget], None]], None]


def test_subsidy_tab(
    offices: Context, qtbot: QtBot, answer_dialog: Answer, tmp_path: Path, backend: str
) -> None:
    from datetime import date

    case_id = _closed_case(offices, assigned=date(2025, 3, 3))
    dialog = CaseDialog(offices, case_id)
    qtbot.addWidget(dialog)
    assert dialog.tabs.isTabVisible(dialog.subsidy_tab)
    assert "示例标准" in dialog.subsidy_panel.summary.text()
    assert "待审核" in dialog.subsidy_panel.summary.text()
    assert row_count(dialog.subsidy_panel.lines) == 2
    assert cell(dialog.subsidy_panel.lines, 1, 0) == "异地办案补贴"

    def adjust(box: QWidget) -> None:
        assert isinstance(box, AdjustDialog)
        box.amount.setText("3000")
        box.reason.setPlainText("部分阶段由他人办理")
        box.accept()

    answer_dialog(adjust)
    dialog.subsidy_panel.override_button.click()
    assert "已调整为 3000.00 元：部分阶段由他人办理" in dialog.subsidy_panel.summary.text()
    # Who adjusted the amount does not approve it: another supervisor's window does.
    assert not dialog.subsidy_panel.review_button.isEnabled()
    assert "another supervisor" in dialog.subsidy_panel.review_button.toolTip() or (
        "另一位负责人" in dialog.subsidy_panel.review_button.toolTip()
    )
    dialog.close()
    dialog = CaseDialog(replace(offices, actor="李主任"), case_id)
    qtbot.addWidget(dialog)
    dialog.subsidy_panel.review_button.click()
    assert case_subsidy(offices, case_id=case_id).state is PaymentState.REVIEWED
    assert (
        not dialog.subsidy_panel.override_button.isEnabled()
        and not dialog.subsidy_panel.review_button.isEnabled()
    )
    if backend == "sqlite":
        dialog.tabs.setCurrentIndex(dialog.subsidy_tab)
        dialog.grab().save(str(tmp_path / "subsidy.png"))


def test_the_basis_is_recorded_and_the_subsidy_recomputed(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    from datetime import date
    from decimal import Decimal

    from legalaid.services.commands import subsidies
    from tests.services.commands.test_subsidies import PROVINCE

    subsidies.add_standard(offices, PROVINCE)
    case_id = _closed_case(offices, assigned=date(2026, 2, 2))
    dialog = CaseDialog(offices, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(900, 640)
    panel = dialog.subsidy_panel
    assert list(panel.days) == ["出庭"]
    panel.region.setCurrentIndex(panel.region.findData("跨省"))
    panel.aided_persons.setValue(3)
    panel.days["出庭"].setValue(2)
    panel.recalculate.click()
    assert case_subsidy(offices, case_id=case_id).computed == Decimal("4200.00")
    panel = dialog.subsidy_panel
    assert row_count(panel.lines) == 4 and "4200.00" in panel.summary.text()
    assert panel.region.currentData() == "跨省" and panel.days["出庭"].value() == 2
    assert dialog.changed
    if backend == "sqlite":
        dialog.tabs.setCurrentIndex(dialog.subsidy_tab)
        dialog.grab().save(str(tmp_path / "basis.png"))
    panel.review_button.click()
    assert not panel.recalculate.isEnabled() and not panel.region.isEnabled()


def test_a_terminated_case_under_a_silent_table_gets_its_share_from_the_clerk(
    offices: Context, qtbot: QtBot, answer_dialog: Answer, tmp_path: Path, backend: str
) -> None:
    from decimal import Decimal

    from legalaid.services.commands import subsidies
    from tests.services.commands.test_subsidies import PROVINCE, _terminated_case

    subsidies.add_standard(offices, replace(PROVINCE, terminated_by_stages=False,
                                            terminated_share=None))  # fmt: skip
    case_id = _terminated_case(offices, "赵六")
    dialog = CaseDialog(offices, case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 680)
    panel = dialog.subsidy_panel
    assert "0.00" in panel.summary.text()
    assert panel.share_given is not None and not panel.share_given.isChecked()
    panel.share_given.setChecked(True)
    panel.share_percent.setValue(40)
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        said.append(box.text())  # type: ignore[attr-defined]
        box.close()

    answer_dialog(read_and_close)
    panel.recalculate.click()  # no reason: refused, nothing recorded
    assert said and "理由" in said[0]
    assert case_subsidy(offices, case_id=case_id).computed == Decimal("0.00")
    panel = dialog.subsidy_panel
    panel.share_reason.setText("已完成会见和阅卷")
    panel.recalculate.click()
    assert case_subsidy(offices, case_id=case_id).computed == Decimal("1000.00")
    panel = dialog.subsidy_panel
    assert panel.share_given.isChecked() and panel.share_percent.value() == 40
    assert panel.share_reason.text() == "已完成会见和阅卷"
    if backend == "sqlite":
        dialog.tabs.setCurrentIndex(dialog.subsidy_tab)
        dialog.grab().save(str(tmp_path / "terminated.png"))
