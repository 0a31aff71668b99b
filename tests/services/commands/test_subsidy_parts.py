"""A change of handler: each handler is paid for their own part (a share or the stages each
did), two payment lines, one case; the closing's hearing and enforcement result and the cases
joined feed the tables that pay by them."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.closing_file import Enforcement, Hearing, Outcome
from legalaid.domain.errors import ConflictError, ValidationError
from legalaid.domain.subsidy import DEFAULT_STANDARD, BaseRule, HandlerPart
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType, Stage
from legalaid.services.commands import assignment, closing, escalations, intake, payments, subsidies
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler, set_bank_accounts
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from legalaid.services.queries.statistics import year_statistics
from tests.services.closing_files import full_file

pytestmark = pytest.mark.usefixtures("poppler")
PERIOD = {"period_from": date(2026, 10, 1), "period_to": date(2026, 10, 31)}


def _case(ctx: Context, name: str, *, stage: Stage = Stage.FIRST_INSTANCE,
          handlers: int = 1) -> tuple[int, list[int]]:  # fmt: skip
    """A civil case handled in turn by ``handlers`` lawyers, its closing file submitted."""
    people = [
        add_handler(ctx, name=f"{name}律师{n}", handler_type=HandlerType.LAWYER).id
        for n in range(handlers)
    ]
    ref = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL, stage=stage,
        received_on=date(2026, 3, 2), hardship_basis="诚信承诺", person=PersonInput(name=name),
    ))  # fmt: skip
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2026, 3, 2))
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=people[0], on=date(2026, 3, 3))
    assignment.start_handling(ctx, case_id=ref.id)
    for n, person in enumerate(people[1:], start=1):
        assignment.assign_handler(ctx, case_id=ref.id, handler_id=person,
                                  on=date(2026, 5, n), reason="原承办律师调离")  # fmt: skip
    return ref.id, people


def _close(ctx: Context, case_id: int, **closing_facts: object) -> None:
    file = full_file(ctx, case_id)
    file.update(closing_facts)
    closing.submit_closing(ctx, case_id=case_id, ended_on=date(2026, 10, 1), **file)
    closing.approve_closing(ctx, case_id=case_id, on=date(2026, 10, 20))


def test_a_reassigned_case_is_paid_to_each_handler_in_one_batch(
    offices: Context, tmp_path: Path
) -> None:
    ctx = offices
    case_id, (first, second) = _case(ctx, "赵六", handlers=2)
    _close(ctx, case_id)
    proposed = subsidies.case_subsidy(ctx, case_id=case_id)
    assert proposed.computed == Decimal("2500.00")  # 示例标准, civil first instance
    assert [(p.handler, p.basis, p.amount) for p in proposed.parts] == [
        ("赵六律师0", "未确定", None),
        ("赵六律师1", "未确定", None),
    ]
    # Nobody is paid a part a clerk has not decided.
    with pytest.raises(ConflictError, match="更换过承办人（赵六律师0、赵六律师1）"):
        subsidies.review_subsidy(ctx, case_id=case_id)
    for parts, message in (
        ([HandlerPart(first, Decimal("0.4"))], "请确定赵六律师1的份额"),
        ([HandlerPart(first, Decimal("0.4")), HandlerPart(second, Decimal("0.5"))],
         "份额合计应为100%，现为90%"),
        ([HandlerPart(first, Decimal("0.4")), HandlerPart(second, stages=1)],
         "全部按比例或全部按阶段"),
    ):  # fmt: skip
        with pytest.raises(ValidationError, match=message):
            subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1,
                                        days={}, parts=parts)  # fmt: skip
    # By the stages each did: one of three, two of three.
    subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1,
                                days={}, parts=[HandlerPart(first, stages=1),
                                                HandlerPart(second, stages=2)])  # fmt: skip
    parts = subsidies.case_subsidy(ctx, case_id=case_id).parts
    assert [(p.basis, p.amount) for p in parts] == [
        ("1个阶段", Decimal("833.33")),
        ("2个阶段", Decimal("1666.67")),
    ]  # the parts add up to the fen
    # Then by shares, recorded instead.
    subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1,
                                days={}, parts=[HandlerPart(first, Decimal("0.4")),
                                                HandlerPart(second, Decimal("0.6"))])  # fmt: skip
    subsidies.review_subsidy(ctx, case_id=case_id)
    set_bank_accounts(ctx, handler_id=second, own=("中国银行株洲分行", "6216610012345678"))

    batch = payments.create_batch(ctx, **PERIOD)
    assert [(x.case_id, x.handler, x.part, x.amount, x.payee) for x in batch.lines] == [
        (case_id, "赵六律师0", "40%", Decimal("1000.00"), "赵六律师0"),
        (case_id, "赵六律师1", "60%", Decimal("1500.00"), "赵六律师1"),
    ]
    assert batch.case_count == 1 and batch.total == Decimal("2500.00")
    totals = payments.totals(batch.lines)["handler"]
    assert totals == {"赵六律师0": Decimal("1000.00"), "赵六律师1": Decimal("1500.00")}
    pdf = tmp_path / "batch.pdf"
    payments.write_batch(ctx, batch_id=batch.id, out=pdf)
    flat = "".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())  # fmt: skip
    assert "本批共1件案件" in flat
    assert "赵六律师0（40%）" in flat and "赵六律师1（60%）" in flat
    assert "中国银行株洲分行6216610012345678" in flat
    # Paid once, in full: the case's 办案补贴 is the whole amount.
    assert payments.pay_batch(ctx, batch_id=batch.id) == Decimal("2500.00")
    assert get_case(ctx, case_id).subsidy_paid == Decimal("2500.00")
    with pytest.raises(ConflictError, match="计算依据不能再修改"):
        subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1,
                                    days={}, parts=[HandlerPart(first, Decimal(1)),
                                                    HandlerPart(second, Decimal(0))])  # fmt: skip


def test_one_handler_needs_no_parts(offices: Context) -> None:
    case_id, (only,) = _case(offices, "钱七")
    with pytest.raises(ValidationError, match="没有更换过承办人"):
        subsidies.set_subsidy_basis(offices, case_id=case_id, region_tier=None, aided_persons=1,
                                    days={}, parts=[HandlerPart(only, Decimal(1))])  # fmt: skip
    assert subsidies.case_subsidy(offices, case_id=case_id).parts == ()


def test_hearing_enforcement_and_joined_cases_come_from_where_they_are_recorded(
    offices: Context,
) -> None:
    """庭前撤诉 and full enforcement are recorded at closing and paid by the table; the cases
    joined are recorded once in the subsidy basis."""
    ctx = offices
    civil = tuple(r for r in DEFAULT_STANDARD.base if r.case_type is CaseType.CIVIL)
    subsidies.add_standard(ctx, replace(
        DEFAULT_STANDARD, name="按结果计算的标准", effective_from=date(2026, 1, 1),
        base=(
            BaseRule(CaseType.CIVIL, Decimal(600), outcomes=frozenset({Outcome.WITHDRAWAL}),
                     hearings=frozenset({Hearing.NO_HEARING}), clause="第三条"),
            BaseRule(CaseType.CIVIL, Decimal(1000), frozenset({Stage.ENFORCEMENT}),
                     no_stage=False, enforcement=frozenset({Enforcement.FULL})),
            BaseRule(CaseType.CIVIL, Decimal(0), frozenset({Stage.ENFORCEMENT}), no_stage=False),
            *civil[1:],  # the rest of the civil rows, then every other type
            *(r for r in DEFAULT_STANDARD.base if r.case_type is not CaseType.CIVIL),
        ),
        extra_case_add_on=Decimal(200), clauses={"extra_case": "第四条"},
    ))  # fmt: skip
    withdrawn, _ = _case(ctx, "孙八")
    assert subsidies.case_subsidy(ctx, case_id=withdrawn).computed == Decimal("2500.00")
    _close(ctx, withdrawn, outcome=Outcome.WITHDRAWAL, hearing=Hearing.NO_HEARING)
    result = subsidies.case_subsidy(ctx, case_id=withdrawn)
    assert result.computed == Decimal("600.00")
    assert result.lines[0].rule == "基本补贴（民事诉讼代理·一审·撤诉·未开庭审理）"
    assert result.lines[0].source.endswith("第三条")

    enforced, _ = _case(ctx, "周九", stage=Stage.ENFORCEMENT)
    partly, _ = _case(ctx, "吴十", stage=Stage.ENFORCEMENT)
    _close(ctx, enforced, enforcement=Enforcement.FULL)
    _close(ctx, partly, enforcement=Enforcement.PARTIAL)
    assert subsidies.case_subsidy(ctx, case_id=enforced).computed == Decimal("1000.00")
    assert subsidies.case_subsidy(ctx, case_id=partly).computed == Decimal("0.00")

    with pytest.raises(ValidationError, match="同案件数」至少为1"):
        subsidies.set_subsidy_basis(ctx, case_id=enforced, region_tier=None, aided_persons=1,
                                    days={}, joined_cases=0)  # fmt: skip
    joined = subsidies.set_subsidy_basis(ctx, case_id=enforced, region_tier=None,
                                         aided_persons=1, days={}, joined_cases=3)  # fmt: skip
    assert joined.computed == Decimal("1400.00")
    assert (joined.lines[-1].rule, joined.lines[-1].source) == (
        "同案增加件数（2件）",
        f"{DEFAULT_STANDARD.authority} 第四条",
    )
    assert subsidies.subsidy_basis(ctx, case_id=enforced).joined_cases == 3
    # The year's figures count what each case's subsidy tab shows (not the plain 2500s).
    shown = sum(subsidies.case_subsidy(ctx, case_id=c).computed
                for c in (withdrawn, enforced, partly))  # fmt: skip
    assert shown == Decimal("2000.00")
    assert year_statistics(ctx, year=2026).subsidy_total == shown


def test_a_possible_life_sentence_takes_its_own_base(offices: Context) -> None:
    """A table with a higher trial base where a life sentence or the death penalty is
    possible: the case registered so is paid by it, in its tab and in the year's figure."""
    from legalaid.services.commands.offices import list_handlers
    from tests.services.commands.test_escalations import in_progress, notified

    ctx = offices
    subsidies.add_standard(ctx, replace(
        DEFAULT_STANDARD, name="死刑案件标准", effective_from=date(2026, 1, 1),
        base=(BaseRule(CaseType.CRIMINAL_DEFENCE, Decimal(6000), frozenset({Stage.TRIAL}),
                       life_or_death=True, clause="第二条"), *DEFAULT_STANDARD.base),
    ))  # fmt: skip
    grave, plain = notified(ctx), notified(ctx, possible_life_or_death=False, cause="盗窃")
    in_progress(ctx, grave)
    lawyer = next(h for h in list_handlers(ctx) if h.name == "曾杰红")
    assignment.assign_handler(ctx, case_id=plain, handler_id=lawyer.id, on=date(2026, 9, 2))
    assignment.start_handling(ctx, case_id=plain)
    assert subsidies.case_subsidy(ctx, case_id=grave).computed == Decimal("6000.00")
    assert subsidies.case_subsidy(ctx, case_id=plain).computed == Decimal("3000.00")
    # Not confirmed as a major case after discussion (it may then close).
    escalations.decide(ctx, case_id=grave, confirm=False, note="事实清楚，不属重大疑难")
    for case_id in (grave, plain):
        _close(ctx, case_id)
    assert year_statistics(ctx, year=2026).subsidy_total == Decimal("9000.00")


def test_a_batch_for_one_handler_takes_a_shared_case_whole(offices: Context) -> None:
    """Filtering the candidates by the earlier handler finds the case (not only by the one
    who closed it), and the case comes with both parts: it is paid once, as a whole."""
    ctx = offices
    case_id, (first, second) = _case(ctx, "冯三", handlers=2)
    other, _ = _case(ctx, "陈四")
    for closing_case in (case_id, other):
        _close(ctx, closing_case)
    subsidies.set_subsidy_basis(ctx, case_id=case_id, region_tier=None, aided_persons=1,
                                days={}, parts=[HandlerPart(first, Decimal("0.5")),
                                                HandlerPart(second, Decimal("0.5"))])  # fmt: skip
    for reviewed in (case_id, other):
        subsidies.review_subsidy(ctx, case_id=reviewed)
    for handler in (first, second):
        found = payments.candidates(ctx, **PERIOD, handler_id=handler)
        assert [(x.case_id, x.handler_id) for x in found] == [(case_id, first), (case_id, second)]
    batch = payments.create_batch(ctx, **PERIOD, handler_id=first)
    assert {x.case_id for x in batch.lines} == {case_id}
    assert [x.case_id for x in payments.candidates(ctx, **PERIOD)] == [other]
