"""Handling subsidy (办案补贴): versioned standards and the calculation with its breakdown.

A province sets its subsidy by service type, stage and cost (法律援助法 s.52). A standard
here holds every kind of rule seen in real tables: a base amount per case type and stage
(narrowed, where a table says so, by outcome, hearing, enforcement result, quality grade or a
possible life sentence or death penalty), a factor or a flat amount per handler type, a
cross-region add-on (flat, by tier, or by stage and tier together), a major/difficult add-on
or multiplier with a cap, add-ons per extra aided person and per extra case joined with their
caps, a cap on the total, a factor by quality grade, per-day and per-piece items (duty days,
drafting, file inspection) and the share paid when aid is terminated. Each rule records the
clause of the table it comes from, and every breakdown line names it. Amounts are Decimal
yuan, to the fen.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import pairwise, product
from typing import Any

from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import CaseType, HandlerType, QualityGrade, RegionTier, Stage

YUAN = Decimal("0.01")
MAX_AMOUNT = Decimal(100_000)  # no published item comes near it; more is a typing slip


# Duty lawyers are paid per day on duty (值班补贴): the standard's per-day item
# "值班律师（<station kind>）" where it sets one per kind of station, else "值班律师".
DUTY_ITEM = "值班律师"
# 案件评查 fees: paid per case file inspected, to the inspector (no case's own subsidy).
INSPECTION_ITEM = "案件评查"

# The clause of the table each kind of rule comes from (the base rules carry their own).
CLAUSE_KINDS: dict[str, str] = {
    "handler": "承办人类型",
    "region": "异地办案",
    "major": "重大疑难",
    "extra_person": "增加受援人",
    "extra_case": "同案多件",
    "total_cap": "全额上限",
    "grade": "质量等级浮动",
    "terminated": "终止援助",
    "per_day": "按日项目",
    "per_piece": "按件项目",
}


@dataclass(frozen=True)
class BaseRule:
    """Base amount for a case type at the given stages (empty: any stage, or none given).

    Some tables pay by more than type and stage: 庭前撤诉 600 and 庭中撤诉 1000 (outcome and
    hearing), 执行 only when fully enforced, 民事 1200 at 合格 and 1400 at 良好, a higher base
    where a life sentence or the death penalty is possible. Each such condition, when given,
    narrows the rule; a case whose fact is not known yet does not meet it."""

    case_type: CaseType
    amount: Decimal
    stages: frozenset[Stage] = frozenset()
    # Whether a case without a stage matches (the criminal trial row covers "no stage given").
    no_stage: bool = True
    outcomes: frozenset[Outcome] = frozenset()
    hearings: frozenset[Hearing] = frozenset()
    enforcement: frozenset[Enforcement] = frozenset()
    grades: frozenset[QualityGrade] = frozenset()
    life_or_death: bool | None = None  # None: either
    clause: str = ""  # the table's clause, e.g. 第一条

    def matches(self, facts: SubsidyFacts) -> bool:
        if facts.case_type is not self.case_type:
            return False
        if facts.stage is None:
            if not (self.no_stage or not self.stages):
                return False
        elif self.stages and facts.stage not in self.stages:
            return False
        return (
            _within(self.outcomes, facts.outcome)
            and _within(self.hearings, facts.hearing)
            and _within(self.enforcement, facts.enforcement)
            and _within(self.grades, facts.quality_grade)
            and (self.life_or_death is None or self.life_or_death == facts.life_or_death)
        )

    def conditions(self) -> str:
        """The conditions beyond type and stage, as the breakdown names them."""
        parts = [
            "、".join(sorted(x.value for x in values))
            for values in (self.outcomes, self.hearings, self.enforcement, self.grades)
            if values
        ]
        if self.life_or_death is not None:
            parts.append("可能判处无期徒刑、死刑" if self.life_or_death else "非无期徒刑、死刑案件")
        return "·".join(parts)


def _within(allowed: frozenset[Any], value: object) -> bool:
    return not allowed or value in allowed


# What a table that is silent on a point pays: the base unchanged, no add-on.
NEUTRAL_FACTOR = Decimal(1)
NO_ADD_ON = Decimal(0)


@dataclass(frozen=True)
class SubsidyStandard:
    name: str
    authority: str
    effective_from: date
    effective_to: date | None
    base: tuple[BaseRule, ...]  # first matching rule wins
    handler_factor: Mapping[HandlerType, Decimal] = field(default_factory=dict)
    # A flat amount per case for a handler type, whatever the case (涵江: 法律援助中心律师 300).
    handler_flat: Mapping[HandlerType, Decimal] = field(default_factory=dict)
    cross_region_flat: Decimal | None = None  # one add-on for any case handled elsewhere
    cross_region_tiers: Mapping[RegionTier, Decimal] = field(default_factory=dict)
    # Add-ons by stage and region together (本辖区/跨县/跨市/跨省 per stage); where the case's
    # stage and tier have an entry it replaces the tier's or the flat add-on.
    stage_region: Mapping[tuple[Stage, RegionTier], Decimal] = field(default_factory=dict)
    major_add_on: Decimal | None = None
    major_multiplier: Decimal | None = None  # e.g. 2 → up to twice the base
    major_cap_to_base: bool = True  # the major/difficult extra never exceeds the base
    extra_person_add_on: Decimal = NO_ADD_ON
    extra_person_cap: int | None = None  # at most this many extra persons are paid
    # 同案多件: an add-on for each case joined beyond the first (涵江: 200 each).
    extra_case_add_on: Decimal = NO_ADD_ON
    extra_case_cap: int | None = None
    per_day: Mapping[str, Decimal] = field(default_factory=dict)  # e.g. 值班律师 per day
    per_piece: Mapping[str, Decimal] = field(default_factory=dict)  # e.g. 代拟法律文书 per piece
    # The share of a terminated case's subsidy the table pays; None where the table says
    # nothing on termination: then nothing is paid until a clerk records a share.
    terminated_share: Decimal | None = None
    terminated_by_stages: bool = False  # pay completed stages ÷ all stages instead
    total_cap: Decimal | None = None  # a case is paid at most this much (涵江: 5000)
    # "根据服务质量上下浮动": the subsidy × a factor by the closing review's 质量等级 (e.g.
    # 优秀 1.2, 不合格 0); a grade not listed, or no grade yet, pays the amount as it is.
    grade_factor: Mapping[QualityGrade, Decimal] = field(default_factory=dict)
    # The clause each kind of rule comes from, by CLAUSE_KINDS key (e.g. "major": "第四条").
    clauses: Mapping[str, str] = field(default_factory=dict)

    def factor_of(self, kind: HandlerType | None) -> Decimal:
        """The base's factor for a handler type (none recorded: the base unchanged)."""
        return self.handler_factor.get(kind, NEUTRAL_FACTOR) if kind else NEUTRAL_FACTOR

    def source(self, clause: str) -> str:
        """Where a line comes from: the document and, where recorded, its clause."""
        return f"{self.authority} {clause}".strip() if clause else self.authority

    def clause_of(self, kind: str) -> str:
        return self.source(self.clauses.get(kind, ""))

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


@dataclass(frozen=True)
class SubsidyFacts:
    """What the calculation needs to know about a case."""

    case_type: CaseType
    stage: Stage | None
    handler_type: HandlerType | None = None
    cross_region: bool = False
    region_tier: RegionTier | None = None
    major_difficult: bool = False
    extra_persons: int = 0
    days: Mapping[str, int] = field(default_factory=dict)
    terminated: bool = False
    stages_completed: int = 0
    stages_total: int = 0
    # A terminated case's share as a clerk recorded it, with the reason (it prevails).
    recorded_share: Decimal | None = None
    recorded_share_reason: str | None = None
    quality_grade: QualityGrade | None = None  # from the closing review, never typed again
    # From the closing (never typed again in the subsidy tab), and the notification ground.
    outcome: Outcome | None = None
    hearing: Hearing | None = None
    enforcement: Enforcement | None = None
    life_or_death: bool = False
    extra_cases: int = 0  # cases joined beyond the first (同案多件)


@dataclass(frozen=True)
class SubsidyLine:
    rule: str
    quantity: Decimal
    amount: Decimal
    source: str = ""  # the document and clause the rule comes from


@dataclass(frozen=True)
class SubsidyResult:
    amount: Decimal
    lines: tuple[SubsidyLine, ...]


def _yuan(value: Decimal) -> Decimal:
    return value.quantize(YUAN, rounding=ROUND_HALF_UP)


def calculate(standard: SubsidyStandard, facts: SubsidyFacts) -> SubsidyResult:
    """The subsidy and every line of its computation, in the order a clerk would check it."""
    rule = next((r for r in standard.base if r.matches(facts)), None)
    if rule is None:
        raise ValidationError(
            f"补贴标准「{standard.name}」中没有{facts.case_type.value}"
            f"（{facts.stage.value if facts.stage else '未注明阶段'}）的基本补贴",
            field="补贴标准",
        )
    stage = facts.stage.value if facts.stage else "未注明阶段"
    clause = standard.clause_of
    flat = standard.handler_flat.get(facts.handler_type) if facts.handler_type else None
    if flat is not None and facts.handler_type is not None:
        # A flat amount replaces the table for this kind of handler (its whole subsidy).
        lines = [SubsidyLine(f"按承办人类型定额（{facts.handler_type.value}）", Decimal(1), flat,
                             clause("handler"))]  # fmt: skip
        return _terminated(standard, facts, lines)
    base = rule.amount
    conditions = f"·{rule.conditions()}" if rule.conditions() else ""
    lines = [SubsidyLine(f"基本补贴（{facts.case_type.value}·{stage}{conditions}）", Decimal(1),
                         base, standard.source(rule.clause))]  # fmt: skip
    factor = standard.factor_of(facts.handler_type)
    if factor != 1:
        adjusted = _yuan(base * factor)
        lines.append(
            SubsidyLine(
                f"承办人类型系数（{facts.handler_type.value if facts.handler_type else ''}"
                f"×{factor}）",
                factor,
                adjusted - base,
                clause("handler"),
            )
        )
        base = adjusted
    lines += _region_lines(standard, facts)
    if facts.major_difficult:
        extra = Decimal(0)
        if standard.major_multiplier is not None:
            extra = _yuan(base * (standard.major_multiplier - 1))
        elif standard.major_add_on is not None:
            extra = standard.major_add_on
        if standard.major_cap_to_base:
            extra = min(extra, base)
        if extra:
            lines.append(SubsidyLine("重大疑难案件补贴", Decimal(1), extra, clause("major")))
    for count, add_on, cap, label, kind in (
        (facts.extra_persons, standard.extra_person_add_on, standard.extra_person_cap,
         "增加受援人（{0}人）", "extra_person"),
        (facts.extra_cases, standard.extra_case_add_on, standard.extra_case_cap,
         "同案增加件数（{0}件）", "extra_case"),
    ):  # fmt: skip
        if count > 0 and add_on:
            paid = count if cap is None else min(count, cap)
            lines.append(
                SubsidyLine(label.format(paid), Decimal(paid), add_on * paid, clause(kind))
            )
    for item, days in sorted(facts.days.items()):
        rate = standard.per_day.get(item)
        if rate is None:
            raise ValidationError(
                f"补贴标准「{standard.name}」中没有按日计算的项目「{item}」", field="补贴标准"
            )
        if days:
            lines.append(SubsidyLine(f"{item}（{days}日×{rate}元）", Decimal(days), rate * days,
                                     clause("per_day")))  # fmt: skip
    total = sum((line.amount for line in lines), Decimal(0))
    grade = standard.grade_factor.get(facts.quality_grade) if facts.quality_grade else None
    if grade is not None and grade != 1 and facts.quality_grade is not None:
        lines.append(
            SubsidyLine(f"质量等级浮动（{facts.quality_grade.value}×{grade.normalize():f}）", grade,
                        _yuan(total * grade) - total, clause("grade"))
        )  # fmt: skip
        total = _yuan(total * grade)
    if standard.total_cap is not None and total > standard.total_cap:
        lines.append(
            SubsidyLine(f"全额上限（不超过{standard.total_cap}元）", Decimal(1),
                        standard.total_cap - total, clause("total_cap"))
        )  # fmt: skip
    return _terminated(standard, facts, lines)


def _region_lines(standard: SubsidyStandard, facts: SubsidyFacts) -> list[SubsidyLine]:
    """The region add-on: by stage and tier together where the table sets one, else by tier,
    else one flat amount for any case handled elsewhere."""
    source = standard.clause_of("region")
    tier = facts.region_tier
    if facts.stage is not None and tier is not None:
        matrix = standard.stage_region.get((facts.stage, tier))
        if matrix is not None:
            return [SubsidyLine(f"地域补贴（{facts.stage.value}·{tier.value}）", Decimal(1),
                                matrix, source)] if matrix else []  # fmt: skip
    if not facts.cross_region:
        return []
    tier_amount = standard.cross_region_tiers.get(tier) if tier else None
    if tier_amount is not None and tier is not None:
        return [SubsidyLine(f"异地办案补贴（{tier.value}）", Decimal(1), tier_amount, source)]
    if standard.cross_region_flat is not None:
        return [SubsidyLine("异地办案补贴", Decimal(1), standard.cross_region_flat, source)]
    return []


def _terminated(
    standard: SubsidyStandard, facts: SubsidyFacts, lines: list[SubsidyLine]
) -> SubsidyResult:
    """The lines' total, or for a terminated case the share of it the table or clerk says."""
    total = sum((line.amount for line in lines), Decimal(0))
    if facts.terminated:
        source = standard.clause_of("terminated")
        if facts.recorded_share is not None:
            share = facts.recorded_share
            label = (f"终止援助，经办人确定按{share_text(share)}支付"
                     f"（{facts.recorded_share_reason or '未写理由'}）")  # fmt: skip
            source = "经办人确定"
        elif standard.terminated_by_stages and facts.stages_total:
            share = Decimal(facts.stages_completed) / facts.stages_total
            label = f"终止援助，按已完成阶段支付（{facts.stages_completed}/{facts.stages_total}）"
        elif standard.terminated_share is not None:
            share = standard.terminated_share
            label = f"终止援助，按标准{share_text(share)}支付"
        else:  # 法律援助法 s.52 leaves the amount to the table; one silent pays nothing unasked
            share = Decimal(0)
            label = "终止援助：本标准未规定终止案件的补贴，经办人确定支付比例前不支付"
            source = standard.authority
        cut = _yuan(total * (1 - share))
        lines.append(SubsidyLine(label, share, -cut, source))
        total -= cut
    return SubsidyResult(amount=_yuan(total), lines=tuple(lines))


@dataclass(frozen=True)
class HandlerPart:
    """One handler's part of a case that changed handler: a share, or the stages they did."""

    handler_id: int
    share: Decimal | None = None
    stages: int | None = None

    def basis(self) -> str:
        return share_text(self.share) if self.share is not None else f"{self.stages}个阶段"


def check_parts(parts: Sequence[HandlerPart], names: Mapping[int, str]) -> None:
    """Parts are all shares adding up to 100 %, or all stage counts (one at least); every
    handler the case had has one (``names``: the case's handlers by id)."""
    missing = [names[i] for i in names if i not in {p.handler_id for p in parts}]
    if missing:
        raise ValidationError(f"请确定{'、'.join(missing)}的份额", field="承办人份额")
    strangers = [p.handler_id for p in parts if p.handler_id not in names]
    if strangers:
        raise ValidationError("份额中有不是本案承办人的人员", field="承办人份额")
    if all(p.share is not None for p in parts):
        if any(not 0 <= (p.share or 0) <= 1 for p in parts):
            raise ValidationError("每人的份额应在0%到100%之间", field="承办人份额")
        total = sum((p.share or Decimal(0) for p in parts), Decimal(0))
        if total != 1:
            raise ValidationError(f"各承办人的份额合计应为100%，现为{share_text(total)}",
                                  field="承办人份额")  # fmt: skip
    elif all(p.stages is not None for p in parts):
        if any((p.stages or 0) < 0 for p in parts) or not sum(p.stages or 0 for p in parts):
            raise ValidationError("各承办人完成的阶段数应不小于0，合计至少为1",
                                  field="承办人份额")  # fmt: skip
    else:
        raise ValidationError("份额应全部按比例或全部按阶段确定", field="承办人份额")


def split(amount: Decimal, parts: Sequence[HandlerPart]) -> list[Decimal]:
    """Each handler's amount, in the order given: by share, or by stages done over all stages
    done; to the fen, the last part takes what rounding leaves, so the parts add up."""
    if all(p.share is not None for p in parts):
        weights = [p.share or Decimal(0) for p in parts]
    else:
        done = sum(p.stages or 0 for p in parts)
        weights = [Decimal(p.stages or 0) / done for p in parts]
    amounts = [_yuan(amount * w) for w in weights[:-1]]
    return [*amounts, amount - sum(amounts, Decimal(0))]


def parts_to_text(parts: Sequence[HandlerPart]) -> str | None:
    if not parts:
        return None
    data = {
        str(p.handler_id): {"share": str(p.share)} if p.share is not None else {"stages": p.stages}
        for p in parts
    }
    return json.dumps(data, sort_keys=True)


def parts_from_text(text: str | None) -> tuple[HandlerPart, ...]:
    if not text:
        return ()
    return tuple(
        HandlerPart(int(k), _dec(v.get("share")), v.get("stages"))
        for k, v in json.loads(text).items()
    )


def share_text(share: Decimal) -> str:
    """A share as a percentage (0.5 → 50%)."""
    return f"{_yuan(share * 100).normalize():f}%"


def days_from_text(text: str | None) -> dict[str, int]:
    """A case's per-day items as stored ({item: days} JSON); empty when none."""
    return {str(k): int(v) for k, v in json.loads(text).items()} if text else {}


def days_to_text(days: Mapping[str, int]) -> str | None:
    kept = {k: int(v) for k, v in sorted(days.items()) if v}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None


# -- checks -------------------------------------------------------------------------------
def check_standard(standard: SubsidyStandard) -> None:
    """Refuse a standard with a gap, a negative amount or dates in the wrong order."""
    problems = []
    if not standard.name.strip():
        problems.append("标准名称不能为空")
    if standard.effective_to is not None and standard.effective_to < standard.effective_from:
        problems.append("失效日期早于生效日期")
    amounts: list[tuple[str, Decimal]] = [
        (f"{r.case_type.value}基本补贴", r.amount) for r in standard.base
    ]
    amounts += [(f"异地（{k.value}）", v) for k, v in standard.cross_region_tiers.items()]
    amounts += [(f"{k.value}定额", v) for k, v in standard.handler_flat.items()]
    amounts += [(f"地域补贴（{st.value}·{t.value}）", v)
                for (st, t), v in standard.stage_region.items()]  # fmt: skip
    for label, value in (
        ("异地补贴", standard.cross_region_flat),
        ("重大疑难补贴", standard.major_add_on),
        ("增加受援人补贴", standard.extra_person_add_on),
        ("同案多件补贴", standard.extra_case_add_on),
        ("全额上限", standard.total_cap),
    ):
        if value is not None:
            amounts.append((label, value))
    amounts += [(f"按日项目「{k}」", v) for k, v in standard.per_day.items()]
    amounts += [(f"按件项目「{k}」", v) for k, v in standard.per_piece.items()]
    factors = [(f"{k.value}系数", v) for k, v in standard.handler_factor.items()]
    factors += [(f"质量等级「{k.value}」系数", v) for k, v in standard.grade_factor.items()]
    if standard.major_multiplier is not None:
        factors.append(("重大疑难倍数", standard.major_multiplier))
    problems += [f"{label}不能为负数（{value}）" for label, value in (*amounts, *factors)
                 if value < 0]  # fmt: skip
    problems += [f"{label}超出0至{MAX_AMOUNT}元（{value}）" for label, value in amounts
                 if value > MAX_AMOUNT]  # fmt: skip
    if standard.total_cap is not None:
        above = [r for r in standard.base if r.amount > standard.total_cap]
        if above:
            problems.append(
                f"全额上限{standard.total_cap}元低于{above[0].case_type.value}的基本补贴"
                f"{above[0].amount}元：上限应不低于任何基本补贴"
            )
    if standard.terminated_share is not None and not 0 <= standard.terminated_share <= 1:
        problems.append("终止援助的支付比例应在0到1之间")
    for label, count in (("增加受援人上限", standard.extra_person_cap),
                         ("同案多件上限", standard.extra_case_cap)):  # fmt: skip
        if count is not None and count < 0:
            problems.append(f"{label}不能为负数（{count}）")
    unknown = sorted(set(standard.clauses) - set(CLAUSE_KINDS))
    if unknown:
        problems.append(f"条款对应的规则「{unknown[0]}」不存在")
    problems += _never_applying(standard.base)
    for case_type in CaseType:
        for stage in (None, *Stage):
            # An ordinary case: no outcome, hearing, grade yet — the rule every case falls to.
            if not any(r.matches(SubsidyFacts(case_type, stage)) for r in standard.base):
                problems.append(
                    f"缺少{case_type.value}（{stage.value if stage else '未注明阶段'}）的基本补贴"
                )
                break
    if problems:
        raise ValidationError("；".join(problems), field="补贴标准")


def _never_applying(base: Sequence[BaseRule]) -> list[str]:
    """Base rules every case of which an earlier rule takes (the first matching one wins)."""
    problems = []
    for index, rule in enumerate(base):
        earlier = base[:index]
        if all(any(r.matches(case) for r in earlier) for case in _situations(rule, earlier)):
            stages = "、".join(sorted(s.value for s in rule.stages)) or "任何阶段"
            conditions = f"·{rule.conditions()}" if rule.conditions() else ""
            problems.append(
                f"第{index + 1}条基本补贴（{rule.case_type.value}·{stages}{conditions}，"
                f"{rule.amount}元）永远不会适用：前面的规则已涵盖它的全部情形"
            )
    return problems


def _situations(rule: BaseRule, earlier: Sequence[BaseRule]) -> Iterator[SubsidyFacts]:
    """Every kind of case ``rule`` matches, told apart as far as any of the rules tell them
    apart (a condition nobody sets is left unknown, which keeps the count small)."""

    def values(attr: str, universe: Sequence[Any]) -> Sequence[Any]:
        own = getattr(rule, attr)
        if own:
            return sorted(own)
        return [None, *universe] if any(getattr(r, attr) for r in earlier) else [None]

    stages: list[Stage | None] = (
        [*sorted(rule.stages, key=list(Stage).index), *([None] if rule.no_stage else [])]
        if rule.stages
        else [None, *Stage]
    )
    if rule.life_or_death is not None:
        lives = [rule.life_or_death]
    else:
        lives = [False, True] if any(r.life_or_death is not None for r in earlier) else [False]
    for stage, outcome, hearing, enforcement, grade, life in product(
        stages, values("outcomes", list(Outcome)), values("hearings", list(Hearing)),
        values("enforcement", list(Enforcement)), values("grades", list(QualityGrade)), lives,
    ):  # fmt: skip
        yield SubsidyFacts(
            rule.case_type, stage, outcome=outcome, hearing=hearing, enforcement=enforcement,
            quality_grade=grade, life_or_death=life,
        )  # fmt: skip


def check_versions(standards: Sequence[SubsidyStandard]) -> None:
    """Versions may not overlap: each day has at most one standard in force."""
    ordered = sorted(standards, key=lambda s: s.effective_from)
    for earlier, later in pairwise(ordered):
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise ValidationError(
                f"「{earlier.name}」与「{later.name}」的有效期重叠"
                f"（{later.effective_from.isoformat()}起两者同时有效）",
                field="有效期",
            )


def standard_in_force(standards: Sequence[SubsidyStandard], day: date) -> SubsidyStandard:
    for standard in standards:
        if standard.in_force(day):
            return standard
    raise ValidationError(f"{day.isoformat()}没有有效的补贴标准", field="补贴标准")


# -- the default standard shipped (示例标准) --------------------------------------------------
DEFAULT_STANDARD = SubsidyStandard(
    name="示例标准",
    authority="legalaid 默认（请按本省标准修改）",
    effective_from=date(2020, 1, 1),
    effective_to=None,
    base=(
        BaseRule(
            CaseType.CRIMINAL_DEFENCE,
            Decimal(2000),
            frozenset({Stage.INVESTIGATION, Stage.PROSECUTION_REVIEW}),
            no_stage=False,
        ),
        BaseRule(CaseType.CRIMINAL_DEFENCE, Decimal(3000)),
        BaseRule(CaseType.CRIMINAL_REPRESENTATION, Decimal(2500)),
        BaseRule(CaseType.CIVIL, Decimal(2000), frozenset({Stage.ENFORCEMENT}), no_stage=False),
        BaseRule(CaseType.CIVIL, Decimal(2500)),
        BaseRule(CaseType.ADMINISTRATIVE, Decimal(3000)),
        BaseRule(CaseType.STATE_COMPENSATION, Decimal(3000)),
        BaseRule(CaseType.LABOUR_ARBITRATION, Decimal(2000)),
        BaseRule(CaseType.NON_LITIGATION, Decimal(2000)),
    ),
    handler_factor={kind: Decimal(1) for kind in HandlerType},
    cross_region_flat=Decimal(1000),
    major_add_on=Decimal(1000),
    major_cap_to_base=True,
    per_day={DUTY_ITEM: Decimal(150)},  # domain.md: duty days 100–200 yuan
    per_piece={"代拟法律文书": Decimal(100)},  # domain.md: drafting 100 yuan a piece
    terminated_share=Decimal("0.5"),
)


DRAFTING_ITEM = "代拟法律文书"


def drafting_rate(standard: SubsidyStandard, document: str | None) -> tuple[Decimal, str] | None:
    """The rate for one drafted document (the standard's per-piece item for that kind of
    document, else for any), with the item that sets it; None when drafting is not paid."""
    for item in (f"{DRAFTING_ITEM}（{document}）" if document else None, DRAFTING_ITEM):
        if item is not None and item in standard.per_piece:
            return standard.per_piece[item], item
    return None


def duty_day_rate(standard: SubsidyStandard, station_kind: str) -> tuple[Decimal, str] | None:
    """The day rate for duty at a station of ``station_kind`` and the item that sets it; None
    when the standard pays no duty days."""
    for item in (f"{DUTY_ITEM}（{station_kind}）", DUTY_ITEM):
        if item in standard.per_day:
            return standard.per_day[item], item
    return None


def default_subsidy(
    case_type: CaseType,
    stage: Stage | None,
    *,
    cross_region: bool,
    major_difficult: bool,
    terminated: bool,
) -> SubsidyResult:
    """The default standard's amount for a case (used where no amount was recorded)."""
    return calculate(
        DEFAULT_STANDARD,
        SubsidyFacts(
            case_type=case_type,
            stage=stage,
            cross_region=cross_region,
            major_difficult=major_difficult,
            terminated=terminated,
        ),
    )


# -- files: a province's table shared between offices ----------------------------------------
def to_json(standard: SubsidyStandard) -> str:
    data: dict[str, Any] = {
        "name": standard.name,
        "authority": standard.authority,
        "effective_from": standard.effective_from.isoformat(),
        "effective_to": standard.effective_to.isoformat() if standard.effective_to else None,
        "base": [
            {
                "case_type": r.case_type.value,
                "amount": str(r.amount),
                "stages": sorted(s.value for s in r.stages),
                "no_stage": r.no_stage,
                **_conditions_json(r),
            }
            for r in standard.base
        ],
        "clauses": dict(standard.clauses),
        "stage_region": [
            {"stage": st.value, "tier": t.value, "amount": str(v)}
            for (st, t), v in standard.stage_region.items()
        ],
        "extra_case_add_on": str(standard.extra_case_add_on),
        "extra_case_cap": standard.extra_case_cap,
        "handler_factor": {k.value: str(v) for k, v in standard.handler_factor.items()},
        "handler_flat": {k.value: str(v) for k, v in standard.handler_flat.items()},
        "total_cap": _str(standard.total_cap),
        "grade_factor": {k.value: str(v) for k, v in standard.grade_factor.items()},
        "cross_region_flat": _str(standard.cross_region_flat),
        "cross_region_tiers": {k.value: str(v) for k, v in standard.cross_region_tiers.items()},
        "major_add_on": _str(standard.major_add_on),
        "major_multiplier": _str(standard.major_multiplier),
        "major_cap_to_base": standard.major_cap_to_base,
        "extra_person_add_on": str(standard.extra_person_add_on),
        "extra_person_cap": standard.extra_person_cap,
        "per_day": {k: str(v) for k, v in standard.per_day.items()},
        "per_piece": {k: str(v) for k, v in standard.per_piece.items()},
        "terminated_share": _str(standard.terminated_share),
        "terminated_by_stages": standard.terminated_by_stages,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _conditions_json(rule: BaseRule) -> dict[str, Any]:
    """A base rule's conditions and clause, only those it has (older files have none)."""
    data: dict[str, Any] = {
        key: sorted(x.value for x in values)
        for key, values in (("outcomes", rule.outcomes), ("hearings", rule.hearings),
                            ("enforcement", rule.enforcement), ("grades", rule.grades))
        if values
    }  # fmt: skip
    if rule.life_or_death is not None:
        data["life_or_death"] = rule.life_or_death
    if rule.clause:
        data["clause"] = rule.clause
    return data


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def from_json(text: str) -> SubsidyStandard:
    """Read a standard file; every problem is reported with the field it is in."""
    try:
        data = json.loads(text)
        standard = SubsidyStandard(
            name=str(data["name"]),
            authority=str(data.get("authority", "")),
            effective_from=date.fromisoformat(data["effective_from"]),
            effective_to=date.fromisoformat(data["effective_to"])
            if data.get("effective_to")
            else None,
            base=tuple(
                BaseRule(
                    CaseType(r["case_type"]),
                    Decimal(r["amount"]),
                    frozenset(Stage(s) for s in r.get("stages", [])),
                    bool(r.get("no_stage", True)),
                    frozenset(Outcome(x) for x in r.get("outcomes", [])),
                    frozenset(Hearing(x) for x in r.get("hearings", [])),
                    frozenset(Enforcement(x) for x in r.get("enforcement", [])),
                    frozenset(QualityGrade(x) for x in r.get("grades", [])),
                    None if r.get("life_or_death") is None else bool(r["life_or_death"]),
                    str(r.get("clause", "")),
                )
                for r in data["base"]
            ),
            clauses={str(k): str(v) for k, v in data.get("clauses", {}).items()},
            stage_region={
                (Stage(x["stage"]), RegionTier(x["tier"])): Decimal(x["amount"])
                for x in data.get("stage_region", [])
            },
            extra_case_add_on=Decimal(data.get("extra_case_add_on", "0")),
            extra_case_cap=_count(data.get("extra_case_cap")),
            handler_factor={
                HandlerType(k): Decimal(v) for k, v in data.get("handler_factor", {}).items()
            },
            handler_flat={
                HandlerType(k): Decimal(v) for k, v in data.get("handler_flat", {}).items()
            },
            total_cap=_dec(data.get("total_cap")),
            grade_factor={
                QualityGrade(k): Decimal(v) for k, v in data.get("grade_factor", {}).items()
            },
            cross_region_flat=_dec(data.get("cross_region_flat")),
            cross_region_tiers={
                RegionTier(k): Decimal(v) for k, v in data.get("cross_region_tiers", {}).items()
            },
            major_add_on=_dec(data.get("major_add_on")),
            major_multiplier=_dec(data.get("major_multiplier")),
            major_cap_to_base=bool(data.get("major_cap_to_base", True)),
            extra_person_add_on=Decimal(data.get("extra_person_add_on", "0")),
            extra_person_cap=_count(data.get("extra_person_cap")),
            per_day={str(k): Decimal(v) for k, v in data.get("per_day", {}).items()},
            per_piece={str(k): Decimal(v) for k, v in data.get("per_piece", {}).items()},
            terminated_share=_dec(data.get("terminated_share")),  # silent: None
            terminated_by_stages=bool(data.get("terminated_by_stages", False)),
        )
    except (KeyError, ValueError, TypeError, InvalidOperation) as exc:
        raise ValidationError(
            f"补贴标准文件格式有误：{type(exc).__name__} {exc}", field="补贴标准文件"
        ) from None
    check_standard(standard)
    return standard


def _count(value: Any) -> int | None:
    """A cap as a whole number (a file may hold "5"; 5.5 or "五" is refused)."""
    if value is None:
        return None
    if isinstance(value, bool) or not str(value).isdigit():
        raise ValueError(f"上限「{value}」应为整数")
    return int(value)


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
