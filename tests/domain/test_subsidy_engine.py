"""The subsidy engine: every kind of rule, the checks on a standard, standard files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from legalaid.domain.errors import ValidationError
from legalaid.domain.subsidy import (
    DEFAULT_STANDARD,
    BaseRule,
    RegionTier,
    SubsidyFacts,
    calculate,
    check_standard,
    check_versions,
    from_json,
    standard_in_force,
    to_json,
)
from legalaid.domain.vocabulary import CaseType, HandlerType, QualityGrade, Stage

D = Decimal
PROVINCE = replace(
    DEFAULT_STANDARD,
    name="某省标准",
    handler_factor={**DEFAULT_STANDARD.handler_factor, HandlerType.LEGAL_SERVICE_WORKER: D("0.5")},
    cross_region_flat=None,
    cross_region_tiers={
        RegionTier.LOCAL: D(0),
        RegionTier.CROSS_COUNTY: D(300),
        RegionTier.CROSS_CITY: D(500),
        RegionTier.CROSS_PROVINCE: D(1000),
    },
    major_add_on=None,
    major_multiplier=D(2),
    extra_person_add_on=D(200),
    extra_person_cap=5,
    per_day={"值班律师": D(300)},
    terminated_by_stages=True,
)


def facts(**changes: object) -> SubsidyFacts:
    values: dict[str, object] = {"case_type": CaseType.CRIMINAL_DEFENCE, "stage": Stage.TRIAL}
    values.update(changes)
    return SubsidyFacts(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "amount", "last_rule"),
    [
        ({}, "3000.00", "基本补贴（刑事辩护·审判）"),
        # Handler-type factor: legal-service workers are paid half.
        ({"handler_type": HandlerType.LEGAL_SERVICE_WORKER}, "1500.00", "承办人类型系数"),
        ({"handler_type": HandlerType.LAWYER}, "3000.00", "基本补贴"),
        # Cross-region by tier.
        (
            {"cross_region": True, "region_tier": RegionTier.CROSS_CITY},
            "3500.00",
            "异地办案补贴（跨市）",
        ),
        ({"cross_region": True, "region_tier": RegionTier.CROSS_PROVINCE}, "4000.00", "跨省"),
        # Major/difficult as a multiplier, capped at the base: 2× → +3000.
        ({"major_difficult": True}, "6000.00", "重大疑难案件补贴"),
        # Extra aided persons, capped at five.
        ({"extra_persons": 3}, "3600.00", "增加受援人（3人）"),
        ({"extra_persons": 9}, "4000.00", "增加受援人（5人）"),
        # Per-day items.
        (
            {"case_type": CaseType.CRIMINAL_DEFENCE, "days": {"值班律师": 4}},
            "4200.00",
            "值班律师（4日×300元）",
        ),
        # Termination paid by stages completed.
        (
            {"terminated": True, "stages_completed": 1, "stages_total": 3},
            "1000.00",
            "按已完成阶段支付（1/3）",
        ),
    ],
)
def test_each_kind_of_rule(changes: dict[str, object], amount: str, last_rule: str) -> None:
    result = calculate(PROVINCE, facts(**changes))
    assert result.amount == D(amount)
    assert last_rule in result.lines[-1].rule
    assert sum(line.amount for line in result.lines) == result.amount


def test_flat_cross_region_and_add_on_capped_to_base() -> None:
    cheap = replace(
        DEFAULT_STANDARD, base=(BaseRule(CaseType.NON_LITIGATION, D(600)), *DEFAULT_STANDARD.base)
    )
    result = calculate(
        cheap,
        facts(
            case_type=CaseType.NON_LITIGATION, stage=None, cross_region=True, major_difficult=True
        ),
    )
    # 600 base + 1000 cross-region + min(1000, 600) major.
    assert result.amount == D("2200.00")
    assert [line.amount for line in result.lines] == [D(600), D(1000), D(600)]


def test_unknown_per_day_item_and_missing_base_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        calculate(PROVINCE, facts(days={"调解": 1}))
    assert "调解" in info.value.message
    gap = replace(DEFAULT_STANDARD, base=DEFAULT_STANDARD.base[:1])
    with pytest.raises(ValidationError) as info:
        calculate(gap, facts(stage=Stage.TRIAL))
    assert "没有刑事辩护（审判）的基本补贴" in info.value.message


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"base": DEFAULT_STANDARD.base[:-1]}, "缺少非诉讼代理"),
        ({"cross_region_flat": D(-1)}, "异地补贴不能为负数"),
        ({"effective_to": date(2019, 1, 1)}, "失效日期早于生效日期"),
        ({"terminated_share": D("1.5")}, "支付比例"),
        ({"name": " "}, "标准名称不能为空"),
        # An amount no table has: a slip of the keyboard, named by its rule.
        ({"major_add_on": D(100_001)}, "重大疑难补贴超出0至100000元（100001）"),
        ({"per_piece": {"代拟法律文书": D(150_000)}}, "按件项目「代拟法律文书」超出0至100000元"),
        # A rule every case of which an earlier rule takes (the first match wins).
        (
            {"base": (BaseRule(CaseType.CIVIL, D(2500)), *DEFAULT_STANDARD.base)},
            "第6条基本补贴（民事诉讼代理·任何阶段，2500元）永远不会适用",
        ),
    ],
)
def test_bad_standards_are_refused_with_the_problem_named(
    changes: dict[str, object], fragment: str
) -> None:
    with pytest.raises(ValidationError) as info:
        check_standard(replace(DEFAULT_STANDARD, **changes))  # type: ignore[arg-type]
    assert fragment in info.value.message


def test_versions_and_the_standard_in_force() -> None:
    old = replace(DEFAULT_STANDARD, name="2020版", effective_to=date(2024, 12, 31))
    new = replace(PROVINCE, name="2025版", effective_from=date(2025, 1, 1))
    check_versions([new, old])
    assert standard_in_force([old, new], date(2024, 12, 31)).name == "2020版"
    assert standard_in_force([old, new], date(2025, 1, 1)).name == "2025版"
    with pytest.raises(ValidationError) as info:
        check_versions([DEFAULT_STANDARD, new])
    assert "有效期重叠" in info.value.message
    with pytest.raises(ValidationError):
        standard_in_force([new], date(2024, 6, 1))


def test_standard_files_round_trip_and_bad_files() -> None:
    assert from_json(to_json(PROVINCE)) == PROVINCE
    assert from_json(to_json(DEFAULT_STANDARD)) == DEFAULT_STANDARD
    with pytest.raises(ValidationError) as info:
        from_json('{"name": "x"}')
    assert "格式有误" in info.value.message
    broken = to_json(DEFAULT_STANDARD).replace('"2000"', '"-2000"', 1)
    with pytest.raises(ValidationError) as info:
        from_json(broken)
    assert "不能为负数" in info.value.message


@pytest.mark.parametrize(
    ("standard_share", "recorded", "amount", "rule"),
    [
        # A table silent on termination pays nothing until a clerk decides.
        (None, None, "0.00", "终止援助：本标准未规定终止案件的补贴，经办人确定支付比例前不支付"),
        (D("0.5"), None, "1500.00", "终止援助，按标准50%支付"),
        # The clerk's recorded share prevails over the table's.
        (
            D("0.5"),
            (D("0.2"), "仅会见一次"),
            "600.00",
            "终止援助，经办人确定按20%支付（仅会见一次）",
        ),
        (None, (D("0.35"), "已阅卷"), "1050.00", "终止援助，经办人确定按35%支付（已阅卷）"),
    ],
)
def test_termination_pays_what_the_table_or_the_clerk_says(
    standard_share: Decimal | None, recorded: tuple[Decimal, str] | None, amount: str, rule: str
) -> None:
    standard = replace(DEFAULT_STANDARD, terminated_share=standard_share)
    result = calculate(
        standard,
        facts(terminated=True, recorded_share=recorded[0] if recorded else None,
              recorded_share_reason=recorded[1] if recorded else None),
    )  # fmt: skip
    assert result.amount == D(amount)
    assert result.lines[-1].rule == rule


def test_a_standard_file_silent_on_termination_stays_silent() -> None:
    silent = replace(DEFAULT_STANDARD, terminated_share=None)
    assert '"terminated_share": null' in to_json(silent)
    assert from_json(to_json(silent)).terminated_share is None
    text = to_json(DEFAULT_STANDARD).replace('  "terminated_share": "0.5",\n', "")
    assert "terminated_share" not in text
    assert from_json(text).terminated_share is None  # not 50 % unasked


@pytest.mark.parametrize(
    ("grade", "amount", "last_rule"),
    [
        (None, "3000.00", "基本补贴"),  # no review grade yet: the amount as it is
        (QualityGrade.PASS, "3000.00", "基本补贴"),  # a grade the table does not list
        (QualityGrade.EXCELLENT, "3600.00", "质量等级浮动（优秀×1.2）"),
        (QualityGrade.FAIL, "0.00", "质量等级浮动（不合格×0）"),
    ],
)
def test_the_closing_reviews_grade_moves_the_amount(
    grade: QualityGrade | None, amount: str, last_rule: str
) -> None:
    graded = replace(DEFAULT_STANDARD, grade_factor={QualityGrade.EXCELLENT: D("1.2"),
                                                     QualityGrade.FAIL: D(0)})  # fmt: skip
    result = calculate(graded, facts(quality_grade=grade))
    assert result.amount == D(amount)
    assert result.lines[-1].rule.startswith(last_rule)
    assert from_json(to_json(graded)).grade_factor == graded.grade_factor


def test_the_cap_applies_after_the_grade() -> None:
    graded = replace(DEFAULT_STANDARD, grade_factor={QualityGrade.EXCELLENT: D(2)},
                     total_cap=D(5000))  # fmt: skip
    result = calculate(graded, facts(quality_grade=QualityGrade.EXCELLENT))
    assert result.amount == D(5000) and result.lines[-1].rule == "全额上限（不超过5000元）"
