"""补贴: the subsidy standards (versions, a table editor, files) and payment batches."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any, TypedDict

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.errors import LegalAidError, ValidationError
from legalaid.domain.money import AmountError, parse_number
from legalaid.domain.permissions import Action
from legalaid.domain.subsidy import CLAUSE_KINDS, NO_ADD_ON, BaseRule, SubsidyStandard
from legalaid.domain.vocabulary import CaseType, HandlerType, QualityGrade, RegionTier, Stage
from legalaid.reports.report_data import money_text
from legalaid.services.commands import inspections, payments, subsidies
from legalaid.services.commands.offices import HandlerInfo, list_handlers, list_offices
from legalaid.services.plumbing.authz import may
from legalaid.services.plumbing.context import Context
from legalaid.ui.kit.models import LEFT, RIGHT, Column, RowsModel, chosen_row, list_view
from legalaid.ui.kit.widgets import FieldError, date_edit, from_qdate, to_qdate
from legalaid.ui.work import operation


class StandardsTab(QWidget):
    """Versions on top; the chosen version's rules below in three tabs, all editable."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.versions = QComboBox()
        self.name = QLineEdit()
        self.authority = QLineEdit()
        self.effective_from = date_edit(ctx.today(), field="施行日期")
        head = QGridLayout()
        head.addWidget(QLabel(self.tr("Version")), 0, 0)
        head.addWidget(self.versions, 0, 1, 1, 3)
        head.addWidget(QLabel(self.tr("Name")), 1, 0)
        head.addWidget(self.name, 1, 1)
        head.addWidget(QLabel(self.tr("Issued by")), 1, 2)
        head.addWidget(self.authority, 1, 3)
        head.addWidget(QLabel(self.tr("In force from")), 2, 0)
        head.addWidget(self.effective_from, 2, 1)
        head.setColumnStretch(1, 1)
        head.setColumnStretch(3, 2)

        # One row per base rule, the first matching wins. Beyond type and stage a row may be
        # narrowed (values separated by 、, empty: any) by what closing records: outcome,
        # hearing, enforcement result, the review's grade, a possible life or death sentence.
        self.base = QTableWidget(0, BASE_COLUMNS)
        self.base.setHorizontalHeaderLabels([
            self.tr("Case type"), self.tr("Stages"), self.tr("Outcome"), self.tr("Hearing"),
            self.tr("Enforcement result"), self.tr("Quality grade"), self.tr("Life or death"),
            self.tr("Base (yuan)"), self.tr("Clause"),
        ])  # fmt: skip
        self.base.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 150, 90, 110, 110, 90, 110, 100)):
            self.base.setColumnWidth(column, width)
        self.base.setToolTip(self.tr(
            "Several values in a cell are separated by 、; an empty cell matches any case. "
            "The first row that matches a case gives its base amount."
        ))  # fmt: skip
        add_rule = QPushButton(self.tr("Add row"))
        remove_rule = QPushButton(self.tr("Remove row"))
        add_rule.clicked.connect(lambda: self.base.insertRow(self.base.rowCount()))
        remove_rule.clicked.connect(lambda: self.base.removeRow(self.base.currentRow()))
        base_page = QWidget()
        base_layout = QVBoxLayout(base_page)
        base_layout.addWidget(self.base)
        base_buttons = QHBoxLayout()
        base_buttons.addWidget(QLabel(self.base.toolTip()))
        base_buttons.addStretch()
        base_buttons.addWidget(add_rule)
        base_buttons.addWidget(remove_rule)
        base_layout.addLayout(base_buttons)
        self.rules = QTabWidget()
        self.rules.addTab(base_page, self.tr("Base amounts"))
        self.rules.addTab(self._add_ons(), self.tr("Add-ons and factors"))
        self.rules.addTab(self._matrix_page(), self.tr("By stage and region; clauses"))
        self.rules.addTab(self._per_day_page(), self.tr("Per-day and per-piece items"))

        self.save_new = QPushButton(self.tr("Save as a new version"))
        self.save_edit = QPushButton(self.tr("Save changes to this version"))
        self.import_button = QPushButton(self.tr("Import file…"))
        self.export_button = QPushButton(self.tr("Export file…"))
        buttons = QHBoxLayout()
        for button in (self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch()
        for button in (self.save_edit, self.save_new):
            buttons.addWidget(button)
        self.message = FieldError()
        self.message.setStyleSheet("")  # carries confirmations too, not only errors
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.rules, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.versions.currentIndexChanged.connect(self.show_version)
        self.save_new.clicked.connect(lambda: self.store(new_version=True))
        self.save_edit.clicked.connect(lambda: self.store(new_version=False))
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        self.infos: list[subsidies.StandardInfo] = []

    def _add_ons(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        factors = QGroupBox(self.tr("Handler type: factor (1 = full amount) or flat amount"))
        factor_form = QFormLayout(factors)
        self.factors = {kind: QLineEdit() for kind in HandlerType}
        # A flat amount per case replaces the table for that kind of handler (涵江: 300).
        self.flats = {kind: QLineEdit() for kind in HandlerType}
        for kind, edit in self.factors.items():
            flat = self.flats[kind]
            flat.setPlaceholderText(self.tr("flat (yuan)"))
            pair = QHBoxLayout()
            pair.addWidget(edit)
            pair.addWidget(flat)
            factor_form.addRow(kind.value, pair)
        region = QGroupBox(self.tr("Cross-region add-on (yuan)"))
        region_form = QFormLayout(region)
        self.cross_region = QLineEdit()
        region_form.addRow(self.tr("Handled elsewhere, no tier given"), self.cross_region)
        self.tiers = {tier: QLineEdit() for tier in RegionTier}
        for tier, edit in self.tiers.items():
            region_form.addRow(tier.value, edit)
        major = QGroupBox(self.tr("Major or difficult case"))
        major_form = QFormLayout(major)
        self.major_mode = QComboBox()
        self.major_mode.addItem(self.tr("Add-on (yuan)"), "add")
        self.major_mode.addItem(self.tr("Multiplier of the base"), "times")
        self.major = QLineEdit()
        self.major_cap = QCheckBox(self.tr("The extra never exceeds the base"))
        major_form.addRow(self.tr("Kind"), self.major_mode)
        major_form.addRow(self.tr("Amount or multiplier"), self.major)
        major_form.addRow("", self.major_cap)
        persons = QGroupBox(self.tr("Extra aided persons or joined cases"))
        persons_form = QFormLayout(persons)
        self.extra_person = QLineEdit()
        self.extra_cap = QLineEdit()
        self.extra_cap.setPlaceholderText(self.tr("empty: no limit"))
        persons_form.addRow(self.tr("Per extra person (yuan)"), self.extra_person)
        persons_form.addRow(self.tr("At most (persons)"), self.extra_cap)
        # 同案多件: an add-on per case joined beyond the first (涵江: 200 each).
        self.extra_case = QLineEdit()
        self.extra_case_cap = QLineEdit()
        self.extra_case_cap.setPlaceholderText(self.tr("empty: no limit"))
        persons_form.addRow(self.tr("Per extra case joined (yuan)"), self.extra_case)
        persons_form.addRow(self.tr("At most (cases)"), self.extra_case_cap)
        self.total_cap = QLineEdit()
        self.total_cap.setPlaceholderText(self.tr("empty: no limit"))
        persons_form.addRow(self.tr("A case at most (yuan, in all)"), self.total_cap)
        ended = QGroupBox(self.tr("Terminated cases (终止)"))
        ended_form = QFormLayout(ended)
        self.terminated = QLineEdit()
        # The table's own word on termination, or nothing: then a clerk decides case by case.
        self.terminated.setPlaceholderText(self.tr("empty: the table says nothing (pays 0)"))
        self.by_stages = QCheckBox(self.tr("Pay the stages completed instead"))
        ended_form.addRow(self.tr("Share paid (0–1)"), self.terminated)
        ended_form.addRow("", self.by_stages)
        # "根据服务质量上下浮动": a factor by the closing review's grade (empty: as it is).
        grades = QGroupBox(self.tr("Quality grade of the closing review: factor"))
        grades_form = QFormLayout(grades)
        self.grades = {grade: QLineEdit() for grade in QualityGrade}
        for grade, edit in self.grades.items():
            edit.setPlaceholderText(self.tr("empty: 1"))
            grades_form.addRow(grade.value, edit)
        grid.addWidget(factors, 0, 0, 2, 1)
        grid.addWidget(region, 0, 1, 2, 1)
        grid.addWidget(major, 0, 2)
        grid.addWidget(persons, 1, 2)
        grid.addWidget(ended, 2, 0, 1, 2)
        grid.addWidget(grades, 2, 2)
        grid.setRowStretch(3, 1)
        return page

    def _matrix_page(self) -> QWidget:
        """Add-ons by stage and region together, and the clause each kind of rule comes from."""
        page = QWidget()
        layout = QHBoxLayout(page)
        matrix_box = QGroupBox(self.tr(
            "Add-on by stage and region (yuan; replaces the tier's add-on where filled)"
        ))  # fmt: skip
        matrix_layout = QVBoxLayout(matrix_box)
        self.matrix = QTableWidget(len(Stage), len(RegionTier))
        self.matrix.setVerticalHeaderLabels([stage.value for stage in Stage])
        self.matrix.setHorizontalHeaderLabels([tier.value for tier in RegionTier])
        for column in range(len(RegionTier)):
            self.matrix.setColumnWidth(column, 90)
        matrix_layout.addWidget(self.matrix)
        clause_box = QGroupBox(self.tr("Clause of the table for each kind of rule (e.g. 第四条)"))
        clause_form = QFormLayout(clause_box)
        self.clauses = {kind: QLineEdit() for kind in CLAUSE_KINDS}
        for kind, edit in self.clauses.items():
            clause_form.addRow(CLAUSE_KINDS[kind], edit)
        layout.addWidget(matrix_box, 3)
        layout.addWidget(clause_box, 2)
        return page

    def _per_day_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.per_day = self._items(
            layout, self.tr("Yuan per day"), self.tr("e.g. 值班律师 (duty lawyer) per day on duty")
        )
        # Paid per piece (代拟法律文书, or 代拟法律文书（民事起诉状） for one kind of document).
        self.per_piece = self._items(
            layout, self.tr("Yuan per piece"),
            self.tr("e.g. 代拟法律文书 (document drafted) per piece"),
        )  # fmt: skip
        return page

    def _items(self, layout: QVBoxLayout, rate: str, hint: str) -> QTableWidget:
        """A table of named rates (item, yuan) with its add and remove buttons."""
        table = QTableWidget(0, 2)
        table.setHorizontalHeaderLabels([self.tr("Item"), rate])
        table.setColumnWidth(0, 240)
        table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Add item"))
        remove = QPushButton(self.tr("Remove item"))
        add.clicked.connect(lambda: table.insertRow(table.rowCount()))
        remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
        row = QHBoxLayout()
        row.addWidget(QLabel(hint))
        row.addStretch()
        row.addWidget(add)
        row.addWidget(remove)
        layout.addWidget(table)
        layout.addLayout(row)
        return table

    def refresh(self) -> None:
        self.infos = operation.run(self, partial(subsidies.list_standards, self._ctx))
        self.versions.blockSignals(True)
        self.versions.clear()
        for info in self.infos:
            s = info.standard
            until = s.effective_to.isoformat() if s.effective_to else self.tr("now")
            used = self.tr(" (used)") if info.used else ""
            self.versions.addItem(
                f"{s.name}：{s.effective_from.isoformat()}—{until}{used}", info.id
            )
        self.versions.blockSignals(False)
        self.versions.setCurrentIndex(len(self.infos) - 1)
        self.show_version()

    def current(self) -> subsidies.StandardInfo | None:
        index = self.versions.currentIndex()
        return self.infos[index] if 0 <= index < len(self.infos) else None

    def show_version(self) -> None:
        info = self.current()
        if info is None:
            return
        s = info.standard
        self.name.setText(s.name)
        self.authority.setText(s.authority)
        self.effective_from.setDate(to_qdate(s.effective_from))
        self.base.setRowCount(len(s.base))
        for row, rule in enumerate(s.base):
            for column, value in enumerate(base_cells(rule)):
                self.base.setItem(row, column, QTableWidgetItem(value))
        for row, stage in enumerate(Stage):
            for column, tier in enumerate(RegionTier):
                amount = s.stage_region.get((stage, tier))
                self.matrix.setItem(row, column, QTableWidgetItem(_text(amount)))
        for kind, edit in self.clauses.items():
            edit.setText(s.clauses.get(kind, ""))
        for kind, edit in self.factors.items():
            edit.setText(_text(s.factor_of(kind)))
            self.flats[kind].setText(_text(s.handler_flat.get(kind)))
        self.total_cap.setText(_text(s.total_cap))
        for grade, edit in self.grades.items():
            edit.setText(_text(s.grade_factor.get(grade)))
        self.cross_region.setText(_text(s.cross_region_flat))
        for tier, edit in self.tiers.items():
            edit.setText(_text(s.cross_region_tiers.get(tier)))
        times = s.major_multiplier is not None
        self.major_mode.setCurrentIndex(1 if times else 0)
        self.major.setText(_text(s.major_multiplier if times else s.major_add_on))
        self.major_cap.setChecked(s.major_cap_to_base)
        self.extra_person.setText(_text(s.extra_person_add_on))
        self.extra_cap.setText("" if s.extra_person_cap is None else str(s.extra_person_cap))
        self.extra_case.setText(_text(s.extra_case_add_on))
        self.extra_case_cap.setText("" if s.extra_case_cap is None else str(s.extra_case_cap))
        self.terminated.setText(_text(s.terminated_share))
        self.by_stages.setChecked(s.terminated_by_stages)
        self.per_day.setRowCount(len(s.per_day))
        for row, (item, rate) in enumerate(s.per_day.items()):
            self.per_day.setItem(row, 0, QTableWidgetItem(item))
            self.per_day.setItem(row, 1, QTableWidgetItem(_text(rate)))
        self.per_piece.setRowCount(len(s.per_piece))
        for row, (item, rate) in enumerate(s.per_piece.items()):
            self.per_piece.setItem(row, 0, QTableWidgetItem(item))
            self.per_piece.setItem(row, 1, QTableWidgetItem(_text(rate)))
        self.save_edit.setEnabled(not info.used)

    def edited(self) -> SubsidyStandard:
        info = self.current()
        assert info is not None
        rules = [
            base_rule(_cells(self.base, row, BASE_COLUMNS), row)
            for row in range(self.base.rowCount())
            if any(_cells(self.base, row, BASE_COLUMNS))
        ]
        matrix = {}
        for row, stage in enumerate(Stage):
            for column, tier in enumerate(RegionTier):
                cell = self.matrix.item(row, column)
                where = f"地域补贴（{stage.value}·{tier.value}）"
                amount = _optional(cell.text() if cell else "", where)
                if amount is not None:
                    matrix[(stage, tier)] = amount
        per_day = {}
        for row in range(self.per_day.rowCount()):
            item, rate = _cells(self.per_day, row, 2)
            if item or rate:
                if not item:
                    raise ValidationError(f"按日项目第{row + 1}行缺少项目名称", field="按日项目")
                per_day[item] = _money(rate, f"按日项目「{item}」")
        per_piece = {}
        for row in range(self.per_piece.rowCount()):
            item, rate = _cells(self.per_piece, row, 2)
            if item or rate:
                if not item:
                    raise ValidationError(f"按件项目第{row + 1}行缺少项目名称", field="按件项目")
                per_piece[item] = _money(rate, f"按件项目「{item}」")
        major = _optional(self.major.text(), "重大疑难")
        times = self.major_mode.currentData() == "times"
        cap = self.extra_cap.text().strip()
        if cap and not cap.isdigit():
            raise ValidationError(f"增加受援人上限「{cap}」应为人数", field="增加受援人上限")
        case_cap = self.extra_case_cap.text().strip()
        if case_cap and not case_cap.isdigit():
            raise ValidationError(f"同案多件上限「{case_cap}」应为件数", field="同案多件上限")
        return replace(
            info.standard, name=self.name.text().strip(), authority=self.authority.text().strip(),
            effective_from=from_qdate(self.effective_from.date()), effective_to=None,
            base=tuple(rules),
            handler_factor={k: v for k, e in self.factors.items()  # blank: the base unchanged
                            if (v := _optional(e.text(), f"{k.value}系数")) is not None},
            handler_flat={k: v for k, e in self.flats.items()
                          if (v := _optional(e.text(), f"{k.value}定额")) is not None},
            total_cap=_optional(self.total_cap.text(), "全额上限"),
            grade_factor={g: v for g, e in self.grades.items()
                          if (v := _optional(e.text(), f"质量等级「{g.value}」系数")) is not None},
            cross_region_flat=_optional(self.cross_region.text(), "异地补贴"),
            cross_region_tiers={t: v for t, e in self.tiers.items()
                                if (v := _optional(e.text(), f"异地（{t.value}）")) is not None},
            major_add_on=None if times else major, major_multiplier=major if times else None,
            major_cap_to_base=self.major_cap.isChecked(),
            extra_person_add_on=_optional(self.extra_person.text(), "增加受援人补贴") or NO_ADD_ON,
            extra_person_cap=int(cap) if cap else None,
            extra_case_add_on=_optional(self.extra_case.text(), "同案多件补贴") or NO_ADD_ON,
            extra_case_cap=int(case_cap) if case_cap else None,
            stage_region=matrix,
            clauses={k: e.text().strip() for k, e in self.clauses.items() if e.text().strip()},
            per_day=per_day,
            per_piece=per_piece,
            terminated_share=_money(self.terminated.text(), "终止援助支付比例")
            if self.terminated.text().strip()
            else None,
            terminated_by_stages=self.by_stages.isChecked(),
        )  # fmt: skip

    def store(self, *, new_version: bool) -> bool:
        info = self.current()
        try:
            standard = self.edited()
            if new_version:
                operation.run(self, partial(subsidies.add_standard, self._ctx, standard))
            elif info is not None:
                kept = replace(standard, effective_to=info.standard.effective_to)
                operation.run(self, partial(subsidies.update_standard, self._ctx, info.id, kept))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.refresh()
        self.message.show_message(self.tr("Standard saved."))
        return True

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a standard"), "", self.tr("Standard files (*.json)")
        )
        if name:
            try:
                operation.run(self, partial(subsidies.import_standard, self._ctx, Path(name)))
            except LegalAidError as exc:
                self.message.show_message(exc.message)
                return
            self.refresh()

    def _ask_export(self) -> None:
        info = self.current()
        if info is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the standard"),
            f"{info.standard.name}.json",
            self.tr("Standard files (*.json)"),
        )
        if name:
            operation.run(self, partial(subsidies.export_standard, self._ctx, info.id, Path(name)))


BASE_COLUMNS = 9  # type, stages, four conditions, life or death, amount, clause
_CONDITIONS: tuple[tuple[str, type[StrEnum]], ...] = (
    ("结案方式", Outcome), ("审理方式", Hearing), ("执行结果", Enforcement),
    ("质量等级", QualityGrade),
)  # fmt: skip
_YES, _NO = "是", "否"


def base_cells(rule: BaseRule) -> tuple[str, ...]:
    """A base rule as the editor's row shows it."""

    def joined(values: frozenset[StrEnum], order: type[StrEnum]) -> str:
        return "、".join(v.value for v in order if v in values)

    life = "" if rule.life_or_death is None else (_YES if rule.life_or_death else _NO)
    return (
        rule.case_type.value, joined(rule.stages, Stage), joined(rule.outcomes, Outcome),
        joined(rule.hearings, Hearing), joined(rule.enforcement, Enforcement),
        joined(rule.grades, QualityGrade), life, _text(rule.amount), rule.clause,
    )  # fmt: skip


def base_rule(cells: list[str], row: int) -> BaseRule:
    """A row of the editor as a base rule; a wrong cell is named by row and column."""
    where = f"基本补贴第{row + 1}行"

    def values(text: str, kind: type[StrEnum], column: str) -> frozenset[Any]:
        chosen = set()
        for word in text.replace(",", "、").replace("，", "、").split("、"):
            if word.strip():
                try:
                    chosen.add(kind(word.strip()))
                except ValueError:
                    allowed = "、".join(v.value for v in kind)
                    raise ValidationError(
                        f"{where}「{column}」：「{word.strip()}」不是可选的值（{allowed}）",
                        field="基本补贴",
                    ) from None
        return frozenset(chosen)

    try:
        case_type = CaseType(cells[0])
    except ValueError:
        raise ValidationError(f"{where}「案件类型」：「{cells[0]}」不是案件类型",
                              field="基本补贴") from None  # fmt: skip
    stages = values(cells[1], Stage, "阶段")
    outcomes, hearings, enforcement, grades = (
        values(cells[2 + i], kind, label) for i, (label, kind) in enumerate(_CONDITIONS)
    )
    if cells[6] not in ("", _YES, _NO):
        raise ValidationError(f"{where}「无期徒刑、死刑」应填「是」「否」或留空", field="基本补贴")
    return BaseRule(
        case_type, _money(cells[7], where), stages,
        no_stage=not stages or Stage.TRIAL in stages,
        outcomes=outcomes, hearings=hearings, enforcement=enforcement, grades=grades,
        life_or_death=None if not cells[6] else cells[6] == _YES, clause=cells[8],
    )  # fmt: skip


def _cells(table: QTableWidget, row: int, columns: int) -> list[str]:
    items = [table.item(row, c) for c in range(columns)]
    return [item.text().strip() if item is not None else "" for item in items]


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _money(text: str, where: str) -> Decimal:
    try:
        return parse_number(text)
    except AmountError:
        raise ValidationError(f"{where}「{text}」不是有效的数", field=where) from None


def _optional(text: str, where: str) -> Decimal | None:
    return _money(text, where) if text.strip() else None


class _Period(TypedDict):
    """A payment period's choices, as the payments services take them."""

    period_from: date
    period_to: date
    handler_id: int | None
    firm: str | None


class PaymentsTab(QWidget):
    """Approved subsidies of a period → a batch for finance → paid."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        today = ctx.today()
        self.period_from = date_edit(date(today.year, today.month, 1), field="起始日期")
        self.period_to = date_edit(today, field="截止日期")
        self.handler = QComboBox()
        self.firm = QComboBox()
        # A case's subsidy line, or a month's duty, drafting or inspection pay: the cells.
        self.line_rows: RowsModel[list[str]] = RowsModel(
            [
                Column[list[str]](title, itemgetter(c), align=RIGHT if c == 5 else LEFT)
                for c, title in enumerate([
                    self.tr("Case number"), self.tr("Office"), self.tr("Handler"),
                    self.tr("Firm"), self.tr("Closed on"), self.tr("Amount (yuan)"),
                ])
            ]
        )  # fmt: skip
        self.lines = list_view(self.line_rows)
        self.find_button = QPushButton(self.tr("Show approved subsidies"))
        self.create_button = QPushButton(self.tr("Create payment batch"))
        self.batches = QComboBox()
        self.save = QPushButton(self.tr("Save list…"))
        self.pay = QPushButton(self.tr("Mark batch paid"))
        self.message = FieldError()
        self.message.setStyleSheet("")
        top = QHBoxLayout()
        for widget in (
            self.period_from,
            self.period_to,
            self.firm,
            self.handler,
            self.find_button,
            self.create_button,
        ):
            top.addWidget(widget)
        top.addStretch()
        batch_box = QGroupBox(self.tr("Payment batches"))
        batch_row = QHBoxLayout(batch_box)
        batch_row.addWidget(self.batches, 1)
        batch_row.addWidget(self.save)
        batch_row.addWidget(self.pay)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        layout.addWidget(self.message)
        layout.addWidget(batch_box)
        self.find_button.clicked.connect(self.show_candidates)
        self.create_button.clicked.connect(self.create_batch)
        self.save.clicked.connect(self._ask_save)
        self.pay.clicked.connect(self.pay_batch)
        self.batches.currentIndexChanged.connect(self._batch_buttons)

    def refresh(self) -> None:
        self.handler.clear()
        self.handler.addItem(self.tr("All handlers"), None)
        self.firm.clear()
        self.firm.addItem(self.tr("All firms"), None)
        handlers, batches = operation.run(self, self._read_lists)
        for h in handlers:
            self.handler.addItem(h.name, h.id)
        for firm in sorted({h.firm for h in handlers if h.firm}):
            self.firm.addItem(firm, firm)
        self.batches.clear()
        for batch in batches:
            state = self.tr("paid") if batch.paid else self.tr("to pay")
            self.batches.addItem(
                f"{batch.number}：{batch.case_count} · {money_text(batch.total)} · {state}",
                batch.id,
            )
        self._batch_buttons()

    def _read_lists(self) -> tuple[list[HandlerInfo], list[payments.Batch]]:
        """The handler and firm choices and the batches, read on the database worker."""
        return (
            list_handlers(self._ctx, active_only=False, with_caseload=False),
            payments.list_batches(self._ctx),
        )

    def _batch_buttons(self) -> None:
        has = self.batches.currentData() is not None
        self.save.setEnabled(has)
        self.pay.setEnabled(has and not self.batches.currentText().endswith(self.tr("paid")))

    def _period(self) -> _Period:
        return {
            "period_from": from_qdate(self.period_from.date()),
            "period_to": from_qdate(self.period_to.date()),
            "handler_id": self.handler.currentData(),
            "firm": self.firm.currentData(),
        }

    def show_candidates(self) -> None:
        try:
            period = self._period()
            found, others = operation.run(
                self,
                lambda: (
                    payments.candidates(self._ctx, **period),
                    payments.service_candidates(self._ctx, **period),
                ),
                self.tr("Reading the period's subsidies…"),
            )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        rows = [
            [line.case_no, line.office,
             f"{line.handler}（{line.part}）" if line.part else line.handler, line.firm,
             line.closed_on.isoformat() if line.closed_on else "", money_text(line.amount)]
            for line in found
        ] + [  # duty days, drafting and inspections belong to no case: the line says so
            [f"{d.item}补贴 {d.month}（{d.detail}）", d.office, d.handler, d.firm,
             f"{d.count}{d.unit}", money_text(d.amount)]
            for d in others
        ]  # fmt: skip
        self.line_rows.set_rows(rows)
        total = sum((line.amount for line in found), Decimal(0)) + sum(
            (d.amount for d in others), Decimal(0)
        )
        self.message.show_message(
            self.tr(
                "{0} case subsidy lines and {1} lines of duty, drafting or inspection pay, {2} yuan"
            ).format(len(found), len(others), money_text(total))
        )

    def create_batch(self) -> None:
        try:
            work = partial(payments.create_batch, self._ctx, **self._period())
            batch = operation.run(self, work, self.tr("Saving…"))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.refresh()
        self.show_candidates()
        self.message.show_message(
            self.tr("Batch {0} created: {1} yuan").format(batch.number, money_text(batch.total))
        )

    def save_batch(self, path: Path) -> bool:
        try:
            work = partial(
                payments.write_batch, self._ctx, batch_id=self.batches.currentData(), out=path
            )
            operation.run(self, work, self.tr("Writing the list…"))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.message.show_message(self.tr("Saved: {0}").format(path))
        return True

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save list"),
            str(Path.home() / "补贴发放表.pdf"),
            self.tr("PDF files (*.pdf);;Excel workbooks (*.xlsx)"),
        )
        if name:
            self.save_batch(Path(name))

    def pay_batch(self) -> None:
        # Money leaves the office: asked once more, then audited and read-only for good.
        answer = QMessageBox.question(
            self,
            self.tr("Mark as paid"),
            self.tr("Finance has paid batch {0}? It cannot be changed afterwards.").format(
                self.batches.currentText()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            work = partial(payments.pay_batch, self._ctx, batch_id=self.batches.currentData())
            total = operation.run(self, work, self.tr("Saving…"))
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return
        self.refresh()
        self.message.show_message(self.tr("Paid: {0} yuan").format(money_text(total)))


class InspectionsTab(QWidget):
    """案件评查: who inspected how many case files when, paid per file in payment batches."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.inspected_on = date_edit(ctx.today(), field="评查日期")
        self.office = QComboBox()
        self.inspector = QComboBox()
        self.files = QSpinBox()
        self.files.setRange(1, inspections.MAX_FILES)
        self.files.setSuffix(self.tr(" files"))
        self.subject = QLineEdit()
        self.subject.setMaxLength(inspections.SUBJECT_LENGTH)
        self.subject.setPlaceholderText(
            self.tr("What was inspected, e.g. 2026年第三季度结案质量评查")
        )
        self.record_button = QPushButton(self.tr("Record inspection"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        form = QHBoxLayout()
        for label, widget in ((self.tr("Date"), self.inspected_on),
                              (self.tr("Office"), self.office),
                              (self.tr("Inspector"), self.inspector),
                              (self.tr("Files"), self.files)):  # fmt: skip
            form.addWidget(QLabel(label))
            form.addWidget(widget)
        form.addWidget(self.subject, 1)
        form.addWidget(self.record_button)
        to_pay, unpaid = self.tr("to pay"), self.tr("not paid by the standard")
        self.model: RowsModel[inspections.Inspection] = RowsModel([
            Column(self.tr("Date"), lambda x: x.inspected_on.isoformat()),
            Column(self.tr("Office"), lambda x: x.office_code),
            Column(self.tr("Inspector"), lambda x: x.handler),
            Column(self.tr("Files"), lambda x: str(x.files), align=RIGHT),
            Column(self.tr("Inspection"), lambda x: x.subject, tip=lambda x: x.subject or None),
            Column(self.tr("Pay (yuan)"),
                   lambda x: money_text(x.amount) if x.amount is not None else unpaid,
                   align=RIGHT),
            Column(self.tr("Payment batch"), lambda x: x.batch or to_pay),
        ])  # fmt: skip
        self.table = list_view(self.model, stretch_last=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.message = FieldError()
        self.message.setStyleSheet("")
        bottom = QHBoxLayout()
        bottom.addWidget(self.year)
        bottom.addWidget(QLabel(self.tr(
            "Paid per file by the standard's item 案件评查, in the next payment batch"
        )))  # fmt: skip
        bottom.addStretch()
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.record_button.clicked.connect(self.record)
        self.remove_button.clicked.connect(self._ask_remove)
        self.year.valueChanged.connect(self.show_year)

    def refresh(self) -> None:
        ctx = self._ctx
        offices, inspectors = operation.run(
            self, lambda: (list_offices(ctx), list_handlers(ctx, with_caseload=False))
        )
        self.office.clear()
        for office in offices:
            self.office.addItem(f"{office.code} {office.name}", office.code)
        self.inspector.clear()
        for handler in inspectors:
            self.inspector.addItem(handler.name, handler.id)
        self.show_year()

    def show_year(self) -> None:
        work = partial(inspections.list_inspections, self._ctx, year=self.year.value())
        self.model.set_rows(operation.run(self, work))

    @property
    def shown(self) -> list[inspections.Inspection]:
        return self.model.rows

    def record(self) -> bool:
        try:
            inspections.record_inspection(
                self._ctx, office_code=self.office.currentData() or "",
                handler_id=self.inspector.currentData() or 0,
                inspected_on=from_qdate(self.inspected_on.date()), files=self.files.value(),
                subject=self.subject.text(),
            )  # fmt: skip
        except LegalAidError as exc:  # the form keeps what was typed
            self.message.show_message(exc.message)
            return False
        self.subject.clear()
        self.show_year()
        self.message.show_message(self.tr("Inspection recorded."))
        return True

    def _ask_remove(self) -> None:
        x: inspections.Inspection | None = chosen_row(self.table)
        if x is not None:
            answer = QMessageBox.question(
                self, self.tr("Remove inspection"),
                self.tr("Remove the inspection of {0} on {1} ({2} files)?").format(
                    x.handler, x.inspected_on.isoformat(), x.files),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.remove()

    def remove(self) -> bool:
        chosen: inspections.Inspection | None = chosen_row(self.table)
        if chosen is None:
            self.message.show_message(self.tr("Choose an inspection first."))
            return False
        try:
            operation.run(
                self, partial(inspections.remove_inspection, self._ctx, inspection_id=chosen.id)
            )
        except LegalAidError as exc:
            self.message.show_message(exc.message)
            return False
        self.show_year()
        self.message.show_message(self.tr("Inspection removed."))
        return True


class SubsidiesPage(QTabWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.loaded = False
        self.payments = PaymentsTab(ctx)
        self.inspections = InspectionsTab(ctx)
        self.standards = StandardsTab(ctx)
        payments_tab = self.addTab(self.payments, self.tr("Payments"))
        inspections_tab = self.addTab(self.inspections, self.tr("File inspections"))
        standards_tab = self.addTab(self.standards, self.tr("Standards"))
        # Finance work for clerks and supervisors, the standards for the admin (s.52 tables).
        self.setTabVisible(payments_tab, may(ctx, Action.PAY_SUBSIDY))
        self.setTabVisible(inspections_tab, may(ctx, Action.PAY_SUBSIDY))
        self.setTabVisible(standards_tab, may(ctx, Action.ADMINISTER))
        self._ctx = ctx

    def refresh(self) -> None:
        self.loaded = True
        if may(self._ctx, Action.PAY_SUBSIDY):
            self.payments.refresh()
            self.inspections.refresh()
        self.standards.refresh()
