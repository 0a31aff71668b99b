"""Major or difficult cases (重大疑难案件): which cases are candidates, and the path from a
candidate to the supervising authority's reply.

The service standards ask that such cases be discussed collectively (集体讨论) and reported to
the supervising justice bureau (上报主管机关); the typical triggers are listed in domain.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from legalaid.domain.errors import ConflictError, ValidationError


class Criterion(StrEnum):
    # Recognised from the case's data.
    LIFE_OR_DEATH = "可能判处无期徒刑、死刑"
    MINOR_SERIOUS = "未成年犯罪嫌疑人涉嫌严重犯罪"
    GROUP = "群体性案件"
    # Marked by the handler or clerk.
    PROTEST = "抗诉案件"
    PUBLIC_ATTENTION = "社会广泛关注"
    DOUBT = "定罪、证据或法律适用存疑"
    OTHER = "其他重大疑难情形"

    @property
    def automatic(self) -> bool:
        return self in AUTOMATIC


AUTOMATIC = (Criterion.LIFE_OR_DEATH, Criterion.MINOR_SERIOUS, Criterion.GROUP)
BY_HAND = (Criterion.PROTEST, Criterion.PUBLIC_ATTENTION, Criterion.DOUBT, Criterion.OTHER)

# 刑法 s.17(2): the offences a 14–16-year-old answers for are the serious ones by any measure.
SERIOUS_OFFENCES = (
    "故意杀人", "故意伤害", "强奸", "抢劫", "贩卖毒品", "放火", "爆炸", "投放危险物质", "绑架",
)  # fmt: skip


@dataclass(frozen=True)
class RecognitionRules:
    """The office's criteria (设置): which automatic ones run, and their thresholds."""

    enabled: frozenset[Criterion] = frozenset(AUTOMATIC)
    group_threshold: int = 10  # aided persons or joined cases
    serious_offences: tuple[str, ...] = SERIOUS_OFFENCES

    def check(self) -> None:
        if not 2 <= self.group_threshold <= 10000:
            raise ValidationError("群体性案件的人数标准应在2–10000之间", field="群体性案件人数")
        if Criterion.MINOR_SERIOUS in self.enabled and not self.serious_offences:
            raise ValidationError("请至少列出一个严重犯罪罪名", field="严重犯罪罪名")

    def to_json(self) -> str:
        return json.dumps(
            {
                "enabled": [c.name for c in AUTOMATIC if c in self.enabled],
                "group_threshold": self.group_threshold,
                "serious_offences": list(self.serious_offences),
            },
            ensure_ascii=False,
        )

    @staticmethod
    def from_json(text: str) -> RecognitionRules:
        data = json.loads(text)
        return RecognitionRules(
            enabled=frozenset(Criterion[name] for name in data["enabled"]),
            group_threshold=int(data["group_threshold"]),
            serious_offences=tuple(data["serious_offences"]),
        )


@dataclass(frozen=True)
class CaseFacts:
    criminal: bool
    possible_life_or_death: bool
    minor: bool  # the aided person was under 18 when aid began, or is in the 未成年人 group
    cause: str | None
    aided_persons: int


def recognise(rules: RecognitionRules, facts: CaseFacts) -> list[str]:
    """The reasons this case is a candidate, one sentence each; empty when it is not."""
    reasons = []
    enabled = rules.enabled
    if Criterion.LIFE_OR_DEATH in enabled and facts.possible_life_or_death:
        reasons.append(Criterion.LIFE_OR_DEATH.value)
    if Criterion.MINOR_SERIOUS in enabled and facts.criminal and facts.minor:
        offence = next((o for o in rules.serious_offences if o in (facts.cause or "")), None)
        if offence or facts.possible_life_or_death:
            reasons.append(f"{Criterion.MINOR_SERIOUS.value}（{offence or '可能判处无期、死刑'}）")
    if Criterion.GROUP in enabled and facts.aided_persons >= rules.group_threshold:
        reasons.append(
            f"{Criterion.GROUP.value}（受援人或并案{facts.aided_persons}人，"
            f"标准{rules.group_threshold}人）"
        )
    return reasons


class EscalationState(StrEnum):
    CANDIDATE = "待确认"
    CONFIRMED = "已确认"
    DISCUSSED = "已讨论"
    REPORTED = "已上报"
    REPLIED = "已批复"
    DISMISSED = "已排除"
    # A finished case a ledger (or the demo data) marks 重大疑难: history as recorded there.
    RECORDED = "按台账记载"

    @property
    def is_open(self) -> bool:
        """Open escalations hold the case's closing until the reply (or a dismissal)."""
        return self not in (EscalationState.REPLIED, EscalationState.DISMISSED,
                            EscalationState.RECORDED)  # fmt: skip

    @property
    def is_major(self) -> bool:
        """What the statistics count as 重大疑难 (the case's mark follows this)."""
        return self not in (EscalationState.CANDIDATE, EscalationState.DISMISSED)


E = EscalationState
# Each step and the states it may start from. A further discussion may follow a report.
STEPS: dict[str, tuple[tuple[EscalationState, ...], EscalationState | None]] = {
    "确认": ((E.CANDIDATE,), E.CONFIRMED),
    "排除": ((E.CANDIDATE, E.CONFIRMED), E.DISMISSED),
    "集体讨论": ((E.CONFIRMED, E.DISCUSSED, E.REPORTED), None),
    "上报": ((E.DISCUSSED,), E.REPORTED),
    "批复": ((E.REPORTED,), E.REPLIED),
}


def allowed_steps(state: EscalationState | None) -> frozenset[str]:
    """The steps ``state`` allows (none for a case not in the register)."""
    if state is None:
        return frozenset()
    return frozenset(name for name, (starts, _) in STEPS.items() if state in starts)


def step(state: EscalationState, name: str) -> EscalationState:
    """The state after ``name``; a refused step says what has to come first."""
    allowed, after = STEPS[name]
    if state not in allowed:
        needed = "、".join(s.value for s in allowed)
        raise ConflictError(f"重大疑难案件当前为「{state.value}」，只有{needed}时才能{name}")
    if after is not None:
        return after
    # A discussion moves a confirmed case on; later ones leave the state as it is.
    return E.DISCUSSED if state is E.CONFIRMED else state


@dataclass(frozen=True)
class Meeting:
    """One collective discussion: who chaired, who took part, what was said and agreed."""

    chair: str
    participants: tuple[str, ...]
    opinions: str
    plan: str

    def check(self) -> None:
        for label, value in (("主持人", self.chair), ("讨论意见", self.opinions),
                             ("处理方案", self.plan)):  # fmt: skip
            if not value.strip():
                raise ValidationError(f"集体讨论须填写「{label}」", field=label)
        if len(self.participants) < 2:
            raise ValidationError("集体讨论至少要有两名参加人员", field="参加人员")


def split_names(text: str) -> tuple[str, ...]:
    """Participants typed as one line: separated by 、，, ; or spaces; duplicates dropped."""
    for mark in "，,;；\n\t":
        text = text.replace(mark, "、")
    return tuple(dict.fromkeys(n.strip() for n in text.replace(" ", "、").split("、") if n.strip()))


def names_text(names: Iterable[str]) -> str:
    return "、".join(names)
