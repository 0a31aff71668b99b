"""Payment batches for finance: reviewed subsidies of a period, listed, totalled and paid."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from legalaid.domain.errors import ConflictError, NotFound, ValidationError
from legalaid.domain.money import capital_yuan
from legalaid.domain.permissions import Action
from legalaid.reports.report_data import Report, Table, money_text
from legalaid.services.commands import service_pay
from legalaid.services.commands.service_pay import DRAFTING, DUTY, INSPECTION, ServicePayLine
from legalaid.services.commands.subsidies import PaymentState, case_handlers, mark_paid, part_lines
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import audit_event, requires
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.services.queries.work_summary import numbered
from legalaid.storage.records import (
    CaseRecord,
    CaseSubsidyRecord,
    FirmRecord,
    HandlerRecord,
    OfficeRecord,
    PaymentBatchRecord,
)


@dataclass(frozen=True)
class PaymentLine:
    case_id: int
    case_no: str
    office: str
    handler: str
    firm: str
    closed_on: date | None
    amount: Decimal
    payee: str = ""  # who receives the money: the unit with an account on file, or the handler
    account: str = ""  # 开户银行 and 账号, as finance needs them
    part: str = ""  # a case that changed handler: this handler's part (40% · 2个阶段)
    handler_id: int = 0


def payee_of(
    handler: str, firm: str | None, handler_bank: tuple[str | None, str | None],
    firm_bank: tuple[str | None, str | None],
) -> tuple[str, str]:  # fmt: skip
    """A unit with an account on file receives its handlers' subsidies; otherwise the
    handler is paid in person (to their own account, or — none on file — to be completed)."""
    if firm and firm_bank[1]:
        return firm, " ".join(x for x in firm_bank if x)
    if handler_bank[1]:
        return handler, " ".join(x for x in handler_bank if x)
    return (firm or handler), "（未登记账户）"


@dataclass(frozen=True)
class Batch:
    id: int
    number: str
    period_from: date
    period_to: date
    paid: bool
    lines: tuple[PaymentLine, ...]
    office_id: int | None = None  # made for this office's tree (None: every office)
    # Lines that belong to no case: duty days (值班补贴) and drafted documents (代拟文书).
    services: tuple[ServicePayLine, ...] = ()

    @property
    def case_count(self) -> int:
        """Cases in the batch (a case that changed handler has a line per handler)."""
        return len({line.case_id for line in self.lines})

    @property
    def cases_total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def services_total(self) -> Decimal:
        return sum((line.amount for line in self.services), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.cases_total + self.services_total


def _lines_query() -> Any:
    firm = aliased(FirmRecord)
    return (
        select(CaseRecord.id, CaseRecord.case_no, OfficeRecord.code, HandlerRecord.name,
               firm.name, CaseRecord.closed_on, CaseSubsidyRecord.computed,
               CaseSubsidyRecord.override, HandlerRecord.bank_name, HandlerRecord.bank_account,
               firm.bank_name, firm.bank_account, HandlerRecord.id, CaseRecord.subsidy_parts)
        .join(CaseSubsidyRecord, CaseSubsidyRecord.case_id == CaseRecord.id)
        .join(OfficeRecord, OfficeRecord.id == CaseRecord.office_id)
        .join(HandlerRecord, HandlerRecord.id == CaseRecord.handler_id)
        .outerjoin(firm, firm.id == HandlerRecord.firm_id)
        .order_by(CaseRecord.closed_on, CaseRecord.case_no)
    )  # fmt: skip


def _line(row: tuple[Any, ...]) -> PaymentLine:
    (case_id, case_no, office, handler, firm, closed_on, computed, override,
     handler_bank, handler_account, firm_bank, firm_account, handler_id, _) = row  # fmt: skip
    amount = override if override is not None else computed
    payee, account = payee_of(
        str(handler), firm, (handler_bank, handler_account), (firm_bank, firm_account)
    )
    return PaymentLine(
        int(case_id),
        str(case_no),
        str(office),
        str(handler),
        str(firm or ""),
        closed_on,
        Decimal(amount),
        payee,
        account,
        handler_id=int(handler_id),
    )


def _lines(session: Session, rows: Any) -> list[PaymentLine]:
    """One line per case, or per handler for a case that changed handler (each is paid for
    their own part, to their own payee): one case, two payments."""
    lines = []
    for row in rows:
        line = _line(tuple(row))
        if row[-1] is None:  # no parts recorded: one handler
            lines.append(line)
            continue
        parts = part_lines(line.amount, case_handlers(session, line.case_id), row[-1])
        people = {h.id: h for h in session.scalars(
            select(HandlerRecord).where(HandlerRecord.id.in_([p.handler_id for p in parts]))
        )}  # fmt: skip
        for part in parts:
            person = people[part.handler_id]
            firm = person.firm
            firm_name = firm.name if firm is not None else None
            payee, account = payee_of(
                person.name, firm_name, (person.bank_name, person.bank_account),
                (firm.bank_name, firm.bank_account) if firm is not None else (None, None),
            )  # fmt: skip
            lines.append(replace(line, handler=person.name, firm=firm_name or "",
                                 amount=part.amount or Decimal(0), payee=payee,
                                 account=account, part=part.basis,
                                 handler_id=part.handler_id))  # fmt: skip
    return lines


@requires(Action.PAY_SUBSIDY)
def candidates(
    ctx: Context,
    *,
    period_from: date,
    period_to: date,
    firm: str | None = None,
    handler_id: int | None = None,
) -> list[PaymentLine]:
    """Reviewed subsidies not yet in a batch, of cases closed in the period."""
    if period_to < period_from:
        raise ValidationError("结束日期早于开始日期", field="期间")
    query = _lines_query().where(
        CaseSubsidyRecord.state == PaymentState.REVIEWED.value,
        CaseSubsidyRecord.batch_id.is_(None),
        CaseRecord.closed_on >= period_from, CaseRecord.closed_on <= period_to,
    )  # fmt: skip
    if handler_id is not None:  # a case that changed handler: any of its handlers
        query = query.where(
            or_(HandlerRecord.id == handler_id, CaseRecord.subsidy_parts.is_not(None))
        )
    with ctx.reading() as uow:
        ids = scope.office_ids(ctx, uow.session)
        if ids is not None:  # office scope: the subsidies of the user's offices only
            query = query.where(CaseRecord.office_id.in_(sorted(ids)))
        lines = _lines(uow.session, uow.session.execute(query))
    if handler_id is not None:
        # A case is paid whole: one that changed handler comes with every handler's part.
        theirs = {line.case_id for line in lines if line.handler_id == handler_id}
        lines = [line for line in lines if line.case_id in theirs]
    return [line for line in lines if firm is None or line.firm == firm]


@requires(Action.PAY_SUBSIDY)
def service_candidates(
    ctx: Context,
    *,
    period_from: date,
    period_to: date,
    firm: str | None = None,
    handler_id: int | None = None,
) -> list[ServicePayLine]:
    """Duty days on the rota and drafted documents of the period not yet in a batch, priced
    by the standard in force on their day."""
    if period_to < period_from:
        raise ValidationError("结束日期早于开始日期", field="期间")
    with ctx.reading() as uow:
        ids = scope.office_ids(ctx, uow.session)
        lines, _ = service_pay.unbatched(uow.session, period_from, period_to, ids, handler_id, firm)
    return lines


@requires(Action.PAY_SUBSIDY)
def create_batch(
    ctx: Context,
    *,
    period_from: date,
    period_to: date,
    firm: str | None = None,
    handler_id: int | None = None,
) -> Batch:
    """A batch of the period: the reviewed case subsidies of cases closed in it, and the
    duty days, drafted documents and file inspections in it (by the standard's per-day and
    per-piece rates)."""
    lines = candidates(
        ctx, period_from=period_from, period_to=period_to, firm=firm, handler_id=handler_id
    )
    with ctx.writing() as uow:
        session = uow.session
        ids = scope.office_ids(ctx, session)
        _, priced = service_pay.unbatched(session, period_from, period_to, ids, handler_id, firm)
        if not lines and not priced:
            raise ValidationError(
                "该期间没有已审核、待发放的办案补贴，也没有值班、代拟文书或案件评查补贴",
                field="期间",
            )
        batch = PaymentBatchRecord(
            number="",
            period_from=period_from,
            period_to=period_to,
            created_at=ctx.now(),
            created_by=ctx.actor,
            office_id=ctx.principal.office_id if ctx.principal else None,
        )
        session.add(batch)
        uow.flush()
        batch.number = f"{ctx.today().year}-{batch.id:04d}"
        for case_id in dict.fromkeys(line.case_id for line in lines):  # a line per handler
            record = session.get(CaseSubsidyRecord, case_id)
            if record is None or record.batch_id is not None:
                raise ConflictError("补贴已被其他发放批次选用，请重新选择")
            record.batch_id = batch.id
        service_pay.take_into_batch(session, batch.id, priced)
        uow.commit()
        batch_id = batch.id
    return get_batch(ctx, batch_id)


def _visible(ids: frozenset[int] | None, batch: PaymentBatchRecord) -> bool:
    """Office scope; a batch made for every office is seen only by users of every office."""
    return ids is None or (batch.office_id is not None and batch.office_id in ids)


def get_batch(ctx: Context, batch_id: int) -> Batch:
    with ctx.reading() as uow:
        batch = uow.session.get(PaymentBatchRecord, batch_id)
        if batch is None:
            raise NotFound(f"发放批次（编号{batch_id}）不存在")
        refused = None
        if not _visible(scope.office_ids(ctx, uow.session), batch):
            refused = scope.refusal(ctx, uow.session, f"发放批次{batch.number}")
        else:
            rows = uow.session.execute(_lines_query().where(CaseSubsidyRecord.batch_id == batch_id))
            return Batch(
                batch.id,
                batch.number,
                batch.period_from,
                batch.period_to,
                batch.paid_at is not None,
                tuple(_lines(uow.session, rows)),
                batch.office_id,
                tuple(service_pay.in_batch(uow.session, batch.id)),
            )
    # Audited once the read is over (a refusal is its own small transaction).
    audit_event(ctx, "查看发放批次", f"payment_batches#{batch_id}", outcome="拒绝",
                detail={"原因": refused.message})  # fmt: skip
    raise refused


@requires(Action.PAY_SUBSIDY, audited="批次标记已发放")
def pay_batch(ctx: Context, *, batch_id: int) -> Decimal:
    """Finance has paid: every subsidy in the batch becomes 已发放, all or none; the batch
    is read-only from then on."""
    batch = get_batch(ctx, batch_id)
    if batch.paid:
        raise ConflictError(f"批次{batch.number}已发放")
    # A case that changed handler has a line per handler; it is paid once, in full.
    total = mark_paid(ctx, case_ids=list(dict.fromkeys(line.case_id for line in batch.lines)))
    with ctx.writing() as uow:
        record = uow.session.get(PaymentBatchRecord, batch_id)
        assert record is not None
        record.paid_at = ctx.now()
        uow.commit()
    return total + batch.services_total


def totals(
    lines: tuple[PaymentLine, ...], services: tuple[ServicePayLine, ...] = ()
) -> dict[str, dict[str, Decimal]]:
    """Totals by handler, firm, office and month (of closing; of the duty days or pieces)."""
    result: dict[str, dict[str, Decimal]] = {
        k: defaultdict(Decimal) for k in ("handler", "firm", "office", "month")
    }
    for line in lines:
        label = f"{line.handler}（{line.firm}）" if line.firm else line.handler
        result["handler"][label] += line.amount
        result["firm"][line.firm or "—"] += line.amount
        result["office"][line.office] += line.amount
        result["month"][line.closed_on.strftime("%Y-%m") if line.closed_on else "—"] += line.amount
    for d in services:
        result["handler"][f"{d.handler}（{d.firm}）" if d.firm else d.handler] += d.amount
        result["firm"][d.firm or "—"] += d.amount
        result["office"][d.office] += d.amount
        result["month"][d.month] += d.amount
    return {k: dict(sorted(v.items())) for k, v in result.items()}


def batch_report(ctx: Context, batch: Batch) -> Report:
    """The list finance pays from: each case, the payee and account, totals with a 合计 row,
    the sum in capitals, and the lines for signatures."""
    sums = totals(batch.lines, batch.services)
    payees: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for payee, account, amount in [(x.payee, x.account, x.amount) for x in batch.lines] + [
        (d.payee, d.account, d.amount) for d in batch.services
    ]:
        payees[(payee, account)] += amount
    total_row = ("合计", money_text(batch.total))

    def total_table(title: str, label: str, values: dict[str, Decimal]) -> Table:
        return Table(
            title=title,
            headers=(label, "金额（元）"),
            rows=(*((k, money_text(v)) for k, v in values.items()), total_row),
        )

    with ctx.reading() as uow:
        office = uow.session.get(OfficeRecord, batch.office_id) if batch.office_id else None
        issuer = office.name if office is not None else _root_name(uow.session)
    return Report(
        title="法律援助办案补贴发放表",
        organisation=issuer,
        period=(
            f"批次 {batch.number}　{batch.period_from.isoformat()}至"
            f"{batch.period_to.isoformat()}结案"
        ),
        generated_on=ctx.today(),
        summary=(_batch_summary(batch),),
        tables=numbered(
            [
                Table(
                    title="明细",
                    headers=("案号", "机构", "承办人", "承办单位", "结案日期", "金额（元）"),
                    widths=(22, 8, 20, 22, 14, 14),
                    rows=(
                        *(
                            (
                                x.case_no,
                                x.office,
                                f"{x.handler}（{x.part}）" if x.part else x.handler,
                                x.firm,
                                x.closed_on.isoformat() if x.closed_on else "",
                                money_text(x.amount),
                            )
                            for x in batch.lines
                        ),
                        ("合计", "", "", "", "", money_text(batch.cases_total)),
                    ),
                ),
                *((_services_table(batch),) if batch.services else ()),
                Table(
                    title="收款人及账户",
                    headers=("收款人", "开户银行及账号", "金额（元）"),
                    widths=(30, 50, 20),
                    rows=(
                        *(
                            (payee, account, money_text(amount))
                            for (payee, account), amount in sorted(payees.items())
                        ),
                        ("合计", "", money_text(batch.total)),
                    ),
                ),
                total_table("按承办人", "承办人", sums["handler"]),
                total_table("按机构", "机构", sums["office"]),
                total_table("按月份", "月份", sums["month"]),
            ]
        ),
        signatures=("经办人", "审核人", "负责人", "财务"),
        dated="发放日期",
    )


def _batch_summary(batch: Batch) -> str:
    """本批共N件案件（办案补贴…）及值班…人日、代拟文书…件（…），补贴合计…（大写…）。"""
    text = f"本批共 {batch.case_count} 件案件"
    if batch.services:
        parts = []
        for item, label, unit in ((DUTY, "值班律师值班", "人日"), (DRAFTING, "代拟法律文书", "件"),
                                  (INSPECTION, "案件评查", "份")):  # fmt: skip
            chosen = [d for d in batch.services if d.item == item]
            if chosen:
                amount = sum((d.amount for d in chosen), Decimal(0))
                parts.append(f"{label} {sum(d.count for d in chosen)} {unit}"
                             f"（{money_text(amount)} 元）")  # fmt: skip
        text += f"（办案补贴 {money_text(batch.cases_total)} 元）及" + "、".join(parts)
    return (
        text + f"，补贴合计 {money_text(batch.total)} 元"
        f"（大写：人民币{capital_yuan(batch.total)}）。"
    )


def _services_table(batch: Batch) -> Table:
    """Pay that belongs to no case: duty days and drafted pieces, each at its standard."""
    return Table(
        title="值班、代拟文书和案件评查补贴明细（不属于具体案件）",
        headers=("月份", "机构", "承办人", "承办单位", "项目", "数量", "标准", "金额（元）"),
        widths=(11, 7, 12, 14, 20, 7, 17, 12),
        rows=(
            *((d.month, d.office, d.handler, d.firm, f"{d.item}（{d.detail}）",
               f"{d.count}{d.unit}", d.rule, money_text(d.amount)) for d in batch.services),
            ("合计", "", "", "", "", "", "", money_text(batch.services_total)),
        ),
    )  # fmt: skip


def _root_name(session: Any) -> str:
    roots = list(session.scalars(select(OfficeRecord.name).where(OfficeRecord.parent_id.is_(None))))
    return roots[0] if len(roots) == 1 else "法律援助中心"


@requires(Action.PAY_SUBSIDY, audited="导出")
def write_batch(ctx: Context, *, batch_id: int, out: Path) -> Batch:
    from legalaid.reports.report_pdf import write_pdf
    from legalaid.reports.report_workbook import write_workbook

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"发放表应为 .pdf 或 .xlsx 文件，现为「{out.name}」", field="文件")
    batch = get_batch(ctx, batch_id)
    report, writer = batch_report(ctx, batch), write_pdf if suffix == ".pdf" else write_workbook
    write_whole(out, lambda target: writer(report, target))
    return batch


@requires(Action.PAY_SUBSIDY)
def list_batches(ctx: Context) -> list[Batch]:
    with ctx.reading() as uow:
        visible = scope.office_ids(ctx, uow.session)
        batches = uow.session.scalars(
            select(PaymentBatchRecord).order_by(PaymentBatchRecord.id.desc())
        )
        ids = [b.id for b in batches if _visible(visible, b)]
    return [get_batch(ctx, i) for i in ids]
