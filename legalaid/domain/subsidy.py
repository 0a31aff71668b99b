"""Handling subsidy (办案补贴) under the default standard shipped with the application.

The default is the 示例标准 (effective 2020-01-01) within the 2000–3000 yuan range per case;
versioned, editable standards replace it when an office sets its own (法律援助法 s.52).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from legalaid.domain.vocabulary import CaseType, Stage

YUAN = Decimal("0.01")


@dataclass(frozen=True)
class SubsidyLine:
    rule: str
    quantity: Decimal
    amount: Decimal


@dataclass(frozen=True)
class SubsidyResult:
    amount: Decimal
    lines: tuple[SubsidyLine, ...]


_CRIMINAL_PRE_TRIAL = {Stage.INVESTIGATION, Stage.PROSECUTION_REVIEW}
CROSS_REGION_ADD_ON = Decimal("1000")
MAJOR_ADD_ON = Decimal("1000")
TERMINATED_SHARE = Decimal("0.5")


def base_amount(case_type: CaseType, stage: Stage | None) -> Decimal:
    if case_type is CaseType.CRIMINAL_DEFENCE:
        return Decimal("2000") if stage in _CRIMINAL_PRE_TRIAL else Decimal("3000")
    if case_type is CaseType.CRIMINAL_REPRESENTATION:
        return Decimal("2500")
    if case_type is CaseType.CIVIL:
        return Decimal("2000") if stage is Stage.ENFORCEMENT else Decimal("2500")
    if case_type in (CaseType.ADMINISTRATIVE, CaseType.STATE_COMPENSATION):
        return Decimal("3000")
    return Decimal("2000")  # 劳动争议仲裁代理, 非诉讼代理


def default_subsidy(
    case_type: CaseType,
    stage: Stage | None,
    *,
    cross_region: bool,
    major_difficult: bool,
    terminated: bool,
) -> SubsidyResult:
    base = base_amount(case_type, stage)
    lines = [
        SubsidyLine(
            f"基本补贴（{case_type.value}·{stage.value if stage else '未注明阶段'}）",
            Decimal(1),
            base,
        )
    ]
    if cross_region:
        lines.append(SubsidyLine("异地办案补贴", Decimal(1), CROSS_REGION_ADD_ON))
    if major_difficult:
        # The major/difficult add-on never exceeds the base amount.
        lines.append(SubsidyLine("重大疑难案件补贴", Decimal(1), min(MAJOR_ADD_ON, base)))
    total = sum((line.amount for line in lines), Decimal(0))
    if terminated:
        cut = (total * (1 - TERMINATED_SHARE)).quantize(YUAN, rounding=ROUND_HALF_UP)
        lines.append(SubsidyLine("终止援助，按50%支付", TERMINATED_SHARE, -cut))
        total -= cut
    return SubsidyResult(amount=total.quantize(YUAN, rounding=ROUND_HALF_UP), lines=tuple(lines))
