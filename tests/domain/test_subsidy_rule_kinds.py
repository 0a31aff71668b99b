"""Every kind of rule seen in published subsidy tables, one table per kind: the amount it
pays, the line that says so and the clause it names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.errors import ValidationError
from legalaid.domain.subsidy import (
    BaseRule,
    SubsidyFacts,
    SubsidyStandard,
    calculate,
    check_standard,
    from_json,
    to_json,
)
from legalaid.domain.vocabulary import CaseType, HandlerType, QualityGrade, RegionTier, Stage

D = Decimal
C = CaseType
DOC = "某省司法厅〔2023〕1号"

# Every other case type and stage pays 1000, so each table below differs in one kind of rule.
REST = tuple(BaseRule(t, D(1000), clause="第一条") for t in CaseType)


def table(*base: BaseRule, **changes: object) -> SubsidyStandard:
    standard = SubsidyStandard(
        name="测试标准", authority=DOC, effective_from=date(2023, 1, 1), effective_to=None,
        base=(*base, *(r for r in REST if not _general(base, r.case_type))),
    )  # fmt: skip
    standard = replace(standard, **changes)  # type: ignore[arg-type]
    check_standard(standard)  # every table here is one the checks accept
    return standard


def _general(base: tuple[BaseRule, ...], case_type: CaseType) -> bool:
    """Whether ``base`` has a row for every case of the type (then REST's would never apply)."""
    return any(r.case_type is case_type and not r.stages and not r.conditions() for r in base)


def pay(standard: SubsidyStandard, **facts: object) -> tuple[Decimal, list[tuple[str, str]]]:
    values: dict[str, object] = {"case_type": C.CIVIL, "stage": Stage.FIRST_INSTANCE}
    values.update(facts)
    result = calculate(standard, SubsidyFacts(**values))  # type: ignore[arg-type]
    return result.amount, [(line.rule, line.source) for line in result.lines]


# 庭前撤诉 600, 庭中撤诉 1000 (the outcome and how the case was heard, both from closing).
WITHDRAWAL = table(
    BaseRule(C.CIVIL, D(600), outcomes=frozenset({Outcome.WITHDRAWAL}),
             hearings=frozenset({Hearing.NO_HEARING}), clause="第三条第一项"),
    BaseRule(C.CIVIL, D(1000), outcomes=frozenset({Outcome.WITHDRAWAL}), clause="第三条第二项"),
    BaseRule(C.CIVIL, D(1500), clause="第二条"),
)  # fmt: skip
# 执行 1000 only when fully enforced; otherwise nothing.
ENFORCED = table(
    BaseRule(C.CIVIL, D(1000), frozenset({Stage.ENFORCEMENT}), no_stage=False,
             enforcement=frozenset({Enforcement.FULL})),
    BaseRule(C.CIVIL, D(0), frozenset({Stage.ENFORCEMENT}), no_stage=False),
)  # fmt: skip
# Cases not tried in open court, or in 速裁, are paid at the 审查起诉 rate (1000, not 2000).
HEARD = table(
    BaseRule(C.CRIMINAL_DEFENCE, D(1000), frozenset({Stage.TRIAL}),
             hearings=frozenset({Hearing.NO_HEARING, Hearing.FAST_TRACK})),
    BaseRule(C.CRIMINAL_DEFENCE, D(2000), frozenset({Stage.TRIAL})),
)  # fmt: skip
# 民事 1200 at 合格, 1400 at 良好 (the closing review's grade).
GRADED = table(
    BaseRule(C.CIVIL, D(1400), grades=frozenset({QualityGrade.GOOD, QualityGrade.EXCELLENT})),
    BaseRule(C.CIVIL, D(1200)),
)
# A different base at trial where a life sentence or the death penalty is possible.
LIFE = table(
    BaseRule(C.CRIMINAL_DEFENCE, D(5000), frozenset({Stage.TRIAL}), life_or_death=True),
    BaseRule(C.CRIMINAL_DEFENCE, D(2000)),
)
# Add-ons by stage and region together; the tier's own amount where the matrix is silent.
MATRIX = table(
    stage_region={
        (Stage.FIRST_INSTANCE, RegionTier.LOCAL): D(100),
        (Stage.FIRST_INSTANCE, RegionTier.CROSS_CITY): D(800),
        (Stage.SECOND_INSTANCE, RegionTier.CROSS_CITY): D(1200),
    },
    cross_region_tiers={RegionTier.CROSS_PROVINCE: D(2000)},
    clauses={"region": "第五条"},
)


@pytest.mark.parametrize(
    ("standard", "facts", "amount", "first_line"),
    [
        (WITHDRAWAL, {"outcome": Outcome.WITHDRAWAL, "hearing": Hearing.NO_HEARING}, "600",
         ("基本补贴（民事诉讼代理·一审·撤诉·未开庭审理）", f"{DOC} 第三条第一项")),
        (WITHDRAWAL, {"outcome": Outcome.WITHDRAWAL, "hearing": Hearing.OPEN_COURT}, "1000",
         ("基本补贴（民事诉讼代理·一审·撤诉）", f"{DOC} 第三条第二项")),
        (WITHDRAWAL, {"outcome": Outcome.JUDGMENT}, "1500",
         ("基本补贴（民事诉讼代理·一审）", f"{DOC} 第二条")),
        (WITHDRAWAL, {}, "1500", ("基本补贴（民事诉讼代理·一审）", f"{DOC} 第二条")),
        (ENFORCED, {"stage": Stage.ENFORCEMENT, "enforcement": Enforcement.FULL}, "1000",
         ("基本补贴（民事诉讼代理·执行·全部执行到位）", DOC)),
        (ENFORCED, {"stage": Stage.ENFORCEMENT, "enforcement": Enforcement.PARTIAL}, "0",
         ("基本补贴（民事诉讼代理·执行）", DOC)),
        (HEARD, {"case_type": C.CRIMINAL_DEFENCE, "stage": Stage.TRIAL,
                 "hearing": Hearing.FAST_TRACK}, "1000",
         ("基本补贴（刑事辩护·审判·未开庭审理、速裁程序）", DOC)),
        (HEARD, {"case_type": C.CRIMINAL_DEFENCE, "stage": Stage.TRIAL,
                 "hearing": Hearing.OPEN_COURT}, "2000", ("基本补贴（刑事辩护·审判）", DOC)),
        (GRADED, {"quality_grade": QualityGrade.GOOD}, "1400",
         ("基本补贴（民事诉讼代理·一审·优秀、良好）", DOC)),
        (GRADED, {"quality_grade": QualityGrade.PASS}, "1200",
         ("基本补贴（民事诉讼代理·一审）", DOC)),
        (LIFE, {"case_type": C.CRIMINAL_DEFENCE, "stage": Stage.TRIAL, "life_or_death": True},
         "5000", ("基本补贴（刑事辩护·审判·可能判处无期徒刑、死刑）", DOC)),
        (LIFE, {"case_type": C.CRIMINAL_DEFENCE, "stage": Stage.INVESTIGATION,
                "life_or_death": True}, "2000", ("基本补贴（刑事辩护·侦查）", DOC)),
    ],
)  # fmt: skip
def test_base_by_outcome_hearing_enforcement_grade_and_life(
    standard: SubsidyStandard, facts: dict[str, object], amount: str, first_line: tuple[str, str]
) -> None:
    paid, lines = pay(standard, **facts)
    assert paid == D(amount)
    assert lines[0] == first_line


@pytest.mark.parametrize(
    ("facts", "amount", "line"),
    [
        ({"region_tier": RegionTier.LOCAL}, "1100", "地域补贴（一审·本辖区）"),  # local pays too
        ({"region_tier": RegionTier.CROSS_CITY, "cross_region": True}, "1800",
         "地域补贴（一审·跨市）"),
        ({"stage": Stage.SECOND_INSTANCE, "region_tier": RegionTier.CROSS_CITY,
          "cross_region": True}, "2200", "地域补贴（二审·跨市）"),
        ({"region_tier": RegionTier.CROSS_PROVINCE, "cross_region": True}, "3000",
         "异地办案补贴（跨省）"),  # the matrix is silent: the tier's amount
    ],
)  # fmt: skip
def test_region_add_on_by_stage_and_tier(facts: dict[str, object], amount: str, line: str) -> None:
    paid, lines = pay(MATRIX, **facts)
    assert paid == D(amount)
    assert lines[-1] == (line, f"{DOC} 第五条")


@pytest.mark.parametrize(
    ("changes", "facts", "amount", "last_line"),
    [
        # +200 per extra aided person, at most 100 persons
        ({"extra_person_add_on": D(200), "extra_person_cap": 100}, {"extra_persons": 150},
         "21000", "增加受援人（100人）"),
        # +300 per extra case joined, at most 5 cases, and a total cap of 2000
        ({"extra_case_add_on": D(300), "extra_case_cap": 5}, {"extra_cases": 2}, "1600",
         "同案增加件数（2件）"),
        ({"extra_case_add_on": D(300), "total_cap": D(2000)}, {"extra_cases": 9}, "2000",
         "全额上限（不超过2000元）"),
        # special major cases up to 2× base
        ({"major_multiplier": D(2)}, {"major_difficult": True}, "2000", "重大疑难案件补贴"),
        # a share per handler type; a flat amount; a type excluded altogether (flat 0)
        ({"handler_factor": {HandlerType.LEGAL_SERVICE_WORKER: D("0.5")}},
         {"handler_type": HandlerType.LEGAL_SERVICE_WORKER}, "500",
         "承办人类型系数（基层法律服务工作者×0.5）"),
        ({"handler_flat": {HandlerType.CENTRE_STAFF: D(0)}},
         {"handler_type": HandlerType.CENTRE_STAFF}, "0",
         "按承办人类型定额（法律援助机构工作人员）"),
        # "根据服务质量上下浮动": +20 % at 优秀
        ({"grade_factor": {QualityGrade.EXCELLENT: D("1.2")}},
         {"quality_grade": QualityGrade.EXCELLENT}, "1200", "质量等级浮动（优秀×1.2）"),
        # termination: by stages done, by the table's share, nothing where it is silent
        ({"terminated_by_stages": True}, {"terminated": True, "stages_completed": 1,
                                          "stages_total": 4}, "250",
         "终止援助，按已完成阶段支付（1/4）"),
        ({"terminated_share": D("0.3")}, {"terminated": True}, "300", "终止援助，按标准30%支付"),
        ({}, {"terminated": True}, "0",
         "终止援助：本标准未规定终止案件的补贴，经办人确定支付比例前不支付"),
        ({}, {"terminated": True, "recorded_share": D("0.6"),
              "recorded_share_reason": "已出庭一次"}, "600",
         "终止援助，经办人确定按60%支付（已出庭一次）"),
        # per-day items on a case (duty days by station kind)
        ({"per_day": {"值班律师（看守所）": D(200)}}, {"days": {"值班律师（看守所）": 3}},
         "1600", "值班律师（看守所）（3日×200元）"),
    ],
)  # fmt: skip
def test_add_ons_caps_factors_and_termination(
    changes: dict[str, object], facts: dict[str, object], amount: str, last_line: str
) -> None:
    paid, lines = pay(table(**changes), **facts)
    assert paid == D(amount)
    assert lines[-1][0] == last_line


def test_every_line_names_its_clause_and_a_file_keeps_them() -> None:
    standard = table(
        BaseRule(C.CIVIL, D(1400), grades=frozenset({QualityGrade.GOOD}), clause="第二条"),
        major_add_on=D(500), major_cap_to_base=False, extra_case_add_on=D(100),
        clauses={"major": "第六条", "extra_case": "第七条"}, stage_region=MATRIX.stage_region,
    )  # fmt: skip
    _, lines = pay(standard, quality_grade=QualityGrade.GOOD, major_difficult=True, extra_cases=1)
    assert lines == [
        ("基本补贴（民事诉讼代理·一审·良好）", f"{DOC} 第二条"),
        ("重大疑难案件补贴", f"{DOC} 第六条"),
        ("同案增加件数（1件）", f"{DOC} 第七条"),
    ]
    assert from_json(to_json(standard)) == standard
    for kind in (WITHDRAWAL, ENFORCED, HEARD, GRADED, LIFE, MATRIX):
        assert from_json(to_json(kind)) == kind


@pytest.mark.parametrize(
    ("base", "message"),
    [
        # the unconditioned row first: the 良好 row after it never applies
        ((BaseRule(C.CIVIL, D(1200)), BaseRule(C.CIVIL, D(1400),
                                               grades=frozenset({QualityGrade.GOOD}))),
         "第2条基本补贴（民事诉讼代理·任何阶段·良好，1400元）永远不会适用"),
        # 撤诉 at any hearing first, then 撤诉 before a hearing: shadowed
        ((BaseRule(C.CIVIL, D(1000), outcomes=frozenset({Outcome.WITHDRAWAL})),
          BaseRule(C.CIVIL, D(600), outcomes=frozenset({Outcome.WITHDRAWAL}),
                   hearings=frozenset({Hearing.NO_HEARING}))),
         "第2条基本补贴（民事诉讼代理·任何阶段·撤诉·未开庭审理，600元）永远不会适用"),
        # life-or-death either way, then the life-or-death row
        ((BaseRule(C.CRIMINAL_DEFENCE, D(2000)),
          BaseRule(C.CRIMINAL_DEFENCE, D(5000), life_or_death=True)),
         "第2条基本补贴（刑事辩护·任何阶段·可能判处无期徒刑、死刑，5000元）永远不会适用"),
    ],
)  # fmt: skip
def test_a_condition_row_after_the_general_one_is_refused(
    base: tuple[BaseRule, ...], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        table(*base)


def test_a_conditioned_row_alone_leaves_a_gap_and_says_which() -> None:
    # Only 全部执行到位 is paid and nothing says what a case without that result gets.
    only = SubsidyStandard(
        name="缺口", authority=DOC, effective_from=date(2023, 1, 1), effective_to=None,
        base=(BaseRule(C.CIVIL, D(1000), enforcement=frozenset({Enforcement.FULL})),
              *(r for r in REST if r.case_type is not C.CIVIL)),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="缺少民事诉讼代理（未注明阶段）的基本补贴"):
        check_standard(only)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"stage_region": {(Stage.TRIAL, RegionTier.CROSS_CITY): D(100001)}},
         "地域补贴（审判·跨市）超出0至100000元"),
        ({"extra_case_add_on": D(-1)}, "同案多件补贴不能为负数"),
        ({"extra_case_cap": -2}, "同案多件上限不能为负数"),
        ({"clauses": {"tax": "第九条"}}, "条款对应的规则「tax」不存在"),
    ],
)  # fmt: skip
def test_impossible_amounts_are_refused_with_the_rule_named(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        table(**changes)


def test_a_file_with_a_cap_that_is_no_count_is_refused() -> None:
    import json

    data = json.loads(to_json(table(extra_case_add_on=D(200), extra_case_cap=5)))
    data["extra_case_cap"] = "5"
    assert from_json(json.dumps(data)).extra_case_cap == 5
    data["extra_case_cap"] = 5.5
    with pytest.raises(ValidationError, match=r"上限「5\.5」应为整数"):
        from_json(json.dumps(data))
