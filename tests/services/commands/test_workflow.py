"""The intake → review → assignment → closing path through the services."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from legalaid.domain.deadlines import DeadlineKind
from legalaid.domain.errors import DuplicateCase, InvalidTransition, PersonChanged, ValidationError
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseState,
    CaseType,
    HandlerType,
    Stage,
    TerminationReason,
)
from legalaid.services.commands import assignment, closing, intake
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler, list_handlers
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import count_cases, get_case, open_deadlines
from tests.services.closing_files import full_file


def application(**changes: object) -> CaseInput:
    values: dict[str, object] = dict(
        office_code="ZZ",
        source=CaseSource.APPLICATION,
        case_type=CaseType.CIVIL,
        stage=Stage.FIRST_INSTANCE,
        cause="劳动报酬纠纷",
        received_on=date(2025, 3, 3),
        person=PersonInput(name="袁英燕", id_number="430225197808134424", phone="13236344021"),
        groups=("妇女", "农民工"),
        hardship_basis="经济困难状况说明表及个人诚信承诺",
    )
    values.update(changes)
    return CaseInput(**values)  # type: ignore[arg-type]


def test_application_path_to_archive(offices: Context) -> None:
    ctx = offices
    lawyer = add_handler(
        ctx,
        name="林宇浩",
        handler_type=HandlerType.LAWYER,
        firm_name="湖南天元律师事务所",
        criminal_years=5,
    )
    ref = intake.register(ctx, application())
    assert ref.case_no == "株法援〔2025〕第1号"
    assert ref.state is CaseState.REGISTERED
    # The same person, date and kind of case again: refused until confirmed as another matter.
    with pytest.raises(DuplicateCase) as repeat:
        intake.register(ctx, application())
    assert repeat.value.existing == "株法援〔2025〕第1号"
    assert intake.register(ctx, application(allow_duplicate=True)).case_no == "株法援〔2025〕第2号"
    # Another date is another application, not a repeat.
    assert intake.register(ctx, application(received_on=date(2025, 3, 4))).case_no.endswith("第3号")
    # The person on file (by ID) is never renamed or given another phone without asking.
    renamed = application(
        received_on=date(2025, 3, 5),
        person=PersonInput(name="袁英艳", id_number="430225197808134424", phone="13236344022"),
    )
    with pytest.raises(PersonChanged) as changed:
        intake.register(ctx, renamed)
    assert changed.value.changes == [
        "姓名「袁英燕」→「袁英艳」",
        "联系电话「13236344021」→「13236344022」",
    ]
    assert count_cases(ctx) == 3
    updated = intake.register(ctx, replace(renamed, update_person=True))
    assert get_case(ctx, updated.id).row.name == "袁英艳"
    assert get_case(ctx, ref.id).row.name == "袁英艳"  # one person, one name

    intake.request_materials(
        ctx, case_id=ref.id, missing=["劳动合同", "工资流水"], on=date(2025, 3, 4)
    )
    # While materials are awaited there is no running review deadline.
    assert all(d.case_id != ref.id for d in open_deadlines(ctx))
    intake.receive_materials(ctx, case_id=ref.id, on=date(2025, 3, 14))
    detail = get_case(ctx, ref.id)
    assert detail.deadline is not None and detail.deadline.kind is DeadlineKind.REVIEW
    # 7 日 from 3 March, moved by the 10 paused days → due Thursday 20 March.
    assert detail.deadline.due == date(2025, 3, 20)

    intake.decide(ctx, case_id=ref.id, grant=True, reason="符合经济困难标准", on=date(2025, 3, 17))
    result = assignment.assign_handler(
        ctx, case_id=ref.id, handler_id=lawyer.id, on=date(2025, 3, 18)
    )
    assert result.case.state is CaseState.ASSIGNED and result.warnings == ()
    assert list_handlers(ctx)[0].open_cases == 1
    assignment.start_handling(ctx, case_id=ref.id, on=date(2025, 3, 20))
    closing.submit_closing(ctx, case_id=ref.id, ended_on=date(2025, 6, 1), **full_file(ctx, ref.id))
    closing.approve_closing(ctx, case_id=ref.id, on=date(2025, 6, 20))
    final = closing.archive(ctx, case_id=ref.id)
    assert final.state is CaseState.ARCHIVED

    detail = get_case(ctx, ref.id)
    assert detail.row.id_number == "4302**********4424"  # masked by default
    assert get_case(ctx, ref.id, full_id=True).row.id_number == "430225197808134424"
    assert detail.row.accepted_on == date(2025, 3, 17)
    assert detail.closed_on == date(2025, 6, 20)
    actions = [e.action for e in detail.timeline]
    assert actions == [
        "登记",
        "通知补正",
        "材料补齐",
        "给予援助",
        "指派",
        "签订委托协议",
        "提交结案材料",
        "结案",
        "补贴待审核",
        "归档",
    ]
    assert all(e.actor == "测试员" for e in detail.timeline)


def test_notification_with_possible_death_penalty_refuses_unqualified_handler(
    offices: Context,
) -> None:
    ctx = offices
    junior = add_handler(
        ctx,
        name="周洋勇",
        handler_type=HandlerType.LAWYER,
        firm_name="株洲神农律师事务所",
        criminal_years=2,
    )
    worker = add_handler(
        ctx,
        name="闫春明",
        handler_type=HandlerType.LEGAL_SERVICE_WORKER,
        firm_name="攸县法律服务所",
        criminal_years=10,
    )
    senior = add_handler(
        ctx,
        name="曾杰红",
        handler_type=HandlerType.LAWYER,
        firm_name="湖南炎帝律师事务所",
        criminal_years=8,
    )
    ref = intake.register(
        ctx,
        application(
            source=CaseSource.COURT_NOTICE,
            case_type=CaseType.CRIMINAL_DEFENCE,
            stage=Stage.TRIAL,
            cause="故意杀人罪",
            notifying_organ="株洲市中级人民法院",
            hardship_basis=None,
            possible_life_or_death=True,
            person=PersonInput(name="白杰", id_number="430211201303275898"),  # a minor
        ),
    )
    assert ref.state is CaseState.NOTIFIED  # no review
    with pytest.raises(ValidationError) as info:
        assignment.assign_handler(ctx, case_id=ref.id, handler_id=junior.id)
    assert "三年以上刑事辩护执业经历" in info.value.message and "2年" in info.value.message
    with pytest.raises(ValidationError) as info:
        assignment.assign_handler(ctx, case_id=ref.id, handler_id=worker.id)
    assert "应指派律师" in info.value.message
    assert get_case(ctx, ref.id).row.state is CaseState.NOTIFIED  # nothing changed
    # A minor: the senior lawyer lacks minors expertise, so only with a written reason (应当).
    with pytest.raises(ValidationError) as info:
        assignment.assign_handler(ctx, case_id=ref.id, handler_id=senior.id)
    assert info.value.field == "未成年人专长说明"
    result = assignment.assign_handler(
        ctx, case_id=ref.id, handler_id=senior.id, minors_reason="本县无熟悉未成年人特点的律师"
    )
    assert result.case.state is CaseState.ASSIGNED


def test_reassignment_needs_a_reason_and_keeps_history(offices: Context) -> None:
    ctx = offices
    a = add_handler(ctx, name="谭飞军", handler_type=HandlerType.LAWYER)
    b = add_handler(ctx, name="张刚燕", handler_type=HandlerType.LAWYER)
    ref = intake.register(ctx, application())
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2025, 3, 5))
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=a.id, on=date(2025, 3, 6))
    with pytest.raises(ValidationError) as info:
        assignment.assign_handler(ctx, case_id=ref.id, handler_id=b.id, on=date(2025, 3, 9))
    assert "原因" in info.value.message
    assignment.assign_handler(
        ctx, case_id=ref.id, handler_id=b.id, on=date(2025, 3, 9), reason="受援人申请更换"
    )
    detail = get_case(ctx, ref.id)
    assert detail.row.handler == "张刚燕"
    assert [(h.handler, h.ended_on) for h in detail.handlers] == [
        ("谭飞军", date(2025, 3, 9)),
        ("张刚燕", None),
    ]
    assert detail.row.state is CaseState.ASSIGNED


def test_rejection_needs_reasons_and_objection_can_grant(offices: Context) -> None:
    ctx = offices
    ref = intake.register(ctx, application())
    intake.start_review(ctx, case_id=ref.id)
    with pytest.raises(ValidationError):
        intake.decide(ctx, case_id=ref.id, grant=False, reason="  ")
    intake.decide(ctx, case_id=ref.id, grant=False, reason="不符合经济困难标准")
    intake.file_objection(ctx, case_id=ref.id, ground="家庭收入计算有误")
    granted = intake.decide_objection(ctx, case_id=ref.id, upheld=True, note="司法局责令改正")
    assert granted.state is CaseState.APPROVED


def test_transition_the_law_does_not_allow(offices: Context) -> None:
    ctx = offices
    ref = intake.register(ctx, application())
    with pytest.raises(InvalidTransition) as info:
        closing.approve_closing(ctx, case_id=ref.id)
    assert "申请登记" in info.value.message and "已结案" in info.value.message
    assert get_case(ctx, ref.id).row.state is CaseState.REGISTERED


def test_termination(offices: Context) -> None:
    ctx = offices
    h = add_handler(ctx, name="邓然玉", handler_type=HandlerType.LAWYER)
    ref = intake.register(ctx, application())
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2025, 3, 4))
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=h.id, on=date(2025, 3, 5))
    assignment.start_handling(ctx, case_id=ref.id)
    t = closing.terminate(
        ctx, case_id=ref.id, reason=TerminationReason.OWN_LAWYER, on=date(2025, 4, 1)
    )
    assert t.state is CaseState.TERMINATED
    ended, proposed = get_case(ctx, ref.id).timeline[-2:]
    assert ended.detail["理由"] == TerminationReason.OWN_LAWYER.value
    # The handler's partial subsidy is proposed with the termination (50% by 示例标准).
    assert proposed.action == "补贴待审核" and proposed.detail["金额"] == "1250.00"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"person": PersonInput(name="张三", id_number="430225197808134425")}, "身份证号"),
        ({"person": PersonInput(name=" ")}, "受援人姓名"),
        ({"person": PersonInput(name="张三", phone="123")}, "联系电话"),
        ({"office_code": "XX"}, "机构"),
        ({"hardship_basis": ""}, "经济困难依据"),
        ({"received_on": date(2027, 1, 1)}, "收到日期"),
        ({"source": CaseSource.POLICE_NOTICE, "notifying_organ": None}, "通知机关"),
    ],
)
def test_bad_intake_names_the_field_and_writes_nothing(
    offices: Context, changes: dict[str, object], field: str
) -> None:
    from legalaid.services.queries.cases import count_cases

    with pytest.raises(ValidationError) as info:
        intake.register(offices, application(**changes))
    assert info.value.field == field
    assert count_cases(offices) == 0


def test_returning_person_is_recognised(offices: Context) -> None:
    from legalaid.services.queries.cases import people_with_id

    intake.register(offices, application())
    intake.register(offices, application(received_on=date(2025, 9, 1)))
    earlier = people_with_id(offices, "430225197808134424")
    assert len(earlier) == 2
    with offices.reading() as uow:
        from legalaid.storage.records import PersonRecord

        assert uow.session.query(PersonRecord).count() == 1


def test_running_deadline_is_stored_for_lists_and_follows_the_rules(offices: Context) -> None:
    from legalaid.domain.workdays import CountRule
    from legalaid.services.commands.settings import set_deadline_rule
    from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases

    ctx = offices
    ref = intake.register(ctx, application(received_on=date(2025, 3, 3)))
    row = find_cases(ctx)[0]
    assert (row.due_on, row.deadline_kind) == (date(2025, 3, 10), DeadlineKind.REVIEW.value)
    later = intake.register(ctx, application(received_on=date(2026, 11, 19)))
    # Overdue on 20 November 2026: only the March 2025 application.
    overdue = find_cases(ctx, CaseFilter(overdue_on=date(2026, 11, 20)))
    assert [r.id for r in overdue] == [ref.id]
    by_due = find_cases(ctx, order="due_on", descending=False)
    assert [r.id for r in by_due] == [ref.id, later.id]
    # An office switching the review count to working days moves every open deadline.
    set_deadline_rule(ctx, kind=DeadlineKind.REVIEW, days=7, count=CountRule.WORKING_DAYS)
    assert find_cases(ctx, CaseFilter(query="袁英燕"), order="due_on", descending=False)[
        0
    ].due_on == date(2025, 3, 12)
    intake.request_materials(ctx, case_id=ref.id, missing=["身份证复印件"])
    assert count_cases(ctx, CaseFilter(overdue_on=date(2026, 11, 20))) == 0  # clock paused
    assert [d.case_id for d in open_deadlines(ctx)] == [later.id]
