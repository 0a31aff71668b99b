"""Payment batches: reviewed subsidies of a period, a list for finance (PDF, Excel), paid once."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalaid.domain.errors import ConflictError, ValidationError
from legalaid.services import payments, subsidies
from legalaid.services.cases import get_case
from legalaid.services.context import Context
from tests.services.test_subsidies import _closed_case

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

    pdf = tmp_path / "batch.pdf"
    payments.write_batch(ctx, batch_id=batch.id, out=pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "法律援助办案补贴发放表" in text and "补贴合计 7,000.00 元" in text
    xlsx = tmp_path / "batch.xlsx"
    payments.write_batch(ctx, batch_id=batch.id, out=xlsx)
    book = load_workbook(xlsx)
    assert book["表1"].max_row == 2 + 2  # title, header, two cases

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
