"""Standards as versions in the database; a case's subsidy proposed at closing, overridden
only with a reason, reviewed and paid (the paid amount becomes the case's 办案补贴)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.errors import ConflictError, PermissionDenied, ValidationError
from legalaid.domain.subsidy import DEFAULT_STANDARD
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseType,
    HandlerType,
    QualityGrade,
    RegionTier,
    Stage,
    TerminationReason,
)
from legalaid.services.commands import assignment, closing, intake, subsidies
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.services.queries.statistics import year_statistics
from tests.services.closing_files import full_file


def _closed_case(
    ctx: Context, *, assigned: date, major: bool = False, grade: QualityGrade | None = None
) -> int:
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
    closing.submit_closing(
        ctx, case_id=ref.id, ended_on=date(2026, 10, 1), **full_file(ctx, ref.id)
    )
    closing.approve_closing(ctx, case_id=ref.id, on=date(2026, 10, 20), quality_grade=grade)
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
    # Separation of duties: who adjusted the amount does not approve it too.
    with pytest.raises(PermissionDenied, match="另一位负责人审核"):
        subsidies.review_subsidy(ctx, case_id=case_id)
    closed_in = get_case(ctx, case_id).closed_on
    assert closed_in is not None
    figure = year_statistics(ctx, year=closed_in.year).subsidy_total
    assert figure == Decimal("3500.00")  # pending: what the standard computes
    subsidies.review_subsidy(replace(ctx, actor="李主任"), case_id=case_id)
    # Approved, not yet paid: the approved amount counts (the adjustment), not a recount.
    assert year_statistics(ctx, year=closed_in.year).subsidy_total == Decimal("3200.00")
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
    from legalaid.services.queries.statistics import year_statistics

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


PROVINCE = replace(
    DEFAULT_STANDARD,
    name="省标准2026",
    effective_from=date(2026, 1, 1),
    cross_region_flat=Decimal(300),
    cross_region_tiers={
        RegionTier.CROSS_COUNTY: Decimal(300),
        RegionTier.CROSS_CITY: Decimal(500),
        RegionTier.CROSS_PROVINCE: Decimal(1000),
    },
    extra_person_add_on=Decimal(200),
    extra_person_cap=5,
    per_day={"出庭": Decimal(150)},
    terminated_by_stages=True,
)


def test_the_basis_of_a_case_drives_tiers_persons_and_days(offices: Context) -> None:
    ctx = offices
    subsidies.add_standard(ctx, PROVINCE)
    case_id = _closed_case(ctx, assigned=date(2026, 2, 2))
    basis = subsidies.subsidy_basis(ctx, case_id=case_id)
    assert basis.per_day_items == ("出庭",) and basis.editable and basis.aided_persons == 1
    # Registered as cross-region without a tier: the flat add-on.
    assert subsidies.case_subsidy(ctx, case_id=case_id).computed == Decimal("2800.00")

    changed = subsidies.set_subsidy_basis(
        ctx, case_id=case_id, region_tier=RegionTier.CROSS_CITY, aided_persons=9,
        days={"出庭": 3},
    )  # fmt: skip
    # 2500 civil + 500 跨市 + 5 extra persons (capped) × 200 + 3 days × 150
    assert changed.computed == Decimal("4450.00")
    assert [line.rule for line in changed.lines] == [
        "基本补贴（民事诉讼代理·一审）",
        "异地办案补贴（跨市）",
        "增加受援人（5人）",
        "出庭（3日×150元）",
    ]
    event = get_case(ctx, case_id).timeline[-1]
    assert event.action == "补贴计算依据"
    assert event.detail["计算金额"] == "2800.00→4450.00"
    # Statistics compute the unpaid subsidy from the same facts.
    from legalaid.services.queries.statistics import year_statistics

    assert year_statistics(ctx, year=2026).subsidy_total == Decimal("4450.00")
    # 本辖区 means not cross-region at all.
    local = subsidies.set_subsidy_basis(
        ctx, case_id=case_id, region_tier=RegionTier.LOCAL, aided_persons=1, days={}
    )
    assert local.computed == Decimal("2500.00") and not get_case(ctx, case_id).cross_region


def test_a_basis_changed_meanwhile_is_refused_not_overwritten(offices: Context) -> None:
    ctx = offices
    subsidies.add_standard(ctx, PROVINCE)
    case_id = _closed_case(ctx, assigned=date(2026, 2, 2))
    seen_by_wang = subsidies.subsidy_basis(ctx, case_id=case_id)
    seen_by_li = subsidies.subsidy_basis(ctx, case_id=case_id)
    subsidies.set_subsidy_basis(
        ctx, case_id=case_id, region_tier=RegionTier.CROSS_CITY, aided_persons=3, days={},
        expected_version=seen_by_li.version,
    )  # fmt: skip
    with pytest.raises(ConflictError) as stale:
        subsidies.set_subsidy_basis(
            ctx, case_id=case_id, region_tier=RegionTier.LOCAL, aided_persons=1, days={},
            expected_version=seen_by_wang.version,
        )  # fmt: skip
    assert "已被其他人修改" in stale.value.message
    kept = subsidies.subsidy_basis(ctx, case_id=case_id)
    assert kept.region_tier is RegionTier.CROSS_CITY and kept.aided_persons == 3
    assert kept.version != seen_by_wang.version


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"aided_persons": 0}, "受援人数"),
        ({"days": {"出庭": -1}}, "出庭"),
        ({"days": {"值班": 2}}, "值班"),
        ({"stages": (3, 2)}, "已完成阶段"),
        ({"stages": (0, 0)}, "已完成阶段"),
    ],
)
def test_a_wrong_basis_is_refused_and_nothing_changes(
    offices: Context, change: dict[str, object], field: str
) -> None:
    ctx = offices
    subsidies.add_standard(ctx, PROVINCE)
    case_id = _closed_case(ctx, assigned=date(2026, 2, 2))
    arguments: dict[str, object] = {"region_tier": RegionTier.CROSS_PROVINCE,
                                     "aided_persons": 2, "days": {}} | change  # fmt: skip
    with pytest.raises(ValidationError) as info:
        subsidies.set_subsidy_basis(ctx, case_id=case_id, **arguments)  # type: ignore[arg-type]
    assert info.value.field == field
    assert subsidies.case_subsidy(ctx, case_id=case_id).computed == Decimal("2800.00")
    assert get_case(ctx, case_id).timeline[-1].action != "补贴计算依据"


def test_terminated_by_stages_and_the_basis_fixed_once_approved(offices: Context) -> None:
    ctx = offices
    subsidies.add_standard(ctx, PROVINCE)
    handler = add_handler(ctx, name="律师甲", handler_type=HandlerType.LAWYER)
    ref = intake.register(
        ctx,
        CaseInput(
            office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CRIMINAL_DEFENCE,
            stage=Stage.TRIAL, received_on=date(2026, 3, 2), hardship_basis="诚信承诺",
            region_tier=RegionTier.CROSS_PROVINCE, aided_persons=2,
            person=PersonInput(name="李四"),
        ),
    )  # fmt: skip
    assert get_case(ctx, ref.id).cross_region  # the tier decides 异地
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2026, 3, 2))
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler.id, on=date(2026, 3, 3))
    assignment.start_handling(ctx, case_id=ref.id)
    closing.terminate(ctx, case_id=ref.id, reason=TerminationReason.OWN_LAWYER, on=date(2026, 4, 1))
    subsidies.set_subsidy_basis(
        ctx, case_id=ref.id, region_tier=RegionTier.CROSS_PROVINCE, aided_persons=2, days={},
        stages=(1, 3),
    )  # fmt: skip
    subsidy = subsidies.case_subsidy(ctx, case_id=ref.id)
    # (3000 trial + 1000 跨省 + 200 one extra person) × 1/3 stages completed
    assert subsidy.computed == Decimal("1400.00")
    assert subsidy.lines[-1].rule == "终止援助，按已完成阶段支付（1/3）"
    subsidies.review_subsidy(ctx, case_id=ref.id)
    with pytest.raises(ConflictError):
        subsidies.set_subsidy_basis(
            ctx, case_id=ref.id, region_tier=None, aided_persons=1, days={}, stages=(3, 3)
        )
    assert subsidies.case_subsidy(ctx, case_id=ref.id).computed == Decimal("1400.00")


def _terminated_case(ctx: Context, name: str) -> int:
    handler = add_handler(ctx, name=f"律师{name}", handler_type=HandlerType.LAWYER)
    ref = intake.register(
        ctx,
        CaseInput(
            office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL,
            stage=Stage.FIRST_INSTANCE, received_on=date(2026, 3, 2), hardship_basis="诚信承诺",
            person=PersonInput(name=name),
        ),
    )  # fmt: skip
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2026, 3, 2))
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler.id, on=date(2026, 3, 3))
    assignment.start_handling(ctx, case_id=ref.id)
    closing.terminate(ctx, case_id=ref.id, reason=TerminationReason.OWN_LAWYER, on=date(2026, 4, 1))
    return ref.id


def test_a_table_silent_on_termination_pays_nothing_until_a_clerk_records_a_share(
    offices: Context,
) -> None:
    ctx = offices
    subsidies.add_standard(ctx, replace(PROVINCE, terminated_by_stages=False,
                                        terminated_share=None))  # fmt: skip
    case_id = _terminated_case(ctx, "王五")
    silent = subsidies.case_subsidy(ctx, case_id=case_id)
    assert silent.computed == Decimal("0.00")  # not a silent 50 %
    assert "本标准未规定终止案件的补贴" in silent.lines[-1].rule
    basis = subsidies.subsidy_basis(ctx, case_id=case_id)
    assert basis.terminated and basis.standard_share is None and basis.share is None
    for share, field in (((Decimal("1.2"), "已办一审"), "支付比例"),
                         ((Decimal("0.4"), "  "), "比例理由")):  # fmt: skip
        with pytest.raises(ValidationError) as info:
            subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1,
                                        days={}, share=share)  # fmt: skip
        assert info.value.field == field
    assert subsidies.case_subsidy(ctx, case_id=case_id).computed == Decimal("0.00")
    subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1, days={},
                                share=(Decimal("0.4"), "已完成会见和阅卷"))  # fmt: skip
    paid = subsidies.case_subsidy(ctx, case_id=case_id)
    assert paid.computed == Decimal("1000.00")  # 2500 civil × 40 %
    assert paid.lines[-1].rule == "终止援助，经办人确定按40%支付（已完成会见和阅卷）"
    assert subsidies.subsidy_basis(ctx, case_id=case_id).share == (
        Decimal("0.4"),
        "已完成会见和阅卷",
    )
    # The year's figures count the same amount (the case is not yet paid or approved).
    before = year_statistics(ctx, year=2026).subsidy_total
    subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1, days={},
                                share=(Decimal("0.6"), "已出庭一次"))  # fmt: skip
    assert year_statistics(ctx, year=2026).subsidy_total - before == Decimal("500.00")
    other = _closed_case(ctx, assigned=date(2026, 3, 5))  # not terminated: no share to record
    with pytest.raises(ValidationError, match="只有终止援助的案件"):
        subsidies.set_subsidy_basis(ctx, case_id=other, region_tier=None, aided_persons=1,
                                    days={}, share=(Decimal("0.5"), "理由"))  # fmt: skip


def test_the_example_standard_says_it_is_one(offices: Context) -> None:
    case_id = _closed_case(offices, assigned=date(2025, 3, 3))
    assert subsidies.case_subsidy(offices, case_id=case_id).example
    subsidies.add_standard(offices, PROVINCE)
    later = _closed_case(offices, assigned=date(2026, 3, 3))
    assert not subsidies.case_subsidy(offices, case_id=later).example


def test_the_grade_given_at_the_closing_review_moves_the_subsidy(offices: Context) -> None:
    """The review's 质量等级 is the input: recorded once at closing, never typed again."""
    ctx = offices
    subsidies.add_standard(
        ctx, replace(PROVINCE, grade_factor={QualityGrade.EXCELLENT: Decimal("1.2")})
    )
    plain = _closed_case(ctx, assigned=date(2026, 3, 3))
    graded = _closed_case(ctx, assigned=date(2026, 3, 4), grade=QualityGrade.EXCELLENT)
    base = subsidies.case_subsidy(ctx, case_id=plain).computed
    proposed = subsidies.case_subsidy(ctx, case_id=graded)
    assert proposed.computed == (base * Decimal("1.2")).quantize(Decimal("0.01"))
    assert proposed.lines[-1].rule == "质量等级浮动（优秀×1.2）"
