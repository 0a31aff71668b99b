"""案件评查 fees: files inspected, paid per file by the standard, in a batch beside case
subsidies and duty days, once; a mistaken entry removed until it is paid."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.aid_services import StationKind
from legalaid.domain.errors import PermissionDenied, ValidationError
from legalaid.domain.subsidy import DEFAULT_STANDARD
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import duty, inspections, payments, subsidies
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from tests.services.commands.test_subsidies import _closed_case

pytestmark = pytest.mark.usefixtures("poppler")
PERIOD = {"period_from": date(2026, 10, 1), "period_to": date(2026, 10, 31)}


def _standard(ctx: Context) -> None:
    subsidies.add_standard(ctx, replace(
        DEFAULT_STANDARD, name="2026年10月标准", effective_from=date(2026, 10, 1),
        per_piece={"代拟法律文书": Decimal(100), "案件评查": Decimal(80)},
        clauses={"per_piece": "第六条", "per_day": "第五条"},
    ))  # fmt: skip


def test_inspections_are_paid_per_file_in_a_batch_with_cases_and_duty_days(
    offices: Context, tmp_path: Path
) -> None:
    ctx = offices
    case = _closed_case(ctx, assigned=date(2025, 3, 3))
    subsidies.review_subsidy(ctx, case_id=case)
    _standard(ctx)
    expert = add_handler(ctx, name="评查专家甲", handler_type=HandlerType.LAWYER)
    lawyer = add_handler(ctx, name="值班律师乙", handler_type=HandlerType.LAWYER)
    station = duty.save_station(ctx, office_code="ZZ", name="株洲市看守所值班律师工作站",
                                kind=StationKind.DETENTION)  # fmt: skip
    for day in (date(2026, 10, 12), date(2026, 10, 13)):
        duty.set_shift(ctx, station_id=station, on_date=day, handler_id=lawyer.id)
    for field, changes in (
        ("评查案卷数", {"files": 0}),
        ("评查事项", {"subject": "  "}),
        ("评查日期", {"inspected_on": date(2027, 1, 1)}),
    ):
        values: dict[str, object] = {"office_code": "ZZ", "handler_id": expert.id,
                                     "inspected_on": date(2026, 10, 9), "files": 12,
                                     "subject": "第三季度结案质量评查", **changes}  # fmt: skip
        with pytest.raises(ValidationError) as info:
            inspections.record_inspection(ctx, **values)  # type: ignore[arg-type]
        assert info.value.field == field
    first = inspections.record_inspection(ctx, office_code="ZZ", handler_id=expert.id,
                                          inspected_on=date(2026, 10, 9), files=12,
                                          subject="第三季度结案质量评查")  # fmt: skip
    mistake = inspections.record_inspection(ctx, office_code="LL", handler_id=expert.id,
                                            inspected_on=date(2026, 10, 10), files=3,
                                            subject="醴陵重大案件评查")  # fmt: skip
    inspections.record_inspection(ctx, office_code="LL", handler_id=expert.id,
                                  inspected_on=date(2026, 10, 10), files=5,
                                  subject="醴陵重大案件评查")  # fmt: skip
    inspections.remove_inspection(ctx, inspection_id=mistake)
    listed = inspections.list_inspections(ctx, year=2026)
    assert [(x.office_code, x.files, x.amount, x.batch) for x in listed] == [
        ("LL", 5, Decimal(400), None),
        ("ZZ", 12, Decimal(960), None),
    ]
    rows, _ = audit_entries(ctx, AuditFilter(action="删除案件评查"))
    assert len(rows) == 1

    found = payments.service_candidates(ctx, **PERIOD)
    assert sorted((d.item, d.detail, d.count, d.amount) for d in found) == [
        ("值班", "看守所", 2, Decimal(300)),
        ("案件评查", "第三季度结案质量评查", 12, Decimal(960)),
        ("案件评查", "醴陵重大案件评查", 5, Decimal(400)),
    ]
    assert next(d for d in found if d.count == 12).rule == (
        f"案件评查80元/份（{DEFAULT_STANDARD.authority} 第六条）"
    )
    batch = payments.create_batch(ctx, **PERIOD)
    assert batch.cases_total == Decimal("3500.00")
    assert batch.services_total == Decimal(1660) and batch.total == Decimal("5160.00")
    assert payments.service_candidates(ctx, **PERIOD) == []  # paid once
    assert {x.batch for x in inspections.list_inspections(ctx, year=2026)} == {batch.number}
    with pytest.raises(ValidationError, match="已列入发放批次，不能删除"):
        inspections.remove_inspection(ctx, inspection_id=first)

    pdf = tmp_path / "batch.pdf"
    payments.write_batch(ctx, batch_id=batch.id, out=pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    flat = "".join(text.split())
    assert "值班律师值班2人日（300.00元）" in flat
    assert "案件评查17份（1,360.00元）" in flat
    assert "补贴合计5,160.00元" in flat
    assert "值班、代拟文书和案件评查补贴明细（不属于具体案件）" in flat
    # A standard without the item pays nothing for it, and says so by leaving it out.
    subsidies.add_standard(ctx, replace(DEFAULT_STANDARD, name="2026年11月标准",
                                        effective_from=date(2026, 11, 1)))  # fmt: skip
    inspections.record_inspection(
        ctx,
        office_code="ZZ",
        handler_id=expert.id,
        inspected_on=date(2026, 11, 3),
        files=4,
        subject="十一月评查",
    )
    november = {"period_from": date(2026, 11, 1), "period_to": date(2026, 11, 30)}
    assert payments.service_candidates(ctx, **november) == []
    assert inspections.list_inspections(ctx, year=2026)[0].amount is None


def test_an_office_records_only_its_own_inspections(offices: Context) -> None:
    from legalaid.domain.permissions import Role
    from legalaid.services.commands import accounts

    accounts.add_user(offices, username="ll-clerk", name="醴陵经办人", role=Role.CLERK,
                      password="Passw0rd!", office_code="LL")  # fmt: skip
    county = offices.signed_in(accounts.sign_in(offices, username="ll-clerk", password="Passw0rd!"))
    expert = add_handler(offices, name="评查专家丙", handler_type=HandlerType.LAWYER)
    with pytest.raises(PermissionDenied):
        inspections.record_inspection(county, office_code="ZZ", handler_id=expert.id,
                                      inspected_on=date(2026, 10, 9), files=2,
                                      subject="评查")  # fmt: skip
    own = inspections.record_inspection(county, office_code="LL", handler_id=expert.id,
                                        inspected_on=date(2026, 10, 9), files=2,
                                        subject="评查")  # fmt: skip
    city = inspections.record_inspection(offices, office_code="ZZ", handler_id=expert.id,
                                         inspected_on=date(2026, 10, 9), files=2,
                                         subject="评查")  # fmt: skip
    assert [x.id for x in inspections.list_inspections(county, year=2026)] == [own]
    with pytest.raises(PermissionDenied):
        inspections.remove_inspection(county, inspection_id=city)
