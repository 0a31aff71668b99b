"""受理登记: registering an application, or accepting a notification from court,
procuratorate or police. Every field is checked where it is typed."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalaid.domain.aid_services import ServiceKind
from legalaid.domain.errors import DuplicateCase, LegalAidError, PersonChanged, ValidationError
from legalaid.domain.groups import ELDERLY, MINORS, WOMEN, groups_by_person
from legalaid.domain.identity import age_on, normalize_phone, parse_id_number
from legalaid.domain.vocabulary import (
    HARDSHIP_DECLARED,
    HARDSHIP_EXEMPTIONS,
    MATTER_CATEGORIES,
    NOTIFICATION_SOURCES,
    STANDARD_GROUPS,
    CaseSource,
    CaseType,
    Gender,
    NotificationGround,
    RegionTier,
    Stage,
)
from legalaid.services.commands import intake
from legalaid.services.commands.aid_services import ServiceEntry
from legalaid.services.commands.offices import list_offices
from legalaid.services.plumbing.case_change import CaseRef
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import people_with_id
from legalaid.ui.case.representative_box import RepresentativeBox
from legalaid.ui.kit.widgets import (
    EnterMovesFocus,
    FieldErrors,
    date_edit,
    discard_typing,
    from_qdate,
    show_error,
    two_columns,
    watch_choices,
)
from legalaid.ui.work import operation


class IntakeDialog(QDialog):
    def __init__(self, ctx: Context, *, notification: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.notification = notification
        self.result_ref: CaseRef | None = None
        self.from_service_id: int | None = None  # 转为案件: the consultation or duty help
        self.setWindowTitle(
            self.tr("Accept a notification") if notification else self.tr("Register an application")
        )
        self._errors = FieldErrors()

        # -- the case -------------------------------------------------------------------
        self.office = QComboBox()
        for office in list_offices(ctx):
            self.office.addItem(f"{office.code} {office.name}", office.code)
        self.source = QComboBox()
        sources = [s for s in CaseSource if (s in NOTIFICATION_SOURCES) == notification]
        for source in sources:
            self.source.addItem(source.value, source.value)
        # 事项类别 (s.31): chosen from the usual list or typed.
        self.matter = QComboBox()
        self.matter.setEditable(True)
        self.matter.addItem("")
        self.matter.addItems(MATTER_CATEGORIES)
        self.organ = QLineEdit()
        self.organ.setPlaceholderText(
            self.tr("Court, procuratorate, police or state-security organ")
        )
        # The ground of the notification (法律援助法 s.25) and where to find the person.
        self.ground = QComboBox()
        self.ground.addItem(self.tr("(choose)"), None)
        for ground in NotificationGround:
            self.ground.addItem(ground.value, ground.value)
        self.organ_case_no = QLineEdit()
        self.organ_case_no.setPlaceholderText(self.tr("The organ's own case number"))
        self.detention_place = QLineEdit()
        self.detention_place.setPlaceholderText(self.tr("e.g. 株洲市看守所 (if detained)"))
        self.case_type = QComboBox()
        for case_type in CaseType:
            if not notification or case_type.is_criminal:
                self.case_type.addItem(case_type.value, case_type.value)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("(not given)"), None)
        for stage in Stage:
            self.stage.addItem(stage.value, stage.value)
        self.cause = QLineEdit()
        self.cause.setPlaceholderText(self.tr("e.g. theft, unpaid wages"))
        self.received = date_edit(ctx.today(), field="收到日期")
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(60)
        # 异地: the tier decides the subsidy add-on; persons count joined cases too.
        self.region = QComboBox()
        for tier in RegionTier:
            self.region.addItem(tier.value, tier.value)
        self.aided_persons = QSpinBox()
        self.aided_persons.setRange(1, 9999)
        self.aided_persons.setToolTip(self.tr("Co-applicants and joined cases count too"))
        where = QHBoxLayout()
        where.addWidget(self.region)
        where.addWidget(QLabel(self.tr("Aided persons (incl. joined cases)")))
        where.addWidget(self.aided_persons)
        where.addStretch()
        self.life_or_death = QCheckBox(self.tr("Possible life imprisonment or death penalty"))

        case_box = QGroupBox(self.tr("Case"))
        case_form = QFormLayout(case_box)
        case_form.addRow(self.tr("Office"), self.office)
        case_form.addRow(self.tr("Source"), self.source)
        if notification:
            case_form.addRow(
                self.tr("Notifying organ"), self._errors.beside(self.organ, "通知机关")
            )
            case_form.addRow(
                self.tr("Ground of the notification"), self._errors.beside(self.ground, "通知理由")
            )
            case_form.addRow(self.tr("Organ's case number"), self.organ_case_no)
            case_form.addRow(self.tr("Place of detention"), self.detention_place)
        case_form.addRow(self.tr("Case type"), self.case_type)
        case_form.addRow(self.tr("Stage"), self.stage)
        case_form.addRow(self.tr("Cause"), self.cause)
        case_form.addRow(self.tr("Matter (s.31)"), self._errors.beside(self.matter, "事项类别"))
        case_form.addRow(self.tr("Received on"), self._errors.beside(self.received, "收到日期"))
        case_form.addRow(self.tr("Summary"), self.summary)
        case_form.addRow(self.tr("Where handled"), where)
        case_form.addRow("", self.life_or_death)

        # -- the aided person -----------------------------------------------------------
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18 characters; fills birth date and gender"))
        self.derived = QLabel()
        self.gender = QComboBox()
        self.gender.addItem(self.tr("(from ID number)"), None)
        for gender in Gender:
            self.gender.addItem(gender.value, gender.value)
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.earlier = QLabel()
        self.earlier.setWordWrap(True)
        self.earlier.setStyleSheet("color: #7F6000;")
        self.groups: dict[str, QCheckBox] = {g: QCheckBox(g) for g in STANDARD_GROUPS}
        group_grid = QGridLayout()
        for index, box in enumerate(self.groups.values()):
            group_grid.addWidget(box, index // 5, index % 5)

        person_box = QGroupBox(self.tr("Aided person"))
        person_form = QFormLayout(person_box)
        person_form.addRow(self.tr("Name"), self._errors.beside(self.name, "受援人姓名"))
        person_form.addRow(self.tr("ID number"), self._errors.beside(self.id_number, "身份证号"))
        person_form.addRow("", self.derived)
        person_form.addRow(self.tr("Gender"), self._errors.beside(self.gender, "性别"))
        person_form.addRow(self.tr("Phone"), self._errors.beside(self.phone, "联系电话"))
        person_form.addRow(self.tr("Address"), self.address)
        person_form.addRow(self.tr("Groups"), group_grid)
        person_form.addRow("", self.earlier)

        # -- hardship (applications only) -----------------------------------------------
        self.declared = QRadioButton(self.tr("Statement of economic hardship and integrity pledge"))
        self.pledge = QCheckBox(self.tr("The applicant signed the integrity pledge"))
        self.exempt = QRadioButton(self.tr("Exempt from the hardship check"))
        self.exemption = QComboBox()
        for reason in HARDSHIP_EXEMPTIONS:
            self.exemption.addItem(reason, reason)
        choice = QButtonGroup(self)
        choice.addButton(self.declared)
        choice.addButton(self.exempt)
        self.declared.setChecked(True)
        self.exemption.setEnabled(False)
        self.exempt.toggled.connect(self.exemption.setEnabled)
        self.exempt.toggled.connect(lambda on: self.pledge.setEnabled(not on))
        hardship_box = QGroupBox(self.tr("Economic hardship"))
        hardship = QVBoxLayout(hardship_box)
        hardship.addWidget(self.declared)
        hardship.addWidget(self.pledge)
        hardship.addWidget(self.exempt)
        hardship.addWidget(self.exemption)
        hardship.addWidget(self._errors.label("经济困难依据"))
        hardship_box.setVisible(not notification)

        # -- who applies for the person (法律援助法 s.40) --------------------------------------
        self.representative = RepresentativeBox(self._errors)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.general_error = self._errors.general

        scroll = two_columns([case_box], [person_box, hardship_box, self.representative])
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)

        self._enter = EnterMovesFocus(self)
        for widget in (
            self.office,
            self.source,
            self.organ,
            self.ground,
            self.organ_case_no,
            self.detention_place,
            self.case_type,
            self.stage,
            self.cause,
            self.matter,
            self.received,
            self.name,
            self.id_number,
            self.gender,
            self.phone,
            self.address,
        ):
            widget.installEventFilter(self._enter)
        self.id_number.textChanged.connect(self.check_id_number)
        self.phone.editingFinished.connect(self.check_phone)
        self.case_type.currentIndexChanged.connect(self._criminal_only)
        self._criminal_only()
        watch_choices(self)

    def reject(self) -> None:
        if discard_typing(self):  # Esc, Cancel or ✕ over a half-typed application: asked
            super().reject()

    def _criminal_only(self) -> None:
        self.life_or_death.setEnabled(CaseType(self.case_type.currentData()).is_criminal)
        if not self.life_or_death.isEnabled():
            self.life_or_death.setChecked(False)

    # -- checks where they are typed --------------------------------------------------------
    def check_id_number(self) -> None:
        text = self.id_number.text().strip()
        error = self._errors["身份证号"]
        self.derived.clear()
        self.earlier.clear()
        if len(text) < 18:
            error.show_message(None)
            return
        try:
            parsed = parse_id_number(text, today=self._ctx.today())
        except ValidationError as exc:
            error.show_message(exc.message)
            return
        error.show_message(None)
        if not self.received.is_valid():
            return  # the age is checked again once 收到日期 is a real date
        received = from_qdate(self.received.date())
        age = age_on(parsed.birth_date, received)
        self.derived.setText(
            self.tr("Born {0}, {1}, {2} years old").format(
                parsed.birth_date.isoformat(), parsed.gender.value, age
            )
        )
        self.gender.setCurrentIndex(self.gender.findData(parsed.gender.value))
        # Suggestions only: the clerk can untick them (groups are the applicant's situation).
        suggested = groups_by_person(parsed.birth_date, parsed.gender, received)
        for group in (ELDERLY, MINORS):
            self.groups[group].setChecked(group in suggested)
        if WOMEN in suggested:
            self.groups[WOMEN].setChecked(True)
        earlier = people_with_id(self._ctx, parsed.value)
        if earlier:
            if not self.name.text().strip():
                self.name.setText(earlier[0].name)
            listed = "；".join(
                f"{r.case_no}（{r.case_type}，{r.state.value}）" for r in earlier[:5]
            )
            self.earlier.setText(
                self.tr("Already on file with {0} case(s): {1}").format(len(earlier), listed)
            )

    def check_phone(self) -> None:
        text = self.phone.text().strip()
        try:
            if text:
                normalize_phone(text)
        except ValidationError as exc:
            self._errors["联系电话"].show_message(exc.message)
        else:
            self._errors["联系电话"].show_message(None)

    # -- saving ------------------------------------------------------------------------------
    def hardship_basis(self) -> str | None:
        if self.notification:
            return None
        if self.exempt.isChecked():
            return f"免予审查：{self.exemption.currentData()}"
        return HARDSHIP_DECLARED if self.pledge.isChecked() else None

    def fill_from_service(self, entry: ServiceEntry) -> None:
        """An application from a consultation or a duty help (转为案件): the person, groups,
        matter and question carried over; the two are linked when it is registered."""
        self.from_service_id = entry.id
        self.setWindowTitle(
            self.tr("Register an application from the {0} of {1}").format(
                entry.kind.value, entry.served_on.isoformat()
            )
        )
        self.office.setCurrentIndex(max(self.office.findData(entry.office_code), 0))
        if entry.kind is ServiceKind.DUTY_HELP:
            index = self.source.findData(CaseSource.DUTY_LAWYER.value)
            if index >= 0:
                self.source.setCurrentIndex(index)
            self.cause.setText(entry.content or "")
        else:
            self.summary.setPlainText(entry.content or "")
        self.name.setText(entry.name)
        self.phone.setText(entry.phone or "")
        if entry.id_number and "*" not in entry.id_number:
            self.id_number.setText(entry.id_number)
        for group in entry.groups:
            if group in self.groups:
                self.groups[group].setChecked(True)
        if entry.matter_category:
            self.matter.setEditText(entry.matter_category)

    def case_input(self) -> intake.CaseInput:
        gender = self.gender.currentData()
        stage = self.stage.currentData()
        return intake.CaseInput(
            office_code=self.office.currentData() or "",
            source=CaseSource(self.source.currentData()),
            case_type=CaseType(self.case_type.currentData()),
            stage=Stage(stage) if stage else None,
            cause=self.cause.text().strip() or None,
            summary=self.summary.toPlainText().strip() or None,
            received_on=from_qdate(self.received.date()),
            person=intake.PersonInput(
                name=self.name.text().strip(),
                id_number=self.id_number.text().strip() or None,
                gender=Gender(gender) if gender else None,
                phone=self.phone.text().strip() or None,
                address=self.address.text().strip() or None,
            ),
            groups=tuple(g for g, box in self.groups.items() if box.isChecked()),
            hardship_basis=self.hardship_basis(),
            notifying_organ=self.organ.text().strip() or None,
            notification_ground=(
                NotificationGround(self.ground.currentData()) if self.ground.currentData() else None
            ),
            organ_case_no=self.organ_case_no.text().strip() or None,
            detention_place=self.detention_place.text().strip() or None,
            matter_category=self.matter.currentText().strip() or None,
            representative=self.representative.value(),
            region_tier=RegionTier(self.region.currentData()),
            aided_persons=self.aided_persons.value(),
            possible_life_or_death=self.life_or_death.isChecked(),
            from_service_id=self.from_service_id,
        )

    def _confirm(self, title: str, message: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            message + "\n\n" + question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.general_error.show_message(message)  # nothing saved; the form stays as typed
            return False
        return True

    def save(self) -> None:
        self._errors.clear_all()
        if self.notification and self.ground.currentData() is None:
            self._errors["通知理由"].show_message(
                self.tr("Choose the ground of the notification (法律援助法 s.25)")
            )
            self.ground.setFocus()
            return
        try:
            data = self.case_input()
            while True:  # each question the service asks is put to the clerk, then retried
                try:
                    self.result_ref = operation.run(
                        self, partial(intake.register, self._ctx, data), self.tr("Saving…")
                    )
                    break
                except DuplicateCase as exc:
                    # The same person, date and kind of case is on file: the clerk decides.
                    if not self._confirm(
                        self.tr("Possible duplicate"),
                        exc.message,
                        self.tr("Register it as a separate case anyway?"),
                    ):
                        return
                    data = replace(data, allow_duplicate=True)
                except PersonChanged as exc:
                    # A person on file by ID with another name or phone: never overwritten
                    # without asking.
                    if not self._confirm(
                        self.tr("Person on file"),
                        exc.message,
                        self.tr("Update the person's details and register the case?"),
                    ):
                        return
                    data = replace(data, update_person=True)
        except ValidationError as exc:
            self._errors.show(exc)
            return
        except LegalAidError as exc:
            show_error(self, exc, self.tr("Not saved"))
            return
        self.accept()
