"""Papers of a day at the desk: the registration form of a consultation, a drafted document
or a duty lawyer's help (法律咨询登记表, 值班律师法律帮助登记表), one or a whole day's in one PDF,
and a day's 申请材料接收凭证 of the applications received."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from legalaid.domain.aid_services import ServiceKind
from legalaid.domain.documents import DocumentKind, chinese_date
from legalaid.domain.errors import ValidationError
from legalaid.domain.permissions import Action
from legalaid.domain.vocabulary import CaseSource
from legalaid.reports.form_data import FormDocument
from legalaid.services.commands.aid_services import (
    ServiceEntry,
    ServiceFilter,
    get_service,
    list_services,
)
from legalaid.services.commands.documents import issue_document
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.storage.records import CaseRecord, OfficeRecord

TITLES = {
    ServiceKind.CONSULTATION: "法律咨询登记表",
    ServiceKind.DRAFTING: "代拟法律文书登记表",
    ServiceKind.DUTY_HELP: "值班律师法律帮助登记表",
}
# Who signs: the person helped confirms, the one who helped signs.
_SIGNERS = {
    ServiceKind.CONSULTATION: ("咨询人（签字）", "解答人（签字）"),
    ServiceKind.DRAFTING: ("当事人（签字）", "代拟人（签字）"),
    ServiceKind.DUTY_HELP: ("受助人（签字）", "值班律师（签字）"),
}
_NOTES = {
    ServiceKind.CONSULTATION: "解答意见仅供参考；需要法律援助的，可以依法提出申请。",
    ServiceKind.DRAFTING: "本文书由法律援助机构无偿代拟。",
    ServiceKind.DUTY_HELP: (
        "值班律师依法提供法律咨询、程序选择建议、申请变更强制措施、对案件处理提出意见等"
        "法律帮助（法律援助法第三十条）。"
    ),
}


def service_form(entry: ServiceEntry, office: OfficeRecord) -> FormDocument:
    """One service's registration form (the ID number as the user may see it)."""
    labels = {
        ServiceKind.CONSULTATION: ("咨询方式", "咨询内容", "解答意见", "解答人"),
        ServiceKind.DRAFTING: ("文书种类", "代拟事项", "说明", "代拟人"),
        ServiceKind.DUTY_HELP: ("值班地点", "法律帮助事项", "帮助内容", "值班律师"),
    }[entry.kind]
    fields = (
        ("日期", chinese_date(entry.served_on)), (labels[0], entry.channel or ""),
        ("姓名", entry.name), ("性别", entry.gender or ""),
        ("身份证号", entry.id_number or ""), ("联系电话", entry.phone or ""),
        ("人群类别", "、".join(entry.groups)), ("事项类别", entry.matter_category or ""),
        *((("帮助事项", "、".join(entry.help_items)),) if entry.help_items else ()),
        (labels[1], entry.content or ""), (labels[2], entry.answer or ""),
        (labels[3], entry.handler_name or ""), ("人次", str(entry.person_times)),
        ("转为案件", entry.case_no or "否"),
    )  # fmt: skip
    return FormDocument(
        title=TITLES[entry.kind], number=f"登记号：{office.code}-{entry.id}",
        organisation=office.name, issued_on=entry.served_on,
        letterhead=" ".join(x for x in (office.address, office.phone) if x),
        fields=fields, notes=(_NOTES[entry.kind],), signatures=_SIGNERS[entry.kind],
    )  # fmt: skip


def _offices(ctx: Context) -> dict[str, OfficeRecord]:
    with ctx.reading() as uow:
        records = list(uow.session.scalars(select(OfficeRecord)))
        for record in records:
            uow.session.expunge(record)
        return {r.code: r for r in records}


@requires(Action.VIEW_SERVICES, audited="打印")
def write_service_forms(ctx: Context, *, service_ids: Sequence[int], out: Path) -> int:
    """The forms of the given services in one PDF, each on its own page."""
    return _write_forms(ctx, service_ids, out)


def _write_forms(ctx: Context, service_ids: Sequence[int], out: Path) -> int:
    from legalaid.reports.form_pdf import write_forms

    _check_pdf(out)
    if not service_ids:
        raise ValidationError("请选择要打印的登记记录", field="登记记录")
    offices = _offices(ctx)
    papers = [
        service_form(entry, offices[entry.office_code])
        for entry in (get_service(ctx, i) for i in service_ids)
    ]
    write_whole(out, lambda target: write_forms(papers, target))
    return len(papers)


@requires(Action.VIEW_SERVICES, audited="打印")
def write_day_forms(
    ctx: Context, *, day: date, kind: ServiceKind, out: Path, office_code: str | None = None
) -> int:
    """A day's registration forms of one kind (e.g. every consultation of the day)."""
    _check_pdf(out)
    entries = list_services(ctx, ServiceFilter(day_from=day, day_to=day, kind=kind,
                                               office_code=office_code), limit=10_000)  # fmt: skip
    if not entries:
        raise ValidationError(f"{chinese_date(day)}没有{kind.value}登记", field="日期")
    entries.sort(key=lambda e: e.id)
    return _write_forms(ctx, [e.id for e in entries], out)


@requires(Action.PRINT, audited="打印")
def write_day_receipts(
    ctx: Context, *, day: date, out: Path, office_code: str | None = None
) -> int:
    """The 申请材料接收凭证 of every application received on a day, in one PDF."""
    from legalaid.reports.form_pdf import write_forms

    _check_pdf(out)
    with ctx.reading() as uow:
        session = uow.session
        query = select(CaseRecord.id).where(
            CaseRecord.applied_on == day, CaseRecord.source == CaseSource.APPLICATION.value
        ).order_by(CaseRecord.id)  # fmt: skip
        ids = scope.office_ids(ctx, session)
        if ids is not None:
            query = query.where(CaseRecord.office_id.in_(sorted(ids)))
        if office_code:
            office = scope.office_by_code(ctx, session, office_code)
            query = query.where(CaseRecord.office_id == office.id)
        case_ids = list(session.scalars(query))
    if not case_ids:
        raise ValidationError(f"{chinese_date(day)}没有收到法律援助申请", field="日期")
    papers = [issue_document(ctx, case_id=i, kind=DocumentKind.RECEIPT) for i in case_ids]
    write_whole(out, lambda target: write_forms(papers, target))
    return len(papers)


def _check_pdf(out: Path) -> None:
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"应保存为 .pdf 文件，现为「{out.name}」", field="文件")
