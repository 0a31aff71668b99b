"""Issuing and printing the standard documents of a case (numbers kept once issued)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalaid.domain.documents import (
    DEFAULT_NUMBER_PATTERN,
    DEFAULT_TEXTS,
    DocumentKind,
    check_text,
    chinese_date,
    fill,
    format_number,
)
from legalaid.domain.errors import ValidationError
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import CaseState, CaseType, Stage
from legalaid.reports.data_forms import FormDocument
from legalaid.services.authz import requires
from legalaid.services.casefile import load_case
from legalaid.services.context import Context
from legalaid.services.files import write_whole
from legalaid.storage import repositories as repo
from legalaid.storage.records import CaseDocumentRecord, CaseRecord, SettingRecord

TEXT_KEY = "document_text.{}"
NUMBER_KEY = "document_number_pattern"
BUREAU_KEY = "document_bureau"
DEFAULT_BUREAU = "主管司法行政机关"
_GRANTED = {CaseState.APPROVED, CaseState.ASSIGNED, CaseState.IN_PROGRESS, CaseState.CLOSING,
            CaseState.CLOSED, CaseState.ARCHIVED, CaseState.TERMINATED}  # fmt: skip


def available(case_state: CaseState, *, notified: bool, has_handler: bool) -> list[DocumentKind]:
    """The documents that make sense for a case in this state."""
    kinds = [DocumentKind.REGISTRATION]
    if not notified and case_state in _GRANTED:
        kinds.append(DocumentKind.GRANT)
    if case_state is CaseState.REJECTED:
        kinds.append(DocumentKind.REFUSAL)
    if has_handler:
        kinds += [DocumentKind.ASSIGNMENT, DocumentKind.LETTER]
    return kinds


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
    return {
        "applicant": case.person.name,
        "applied_date": chinese_date(case.applied_on),
        "cause": case.cause or "",
        "aid_type": case.case_type,
        "reason": case.decision_reason or "",
        "office": case.office.name,
        "bureau": repo.get_setting(session, BUREAU_KEY) or DEFAULT_BUREAU,
        "firm": handler.firm.name if handler and handler.firm else "",
        "handler": handler.name if handler else "",
        "handler_phone": handler.phone or "" if handler else "",
        "organ": case.notifying_organ or "",
        "role": role,
        "acting_as": "辩护人" if criminal else "代理人",
        "case_no": case.case_no,
    }


def issue_document(ctx: Context, *, case_id: int, kind: DocumentKind) -> FormDocument:
    """The document's data; its number is allocated the first time and kept after that."""
    with ctx.writing() as uow:
        session = uow.session
        case = load_case(session, case_id)
        state = CaseState(case.state)
        notified = case.source in ("法院通知", "检察院通知", "公安机关通知")
        if kind not in available(state, notified=notified, has_handler=case.handler is not None):
            raise ValidationError(
                f"案件处于「{state.value}」状态，不能出具{kind.value}", field="文书"
            )
        record = session.scalar(
            select(CaseDocumentRecord).where(
                CaseDocumentRecord.case_id == case.id, CaseDocumentRecord.kind == kind.value
            )
        )
        if record is None:
            today = ctx.today()
            pattern = repo.get_setting(session, NUMBER_KEY) or DEFAULT_NUMBER_PATTERN
            seq = repo.reserve_sequence(
                session, office_id=case.office_id, year=today.year, kind=f"doc:{kind.number_word}"
            )
            record = CaseDocumentRecord(
                case_id=case.id,
                kind=kind.value,
                issued_on=today,
                created_at=ctx.now(),
                actor=ctx.actor,
                number=format_number(
                    pattern, prefix=case.office.prefix, kind=kind, year=today.year, seq=seq
                ),
            )
            session.add(record)
        values = _values(session, case)
        text = fill(document_text(session, kind), values)
        document = FormDocument(
            title=kind.value if kind is not DocumentKind.REGISTRATION else "法律援助受理登记审批表",
            number=f"编号：{record.number}",
            organisation=case.office.name,
            issued_on=record.issued_on,
            paragraphs=tuple(line.strip() for line in text.splitlines() if line.strip())
            if kind is not DocumentKind.REGISTRATION
            else (),
            fields=_registration_fields(case) if kind is DocumentKind.REGISTRATION else (),
            boxes=("审查意见", "审批意见") if kind is DocumentKind.REGISTRATION else (),
            notes=(f"说明：{text}",) if kind is DocumentKind.REGISTRATION else (),
        )
        uow.commit()
        return document


def _registration_fields(case: CaseRecord) -> tuple[tuple[str, str], ...]:
    person = case.person
    return (
        ("案号", case.case_no),
        ("收到日期", case.applied_on.isoformat()),
        ("案件来源", case.source + (f"（{case.notifying_organ}）" if case.notifying_organ else "")),
        ("受援人", person.name),
        ("性别", person.gender or ""),
        ("出生日期", person.birth_date.isoformat() if person.birth_date else ""),
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
def write_document(ctx: Context, *, case_id: int, kind: DocumentKind, out: Path) -> FormDocument:
    from legalaid.reports.forms import write_form

    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"文书应保存为 .pdf 文件，现为「{out.name}」", field="文件")
    document = issue_document(ctx, case_id=case_id, kind=kind)
    write_whole(out, lambda target: write_form(document, target))
    return document
