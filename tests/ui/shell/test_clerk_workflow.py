"""The clerk's path through the real dialogs: intake → review → grant → assign, with the list
and the deadlines following; a possible death sentence refuses an unqualified handler."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from legalaid.domain.documents import DocumentKind
from legalaid.domain.lifecycle import Step
from legalaid.domain.vocabulary import CaseSource, CaseState, HandlerType, RegionTier
from legalaid.paths import resources_dir
from legalaid.services.commands.offices import add_handler
from legalaid.services.commands.subsidies import subsidy_basis
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.ui.case.assign_dialog import AssignDialog
from legalaid.ui.case.case_window import CaseDialog
from legalaid.ui.case.intake_dialog import IntakeDialog
from legalaid.ui.case.step_dialog import StepDialog
from legalaid.ui.shell.main_window import MainWindow
from tests.ui.cells import cell

Answer = Callable[[Callable[[QWidget], None]], None]


def test_intake_review_grant_assign(
    offices: Context,
    qtbot: QtBot,
    settings: QSettings,
    answer_dialog: Answer,
    tmp_path: Path,
    backend: str,
) -> None:
    ctx = offices
    add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER, firm_name="湖南天元律师事务所")
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.cases.model.rowCount() == 0

    intake = IntakeDialog(ctx, notification=False, parent=window)
    qtbot.addWidget(intake)
    intake.name.setText("袁英燕")
    intake.id_number.setText("430225197808134425")  # one digit wrong
    assert "校验位错误" in intake._errors["身份证号"].text()
    intake.id_number.setText("430225197808134424")
    assert intake._errors["身份证号"].isHidden()
    assert "1978-08-13" in intake.derived.text() and "女" in intake.derived.text()
    assert intake.groups["妇女"].isChecked() and not intake.groups["老年人"].isChecked()
    intake.phone.setText("1323634402")
    intake.check_phone()
    assert "11位" in intake._errors["联系电话"].text()
    intake.phone.setText("13236344021")
    intake.check_phone()
    intake.save()  # the pledge is not ticked: refused beside the hardship box
    assert "经济困难依据" in intake._errors["经济困难依据"].text()
    assert intake.result_ref is None
    intake.pledge.setChecked(True)
    intake.save()
    assert intake.result() == QDialog.DialogCode.Accepted
    assert intake.result_ref is not None
    case_id = intake.result_ref.id
    if backend == "sqlite":
        intake.grab().save(str(tmp_path / "intake.png"))

    window.refresh_all()
    assert window.cases.model.rowCount() == 1
    assert not window.deadlines.loaded  # filled when first shown, not at start-up
    window.show_section(window.DEADLINES)
    qtbot.waitUntil(lambda: not window.loader.loading, timeout=30_000)
    assert [r.case_id for r in window.deadlines.rows] == [case_id]
    # Time left in the rule's unit, never the rule's length read as time left.
    left = cell(window.deadlines.table, 0, 1)
    assert left.startswith(("剩余 ", "今天到期", "已逾期 ")), left
    assert cell(window.deadlines.table, 0, 2) == "审查决定（期限 7 日）"
    window.show_section(window.CASES)

    dialog = CaseDialog(ctx, case_id, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.buttons[Step.REVIEW].isVisibleTo(dialog)
    assert not dialog.buttons[Step.ASSIGN].isVisibleTo(dialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "审查决定：" in shown and "期限 7 日）" in shown
    dialog.buttons[Step.REVIEW].click()
    assert dialog.detail.row.state is CaseState.REVIEW

    def grant(step: QWidget) -> None:
        assert isinstance(step, StepDialog)
        step.reason.setPlainText("符合经济困难标准")
        step.accept()

    answer_dialog(grant)
    dialog.buttons[Step.GRANT].click()
    assert dialog.detail.row.state is CaseState.APPROVED

    def assign(picker: QWidget) -> None:
        assert isinstance(picker, AssignDialog)
        assert picker.chosen() is not None and picker.chosen().name == "林宇浩"  # suggested
        picker.save()

    answer_dialog(assign)
    dialog.buttons[Step.ASSIGN].click()
    assert dialog.detail.row.state is CaseState.ASSIGNED
    assert dialog.detail.row.handler == "林宇浩"
    assert [e.action for e in dialog.detail.timeline][-3:] == ["开始审查", "给予援助", "指派"]
    top = [a.text() for a in dialog.documents.menu().actions() if a.text()]
    assert top == [
        "指派文书（指派通知书、公函、授权委托书）",
        "申请与审查",
        "指派与承办",
        "更换、终止与结案",
    ]
    kinds = [a.text() for m in dialog.documents.menu().actions() if m.menu()
             for a in m.menu().actions()]  # fmt: skip
    for kind in ("给予法律援助决定书", "指派通知书", "法律援助公函", "委托协议", "授权委托书",
                 "送达回证", "申请材料接收凭证（法律援助申请材料接收凭证）"):  # fmt: skip
        assert kind in kinds, kind
    assert "不予法律援助决定书" not in kinds and "结案报告表" not in kinds
    notice = tmp_path / "notice.pdf"
    assert dialog.save_document(DocumentKind.ASSIGNMENT, notice)
    assert notice.read_bytes().startswith(b"%PDF")
    # An application's case names no court yet: the letter asks for it, once.
    asked: list[str] = []

    def court(box: QWidget) -> None:
        assert isinstance(box, QInputDialog)
        asked.append(box.labelText())
        box.setTextValue("株洲市天元区人民法院")
        box.accept()

    answer_dialog(court)
    bundle = tmp_path / "bundle.pdf"
    assert dialog.save_bundle(bundle)
    assert asked and "受理机关" in asked[0] and bundle.read_bytes().startswith(b"%PDF")
    assert dialog.save_document(DocumentKind.VISIT_LETTER, tmp_path / "visit.pdf")  # not asked
    assert len(asked) == 1
    if backend == "sqlite":
        dialog.grab().save(str(tmp_path / "case.png"))

    window.refresh_all()
    assert window.cases.model.index(0, window.cases.model.HANDLER).data() == "林宇浩"
    assert window.deadlines.rows[0].deadline.kind.value == "签订委托协议"
    if backend == "sqlite":
        window.grab().save(str(tmp_path / "main.png"))


def test_possible_death_sentence_refuses_unqualified_handler(
    offices: Context, qtbot: QtBot
) -> None:
    ctx = offices
    add_handler(ctx, name="周洋勇", handler_type=HandlerType.LAWYER, criminal_years=1)
    add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER, criminal_years=9)
    intake = IntakeDialog(ctx, notification=True)
    qtbot.addWidget(intake)
    intake.source.setCurrentIndex(intake.source.findData(CaseSource.COURT_NOTICE.value))
    intake.organ.setText("株洲市中级人民法院")
    intake.name.setText("白杰")
    intake.region.setCurrentIndex(intake.region.findData("跨市"))
    intake.aided_persons.setValue(3)  # three co-defendants in one notification
    intake.save()  # the ground of the notification is required (s.25)
    assert intake.result_ref is None
    assert "请选择通知理由" in intake._errors["通知理由"].text()
    # The ground says "life or death": no separate tick needed.
    intake.ground.setCurrentIndex(intake.ground.findData("可能被判处无期徒刑、死刑的人"))
    intake.organ_case_no.setText("（2026）湘02刑初45号")
    intake.detention_place.setText("株洲市看守所")
    intake.save()
    assert intake.result_ref is not None and intake.result_ref.state is CaseState.NOTIFIED
    detail = get_case(ctx, intake.result_ref.id)
    assert detail.possible_life_or_death
    assert detail.notification == (
        "株洲市中级人民法院",
        "可能被判处无期徒刑、死刑的人",
        "（2026）湘02刑初45号",
        "株洲市看守所",
    )
    basis = subsidy_basis(ctx, case_id=intake.result_ref.id)
    assert basis.region_tier is RegionTier.CROSS_CITY and basis.aided_persons == 3

    picker = AssignDialog(
        ctx,
        case_id=intake.result_ref.id,
        case_no=intake.result_ref.case_no,
        version=intake.result_ref.version,
        has_handler=False,
    )
    qtbot.addWidget(picker)
    assert picker.chosen() is not None and picker.chosen().name == "曾杰红"
    junior = next(i for i, o in enumerate(picker.options) if o.name == "周洋勇")
    assert "三年以上" in cell(picker.table, junior, picker.CHECK)
    picker.table.selectRow(junior)
    picker.save()
    assert "三年以上刑事辩护执业经历" in picker.error.text()
    assert get_case(ctx, intake.result_ref.id).row.state is CaseState.NOTIFIED


def test_window_remembers_geometry_and_columns(
    offices: Context, qtbot: QtBot, settings: QSettings
) -> None:
    first = MainWindow(offices, settings)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.cases.table.setColumnWidth(0, 333)
    first.close()
    second = MainWindow(offices, settings)
    qtbot.addWidget(second)
    assert second.cases.table.columnWidth(0) == 333
    assert (second.size().width(), second.size().height()) == (760, 560)


def test_translation_is_complete() -> None:
    """Every string the interface shows has its zh_CN translation, none unfinished."""
    tree = ET.parse(resources_dir() / "translations" / "legalaid_zh_CN.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 200
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.text, message.find("source").text
        assert translation.get("type") not in ("unfinished", "obsolete")
    assert (resources_dir() / "translations" / "legalaid_zh_CN.qm").stat().st_size > 5000


def test_every_interface_string_is_in_the_translation(tmp_path: Path) -> None:
    """lupdate over the current sources finds nothing the shipped file lacks."""
    import shutil
    import subprocess
    import sys

    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (Path(__file__).parents[3] / "legalaid" / "ui").glob("*/*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def messages(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
        }

    shipped = messages(resources_dir() / "translations" / "legalaid_zh_CN.ts")
    assert messages(fresh) - shipped == set()


def test_settings_change_deadline_counting_and_wording(
    offices: Context,
    qtbot: QtBot,
    settings: QSettings,
    answer_dialog: Callable[[Callable[[QWidget], None]], None],
    tmp_path: Path,
    backend: str,
) -> None:
    from legalaid.domain.deadlines import DeadlineKind
    from legalaid.services.commands.documents import current_text
    from legalaid.services.commands.settings import current_deadline_rules

    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show_section(window.SETTINGS)
    page = window.settings_page
    days, count = page.rules[DeadlineKind.REVIEW]
    # The Law's 7 日 out of the box, said beside the rule.
    assert (days.value(), count.currentText()) == (7, "自然日")
    assert page.rule_notes[DeadlineKind.REVIEW].text() == "同法律规定（7 日）"
    assert (
        page.rule_notes[DeadlineKind.ESCALATION_REPORT].text()
        == "默认 3 个工作日（法律未规定期限）"
    )
    count.setCurrentIndex(count.findText("工作日"))
    assert page.rule_notes[DeadlineKind.REVIEW].text() == "长于法定的 7 日"
    if backend == "sqlite":
        window.resize(1366, 740)
        window.grab().save(str(tmp_path / "settings_rules.png"))
    # Saving a longer rule asks first; cancelled, nothing is stored.
    warnings: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def press(dialog: QWidget) -> None:
            assert isinstance(dialog, QMessageBox)
            warnings.append(dialog.text())
            dialog.button(button).click()

        return press

    answer_dialog(answer(QMessageBox.StandardButton.Cancel))
    page.store_rules()
    assert "审查决定：7 个工作日（法定 7 日）" in warnings[0]
    assert current_deadline_rules(offices)[DeadlineKind.REVIEW].count.value == "自然日"
    answer_dialog(answer(QMessageBox.StandardButton.Save))
    page.store_rules()
    assert len(warnings) == 2
    assert "已重新计算" in page.message.text()
    page.kind.setCurrentIndex(page.kind.findText("法律援助公函"))
    page.text.setPlainText("{organ}：{unknown}")
    page.store_text()
    assert "unknown" in page.message.text()
    page.text.setPlainText("{organ}：\n兹指派{handler}。")
    page.store_text()
    assert current_text(offices, DocumentKind.LETTER) == "{organ}：\n兹指派{handler}。"
    page.reset_text()
    assert "已指派" in page.text.toPlainText()
    window.close()
    reopened = MainWindow(offices, settings)
    qtbot.addWidget(reopened)
    reopened.show_section(reopened.SETTINGS)
    _, count = reopened.settings_page.rules[DeadlineKind.REVIEW]
    assert count.currentText() == "工作日"
    assert reopened.settings_page.rule_notes[DeadlineKind.REVIEW].text() == "长于法定的 7 日"


def test_backup_restore_and_about_from_the_window(
    offices: Context, qtbot: QtBot, settings: QSettings, tmp_path: Path, backend: str
) -> None:
    from legalaid import __version__
    from legalaid.ui.shell.about_dialog import AboutDialog

    about = AboutDialog(offices.db.url)
    qtbot.addWidget(about)
    texts = " ".join(label.text() for label in about.findChildren(QLabel))
    assert __version__ in texts and "数据库" in texts
    window = MainWindow(offices, settings)
    qtbot.addWidget(window)
    window.show_section(window.SETTINGS)
    page = window.settings_page
    from legalaid.ui.pages.settings_page import backup_folder

    page.set_backup_folder(tmp_path / "daily")
    assert backup_folder() == tmp_path / "daily"
    assert str(tmp_path / "daily") in page.backup_folder.text()
    if backend != "sqlite":
        assert not page.backup_to(tmp_path / "b.sqlite3")
        assert "pg_dump" in page.message.text()
        return
    assert page.backup_to(tmp_path / "b.sqlite3")
    intake = IntakeDialog(offices, notification=False)
    qtbot.addWidget(intake)
    intake.name.setText("张三")
    intake.pledge.setChecked(True)
    intake.save()
    window.refresh_all()
    assert window.cases.model.total == 1
    from legalaid.services.commands.setup import open_context

    other = open_context(offices.db.url)  # another desktop on the same database
    assert not page.restore_from(tmp_path / "b.sqlite3")
    assert "正被其他窗口或命令使用" in page.message.text()
    other.db.dispose()
    window.refresh_all()
    assert window.cases.model.total == 1  # refused: nothing changed, the desktop goes on
    assert page.restore_from(tmp_path / "b.sqlite3")
    window.refresh_all()
    assert window.cases.model.total == 0
    assert "原数据库已另存为" in page.message.text()
    # The replaced database is a copy of personal data: listed, and deleted on purpose.
    page.tabs.setCurrentIndex(3)
    assert page.copies.rowCount() == 1
    assert page.copies.item(0, 1).text() == "替换前的数据库"
    assert ".replaced-" in page.copies.item(0, 0).text()
    page.copies.selectRow(0)
    assert page.delete_selected_copies() == 1
    assert page.copies.rowCount() == 0 and not list(tmp_path.glob("*.replaced-*"))
    from legalaid.services.queries.audit_trail import AuditFilter, audit_entries

    actions = [e.action for e in audit_entries(offices, AuditFilter())[0]]
    assert "恢复备份" in actions and "删除数据副本" in actions
