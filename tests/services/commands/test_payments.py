"""Payment batches: reviewed subsidies of a period, a list for finance (PDF, Excel), paid once."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalaid.domain.errors import ConflictError, ValidationError
from legalaid.services.commands import payments, subsidies
from legalaid.services.commands.offices import list_handlers, set_bank_accounts
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from tests.reports.test_reports import table_row
from tests.services.commands.test_subsidies import _closed_case

pytestmark = pytest.mark.usefixtures("poppler")


def test_batch_from_review_to_payment(offices: Context, tmp_path: Path) -> None:
    ctx = offices
    first = _closed_case(ctx, assigned=date(2025, 3, 3))
    second = _closed_case(ctx, assigned=date(2025, 4, 4))
    subsidies.review_subsidy(ctx, case_id=first)
    period = {"period_from": date(2026, 10, 1), "period_to": date(2026, 10, 31)}
    assert [x.case_id for x in payments.candidates(ctx, **period)] == [first]  # 2nd not reviewed
    subsidies.review_subsidy(ctx, case_id=second)
    batch = payments.create_batch(ctx, **period)
    assert {x.case_id for x in batch.lines} == {first, second}
    assert batch.total == Decimal("7000.00")
    assert payments.candidates(ctx, **period) == []  # already in a batch
    with pytest.raises(ValidationError):
        payments.create_batch(ctx, **period)

    # Finance pays to accounts: one handler's is on file (kept as text, digit for digit).
    handler = next(h for h in list_handlers(ctx) if h.name == "律师2025-03-03")
    with pytest.raises(ValidationError, match="银行账号"):
        set_bank_accounts(ctx, handler_id=handler.id, own=("农业银行", "4.30212E+17"))
    set_bank_accounts(
        ctx, handler_id=handler.id, own=("中国农业银行株洲分行", "6228480012345678901")
    )

    pdf = tmp_path / "batch.pdf"
    payments.write_batch(ctx, batch_id=batch.id, out=pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "法律援助办案补贴发放表" in text and "补贴合计7,000.00元" in flat
    assert "大写：人民币柒仟元整" in flat
    assert "中国农业银行株洲分行6228480012345678901" in flat and "（未登记账户）" in flat
    assert table_row(text, "合计")[-1] == "7,000.00"
    for line in ("填报单位（盖章）：株洲市法律援助中心", "经办人：", "财务：", "发放日期："):
        assert line in flat
    xlsx = tmp_path / "batch.xlsx"
    payments.write_batch(ctx, batch_id=batch.id, out=xlsx)
    book = load_workbook(xlsx)
    detail = book["明细"]
    assert detail.max_row == 2 + 2 + 1  # title, header, two cases, 合计
    assert detail.cell(row=5, column=1).value == "合计"
    total = detail.cell(row=5, column=6)
    assert total.value == 7000.0 and total.number_format == "#,##0.00"  # a number Excel sums
    assert isinstance(detail.cell(row=3, column=5).value, datetime)  # 结案日期 as a date
    assert detail.print_title_rows == "$2:$2" and int(detail.page_setup.paperSize) == 9

    assert payments.pay_batch(ctx, batch_id=batch.id) == Decimal("7000.00")
    assert get_case(ctx, first).subsidy_paid == Decimal("3500.00")
    assert payments.get_batch(ctx, batch.id).paid
    with pytest.raises(ConflictError):
        payments.pay_batch(ctx, batch_id=batch.id)


def test_totals_by_handler_firm_office_month(offices: Context) -> None:
    ctx = offices
    case_id = _closed_case(ctx, assigned=date(2025, 3, 3))
    subsidies.review_subsidy(ctx, case_id=case_id)
    lines = tuple(
        payments.candidates(ctx, period_from=date(2026, 1, 1), period_to=date(2026, 12, 31))
    )
    sums = payments.totals(lines)
    assert sums["office"] == {"ZZ": Decimal("3500.00")}
    assert sums["month"] == {"2026-10": Decimal("3500.00")}
    assert list(sums["handler"].values()) == [Decimal("3500.00")]


def test_a_month_batch_holds_case_subsidies_duty_days_and_drafting(
    offices: Context, tmp_path: Path
) -> None:
    """Duty days on the rota are paid per day by the standard (by station kind where it says
    so) and drafted documents per piece, in the same batch as the case subsidies, as lines of
    no case, once."""
    from dataclasses import replace

    from legalaid.domain.aid_services import ServiceInput, ServiceKind, StationKind
    from legalaid.domain.subsidy import DEFAULT_STANDARD
    from legalaid.services.commands import aid_services, duty
    from legalaid.services.commands.aid_services import ServiceForm

    ctx = offices
    case = _closed_case(ctx, assigned=date(2025, 3, 3))
    subsidies.review_subsidy(ctx, case_id=case)
    lawyer = next(h for h in list_handlers(ctx) if h.name == "律师2025-03-03")
    jail = duty.save_station(ctx, office_code="ZZ", name="株洲市看守所值班律师工作站",
                             kind=StationKind.DETENTION)  # fmt: skip
    court = duty.save_station(ctx, office_code="LL", name="醴陵市人民法院值班律师工作站",
                              kind=StationKind.COURT)  # fmt: skip
    # From 1 October the standard pays detention-centre days more than the general rate.
    subsidies.add_standard(ctx, replace(
        DEFAULT_STANDARD, name="2026年10月标准", effective_from=date(2026, 10, 1),
        per_day={"值班律师": Decimal(150), "值班律师（看守所）": Decimal(200)},
        per_piece={"代拟法律文书": Decimal(100), "代拟法律文书（劳动仲裁申请书）": Decimal(120)},
    ))  # fmt: skip
    for day in (date(2026, 10, 12), date(2026, 10, 13), date(2026, 10, 14)):
        duty.set_shift(ctx, station_id=jail, on_date=day, handler_id=lawyer.id)
    duty.set_shift(ctx, station_id=court, on_date=date(2026, 10, 15), handler_id=lawyer.id)
    duty.set_shift(ctx, station_id=court, on_date=date(2026, 11, 2), handler_id=lawyer.id)
    for n, document in enumerate(("民事起诉状", "劳动仲裁申请书", "民事起诉状")):
        entry = ServiceInput(kind=ServiceKind.DRAFTING, served_on=date(2026, 10, 20 + n),
                             name=f"当事人{n}", channel=document)  # fmt: skip
        aid_services.register_service(ctx, ServiceForm(entry, "ZZ", handler_id=lawyer.id))
    period = {"period_from": date(2026, 10, 1), "period_to": date(2026, 10, 31)}
    found = payments.service_candidates(ctx, **period)
    assert sorted((d.item, d.detail, d.count, d.amount) for d in found) == [
        ("代拟法律文书", "劳动仲裁申请书", 1, Decimal(120)),
        ("代拟法律文书", "民事起诉状", 2, Decimal(200)),
        ("值班", "人民法院", 1, Decimal(150)),
        ("值班", "看守所", 3, Decimal(600)),
    ]
    batch = payments.create_batch(ctx, **period)
    assert [x.case_id for x in batch.lines] == [case]
    assert batch.cases_total == Decimal("3500.00") and batch.services_total == Decimal(1070)
    assert batch.total == Decimal("4570.00")
    assert payments.service_candidates(ctx, **period) == []  # paid once
    with pytest.raises(ValidationError, match="已列入发放批次"):
        duty.set_shift(ctx, station_id=jail, on_date=date(2026, 10, 12), handler_id=lawyer.id,
                       on_duty=False)  # fmt: skip
    pdf = tmp_path / "batch.pdf"
    payments.write_batch(ctx, batch_id=batch.id, out=pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "值班律师值班4人日（750.00元）、代拟法律文书3件（320.00元）" in flat
    assert "补贴合计4,570.00元" in flat and "（不属于具体案件）" in flat
    assert payments.pay_batch(ctx, batch_id=batch.id) == Decimal("4570.00")
    # The November day waits for November's batch.
    november = {"period_from": date(2026, 11, 1), "period_to": date(2026, 11, 30)}
    assert [d.count for d in payments.service_candidates(ctx, **november)] == [1]
