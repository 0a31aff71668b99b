"""Who applies for the person (法律援助法 s.40): a 法定代理人 or 近亲属, or the person
themself — the same fields in the application form and in 更正."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from legalaid.domain.vocabulary import RepresentativeKind
from legalaid.services.commands.intake import RepresentativeInput
from legalaid.ui.kit.widgets import FieldErrors


class RepresentativeBox(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Representative"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("(the person applies)"), None)
        for kind in RepresentativeKind:
            self.kind.addItem(kind.value, kind.value)
        self.name = QLineEdit()
        self.relation = QLineEdit()
        self.relation.setPlaceholderText(self.tr("e.g. 父亲, 配偶, 监护人"))
        self.id_number = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Acting as"), self.kind)
        # The field names are the service's (intake.representative_fields).
        form.addRow(self.tr("Name"), errors.beside(self.name, "代理人姓名"))
        form.addRow(self.tr("Relation"), errors.beside(self.relation, "与受援人关系"))
        form.addRow(self.tr("ID number"), errors.beside(self.id_number, "代理人身份证号"))
        self.kind.currentIndexChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        on = self.kind.currentData() is not None
        for field in (self.name, self.relation, self.id_number):
            field.setEnabled(on)

    def value(self) -> RepresentativeInput | None:
        kind = self.kind.currentData()
        if kind is None:
            return None
        return RepresentativeInput(
            kind=RepresentativeKind(kind),
            name=self.name.text(),
            relation=self.relation.text(),
            id_number=self.id_number.text().strip() or None,
        )

    def set_value(self, value: RepresentativeInput | None) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(value.kind.value if value else None), 0))
        self.name.setText(value.name if value else "")
        self.relation.setText(value.relation if value else "")
        self.id_number.setText((value.id_number or "") if value else "")
