"""更正: registered facts corrected by a clerk with a reason — checked as at intake, every
problem at its field at once, nothing written on refusal, the clock and search following,
the timeline and the audit trail saying what changed (personal data not in the timeline)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from legalaid.domain.errors import ConflictError, PermissionDenied, ValidationError
from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseType,
    Gender,
    HandlerType,
    NotificationGround,
    RepresentativeKind,
    Stage,
)
from legalaid.services.commands import corrections, intake, subsidies
from legalaid.services.commands.intake import CaseInput, PersonInput, RepresentativeInput
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context, Principal
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.services.queries.cases import CaseFilter, find_cases, get_case
from tests.services.commands.test_subsidies import _closed_case
from tests.services.commands.test_workflow import application


def _facts(ctx: Context, case_id: int) -> corrections.Correctable:
    return corrections.correctable(ctx, case_id=case_id)


def test_a_clerk_corrects_the_person_and_the_facts_with_a_reason(offices: Context) -> None:
    ctx = offices
    ref = intake.register(ctx, application())
    before = _facts(ctx, ref.id)
    assert before.facts.name == "袁英燕" and before.facts.id_number == "430225197808134424"
    assert before.facts.groups == ("妇女", "农民工") and before.notification is False
    due_before = get_case(ctx, ref.id).deadline
    assert due_before is not None

    corrected = replace(
        before.facts,
        name="袁英艳",
        phone="13236344022",
        address="株洲市芦淞区建设路1号",
        received_on=date(2025, 3, 10),
        cause="追索劳动报酬纠纷",
        groups=("妇女",),
        representative=RepresentativeInput(RepresentativeKind.RELATIVE, "张强", "配偶"),
    )
    after = corrections.correct(ctx, case_id=ref.id, facts=corrected, reason="申请表抄错",
                                expected_version=before.version)  # fmt: skip
    detail = get_case(ctx, ref.id)
    assert (detail.row.name, detail.person_phone, detail.person_address) == (
        "袁英艳", "13236344022", "株洲市芦淞区建设路1号")  # fmt: skip
    assert detail.row.applied_on == date(2025, 3, 10) and detail.row.cause == "追索劳动报酬纠纷"
    assert detail.groups == ("妇女",)
    assert detail.representative is not None and detail.representative[1] == "张强"
    # The review clock counts from the corrected day (7 working days later than before).
    assert detail.deadline is not None and detail.deadline.due > due_before.due
    # The corrected name is found; the case number keeps its year and number.
    assert [r.id for r in find_cases(ctx, CaseFilter(query="袁英艳"))] == [ref.id]
    assert after.case_no == ref.case_no and after.version > before.version

    event = detail.timeline[-1]
    assert event.action == "更正登记信息" and event.detail["原因"] == "申请表抄错"
    listed = event.detail["更正"]
    assert "收到日期：2025-03-03→2025-03-10" in listed
    assert "受援人姓名" in listed and "联系电话" in listed  # named, their values not shown
    assert not any("袁英" in item or "1323" in item for item in listed)
    rows, _ = audit_entries(ctx, AuditFilter(action="更正登记信息"))
    assert len(rows) == 1 and "申请表抄错" in rows[0].detail and "受援人姓名" in rows[0].detail


def test_every_problem_is_named_at_its_field_and_nothing_is_written(offices: Context) -> None:
    ctx = offices
    ref = intake.register(ctx, application())
    start = _facts(ctx, ref.id)
    wrong = replace(
        start.facts,
        name=" ",
        id_number="430225197808134425",  # check digit wrong
        phone="12345",
        received_on=date(2026, 12, 1),  # after today (2026-11-20)
        hardship_basis="",
    )
    with pytest.raises(ValidationError) as info:
        corrections.correct(ctx, case_id=ref.id, facts=wrong, reason=" ")
    fields = {p.field for p in info.value.problems}  # type: ignore[attr-defined]
    assert fields == {"受援人姓名", "身份证号", "联系电话", "收到日期", "经济困难依据",
                      "更正原因"}  # fmt: skip
    assert _facts(ctx, ref.id) == start  # the case as it was
    with pytest.raises(ValidationError, match="没有更正任何内容"):
        corrections.correct(ctx, case_id=ref.id, facts=start.facts, reason="核对")
    # The gender follows the ID number; a contradiction is named at 性别.
    with pytest.raises(ValidationError) as gender:
        corrections.correct(ctx, case_id=ref.id, reason="核对",
                            facts=replace(start.facts, gender=Gender.MALE))  # fmt: skip
    assert gender.value.problems[0].field == "性别"  # type: ignore[attr-defined]


def test_the_received_day_stays_before_later_steps_and_a_notification_follows(
    offices: Context,
) -> None:
    ctx = offices
    ref = intake.register(ctx, application())
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2025, 3, 4))
    facts = _facts(ctx, ref.id).facts
    with pytest.raises(ValidationError, match="晚于本案决定或受理日期2025-03-04"):
        corrections.correct(ctx, case_id=ref.id, reason="核对",
                            facts=replace(facts, received_on=date(2025, 3, 5)))  # fmt: skip
    notice = intake.register(ctx, CaseInput(
        office_code="ZZ", source=CaseSource.COURT_NOTICE, case_type=CaseType.CRIMINAL_DEFENCE,
        stage=Stage.TRIAL, cause="盗窃", received_on=date(2026, 11, 2),
        notifying_organ="株洲市中级人民法院", notification_ground=NotificationGround.MINOR,
        person=PersonInput(name="白杰")))  # fmt: skip
    told = _facts(ctx, notice.id)
    assert told.notification and told.criminal
    corrections.correct(ctx, case_id=notice.id, reason="通知书日期看错",
                        facts=replace(told.facts, received_on=date(2026, 11, 3),
                                      organ_case_no="（2026）湘02刑初15号"))  # fmt: skip
    detail = get_case(ctx, notice.id)
    # Accepted on receipt: the acceptance day moves with it, and the 3-day clock too.
    assert detail.row.applied_on == detail.row.accepted_on == date(2026, 11, 3)
    assert detail.notification is not None and detail.notification[2] == "（2026）湘02刑初15号"


def test_an_id_number_of_another_person_is_refused(offices: Context) -> None:
    ctx = offices
    first = intake.register(ctx, application())
    other = intake.register(ctx, application(
        person=PersonInput(name="白杰", id_number="430203199001012013")))  # fmt: skip
    facts = _facts(ctx, other.id).facts
    with pytest.raises(ValidationError, match=rf"另一位受援人名下（案件{first.case_no}）"):
        corrections.correct(ctx, case_id=other.id, reason="核对",
                            facts=replace(facts, id_number="430225197808134424"))  # fmt: skip
    corrections.correct(ctx, case_id=other.id, reason="身份证号抄错",
                        facts=replace(facts, id_number="11010519491231002x"))  # fmt: skip
    fixed = get_case(ctx, other.id)
    # Birth date and gender are the new number's; the ID is stored as the law writes it.
    assert (fixed.person_birth_date, fixed.person_gender) == (date(1949, 12, 31), "女")
    assert _facts(ctx, other.id).facts.id_number == "11010519491231002X"
    # A person of two cases: the correction is theirs in both, and the form says so.
    second = intake.register(ctx, application(received_on=date(2025, 4, 1)))
    shared = _facts(ctx, first.id)
    assert shared.other_cases == (second.case_no,)
    corrections.correct(ctx, case_id=first.id, reason="户籍信息更正",
                        facts=replace(shared.facts, name="袁英艳"))  # fmt: skip
    assert get_case(ctx, second.id).row.name == "袁英艳"


def test_a_stale_form_is_refused_and_only_registering_roles_correct(offices: Context) -> None:
    ctx = offices
    ref = intake.register(ctx, application())
    start = _facts(ctx, ref.id)
    intake.start_review(ctx, case_id=ref.id)  # someone else moved the case meanwhile
    with pytest.raises(ConflictError):
        corrections.correct(ctx, case_id=ref.id, reason="核对", expected_version=start.version,
                            facts=replace(start.facts, cause="其他"))  # fmt: skip
    lawyer = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    as_lawyer = ctx.signed_in(Principal(9, "lin", "林宇浩", Role.LAWYER, handler_id=lawyer.id))
    with pytest.raises(PermissionDenied):
        corrections.correct(as_lawyer, case_id=ref.id, reason="核对",
                            facts=replace(start.facts, cause="其他"))  # fmt: skip
    assert get_case(ctx, ref.id).row.cause == "劳动报酬纠纷"


def test_a_fixed_subsidy_keeps_its_basis(offices: Context) -> None:
    ctx = offices
    case_id = _closed_case(ctx, assigned=date(2025, 3, 3))
    pending = _facts(ctx, case_id)
    assert pending.subsidy_fixed is None
    corrections.correct(ctx, case_id=case_id, reason="阶段登记错误",
                        facts=replace(pending.facts, stage=Stage.SECOND_INSTANCE))  # fmt: skip
    assert get_case(ctx, case_id).row.stage == "二审"
    subsidies.review_subsidy(replace(ctx, actor="李主任"), case_id=case_id)
    fixed = _facts(ctx, case_id)
    assert fixed.subsidy_fixed == "已审核"
    with pytest.raises(ValidationError) as info:
        corrections.correct(ctx, case_id=case_id, reason="阶段登记错误",
                            facts=replace(fixed.facts, stage=Stage.FIRST_INSTANCE))  # fmt: skip
    assert info.value.field == "阶段" and "已审核" in info.value.message
    assert get_case(ctx, case_id).row.stage == "二审"
    # Facts the amount does not depend on are still corrected.
    corrections.correct(ctx, case_id=case_id, reason="地址变更",
                        facts=replace(fixed.facts, address="醴陵市"))  # fmt: skip
    assert get_case(ctx, case_id).person_address == "醴陵市"
