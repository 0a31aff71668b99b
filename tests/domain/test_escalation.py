"""Which cases are 重大疑难 candidates, and the order of the steps that follow."""

from __future__ import annotations

import pytest

from legalaid.domain.errors import ConflictError, ValidationError
from legalaid.domain.escalation import (
    AUTOMATIC,
    CaseFacts,
    Criterion,
    EscalationState,
    Meeting,
    RecognitionRules,
    allowed_steps,
    recognise,
    split_names,
    step,
)

PLAIN = CaseFacts(criminal=True, possible_life_or_death=False, minor=False, cause="盗窃",
                  aided_persons=1)  # fmt: skip
RULES = RecognitionRules()


def facts(**changes: object) -> CaseFacts:
    from dataclasses import replace

    return replace(PLAIN, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "rules", "reasons"),
    [
        (PLAIN, RULES, []),
        (facts(possible_life_or_death=True), RULES, ["可能判处无期徒刑、死刑"]),
        (facts(minor=True), RULES, []),  # a minor, but theft is not among the serious offences
        (facts(minor=True, cause="故意伤害（致人重伤）"), RULES,
         ["未成年犯罪嫌疑人涉嫌严重犯罪（故意伤害）"]),
        (facts(minor=True, cause="故意伤害", criminal=False), RULES, []),  # civil: no suspect
        (facts(minor=True, possible_life_or_death=True), RULES,
         ["可能判处无期徒刑、死刑", "未成年犯罪嫌疑人涉嫌严重犯罪（可能判处无期、死刑）"]),
        (facts(aided_persons=9), RULES, []),
        (facts(aided_persons=10, criminal=False), RULES,
         ["群体性案件（受援人或并案10人，标准10人）"]),
        (facts(aided_persons=5), RecognitionRules(group_threshold=5),
         ["群体性案件（受援人或并案5人，标准5人）"]),
        (facts(possible_life_or_death=True, aided_persons=30),
         RecognitionRules(enabled=frozenset({Criterion.GROUP})),
         ["群体性案件（受援人或并案30人，标准10人）"]),
        (facts(minor=True, cause="走私"), RecognitionRules(serious_offences=("走私",)),
         ["未成年犯罪嫌疑人涉嫌严重犯罪（走私）"]),
    ],
)  # fmt: skip
def test_recognition(case: CaseFacts, rules: RecognitionRules, reasons: list[str]) -> None:
    assert recognise(rules, case) == reasons


def test_rules_round_trip_and_checks() -> None:
    rules = RecognitionRules(enabled=frozenset(AUTOMATIC[:2]), group_threshold=20)
    assert RecognitionRules.from_json(rules.to_json()) == rules
    with pytest.raises(ValidationError) as info:
        RecognitionRules(group_threshold=1).check()
    assert info.value.field == "群体性案件人数"
    with pytest.raises(ValidationError):
        RecognitionRules(serious_offences=()).check()


E = EscalationState


@pytest.mark.parametrize(
    ("state", "name", "after"),
    [
        (E.CANDIDATE, "确认", E.CONFIRMED),
        (E.CANDIDATE, "排除", E.DISMISSED),
        (E.CONFIRMED, "排除", E.DISMISSED),
        (E.CONFIRMED, "集体讨论", E.DISCUSSED),
        (E.DISCUSSED, "集体讨论", E.DISCUSSED),
        (E.REPORTED, "集体讨论", E.REPORTED),
        (E.DISCUSSED, "上报", E.REPORTED),
        (E.REPORTED, "批复", E.REPLIED),
    ],
)
def test_allowed_steps(state: EscalationState, name: str, after: EscalationState) -> None:
    assert step(state, name) is after


@pytest.mark.parametrize(
    ("state", "name"),
    [
        (E.CANDIDATE, "集体讨论"),  # confirm first
        (E.CONFIRMED, "上报"),  # discuss first
        (E.DISCUSSED, "批复"),
        (E.REPLIED, "集体讨论"),
        (E.DISMISSED, "确认"),
        (E.REPORTED, "排除"),
    ],
)
def test_refused_steps_say_what_comes_first(state: EscalationState, name: str) -> None:
    with pytest.raises(ConflictError) as info:
        step(state, name)
    assert state.value in info.value.message and name in info.value.message


def test_only_replied_dismissed_or_recorded_history_are_closed() -> None:
    assert [s for s in E if not s.is_open] == [E.REPLIED, E.DISMISSED, E.RECORDED]
    # What statistics count as 重大疑难: every state but a candidate and a dismissal.
    assert [s for s in E if not s.is_major] == [E.CANDIDATE, E.DISMISSED]


def test_a_meeting_needs_chair_opinions_plan_and_two_people() -> None:
    good = Meeting("刘主任", ("刘主任", "王律师"), "意见一致", "申请证人出庭")
    good.check()
    for bad, field in [
        (Meeting(" ", good.participants, good.opinions, good.plan), "主持人"),
        (Meeting(good.chair, ("刘主任",), good.opinions, good.plan), "参加人员"),
        (Meeting(good.chair, good.participants, "", good.plan), "讨论意见"),
        (Meeting(good.chair, good.participants, good.opinions, ""), "处理方案"),
    ]:
        with pytest.raises(ValidationError) as info:
            bad.check()
        assert info.value.field == field


def test_participants_typed_on_one_line() -> None:
    assert split_names("刘主任、王律师，李四; 张三 王律师") == ("刘主任", "王律师", "李四", "张三")


def test_the_steps_each_state_allows_are_the_ones_step_takes() -> None:
    S = EscalationState
    assert allowed_steps(None) == set()
    assert allowed_steps(S.CANDIDATE) == {"确认", "排除"}
    assert allowed_steps(S.CONFIRMED) == {"排除", "集体讨论"}
    assert allowed_steps(S.DISCUSSED) == {"集体讨论", "上报"}
    assert allowed_steps(S.REPORTED) == {"集体讨论", "批复"}
    assert allowed_steps(S.REPLIED) == allowed_steps(S.DISMISSED) == set()
    for state in S:  # offered means taken; not offered means refused
        for name in ("确认", "排除", "集体讨论", "上报", "批复"):
            if name in allowed_steps(state):
                step(state, name)
            else:
                with pytest.raises(ConflictError):
                    step(state, name)
