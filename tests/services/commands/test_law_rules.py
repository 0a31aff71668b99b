"""Deadline rules as the Law writes them (日 = calendar days), on both databases: what an
office changed is kept, what it never touched follows the Law, and an upgrade from the
working-day release recounts only the cases whose default changed."""

from __future__ import annotations

import json
from datetime import date

import pytest
from alembic import command
from sqlalchemy import text

from legalaid.domain.deadlines import LAW_RULES, DeadlineKind, DeadlineRule
from legalaid.domain.workdays import CountRule
from legalaid.services.commands import intake
from legalaid.services.commands.settings import current_deadline_rules, set_deadline_rules
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import find_cases
from legalaid.storage.database import Database, alembic_config
from tests.services.commands.test_workflow import application

C, W = CountRule.CALENDAR_DAYS, CountRule.WORKING_DAYS
# Every rule, as the working-day release stored them at `init`.
OLD_STORED = {
    "REVIEW": {"days": 7, "count": "WORKING_DAYS"},
    "ASSIGNMENT": {"days": 3, "count": "WORKING_DAYS"},
    "ENGAGEMENT": {"days": 5, "count": "WORKING_DAYS"},
    "CLOSING_FILE": {"days": 30, "count": "CALENDAR_DAYS"},
    "CLOSING_REVIEW": {"days": 30, "count": "CALENDAR_DAYS"},
    "ESCALATION_REPORT": {"days": 3, "count": "WORKING_DAYS"},
}


def stored_rules(db: Database) -> dict[str, object]:
    with db.engine.connect() as connection:
        value = connection.execute(
            text("SELECT value FROM settings WHERE key = 'deadline_rules'")
        ).scalar()
    return dict(json.loads(value))


def test_a_new_database_follows_the_law_and_stores_only_changes(
    offices: Context, db: Database
) -> None:
    assert current_deadline_rules(offices) == dict(LAW_RULES)
    assert stored_rules(db) == {}
    ref = intake.register(offices, application(received_on=date(2025, 3, 3)))
    assert find_cases(offices)[0].due_on == date(2025, 3, 10)  # 7 日 from Monday 3 March

    changed = set_deadline_rules(offices, {DeadlineKind.REVIEW: DeadlineRule(7, W)})
    assert changed == 1
    assert stored_rules(db) == {"REVIEW": {"days": 7, "count": "WORKING_DAYS"}}
    assert find_cases(offices)[0].due_on == date(2025, 3, 12)
    # Back to the Law's rule: nothing of the office's own is left stored.
    set_deadline_rules(offices, {DeadlineKind.REVIEW: DeadlineRule(7, C)})
    assert stored_rules(db) == {}
    assert [r.id for r in find_cases(offices)] == [ref.id]
    assert find_cases(offices)[0].due_on == date(2025, 3, 10)


def make_old_release(db: Database, stored: dict[str, object], due: date) -> None:
    """The database as the working-day release left it: schema 0009, every rule stored, the
    open case's review due date counted in working days."""
    with db.engine.begin() as connection:
        config = alembic_config(db.url)
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
        connection.execute(
            text("UPDATE settings SET value = :v WHERE key = 'deadline_rules'"),
            {"v": json.dumps(stored)},
        )
        connection.execute(text("UPDATE cases SET due_on = :d"), {"d": due})


@pytest.mark.parametrize(
    ("edited", "old_due", "new_due", "kept"),
    [
        # Never edited: the Law's 7 日 now apply; the case is recounted 12 → 10 March.
        ({}, date(2025, 3, 12), date(2025, 3, 10), {}),
        # The office's own 10 working days are kept; the case is not recounted.
        (
            {"REVIEW": {"days": 10, "count": "WORKING_DAYS"}},
            date(2025, 3, 17),
            date(2025, 3, 17),
            {"REVIEW": {"days": 10, "count": "WORKING_DAYS"}},
        ),
    ],
)
def test_upgrade_recounts_only_where_the_default_changed(
    offices: Context,
    db: Database,
    edited: dict[str, object],
    old_due: date,
    new_due: date,
    kept: dict[str, object],
) -> None:
    intake.register(offices, application(received_on=date(2025, 3, 3)))
    make_old_release(db, {**OLD_STORED, **edited}, old_due)
    assert db.current_revision() == "0009"

    initialise(db)  # what the desktop and `legalaid init` do with an older database

    assert db.current_revision() == db.head_revision()
    assert stored_rules(db) == kept
    assert find_cases(offices)[0].due_on == new_due


def test_deadlines_json_for_the_laws_example(offices: Context) -> None:
    from legalaid.domain.deadlines import deadline_json
    from legalaid.services.queries.cases import open_deadlines

    intake.register(offices, application(received_on=date(2026, 9, 28)))
    (row,) = open_deadlines(offices)
    assert deadline_json(row.case_no, row.office, row.deadline, date(2026, 10, 5)) == {
        "case_no": row.case_no,
        "office": "ZZ",
        "kind": "审查",
        "start": "2026-09-28",
        "due": "2026-10-08",  # 7 日 end on 5 October, in the National Day holiday
        "rule": "7日",
        "remaining_days": 3,
        "overdue": False,
        "estimated": False,
    }


def test_entering_a_notice_recounts_estimated_due_dates(offices: Context) -> None:
    from dataclasses import replace

    from legalaid.domain.holidays import parse_notice
    from legalaid.services.commands.holidays import enter_notice, year_calendar
    from legalaid.services.queries.cases import open_deadlines

    in_2027 = replace(offices, today=lambda: date(2027, 2, 5))
    intake.register(in_2027, application(received_on=date(2027, 2, 5)))
    (row,) = open_deadlines(in_2027)
    assert (row.deadline.due, row.deadline.estimated) == (date(2027, 2, 12), True)
    assert year_calendar(in_2027, 2027).source == "无（仅按周末估算）"

    notice = parse_notice(
        [
            {"日期": "2027-02-12", "类型": "休息", "名称": "春节"},
            {"日期": "2027-02-14", "类型": "上班", "名称": "春节"},
        ]
    )
    entered = enter_notice(in_2027, notice)
    assert (entered.years, entered.days, entered.recounted) == ((2027,), 2, 1)
    (row,) = open_deadlines(in_2027)
    assert (row.deadline.due, row.deadline.estimated) == (date(2027, 2, 14), False)
    assert find_cases(in_2027)[0].due_on == date(2027, 2, 14)  # the stored date moved too
    shown = year_calendar(in_2027, 2027)
    assert shown.source == "录入的通知" and [d.kind for d in shown.days] == ["休息", "上班"]
    # Entering the year again replaces it; a new context reads it from the database.
    enter_notice(in_2027, notice[:1])
    fresh = Context(db=offices.db, today=lambda: date(2027, 2, 5))
    assert [d.day for d in year_calendar(fresh, 2027).days] == [date(2027, 2, 12)]
    assert fresh.calendar.is_workday(date(2027, 2, 14)) is False  # a Sunday again


def test_the_packaged_year_is_shown_with_chinese_names(offices: Context) -> None:
    from legalaid.services.commands.holidays import year_calendar

    shown = year_calendar(offices, 2026)
    assert shown.source == "内置数据"
    national = [d for d in shown.days if d.name == "国庆节"]
    assert national and all(d.day.month in (9, 10) for d in national)


def test_the_agreement_clock_stops_with_a_reason_and_the_lawyer_records_the_signing(
    offices: Context,
) -> None:
    from legalaid.domain.errors import PermissionDenied, ValidationError
    from legalaid.domain.permissions import Role
    from legalaid.domain.vocabulary import CaseState, HandlerType
    from legalaid.services.commands import assignment
    from legalaid.services.commands.offices import add_handler
    from legalaid.services.plumbing.context import Principal
    from legalaid.services.queries.cases import get_case, open_deadlines

    lin = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER,
                      firm_name="湖南天元律师事务所", criminal_years=5)  # fmt: skip
    wang = add_handler(offices, name="王敏", handler_type=HandlerType.LAWYER,
                       firm_name="湖南天元律师事务所", criminal_years=5)  # fmt: skip
    ref = intake.register(offices, application(received_on=date(2025, 3, 3)))
    intake.start_review(offices, case_id=ref.id)
    intake.decide(offices, case_id=ref.id, grant=True, reason="符合条件", on=date(2025, 3, 4))
    assignment.assign_handler(offices, case_id=ref.id, handler_id=lin.id, on=date(2025, 3, 5))
    (running,) = open_deadlines(offices)
    assert running.deadline.kind is DeadlineKind.ENGAGEMENT
    assert running.deadline.due == date(2025, 3, 10)  # 5 日 from 5 March

    as_lin = offices.signed_in(Principal(1, "lin", "林宇浩", Role.LAWYER, handler_id=lin.id))
    as_wang = offices.signed_in(Principal(2, "wang", "王敏", Role.LAWYER, handler_id=wang.id))
    with pytest.raises(ValidationError) as blank:
        assignment.pause_agreement(as_lin, case_id=ref.id, reason="  ")
    assert blank.value.field == "原因"
    with pytest.raises(PermissionDenied):  # not his case
        assignment.pause_agreement(as_wang, case_id=ref.id, reason="受援人住院")
    assignment.pause_agreement(
        as_lin, case_id=ref.id, reason="受援人住院治疗，无法到所签署", on=date(2025, 3, 8)
    )
    assert open_deadlines(offices) == []  # the clock stands still: nothing runs, nothing overdue
    detail = get_case(offices, ref.id)
    assert detail.agreement_paused == (date(2025, 3, 8), "受援人住院治疗，无法到所签署")
    assert detail.timeline[-1].action == "暂停签订委托协议期限"
    assert find_cases(offices)[0].due_on is None

    with pytest.raises(PermissionDenied):
        assignment.start_handling(as_wang, case_id=ref.id, on=date(2025, 3, 20))
    assignment.start_handling(as_lin, case_id=ref.id, on=date(2025, 3, 20))
    done = get_case(offices, ref.id)
    assert done.row.state is CaseState.IN_PROGRESS and done.agreement_paused is None


def test_objections_run_the_bureaus_five_day_clock_and_its_result_closes_them(
    offices: Context,
) -> None:
    from legalaid.domain.deadlines import deadline_json
    from legalaid.domain.errors import ValidationError
    from legalaid.domain.vocabulary import CaseState, HandlerType, TerminationReason
    from legalaid.services.commands import assignment, closing
    from legalaid.services.commands.offices import add_handler
    from legalaid.services.queries.cases import get_case, open_deadlines

    # A refusal, objected to on Monday 28 September 2026: the bureau decides within 5 日,
    # which end on 3 October in the National Day holiday → Thursday 8 October.
    refused = intake.register(offices, application(received_on=date(2026, 9, 21)))
    intake.start_review(offices, case_id=refused.id)
    intake.decide(offices, case_id=refused.id, grant=False, reason="不符合经济困难标准",
                  on=date(2026, 9, 25))  # fmt: skip
    assert open_deadlines(offices) == []  # a refusal runs no clock of its own
    with pytest.raises(ValidationError) as blank:
        intake.file_objection(offices, case_id=refused.id, ground=" ")
    assert blank.value.field == "异议理由"
    intake.file_objection(offices, case_id=refused.id, ground="收入计算有误", on=date(2026, 9, 28))
    (clock,) = open_deadlines(offices)
    as_json = deadline_json(clock.case_no, clock.office, clock.deadline, date(2026, 10, 9))
    assert (as_json["kind"], as_json["start"], as_json["due"], as_json["rule"]) == (
        "异议审查",
        "2026-09-28",
        "2026-10-08",
        "5日",
    )
    assert as_json["overdue"] is True and as_json["remaining_days"] == -1
    assert get_case(offices, refused.id).objection == (date(2026, 9, 28), "收入计算有误")
    with pytest.raises(ValidationError):  # one objection at a time
        intake.file_objection(offices, case_id=refused.id, ground="再次异议")
    intake.decide_objection(offices, case_id=refused.id, upheld=False, note="维持",
                            on=date(2026, 10, 8))  # fmt: skip
    kept = get_case(offices, refused.id)
    assert kept.row.state is CaseState.REJECTED and kept.objection is None
    assert kept.timeline[-1].action == "异议不成立，维持决定"
    assert open_deadlines(offices) == []

    # A termination, objected to and upheld: the aid resumes.
    lin = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    ref = intake.register(offices, application(received_on=date(2026, 9, 1)))
    intake.start_review(offices, case_id=ref.id)
    intake.decide(offices, case_id=ref.id, grant=True, reason="", on=date(2026, 9, 2))
    assignment.assign_handler(offices, case_id=ref.id, handler_id=lin.id, on=date(2026, 9, 3))
    assignment.start_handling(offices, case_id=ref.id, on=date(2026, 9, 4))
    closing.terminate(offices, case_id=ref.id, reason=TerminationReason.OWN_LAWYER,
                      on=date(2026, 11, 2))  # fmt: skip
    intake.file_objection(offices, case_id=ref.id, ground="未另行委托律师", on=date(2026, 11, 3))
    (clock,) = [c for c in open_deadlines(offices) if c.case_id == ref.id]
    assert clock.deadline.kind is DeadlineKind.OBJECTION_REVIEW
    assert clock.deadline.due == date(2026, 11, 9)  # 8 November is a Sunday
    intake.decide_objection(offices, case_id=ref.id, upheld=True, on=date(2026, 11, 6))
    resumed = get_case(offices, ref.id)
    assert resumed.row.state is CaseState.IN_PROGRESS and resumed.ended_on is None
    assert resumed.timeline[-1].action == "异议成立，恢复援助"


def test_minors_rule_is_a_rule_and_death_review_needs_three_years(offices: Context) -> None:
    from legalaid.domain.errors import ValidationError
    from legalaid.domain.vocabulary import CaseType, HandlerType, Stage
    from legalaid.services.commands import assignment
    from legalaid.services.commands.offices import add_handler
    from legalaid.services.queries.cases import get_case

    def granted(**changes: object) -> int:
        ref = intake.register(offices, application(case_type=CaseType.CRIMINAL_DEFENCE,
                                                   cause="盗窃罪", allow_duplicate=True,
                                                   **changes))  # fmt: skip
        intake.start_review(offices, case_id=ref.id)
        intake.decide(offices, case_id=ref.id, grant=True, reason="", on=date(2025, 3, 4))
        return ref.id

    plain = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER, criminal_years=2)
    minors = add_handler(offices, name="王敏", handler_type=HandlerType.LAWYER, criminal_years=2,
                         minors_expertise=True)  # fmt: skip
    minor_case = granted(groups=("未成年人",), stage=Stage.TRIAL)
    options = {o.name: o for o in assignment.handler_options(offices, case_id=minor_case)}
    assert options["王敏"].minors_gap is None and options["林宇浩"].minors_gap is not None
    assert next(iter(options)) == "王敏"  # the suggestion comes first
    with pytest.raises(ValidationError) as refused:
        assignment.assign_handler(offices, case_id=minor_case, handler_id=plain.id)
    assert refused.value.field == "未成年人专长说明"
    assert "应当指派熟悉未成年人身心特点的律师" in refused.value.message
    assignment.assign_handler(offices, case_id=minor_case, handler_id=plain.id,
                              minors_reason="本地熟悉未成年人特点的律师均已回避")  # fmt: skip
    logged = get_case(offices, minor_case).timeline
    assert any(e.action == "未指派熟悉未成年人特点的律师" for e in logged)
    assert options["王敏"].id == minors.id

    review = granted(stage=Stage.DEATH_REVIEW)  # no separate "life or death" tick
    with pytest.raises(ValidationError) as three_years:
        assignment.assign_handler(offices, case_id=review, handler_id=plain.id)
    assert "死刑复核案件" in three_years.value.message and "三年以上" in three_years.value.message


def test_a_death_review_notification_is_at_that_stage_and_recorded(offices: Context) -> None:
    from legalaid.domain.vocabulary import CaseSource, CaseType, NotificationGround, Stage
    from legalaid.services.commands.intake import CaseInput, PersonInput
    from legalaid.services.queries.cases import get_case

    ref = intake.register(
        offices,
        CaseInput(
            office_code="ZZ",
            source=CaseSource.COURT_NOTICE,
            case_type=CaseType.CRIMINAL_DEFENCE,
            received_on=date(2026, 11, 18),
            person=PersonInput(name="白杰"),
            notifying_organ="最高人民法院",
            notification_ground=NotificationGround.DEATH_REVIEW,
            organ_case_no="（2026）最高法刑核12号",
            detention_place="株洲市看守所",
        ),
    )
    detail = get_case(offices, ref.id)
    assert detail.row.stage == Stage.DEATH_REVIEW.value
    assert detail.notification == (
        "最高人民法院",
        "申请法律援助的死刑复核案件被告人",
        "（2026）最高法刑核12号",
        "株洲市看守所",
    )


def test_matter_and_representative_are_recorded_and_the_id_masked(offices: Context) -> None:
    from legalaid.domain.errors import ValidationError
    from legalaid.domain.vocabulary import RepresentativeKind
    from legalaid.services.commands.intake import RepresentativeInput
    from legalaid.services.queries.cases import get_case

    father = RepresentativeInput(
        kind=RepresentativeKind.LEGAL,
        name="白建国",
        relation="父亲",
        id_number="430225197808134424",
    )
    with pytest.raises(ValidationError) as bad_id:
        intake.register(offices, application(representative=RepresentativeInput(
            kind=RepresentativeKind.RELATIVE, name="白芳", relation="姐姐",
            id_number="430225197808134425")))  # fmt: skip
    assert bad_id.value.field == "代理人身份证号"
    with pytest.raises(ValidationError) as no_relation:
        intake.register(offices, application(representative=RepresentativeInput(
            kind=RepresentativeKind.RELATIVE, name="白芳", relation=" ")))  # fmt: skip
    assert no_relation.value.field == "与受援人关系"
    assert find_cases(offices) == []  # nothing half-registered

    ref = intake.register(offices, application(matter_category="劳动报酬", representative=father))
    detail = get_case(offices, ref.id)
    assert detail.matter_category == "劳动报酬"
    assert detail.representative == ("法定代理人", "白建国", "父亲", "4302**********4424")
    full = get_case(offices, ref.id, full_id=True)
    assert full.representative is not None and full.representative[3] == "430225197808134424"


def test_aid_in_advance_assigns_at_once_and_the_decision_stays_due(offices: Context) -> None:
    """先行提供 (s.44): a limitation period ends in days — a handler starts at once, the review
    clock keeps running, and the decision settles the aid either way."""
    from legalaid.domain.errors import InvalidTransition, ValidationError
    from legalaid.domain.vocabulary import (
        AdvanceGround,
        CaseSource,
        CaseState,
        CaseType,
        HandlerType,
    )
    from legalaid.services.commands import assignment
    from legalaid.services.commands.offices import add_handler
    from legalaid.services.queries.cases import get_case, open_deadlines

    lawyer = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    ref = intake.register(offices, application(received_on=date(2026, 11, 16)))
    with pytest.raises(InvalidTransition):  # undecided and not in advance: no handler yet
        assignment.assign_handler(offices, case_id=ref.id, handler_id=lawyer.id)
    intake.provide_in_advance(offices, case_id=ref.id, ground=AdvanceGround.LIMITATION,
                              note="诉讼时效11月21日届满", on=date(2026, 11, 17))  # fmt: skip
    with pytest.raises(ValidationError, match="已于2026-11-17先行提供"):
        intake.provide_in_advance(offices, case_id=ref.id, ground=AdvanceGround.OTHER)
    assignment.assign_handler(offices, case_id=ref.id, handler_id=lawyer.id, on=date(2026, 11, 17))
    detail = get_case(offices, ref.id)
    assert detail.row.state is CaseState.REGISTERED and detail.row.handler == "林宇浩"
    assert detail.advance == (date(2026, 11, 17), AdvanceGround.LIMITATION.value)
    # The decision is still due: the review clock from receipt, 7 日.
    assert detail.deadline is not None and detail.deadline.kind is DeadlineKind.REVIEW
    assert detail.deadline.due == date(2026, 11, 23)
    assert [r.case_id for r in open_deadlines(offices)] == [ref.id]
    actions = [e.action for e in detail.timeline]
    assert actions[-2:] == ["先行提供法律援助", "先行指派"]
    intake.start_review(offices, case_id=ref.id)
    intake.decide(offices, case_id=ref.id, grant=True, reason="", on=date(2026, 11, 19))
    granted = get_case(offices, ref.id)
    assert granted.row.state is CaseState.ASSIGNED and granted.assigned_on == date(2026, 11, 17)
    assert granted.deadline is not None and granted.deadline.kind is DeadlineKind.ENGAGEMENT

    # Refused after all: the aid given in advance ends on the decision.
    other = intake.register(offices, application(received_on=date(2026, 11, 16),
                                                 case_type=CaseType.LABOUR_ARBITRATION))  # fmt: skip
    intake.provide_in_advance(offices, case_id=other.id, ground=AdvanceGround.PRESERVATION)
    assignment.assign_handler(offices, case_id=other.id, handler_id=lawyer.id)
    intake.start_review(offices, case_id=other.id)
    intake.decide(offices, case_id=other.id, grant=False, reason="经济状况不符合条件",
                  on=date(2026, 11, 20))  # fmt: skip
    refused = get_case(offices, other.id)
    assert refused.row.state is CaseState.REJECTED
    assert refused.handlers[-1].ended_on == date(2026, 11, 20)
    assert "先行提供的援助终止" in [e.action for e in refused.timeline]
    # A notified case is assigned directly: there is nothing to provide in advance.
    notified = intake.register(offices, application(source=CaseSource.COURT_NOTICE,
                                                    notifying_organ="株洲市中级人民法院",
                                                    notification_ground=None))  # fmt: skip
    with pytest.raises(ValidationError, match="只适用于申请案件"):
        intake.provide_in_advance(offices, case_id=notified.id, ground=AdvanceGround.OTHER)
