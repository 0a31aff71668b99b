"""Issuing and printing the standard documents of a case (numbers kept once issued)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid.domain.deadlines import DeadlineKind
from legalaid.domain.documents import (
    DEFAULT_NUMBER_PATTERN,
    DEFAULT_TEXTS,
    DocumentKind,
    Layout,
    check_text,
    chinese_date,
    fill,
    format_number,
)
from legalaid.domain.errors import ValidationError
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import CaseSource, CaseState, CaseType, Stage
from legalaid.reports.form_data import FormDocument
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_change import load_case
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.storage import repositories as repo
from legalaid.storage.records import (
    AssignmentRecord,
    CaseDocumentRecord,
    CaseEventRecord,
    CaseRecord,
    SettingRecord,
    WorkEntryRecord,
)

TEXT_KEY = "document_text.{}"
NUMBER_KEY = "document_number_pattern"
BUREAU_KEY = "document_bureau"
DEFAULT_BUREAU = "主管司法行政机关"
_GRANTED = {CaseState.APPROVED, CaseState.ASSIGNED, CaseState.IN_PROGRESS, CaseState.CLOSING,
            CaseState.CLOSED, CaseState.ARCHIVED, CaseState.TERMINATED}  # fmt: skip


_PENDING = {CaseState.REGISTERED, CaseState.AWAITING_MATERIALS, CaseState.REVIEW}


def available(
    case_state: CaseState, *, notified: bool, has_handler: bool, changed_handler: bool = False,
    terminated: bool = False, missing: bool = False, transferred: bool = False,
) -> list[DocumentKind]:  # fmt: skip
    """The documents that make sense for a case in this state, in the order of the work."""
    kinds = [DocumentKind.REGISTRATION]
    if not notified:
        kinds += [DocumentKind.APPLICATION, DocumentKind.HARDSHIP, DocumentKind.RECEIPT]
        if missing and case_state in _PENDING:
            kinds.append(DocumentKind.SUPPLEMENT)
        if case_state in _GRANTED:
            kinds.append(DocumentKind.GRANT)
    if case_state is CaseState.REJECTED:
        kinds.append(DocumentKind.REFUSAL)
    if has_handler:
        kinds += [DocumentKind.ASSIGNMENT, DocumentKind.LETTER, DocumentKind.VISIT_LETTER]
        if transferred:  # an application an organ or detention centre passed on
            kinds.append(DocumentKind.TRANSFER_LETTER)
        kinds += [DocumentKind.AGREEMENT, DocumentKind.POWER, DocumentKind.SERVICE,
                  DocumentKind.CHANGE_APPLICATION]  # fmt: skip
        if changed_handler:
            kinds.append(DocumentKind.CHANGE_NOTICE)
        if case_state in (CaseState.CLOSING, CaseState.CLOSED, CaseState.ARCHIVED):
            kinds.append(DocumentKind.CLOSING_REPORT)
    if terminated:
        kinds += [DocumentKind.TERMINATION, DocumentKind.TERMINATION_LETTER]
    return kinds


# One assignment's papers, printed together (指派通知书, 公函, 授权委托书).
ASSIGNMENT_BUNDLE = (DocumentKind.ASSIGNMENT, DocumentKind.LETTER, DocumentKind.POWER)
K = DocumentKind
# The documents by stage of the work (the case window groups its menu so).
APPLICATION_PAPERS = frozenset({K.REGISTRATION, K.APPLICATION, K.HARDSHIP, K.RECEIPT,
                                K.SUPPLEMENT, K.GRANT, K.REFUSAL})  # fmt: skip
HANDLING_PAPERS = frozenset({K.ASSIGNMENT, K.LETTER, K.VISIT_LETTER, K.TRANSFER_LETTER,
                             K.AGREEMENT, K.POWER, K.SERVICE})  # fmt: skip
ENDING_PAPERS = frozenset({K.CHANGE_APPLICATION, K.CHANGE_NOTICE, K.TERMINATION,
                           K.TERMINATION_LETTER, K.CLOSING_REPORT})  # fmt: skip


def document_text(session: Session, kind: DocumentKind) -> str:
    return repo.get_setting(session, TEXT_KEY.format(kind.name)) or DEFAULT_TEXTS[kind]


def current_text(ctx: Context, kind: DocumentKind) -> str:
    with ctx.reading() as uow:
        return document_text(uow.session, kind)


@requires(Action.ADMINISTER)
def set_document_text(ctx: Context, *, kind: DocumentKind, text: str | None) -> None:
    """Replace a document's wording with the office's own (None restores the default)."""
    if text is not None:
        check_text(text)
    with ctx.writing() as uow:
        key = TEXT_KEY.format(kind.name)
        record = uow.session.get(SettingRecord, key)
        if text is None:
            if record is not None:
                uow.session.delete(record)
        elif record is None:
            uow.session.add(SettingRecord(key=key, value=text))
        else:
            record.value = text
        uow.commit()


def _values(session: Session, case: CaseRecord) -> dict[str, str]:
    handler = case.handler
    criminal = CaseType(case.case_type) is CaseType.CRIMINAL_DEFENCE
    pre_trial = case.stage in (Stage.INVESTIGATION.value, Stage.PROSECUTION_REVIEW.value)
    role = ("犯罪嫌疑人" if pre_trial else "被告人") if criminal else "受援人"
    office = case.office
    assignments = list(session.scalars(
        select(AssignmentRecord).where(AssignmentRecord.case_id == case.id)
        .order_by(AssignmentRecord.assigned_on, AssignmentRecord.id)
    ))  # fmt: skip
    previous = assignments[-2].handler.name if len(assignments) > 1 else ""
    letter = _issued_number(session, case.id, DocumentKind.LETTER) or _issued_number(
        session, case.id, DocumentKind.ASSIGNMENT
    )
    review_due = (
        chinese_date(case.due_on)
        if case.due_on and case.deadline_kind == DeadlineKind.REVIEW.value
        else ""
    )
    return {
        "applicant": case.person.name,
        "applied_date": chinese_date(case.applied_on),
        "cause": case.cause or "",
        "aid_type": case.case_type,
        "reason": case.decision_reason or "",
        "office": office.name,
        "office_phone": office.phone or "",
        "office_address": office.address or "",
        "bureau": repo.get_setting(session, BUREAU_KEY) or DEFAULT_BUREAU,
        "firm": handler.firm.name if handler and handler.firm else "",
        "handler": handler.name if handler else "",
        "handler_phone": handler.phone or "" if handler else "",
        "organ": case.notifying_organ or case.handling_organ or "",
        "role": role,
        "acting_as": "辩护人" if criminal else "代理人",
        "case_no": case.case_no,
        "applicant_phone": case.person.phone or "",
        "missing": "；".join(x for x in (case.missing_materials or "").splitlines() if x.strip()),
        "materials": "、".join(received_materials(case)),
        "review_due": review_due,
        "detention_place": case.detention_place or "",
        "organ_case_no": case.organ_case_no or "",
        "termination_reason": _termination_reason(session, case),
        "terminated_date": chinese_date(case.ended_on)
        if case.ended_on and case.state == CaseState.TERMINATED.value
        else "",
        "old_handler": previous,
        "change_reason": assignments[-1].reason or "" if len(assignments) > 1 else "",
        "letter_no": letter or "",
        "assignment_no": _issued_number(session, case.id, DocumentKind.ASSIGNMENT) or "",
        "stage": f"{case.stage}阶段" if case.stage else "",
    }


def received_materials(case: CaseRecord) -> list[str]:
    """What an application came with, as far as the file says (a receipt lists it)."""
    items = ["法律援助申请表"]
    if case.person.id_number:
        items.append("申请人身份证明")
    if case.representative_name:
        items.append("代理人身份证明及代理关系证明")
    if case.hardship_basis:
        items.append(f"经济困难状况说明（{case.hardship_basis}）")
    if case.summary:
        items.append("与所申请法律援助事项有关的材料")
    return items


def _termination_reason(session: Session, case: CaseRecord) -> str:
    """The s.48 ground recorded when aid was terminated (on the case's timeline)."""
    detail = session.scalar(
        select(CaseEventRecord.detail)
        .where(CaseEventRecord.case_id == case.id,
               CaseEventRecord.to_state == CaseState.TERMINATED.value)
        .order_by(CaseEventRecord.id.desc()).limit(1)
    )  # fmt: skip
    if not detail:
        return ""
    return str(json.loads(detail).get("理由", ""))


def _issued_number(session: Session, case_id: int, kind: DocumentKind) -> str | None:
    return session.scalar(
        select(CaseDocumentRecord.number).where(
            CaseDocumentRecord.case_id == case_id, CaseDocumentRecord.kind == kind.value
        )
    )


def _facts(session: Session, case: CaseRecord) -> dict[str, bool]:
    handlers = session.scalar(
        select(func.count(func.distinct(AssignmentRecord.handler_id))).where(
            AssignmentRecord.case_id == case.id
        )
    )
    return {
        "notified": CaseSource(case.source).is_notification,
        "has_handler": case.handler is not None,
        "changed_handler": (handlers or 0) > 1,
        "terminated": case.state == CaseState.TERMINATED.value and case.handler_id is not None,
        "missing": bool((case.missing_materials or "").strip()),
        "transferred": not CaseSource(case.source).is_notification
        and bool(case.detention_place or case.source == CaseSource.DUTY_LAWYER.value),
    }


def documents_for(ctx: Context, *, case_id: int) -> list[DocumentKind]:
    """The documents the case's window offers."""
    with ctx.reading() as uow:
        case = load_case(uow.session, case_id)
        return available(CaseState(case.state), **_facts(uow.session, case))


def issue_document(
    ctx: Context, *, case_id: int, kind: DocumentKind, addressee: str | None = None
) -> FormDocument:
    """The document's data; its number is allocated the first time and kept after that.
    ``addressee``: the organ a 公函 goes to, where the case has none on file yet (the court
    of a civil case): kept on the case for the letters after it."""
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id)
        state = CaseState(case.state)
        if kind not in available(state, **_facts(session, case)):
            raise ValidationError(
                f"案件处于「{state.value}」状态，不能出具{kind.value}", field="文书"
            )
        if addressee is not None and addressee.strip():
            if len(addressee.strip()) > 100:
                raise ValidationError("「受理机关」最多100字", field="受理机关")
            if not case.notifying_organ:
                case.handling_organ = addressee.strip()
        if kind in LETTERS_TO_ORGAN and not (case.notifying_organ or case.handling_organ):
            raise ValidationError(
                f"请填写{kind.heading}的受理机关（办理本案的法院、检察院、公安机关或仲裁机构）",
                field="受理机关",
            )
        number, issued_on = "", ctx.today()
        if kind.number_word:
            record = session.scalar(
                select(CaseDocumentRecord).where(
                    CaseDocumentRecord.case_id == case.id, CaseDocumentRecord.kind == kind.value
                )
            )
            if record is None:
                pattern = repo.get_setting(session, NUMBER_KEY) or DEFAULT_NUMBER_PATTERN
                seq = repo.reserve_sequence(session, office_id=case.office_id,
                                            year=issued_on.year,
                                            kind=f"doc:{kind.number_word}")  # fmt: skip
                record = CaseDocumentRecord(
                    case_id=case.id, kind=kind.value, issued_on=issued_on, created_at=ctx.now(),
                    actor=ctx.actor,
                    number=format_number(pattern, prefix=case.office.prefix, kind=kind,
                                         year=issued_on.year, seq=seq),
                )  # fmt: skip
                session.add(record)
            number, issued_on = record.number, record.issued_on
        values = _values(session, case)
        text = fill(document_text(session, kind), values)
        lines = tuple(line.strip() for line in text.splitlines() if line.strip())
        office = case.office
        title = kind.heading
        if kind is DocumentKind.AGREEMENT:  # 委托辩护协议 for a defence, 委托代理协议 otherwise
            defence = CaseType(case.case_type) is CaseType.CRIMINAL_DEFENCE
            title = "委托辩护协议" if defence else "委托代理协议"
        document = FormDocument(
            title=title, number=f"编号：{number}" if number else "",
            organisation=office.name, issued_on=issued_on,
            letterhead=" ".join(x for x in (office.address, office.phone) if x),
            paragraphs=lines,
        )  # fmt: skip
        if kind.layout is Layout.FORM:
            fields, boxes, signoff = _form(session, case, kind, values)
            document = replace(document, paragraphs=(), fields=fields, boxes=boxes,
                               notes=lines, signatures=signoff)  # fmt: skip
        elif kind.layout is Layout.AGREEMENT:
            document = replace(document, sealed=False, signatures=_PARTIES[kind])
        uow.commit()
        return document


# Letters addressed to the organ handling the case (none is printed without one).
LETTERS_TO_ORGAN = frozenset({
    DocumentKind.LETTER, DocumentKind.VISIT_LETTER, DocumentKind.TRANSFER_LETTER,
    DocumentKind.TERMINATION_LETTER,
})  # fmt: skip
_PARTIES = {
    DocumentKind.AGREEMENT: ("委托人（签名）", "受托人（盖章）", "承办人（签名）"),
    DocumentKind.POWER: ("委托人（签名）",),
}


def _form(
    session: Session, case: CaseRecord, kind: DocumentKind, values: dict[str, str]
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], tuple[str, ...]]:
    """A form's fields, its opinion boxes and who signs it."""
    person = case.person
    fields: tuple[tuple[str, str], ...]
    if kind is DocumentKind.REGISTRATION:
        return _registration_fields(case), ("审查意见", "审批意见"), ()
    if kind is DocumentKind.APPLICATION:
        fields = (
            ("姓名", person.name), ("性别", person.gender or ""),
            ("出生日期", chinese_date(person.birth_date) if person.birth_date else ""),
            ("身份证号", person.id_number or ""), ("住所地（经常居住地）", person.address or ""),
            ("联系电话", person.phone or ""),
            ("代理人", "　".join(x for x in (case.representative_kind, case.representative_name,
                                            case.representative_relation) if x)),
            ("申请事项", f"{case.cause or ''}（{case.case_type}"
                         f"{'·' + case.stage if case.stage else ''}）"),
            ("人群类别", "、".join(g.group_name for g in case.groups)),
            ("案情及申请理由概述", case.summary or ""),
            ("申请日期", chinese_date(case.applied_on)),
        )  # fmt: skip
        return fields, (), ("申请人（签字）", "代理人（签字）")
    if kind is DocumentKind.HARDSHIP:
        fields = (
            ("申请人", person.name), ("身份证号", person.id_number or ""),
            ("住所地", person.address or ""), ("申请事项", case.cause or ""),
            ("经济困难依据", case.hardship_basis or ""),
            ("家庭人口", ""), ("家庭月收入（元）", ""), ("主要收入来源", ""),
            ("家庭财产状况", ""), ("其他需要说明的情况", ""),
        )  # fmt: skip
        return fields, (), ("申请人（签字）",)
    if kind is DocumentKind.SERVICE:
        fields = (
            ("送达文书", "、".join(_issued_titles(session, case.id)) or "＿＿＿＿"),
            ("受送达人", person.name), ("送达地址", person.address or ""),
            ("送达方式", "直接送达 / 邮寄送达 / 电子送达"), ("送达机关", case.office.name),
            ("案号", case.case_no),
        )  # fmt: skip
        return fields, ("受送达人签收", "送达人"), ()
    if kind is DocumentKind.CHANGE_APPLICATION:
        fields = (
            ("申请人（受援人）", person.name), ("联系电话", person.phone or ""),
            ("案件", f"{case.case_no} {case.cause or ''}"),
            ("现承办人", f"{values['handler']}（{values['firm']}）"),
            ("申请更换的理由及证据", ""),
        )  # fmt: skip
        return fields, ("法律援助机构审查意见",), ("申请人（签字）",)
    # 结案报告表: outcome and the work done, from the closing file and the work log.
    work = session.execute(
        select(WorkEntryRecord.kind, func.count(), func.sum(WorkEntryRecord.minutes))
        .where(WorkEntryRecord.case_id == case.id).group_by(WorkEntryRecord.kind)
        .order_by(WorkEntryRecord.kind)
    ).all()  # fmt: skip
    done = "；".join(f"{k}{n}次（{round((m or 0) / 60, 1):g}小时）" for k, n, m in work)
    fields = (
        ("案号", case.case_no), ("受援人", person.name), ("案由", case.cause or ""),
        ("案件类型·阶段", f"{case.case_type}{'·' + case.stage if case.stage else ''}"),
        ("承办人", f"{values['handler']}（{values['firm']}）"),
        ("指派日期", chinese_date(case.assigned_on) if case.assigned_on else ""),
        ("办结日期", chinese_date(case.ended_on) if case.ended_on else ""),
        ("结案方式", case.outcome or ""),
        ("审理方式", case.hearing or ""),
        ("承办工作", done or "（工作记录中没有记载）"),
        ("挽回经济损失（元）", f"{case.recovered_amount:,.2f}"
         if case.recovered_amount is not None else "无"),
        ("质量等级", case.quality_grade or ""),
    )  # fmt: skip
    return fields, ("法律援助机构审查意见",), ("承办人（签字）",)


def _issued_titles(session: Session, case_id: int) -> list[str]:
    kinds = session.scalars(
        select(CaseDocumentRecord.kind).where(CaseDocumentRecord.case_id == case_id)
        .order_by(CaseDocumentRecord.id)
    )  # fmt: skip
    return [DocumentKind(k).heading for k in kinds]


def _registration_fields(case: CaseRecord) -> tuple[tuple[str, str], ...]:
    person = case.person
    return (
        ("案号", case.case_no),
        ("收到日期", chinese_date(case.applied_on)),
        ("案件来源", case.source + (f"（{case.notifying_organ}）" if case.notifying_organ else "")),
        ("受援人", person.name),
        ("性别", person.gender or ""),
        ("出生日期", chinese_date(person.birth_date) if person.birth_date else ""),
        ("身份证号", person.id_number or ""),
        ("联系电话", person.phone or ""),
        ("住址", person.address or ""),
        ("人群类别", "、".join(g.group_name for g in case.groups)),
        ("案件类型", case.case_type),
        ("诉讼阶段", case.stage or ""),
        ("案由", case.cause or ""),
        (
            "经济困难依据",
            case.hardship_basis or ("通知案件，不审查经济困难" if case.notifying_organ else ""),
        ),
        ("案情概要", case.summary or ""),
    )


@requires(Action.PRINT, audited="打印")
def write_document(
    ctx: Context, *, case_id: int, kind: DocumentKind, out: Path, addressee: str | None = None
) -> FormDocument:
    from legalaid.reports.form_pdf import write_forms

    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"文书应保存为 .pdf 文件，现为「{out.name}」", field="文件")
    document = issue_document(ctx, case_id=case_id, kind=kind, addressee=addressee)
    write_whole(out, lambda target: write_forms([document], target))
    return document


@requires(Action.PRINT, audited="打印")
def write_documents(
    ctx: Context, *, case_id: int, kinds: Sequence[DocumentKind], out: Path,
    addressee: str | None = None,
) -> list[FormDocument]:  # fmt: skip
    """Several documents of a case in one PDF (an assignment's 指派通知书, 公函 and
    授权委托书), each starting on a new page; none is issued unless all can be."""
    from legalaid.reports.form_pdf import write_forms

    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"文书应保存为 .pdf 文件，现为「{out.name}」", field="文件")
    if not kinds:
        raise ValidationError("请选择要打印的文书", field="文书")
    with ctx.reading() as uow:
        case = load_case(uow.session, case_id)
        offered = available(CaseState(case.state), **_facts(uow.session, case))
        organ = case.notifying_organ or case.handling_organ or (addressee or "").strip()
    refused = [k.value for k in kinds if k not in offered]
    if refused:
        raise ValidationError(f"本案现在不能出具{'、'.join(refused)}", field="文书")
    if not organ and any(k in LETTERS_TO_ORGAN for k in kinds):
        raise ValidationError(
            "请填写公函的受理机关（办理本案的法院、检察院、公安机关或仲裁机构）", field="受理机关"
        )
    docs = [issue_document(ctx, case_id=case_id, kind=k, addressee=addressee) for k in kinds]
    write_whole(out, lambda target: write_forms(docs, target))
    return docs
