"""更正登记信息: the registered facts of a case in a form, as they stand; the clerk changes
what was wrong and says why. Every refusal is shown beside its field, all at once, and the
form stays as typed."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.errors import LegalAidError, ValidationError
from legalaid.domain.vocabulary import (
    HARDSHIP_DECLARED,
    HARDSHIP_EXEMPTIONS,
    MATTER_CATEGORIES,
    STANDARD_GROUPS,
    Gender,
    NotificationGround,
    Stage,
)
from legalaid.services.commands import corrections
from legalaid.services.plumbing.case_change import CaseRef
from legalaid.services.plumbing.context import Context
from legalaid.ui.case.representative_box import RepresentativeBox
from legalaid.ui.kit.widgets import (
    EnterMovesFocus,
    FieldErrors,
    date_edit,
    discard_typing,
    from_qdate,
    two_columns,
    watch_choices,
)
from legalaid.ui.work import operation


class CorrectionDialog(QDialog):
    def __init__(self, ctx: Context, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self.result_ref: CaseRef | None = None
        start = corrections.correctable(ctx, case_id=case_id)
        self._start = start
        facts = start.facts
        self.setWindowTitle(self.tr("Correct registered facts: {0}").format(start.case_no))
        self._errors = FieldErrors()

        # -- the case -------------------------------------------------------------------
        self.received = date_edit(facts.received_on, field="收到日期")
        self.stage = QComboBox()
        self.stage.addItem(self.tr("(not given)"), None)
        for stage in Stage:
            self.stage.addItem(stage.value, stage.value)
        self.stage.setCurrentIndex(max(self.stage.findData(facts.stage), 0))
        self.cause = QLineEdit(facts.cause or "")
        self.matter = QComboBox()
        self.matter.setEditable(True)
        self.matter.addItem("")
        self.matter.addItems(MATTER_CATEGORIES)
        self.matter.setEditText(facts.matter_category or "")
        self.summary = QPlainTextEdit(facts.summary or "")
        self.summary.setFixedHeight(70)
        self.life_or_death = QCheckBox(self.tr("Possible life imprisonment or death penalty"))
        self.life_or_death.setChecked(facts.possible_life_or_death)
        self.life_or_death.setEnabled(start.criminal)
        self.organ = QLineEdit(facts.notifying_organ or "")
        self.ground = QComboBox()
        self.ground.addItem(self.tr("(choose)"), None)
        for ground in NotificationGround:
            self.ground.addItem(ground.value, ground.value)
        self.ground.setCurrentIndex(max(self.ground.findData(facts.notification_ground), 0))
        self.organ_case_no = QLineEdit(facts.organ_case_no or "")
        self.detention_place = QLineEdit(facts.detention_place or "")
        # The usual wordings, or what the register holds (an imported ledger's own text).
        self.hardship = QComboBox()
        self.hardship.setEditable(True)
        self.hardship.addItem(HARDSHIP_DECLARED)
        self.hardship.addItems([f"免予审查：{reason}" for reason in HARDSHIP_EXEMPTIONS])
        self.hardship.setEditText(facts.hardship_basis or "")
        for combo in (self.hardship, self.matter):  # long wordings must not widen the form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        if start.subsidy_fixed:
            # The subsidy is computed from these; once approved its basis is fixed.
            note = self.tr("The subsidy is {0}: its basis can no longer change").format(
                start.subsidy_fixed
            )
            for fixed in (self.stage, self.life_or_death):
                fixed.setEnabled(False)
                fixed.setToolTip(note)

        case_box = QGroupBox(self.tr("Case"))
        case_form = QFormLayout(case_box)
        case_form.addRow(self.tr("Case number"), QLabel(start.case_no))
        case_form.addRow(self.tr("Received on"), self._errors.beside(self.received, "收到日期"))
        if start.notification:
            case_form.addRow(
                self.tr("Notifying organ"), self._errors.beside(self.organ, "通知机关")
            )
            case_form.addRow(
                self.tr("Ground of the notification"), self._errors.beside(self.ground, "通知理由")
            )
            case_form.addRow(
                self.tr("Organ's case number"),
                self._errors.beside(self.organ_case_no, "通知机关案号"),
            )
            case_form.addRow(
                self.tr("Place of detention"), self._errors.beside(self.detention_place, "羁押场所")
            )
        case_form.addRow(self.tr("Stage"), self._errors.beside(self.stage, "阶段"))
        case_form.addRow(self.tr("Cause"), self._errors.beside(self.cause, "案由"))
        case_form.addRow(self.tr("Matter (s.31)"), self._errors.beside(self.matter, "事项类别"))
        case_form.addRow(self.tr("Summary"), self._errors.beside(self.summary, "案情摘要"))
        if not start.notification:
            case_form.addRow(
                self.tr("Economic hardship"), self._errors.beside(self.hardship, "经济困难依据")
            )
        case_form.addRow("", self._errors.beside(self.life_or_death, "可能判处无期徒刑、死刑"))

        # -- the aided person -----------------------------------------------------------
        self.name = QLineEdit(facts.name)
        self.id_number = QLineEdit(facts.id_number or "")
        self.id_number.setMaxLength(18)
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(from ID number)"), None)
        for gender in Gender:
            self.gender.addItem(gender.value, gender.value)
        self.gender.setCurrentIndex(max(self.gender.findData(facts.gender), 0))
        self.phone = QLineEdit(facts.phone or "")
        self.address = QLineEdit(facts.address or "")
        self.groups: dict[str, QCheckBox] = {g: QCheckBox(g) for g in STANDARD_GROUPS}
        for group in facts.groups:
            if group not in self.groups:  # an imported ledger's own group is kept
                self.groups[group] = QCheckBox(group)
        for group, box in self.groups.items():
            box.setChecked(group in facts.groups)
        group_grid = QGridLayout()
        for index, box in enumerate(self.groups.values()):
            group_grid.addWidget(box, index // 3, index % 3)
        person_box = QGroupBox(self.tr("Aided person"))
        person_form = QFormLayout(person_box)
        person_form.addRow(self.tr("Name"), self._errors.beside(self.name, "受援人姓名"))
        person_form.addRow(self.tr("ID number"), self._errors.beside(self.id_number, "身份证号"))
        person_form.addRow(self.tr("Gender"), self._errors.beside(self.gender, "性别"))
        person_form.addRow(self.tr("Phone"), self._errors.beside(self.phone, "联系电话"))
        person_form.addRow(self.tr("Address"), self._errors.beside(self.address, "住址"))
        person_form.addRow(self.tr("Groups"), group_grid)
        if start.other_cases:
            shared = QLabel(
                self.tr(
                    "The person has {0} other case(s) ({1}): a correction of the person "
                    "applies to them too"
                ).format(len(start.other_cases), "、".join(start.other_cases[:5]))
            )
            shared.setWordWrap(True)
            shared.setStyleSheet("color: #7F6000;")
            person_form.addRow("", shared)

        # -- the representative (s.40) ----------------------------------------------------
        self.representative = RepresentativeBox(self._errors)
        self.representative.set_value(facts.representative)

        # -- why ---------------------------------------------------------------------------
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(54)
        self.reason.setPlaceholderText(self.tr("e.g. the ID number was copied wrongly"))
        reason_row = QFormLayout()
        reason_row.addRow(self.tr("Reason for the correction"),
                          self._errors.beside(self.reason, "更正原因"))  # fmt: skip

        scroll = two_columns([case_box], [person_box, self.representative])
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.general_error = self._errors.general
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(reason_row)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(1000, 660)
        self._enter = EnterMovesFocus(self)
        for widget in (self.received, self.cause, self.organ, self.organ_case_no,
                       self.detention_place, self.name, self.id_number, self.phone,
                       self.address, self.representative.name,
                       self.representative.relation, self.representative.id_number):  # fmt: skip
            widget.installEventFilter(self._enter)
        watch_choices(self)

    def reject(self) -> None:
        if discard_typing(self):  # Esc, Cancel or ✕ over a half-made correction: asked
            super().reject()

    # -- saving ------------------------------------------------------------------------------
    def facts(self) -> corrections.RegisteredFacts:
        stage = self.stage.currentData()
        gender = self.gender.currentData()
        ground = self.ground.currentData()
        return corrections.RegisteredFacts(
            name=self.name.text(),
            id_number=self.id_number.text(),
            gender=Gender(gender) if gender else None,
            phone=self.phone.text(),
            address=self.address.text(),
            received_on=from_qdate(self.received.date()),
            stage=Stage(stage) if stage else None,
            cause=self.cause.text(),
            summary=self.summary.toPlainText(),
            matter_category=self.matter.currentText(),
            groups=tuple(g for g, box in self.groups.items() if box.isChecked()),
            possible_life_or_death=self.life_or_death.isChecked(),
            hardship_basis=self.hardship.currentText(),
            notifying_organ=self.organ.text(),
            notification_ground=NotificationGround(ground) if ground else None,
            organ_case_no=self.organ_case_no.text(),
            detention_place=self.detention_place.text(),
            representative=self.representative.value(),
        )

    def save(self) -> None:
        self._errors.clear_all()
        error = self.received.error()
        if error is not None:
            self._errors["收到日期"].show_message(error)
            return
        try:
            work = partial(
                corrections.correct,
                self._ctx,
                case_id=self._case_id,
                facts=self.facts(),
                reason=self.reason.toPlainText(),
                expected_version=self._start.version,
            )
            self.result_ref = operation.run(self, work, self.tr("Saving…"))
        except ValidationError as exc:
            self._errors.show(exc, marked=self.tr("Not saved: see the fields marked in red"))
            return
        except LegalAidError as exc:  # the case changed meanwhile, or no longer allowed
            self.general_error.show_message(exc.message)
            return
        self.accept()
