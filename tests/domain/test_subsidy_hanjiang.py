"""A real published table (莆田市涵江区, 涵财〔2016〕116号、莆涵司〔2016〕37号) expressed as a
standard, without overriding a single case: every worked amount of the table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from legalaid.domain.errors import ValidationError
from legalaid.domain.subsidy import (
    BaseRule,
    SubsidyFacts,
    SubsidyStandard,
    calculate,
    check_standard,
    drafting_rate,
    duty_day_rate,
    from_json,
    to_json,
)
from legalaid.domain.vocabulary import CaseType, HandlerType, RegionTier, Stage

D = Decimal
C = CaseType


def _criminal(case_type: CaseType) -> tuple[BaseRule, ...]:
    # 一、刑事案件刑侦阶段每件补贴800元，审查起诉阶段每件补贴1000元，审判阶段每件补贴1200元。
    return (
        BaseRule(
            case_type, D(800), frozenset({Stage.INVESTIGATION}), no_stage=False, clause="第一条"
        ),
        BaseRule(
            case_type,
            D(1000),
            frozenset({Stage.PROSECUTION_REVIEW}),
            no_stage=False,
            clause="第一条",
        ),
        BaseRule(case_type, D(1200), clause="第一条"),
    )


HANJIANG = SubsidyStandard(
    name="涵江区法律援助办案补贴标准",
    authority="涵财〔2016〕116号、莆涵司〔2016〕37号",
    effective_from=date(2016, 6, 1),
    effective_to=None,
    base=(
        *_criminal(C.CRIMINAL_DEFENCE),
        *_criminal(C.CRIMINAL_REPRESENTATION),
        # 一、民事、行政及仲裁案件每件补贴1200元
        BaseRule(C.CIVIL, D(1200), clause="第一条"),
        BaseRule(C.ADMINISTRATIVE, D(1200), clause="第一条"),
        BaseRule(C.STATE_COMPENSATION, D(1200), clause="第一条"),
        BaseRule(C.LABOUR_ARBITRATION, D(1200), clause="第一条"),
        # 二、其他非诉讼法律事务调解援助案件每件补贴200元
        BaseRule(C.NON_LITIGATION, D(200), clause="第二条"),
    ),
    # 二、聘用法律服务工作者办案补贴按标准50%；法律援助中心律师办理各类案件每件补贴300元
    handler_factor={HandlerType.LEGAL_SERVICE_WORKER: D("0.5")},
    handler_flat={HandlerType.CENTRE_STAFF: D(300)},
    # 四、跨社区市办案每件增加补贴500元，跨省或重大、疑难、复杂的每件增加补贴1000元
    cross_region_tiers={
        RegionTier.CROSS_COUNTY: D(500),
        RegionTier.CROSS_CITY: D(500),
        RegionTier.CROSS_PROVINCE: D(1000),
    },
    major_add_on=D(1000),
    major_cap_to_base=False,
    # 四、同案多件按标准补贴后每增加一件再补贴200元，全额不得超过5000元
    extra_case_add_on=D(200),
    total_cap=D(5000),
    # 三、代拟法律文书每件补贴100元；参与法律援助值班和法律咨询的，每人每天补贴100元
    per_day={"值班律师": D(100)},
    per_piece={"代拟法律文书": D(100)},
    clauses={
        "handler": "第二条",
        "region": "第四条",
        "major": "第四条",
        "extra_case": "第四条",
        "total_cap": "第四条",
        "per_day": "第三条",
        "per_piece": "第三条",
    },
)


def paid(**changes: object) -> Decimal:
    values: dict[str, object] = {"case_type": C.CRIMINAL_DEFENCE, "stage": Stage.INVESTIGATION,
                                 "handler_type": HandlerType.LAWYER}  # fmt: skip
    values.update(changes)
    return calculate(HANJIANG, SubsidyFacts(**values)).amount  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "amount"),
    [
        ({}, "800"),  # 刑辩 侦查
        ({"case_type": C.CIVIL, "stage": Stage.FIRST_INSTANCE, "cross_region": True,
          "region_tier": RegionTier.CROSS_CITY}, "1700"),  # 民事 跨市
        ({"major_difficult": True}, "1800"),  # the add-on is not capped at the base
        ({"case_type": C.CIVIL, "stage": Stage.FIRST_INSTANCE, "extra_cases": 4}, "2000"),
        ({"extra_cases": 29}, "5000"),  # 同案 30 件: the cap is on the total
        ({"case_type": C.CIVIL, "stage": Stage.FIRST_INSTANCE,
          "handler_type": HandlerType.LEGAL_SERVICE_WORKER}, "600"),
        ({"case_type": C.CIVIL, "stage": Stage.FIRST_INSTANCE, "major_difficult": True,
          "handler_type": HandlerType.CENTRE_STAFF}, "300"),  # a flat amount, whatever the case
        ({"handler_type": HandlerType.CENTRE_STAFF}, "300"),
    ],
)  # fmt: skip
def test_every_worked_amount_of_the_table(changes: dict[str, object], amount: str) -> None:
    assert paid(**changes) == D(amount)


def test_the_items_that_are_no_case() -> None:
    assert drafting_rate(HANJIANG, "起诉状") == (D(100), "代拟法律文书")
    rate, item = duty_day_rate(HANJIANG, "法院工作站") or (D(0), "")
    assert rate * 3 == D(300) and item == "值班律师"


def test_the_cap_and_the_flat_amount_say_so_and_survive_a_file() -> None:
    lines = calculate(HANJIANG, SubsidyFacts(C.CRIMINAL_DEFENCE, Stage.INVESTIGATION,
                                             extra_cases=29)).lines  # fmt: skip
    assert lines[-1].rule == "全额上限（不超过5000元）" and lines[-1].amount == D(-1600)
    # Each line names the clause of the table that produced it.
    assert [(line.rule, line.source) for line in lines] == [
        ("基本补贴（刑事辩护·侦查）", "涵财〔2016〕116号、莆涵司〔2016〕37号 第一条"),
        ("同案增加件数（29件）", "涵财〔2016〕116号、莆涵司〔2016〕37号 第四条"),
        ("全额上限（不超过5000元）", "涵财〔2016〕116号、莆涵司〔2016〕37号 第四条"),
    ]
    flat = calculate(HANJIANG, SubsidyFacts(C.CIVIL, None, handler_type=HandlerType.CENTRE_STAFF))
    assert [line.rule for line in flat.lines] == ["按承办人类型定额（法律援助机构工作人员）"]
    assert from_json(to_json(HANJIANG)) == HANJIANG


def test_a_cap_below_a_base_is_refused_with_the_rule_named() -> None:
    from dataclasses import replace

    with pytest.raises(ValidationError, match="全额上限1000元低于刑事辩护的基本补贴1200元"):
        check_standard(replace(HANJIANG, total_cap=D(1000)))
