"""Standards as versions in the database; a case's subsidy proposed at closing, overridden
only with a reason, reviewed and paid (the paid amount becomes the case's 办案补贴)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.errors import ConflictError, ValidationError
from legalaid.domain.subsidy import DEFAULT_STANDARD
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType, Stage
from legalaid.services import assignment, closing, intake, subsidies
from legalaid.services.cases import get_case
from legalaid.services.context import Context
from legalaid.services.intake import CaseInput, PersonInput
from legalaid.services.offices import add_handler


def _closed_case(ctx: Context, *, assigned: date, major: bool = False) -> int:
    handler = add_handler(ctx, name=f"律师{assigned.isoformat()}", handler_type=HandlerType.LAWYER)
    ref = intake.register(
        ctx,
        CaseInput(
            office_code="ZZ",
            source=CaseSource.APPLICATION,
            case_type=CaseType.CIVIL,
            stage=Stage.FIRST_INSTANCE,
            received_on=assigned,
            hardship_basis="诚信承诺",
            cross_region=True,
            person=PersonInput(name="张三"),
        ),
    )
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=assigned)
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler.id, on=assigned)
    assignment.start_handling(ctx, case_id=ref.id)
    closing.submit_closing(ctx, case_id=ref.id, ended_on=date(2026, 10, 1))
    closing.approve_closing(ctx, case_id=ref.id, on=date(2026, 10, 20))
    return ref.id


def test_closing_proposes_and_the_subsidy_goes_to_payment(offices: Context) -> None:
    ctx = offices
    case_id = _closed_case(ctx, assigned=date(2025, 3, 3))
    proposal = subsidies.case_subsidy(ctx, case_id=case_id)
    assert proposal.state is subsidies.PaymentState.PENDING
    assert proposal.standard == "示例标准"
    assert proposal.computed == Decimal("3500.00")  # 2500 civil + 1000 cross-region
    assert [line.amount for line in proposal.lines] == [Decimal(2500), Decimal(1000)]

    with pytest.raises(ValidationError) as info:
        subsidies.override_subsidy(ctx, case_id=case_id, amount="3000", reason=" ")
    assert info.value.field == "调整理由"
    with pytest.raises(ValidationError):
        subsidies.override_subsidy(ctx, case_id=case_id, amount="-1", reason="x")
    changed = subsidies.override_subsidy(
        ctx, case_id=case_id, amount="3,200.00", reason="部分工作由其他律师完成"
    )
    assert changed.amount == Decimal("3200.00") and changed.computed == Decimal("3500.00")
    with pytest.raises(ConflictError):
        subsidies.mark_paid(ctx, case_ids=[case_id])  # not reviewed yet
    subsidies.review_subsidy(ctx, case_id=case_id)
    assert subsidies.mark_paid(ctx, case_ids=[case_id]) == Decimal("3200.00")
    paid = subsidies.case_subsidy(ctx, case_id=case_id)
    assert paid.state is subsidies.PaymentState.PAID and paid.paid[0] == "测试员"
    assert get_case(ctx, case_id).subsidy_paid == Decimal("3200.00")
    actions = [e.action for e in get_case(ctx, case_id).timeline]
    assert actions[-4:] == ["补贴待审核", "调整补贴", "补贴已审核", "补贴已发放"]


def test_a_case_keeps_the_standard_in_force_when_assigned(offices: Context, tmp_path: Path) -> None:
    ctx = offices
    old_case = _closed_case(ctx, assigned=date(2025, 3, 3))
    richer = replace(
        DEFAULT_STANDARD,
        name="2026版",
        effective_from=date(2026, 1, 1),
        cross_region_flat=Decimal(1500),
    )
    subsidies.add_standard(ctx, richer)
    new_case = _closed_case(ctx, assigned=date(2026, 2, 2))
    assert subsidies.case_subsidy(ctx, case_id=old_case).computed == Decimal("3500.00")
    assert subsidies.case_subsidy(ctx, case_id=new_case).computed == Decimal("4000.00")
    # Statistics count unpaid subsidies by the standard in force on each 指派日期.
    from legalaid.services.statistics import year_statistics

    assert year_statistics(ctx, year=2026).subsidy_total == Decimal("7500.00")
    standards = subsidies.list_standards(ctx)
    assert [(s.standard.name, s.standard.effective_to, s.used) for s in standards] == [
        ("示例标准", date(2025, 12, 31), True),
        ("2026版", None, True),
    ]
    # A used version is not edited: a new version is the way.
    with pytest.raises(ConflictError) as info:
        subsidies.update_standard(
            ctx, standards[1].id, replace(richer, cross_region_flat=Decimal(9))
        )
    assert "新建一个版本" in info.value.message
    # A version overlapping another is refused, and nothing is saved.
    with pytest.raises(ValidationError) as overlap:
        subsidies.add_standard(
            ctx,
            replace(
                richer, name="重叠", effective_from=date(2025, 6, 1), effective_to=date(2025, 7, 1)
            ),
            close_previous=False,
        )
    assert "重叠" in overlap.value.message
    assert len(subsidies.list_standards(ctx)) == 2
    # Files carry a province's table between offices.
    out = tmp_path / "standard.json"
    subsidies.export_standard(ctx, standards[1].id, out)
    assert "2026版" in out.read_text(encoding="utf-8")
    shared = tmp_path / "shared.json"
    shared.write_text(
        out.read_text(encoding="utf-8")
        .replace("2026版", "2027版")
        .replace('"effective_from": "2026-01-01"', '"effective_from": "2027-01-01"'),
        encoding="utf-8",
    )
    subsidies.import_standard(ctx, shared)
    assert [s.standard.name for s in subsidies.list_standards(ctx)][-1] == "2027版"
