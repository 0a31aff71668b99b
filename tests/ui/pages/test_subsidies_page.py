"""补贴: approved subsidies into a payment batch, its list saved, paid; standards versioned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.vocabulary import HandlerType, QualityGrade
from legalaid.services.commands import subsidies
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.ui.shell.main_window import MainWindow
from tests.services.commands.test_subsidies import _closed_case
from tests.ui.cells import row_count


def test_payment_batch_and_standard_versions(
    offices: Context,
    qtbot: QtBot,
    settings: QSettings,
    tmp_path: Path,
    backend: str,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
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
    assert row_count(tab.lines) == 0  # another firm's cases only
    tab.firm.setCurrentIndex(0)
    tab.show_candidates()
    assert row_count(tab.lines) == 1 and "3,500.00" in tab.message.text()
    tab.create_button.click()
    assert tab.batches.count() == 1 and "待发放" in tab.batches.currentText()
    assert tab.save_batch(tmp_path / "list.xlsx")

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def press(box: QWidget) -> None:
            assert isinstance(box, QMessageBox) and "不能再更改" in box.text()
            box.button(button).click()

        return press

    answer_dialog(answer(QMessageBox.StandardButton.No))
    tab.pay.click()  # asked first; "no" changes nothing
    assert "待发放" in tab.batches.currentText()
    answer_dialog(answer(QMessageBox.StandardButton.Yes))
    tab.pay.click()
    assert "已发放" in tab.batches.currentText() and not tab.pay.isEnabled()
    rows, _ = audit_entries(offices, AuditFilter(action="批次标记已发放"))
    assert len(rows) == 1
    assert subsidies.case_subsidy(offices, case_id=case_id).state is subsidies.PaymentState.PAID
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "payments.png"))

    standards = window.subsidies.standards
    window.subsidies.setCurrentWidget(standards)
    assert not standards.save_edit.isEnabled()  # the shipped standard has been used
    standards.base.item(0, 7).setText("-5")
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


def test_every_rule_kind_is_edited_in_the_table_editor(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    from decimal import Decimal

    from legalaid.domain.vocabulary import RegionTier
    from legalaid.ui.pages.subsidies_page import StandardsTab

    tab = StandardsTab(offices)
    qtbot.addWidget(tab)
    tab.resize(1200, 640)
    tab.refresh()
    tab.name.setText("省标准")
    tab.effective_from.setDate(tab.effective_from.date().fromString("2026-01-01", "yyyy-MM-dd"))
    tab.factors[HandlerType.LEGAL_SERVICE_WORKER].setText("0.8")
    tab.tiers[RegionTier.CROSS_CITY].setText("500")
    tab.tiers[RegionTier.CROSS_PROVINCE].setText("1000")
    tab.major_mode.setCurrentIndex(1)
    tab.major.setText("2")
    tab.extra_person.setText("200")
    tab.extra_cap.setText("5")
    tab.by_stages.setChecked(True)
    tab.grades[QualityGrade.EXCELLENT].setText("1.2")
    tab.per_day.setRowCount(1)
    tab.per_day.setItem(0, 0, QTableWidgetItem("值班律师"))
    tab.per_day.setItem(0, 1, QTableWidgetItem("abc"))
    assert not tab.store(new_version=True)
    assert "按日项目「值班律师」「abc」不是有效的数" in tab.message.text()
    assert len(subsidies.list_standards(offices)) == 1  # nothing saved
    tab.per_day.item(0, 1).setText("300")
    assert tab.store(new_version=True)
    stored = subsidies.list_standards(offices)[-1].standard
    assert stored.name == "省标准"
    assert stored.handler_factor[HandlerType.LEGAL_SERVICE_WORKER] == Decimal("0.8")
    assert stored.cross_region_tiers == {
        RegionTier.CROSS_CITY: Decimal(500),
        RegionTier.CROSS_PROVINCE: Decimal(1000),
    }
    assert stored.major_multiplier == 2 and stored.major_add_on is None
    assert (stored.extra_person_add_on, stored.extra_person_cap) == (Decimal(200), 5)
    assert stored.per_day == {"值班律师": Decimal(300)} and stored.terminated_by_stages
    assert stored.grade_factor == {QualityGrade.EXCELLENT: Decimal("1.2")}
    # The editor shows what was stored (the new version is selected).
    assert tab.tiers[RegionTier.CROSS_CITY].text() == "500"
    assert tab.major_mode.currentIndex() == 1 and tab.extra_cap.text() == "5"
    if backend == "sqlite":
        tab.rules.setCurrentIndex(1)
        tab.grab().save(str(tmp_path / "add-ons.png"))


def test_the_hanjiang_table_entered_in_the_editor_pays_its_worked_amounts(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    """莆田市涵江区's published table typed into the editor as a clerk would (not loaded from
    a file) computes every worked amount of the table."""
    from dataclasses import replace
    from decimal import Decimal

    from legalaid.domain.subsidy import calculate
    from legalaid.domain.vocabulary import RegionTier
    from legalaid.ui.pages.subsidies_page import StandardsTab
    from tests.domain.test_subsidy_hanjiang import HANJIANG, paid

    tab = StandardsTab(offices)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.refresh()
    tab.name.setText(HANJIANG.name)
    tab.authority.setText(HANJIANG.authority)
    # From 2021: the new version takes over from the shipped example (in force since 2020).
    tab.effective_from.setDate(tab.effective_from.date().fromString("2021-01-01", "yyyy-MM-dd"))
    # 类型, 阶段, four conditions and 无期/死刑 left empty (any), 金额, 条款.
    rows = [
        (rule.case_type.value, "、".join(s.value for s in rule.stages), "", "", "", "", "",
         str(rule.amount), rule.clause)
        for rule in HANJIANG.base
    ]  # fmt: skip
    tab.base.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            tab.base.setItem(row, column, QTableWidgetItem(text))
    for kind in HandlerType:
        tab.factors[kind].setText("0.5" if kind is HandlerType.LEGAL_SERVICE_WORKER else "1")
        tab.flats[kind].setText("300" if kind is HandlerType.CENTRE_STAFF else "")
    tab.cross_region.setText("")
    for tier, edit in tab.tiers.items():
        edit.setText({RegionTier.CROSS_COUNTY: "500", RegionTier.CROSS_CITY: "500",
                      RegionTier.CROSS_PROVINCE: "1000"}.get(tier, ""))  # fmt: skip
    tab.major_mode.setCurrentIndex(0)
    tab.major.setText("1000")
    tab.major_cap.setChecked(False)  # 涵江's add-on is not capped at the base
    tab.extra_person.setText("")
    tab.extra_cap.setText("")
    tab.extra_case.setText("200")  # 同案多件按标准补贴后每增加一件再补贴200元
    tab.total_cap.setText("5000")
    for kind, edit in tab.clauses.items():
        edit.setText(HANJIANG.clauses.get(kind, ""))
    tab.terminated.setText("")
    tab.by_stages.setChecked(False)
    for table, items in (
        (tab.per_day, {"值班律师": "100"}),
        (tab.per_piece, {"代拟法律文书": "100"}),
    ):
        table.setRowCount(len(items))
        for row, (item, rate) in enumerate(items.items()):
            table.setItem(row, 0, QTableWidgetItem(item))
            table.setItem(row, 1, QTableWidgetItem(rate))
    assert tab.store(new_version=True), tab.message.text()
    stored = subsidies.list_standards(offices)[-1].standard
    assert stored.handler_flat == {HandlerType.CENTRE_STAFF: Decimal(300)}
    assert stored.total_cap == Decimal(5000) and stored.terminated_share is None
    from legalaid.domain.subsidy import SubsidyFacts
    from legalaid.domain.vocabulary import CaseType, Stage

    worked = [
        ({}, "800"),
        ({"case_type": CaseType.CIVIL, "stage": Stage.FIRST_INSTANCE, "cross_region": True,
          "region_tier": RegionTier.CROSS_CITY}, "1700"),
        ({"major_difficult": True}, "1800"),
        ({"case_type": CaseType.CIVIL, "stage": Stage.FIRST_INSTANCE, "extra_cases": 4}, "2000"),
        ({"extra_cases": 29}, "5000"),
        ({"case_type": CaseType.CIVIL, "stage": Stage.FIRST_INSTANCE,
          "handler_type": HandlerType.LEGAL_SERVICE_WORKER}, "600"),
        ({"handler_type": HandlerType.CENTRE_STAFF}, "300"),
    ]  # fmt: skip
    for changes, amount in worked:
        values: dict[str, object] = {"case_type": CaseType.CRIMINAL_DEFENCE,
                                     "stage": Stage.INVESTIGATION,
                                     "handler_type": HandlerType.LAWYER, **changes}  # fmt: skip
        facts = SubsidyFacts(**values)  # type: ignore[arg-type]
        assert calculate(stored, facts).amount == Decimal(amount) == paid(**changes)
    factors = {kind: HANJIANG.handler_factor.get(kind, Decimal(1)) for kind in HandlerType}
    assert stored == replace(HANJIANG, effective_from=date(2021, 1, 1), handler_factor=factors)
    if backend == "sqlite":
        tab.rules.setCurrentIndex(1)
        tab.grab().save(str(tmp_path / "hanjiang.png"))


def test_conditions_the_matrix_and_clauses_are_typed_in_the_editor(
    offices: Context, qtbot: QtBot, tmp_path: Path, backend: str
) -> None:
    """A row narrowed by outcome and hearing, one by life or death, an add-on by stage and
    region, and the clauses: typed, checked cell by cell, stored and shown back."""
    from decimal import Decimal

    from legalaid.domain.closing_file import Hearing, Outcome
    from legalaid.domain.subsidy import BaseRule
    from legalaid.domain.vocabulary import CaseType, RegionTier, Stage
    from legalaid.ui.pages.subsidies_page import StandardsTab

    tab = StandardsTab(offices)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.refresh()
    tab.name.setText("按结果的标准")
    tab.authority.setText("某司发〔2024〕3号")
    tab.effective_from.setDate(tab.effective_from.date().fromString("2026-01-01", "yyyy-MM-dd"))
    shipped = tab.base.rowCount()
    typed = [
        ("民事诉讼代理", "", "撤诉", "未开庭审理", "", "", "", "600", "第三条第一项"),
        ("刑事辩护", "审判", "", "", "", "", "是", "5000", "第二条"),
    ]
    tab.base.insertRow(0)
    tab.base.insertRow(0)
    for row, cells in enumerate(typed):
        for column, text in enumerate(cells):
            tab.base.setItem(row, column, QTableWidgetItem(text))
    tab.base.item(0, 3).setText("开庭前")
    assert not tab.store(new_version=True)
    assert tab.message.text().startswith("基本补贴第1行「审理方式」：「开庭前」不是可选的值")
    tab.base.item(0, 3).setText("未开庭审理")
    tab.matrix.setItem(list(Stage).index(Stage.SECOND_INSTANCE),
                       list(RegionTier).index(RegionTier.CROSS_CITY),
                       QTableWidgetItem("1200"))  # fmt: skip
    tab.clauses["region"].setText("第五条")
    assert tab.store(new_version=True), tab.message.text()
    stored = subsidies.list_standards(offices)[-1].standard
    assert stored.base[:2] == (
        BaseRule(CaseType.CIVIL, Decimal(600), outcomes=frozenset({Outcome.WITHDRAWAL}),
                 hearings=frozenset({Hearing.NO_HEARING}), clause="第三条第一项"),
        BaseRule(CaseType.CRIMINAL_DEFENCE, Decimal(5000), frozenset({Stage.TRIAL}),
                 life_or_death=True, clause="第二条"),
    )  # fmt: skip
    assert len(stored.base) == shipped + 2
    assert stored.stage_region == {(Stage.SECOND_INSTANCE, RegionTier.CROSS_CITY): Decimal(1200)}
    assert stored.clauses == {"region": "第五条"}
    # Shown back as typed.
    assert [tab.base.item(0, c).text() for c in range(9)] == list(typed[0])
    assert tab.clauses["region"].text() == "第五条"
    if backend == "sqlite":
        tab.grab().save(str(tmp_path / "base-rules.png"))
        tab.rules.setCurrentIndex(2)
        tab.grab().save(str(tmp_path / "matrix.png"))
