"""Consultations, drafting and duty help: the desk, the rota, the services ledger and the
figures they give, checked against the definitions of interfaces.md applied to the file."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.aid_services import DutyHelp, ServiceInput, ServiceKind, StationKind
from legalaid.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType, QualityGrade
from legalaid.services.commands import accounts, aid_services, closing, duty, intake
from legalaid.services.commands.aid_services import ServiceFilter, ServiceForm
from legalaid.services.commands.offices import add_handler, add_office, set_target
from legalaid.services.commands.service_ledger import export_services, import_services
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.statistics import year_statistics
from legalaid.storage.database import Database
from tests.conftest import TODAY
from tests.services.closing_files import case_in_progress, full_file

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "services-sample.csv"


def _rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def expected(rows: list[dict[str, str]], year: int, until: date, office: set[str] | None) -> dict:
    """interfaces.md: person-times by kind, consultations by 方式, duty rows per item."""
    within = [
        r for r in rows
        if date(year, 1, 1) <= date.fromisoformat(r["日期"]) <= until
        and (office is None or r["机构"] in office)
    ]  # fmt: skip
    services: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    helps: Counter[str] = Counter()
    for r in within:
        times = int(r["人次"] or 1)
        services[r["服务类型"]] += times
        if r["服务类型"] == "法律咨询" and r["方式"]:
            channels[r["方式"]] += times
        if r["服务类型"] == "值班律师法律帮助":
            helps.update(r["帮助内容"].split("、"))
    return {"services": dict(services), "consultations_by_channel": dict(channels),
            "duty_by_help": dict(helps)}  # fmt: skip


def _consultation(name: str = "王秀英", **changes: object) -> ServiceInput:
    values: dict[str, object] = {
        "kind": ServiceKind.CONSULTATION, "served_on": TODAY, "name": name,
        "channel": "来访", "content": "拖欠工资怎么办", "answer": "可申请劳动仲裁",
        "handler_name": "刘敏", "matter_category": "劳动报酬",
    }  # fmt: skip
    values.update(changes)
    return ServiceInput(**values)  # type: ignore[arg-type]


def test_services_ledger_gives_the_defined_figures(offices: Context) -> None:
    ctx = offices
    rows = _rows()
    assert import_services(ctx, SAMPLE) == len(rows)
    for until, office, scope in (
        (None, None, None),
        (date(2026, 6, 30), None, None),
        (None, "LL", {"LL"}),
        (None, "ZZ", {"ZZ", "LL", "YX"}),  # an office's figures include the offices below
    ):
        stats = year_statistics(ctx, year=2026, until=until, office_code=office).as_json()
        want = expected(rows, 2026, until or TODAY, scope)
        for key in ("services", "consultations_by_channel", "duty_by_help"):
            assert stats[key] == want[key], (key, until, office)
    last_year = year_statistics(ctx, year=2025).as_json()
    assert last_year["services"] == expected(rows, 2025, date(2025, 12, 31), None)["services"]
    # Duty stations came in with the rows, their kind read from the name.
    kinds = {s.name: s.kind for s in duty.list_stations(ctx)}
    assert kinds["株洲市看守所值班律师工作站"] is StationKind.DETENTION
    assert kinds["醴陵市人民检察院值班律师工作站"] is StationKind.PROCURATORATE


def test_a_ledger_imported_twice_is_refused_and_counts_once(offices: Context) -> None:
    ctx = offices
    import_services(ctx, SAMPLE)
    before = year_statistics(ctx, year=2026).as_json()["services"]
    with pytest.raises(ValidationErrors) as refused:
        import_services(ctx, SAMPLE)
    assert len(refused.value.problems) == len(_rows())
    assert "已登记的记录" in refused.value.problems[0].message
    assert year_statistics(ctx, year=2026).as_json()["services"] == before


def test_bad_rows_name_row_and_column_and_nothing_is_written(
    offices: Context, tmp_path: Path
) -> None:
    ctx = offices
    path = tmp_path / "bad.csv"
    path.write_text(
        "机构,日期,服务类型,方式,服务对象,身份证号,帮助内容,办理人,人次\n"
        "ZZ,2026-03-02,法律咨询,来访,王芳,,,,\n"
        "ZZ,2026-03-02,法律咨询,上门,李强,,,,\n"
        "ZZ,2026-03-03,值班律师法律帮助,县法院工作站,赵军,,取保候审,林宇浩,\n"
        "ZZ,2026-03-04,值班律师法律帮助,,钱敏,,认罪认罚见证,,0\n"
        "QQ,2026-13-01,代拟法律文书,起诉状,孙丽,4302**********1234,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationErrors) as refused:
        import_services(ctx, path)
    found = {(p.row, p.field) for p in refused.value.problems}
    assert {(3, "方式"), (4, "帮助内容"), (5, "人次"), (6, "日期"), (6, "身份证号")} <= found
    messages = "\n".join(p.message for p in refused.value.problems)
    assert "「上门」不是可用的值" in messages and "隐去身份证号" in messages
    assert year_statistics(ctx, year=2026).as_json()["services"] == {}


def test_export_then_import_gives_the_same_rows(offices: Context, tmp_path: Path) -> None:
    ctx = offices
    import_services(ctx, SAMPLE)
    first = tmp_path / "first.xlsx"
    assert export_services(ctx, first, full_id=True) == len(_rows())
    fresh = Database(str(tmp_path / "fresh.sqlite3"))
    initialise(fresh)
    other = Context(db=fresh, actor="测试员", today=lambda: TODAY)
    add_office(other, code="ZZ", name="株洲市法律援助中心", prefix="株")
    add_office(other, code="LL", name="醴陵市法律援助中心", prefix="醴", parent_code="ZZ")
    add_office(other, code="YX", name="攸县法律援助中心", prefix="攸", parent_code="ZZ")
    import_services(other, first)
    second = tmp_path / "second.csv"
    export_services(other, second, full_id=True)
    third = tmp_path / "third.csv"
    export_services(ctx, third, full_id=True)
    assert second.read_text(encoding="utf-8-sig") == third.read_text(encoding="utf-8-sig")
    assert (
        year_statistics(other, year=2026).as_json()["duty_by_help"]
        == (year_statistics(ctx, year=2026).as_json()["duty_by_help"])
    )
    masked = tmp_path / "masked.csv"
    export_services(ctx, masked)
    ids = [
        r["身份证号"] for r in csv.DictReader(masked.open(encoding="utf-8-sig")) if r["身份证号"]
    ]
    assert ids and all("*" in number for number in ids)
    fresh.dispose()


def test_consultation_target_and_completion(offices: Context) -> None:
    ctx = offices
    import_services(ctx, SAMPLE)
    set_target(ctx, year=2026, office_code="ZZ", cases=100, consultations=40)
    stats = year_statistics(ctx, year=2026, office_code="ZZ").as_json()
    times = stats["services"].get("法律咨询", 0)
    assert stats["consultation_target"] == 40
    assert stats["consultation_completion_pct"] == round(times * 100 / 40 + 1e-9, 1)
    assert (
        year_statistics(ctx, year=2026, office_code="LL").as_json()["consultation_target"] is None
    )


def test_the_desk_registers_finds_and_turns_a_consultation_into_a_case(offices: Context) -> None:
    ctx = offices
    first = aid_services.register_service(
        ctx, ServiceForm(_consultation(id_number="430223198304185705", phone="13561237658"),
                         office_code="LL")
    )  # fmt: skip
    # The same person, the same matter, the same day again: asked, not silently doubled.
    with pytest.raises(aid_services.RepeatedService):
        aid_services.register_service(
            ctx, ServiceForm(_consultation(id_number="430223198304185705"), office_code="LL")
        )
    aid_services.register_service(
        ctx, ServiceForm(_consultation("李强", channel="来电", person_times=2), office_code="LL")
    )
    day = aid_services.list_services(ctx, ServiceFilter(day_from=TODAY, day_to=TODAY))
    assert [e.name for e in day] == ["李强", "王秀英"]
    assert aid_services.count_services(ctx, ServiceFilter(day_from=TODAY)) == (2, 3)
    assert [e.name for e in aid_services.list_services(ctx, ServiceFilter(text="1356123"))] == [
        "王秀英"
    ]
    back = aid_services.returning_person(ctx, phone="13561237658")
    assert back is not None and back.name == "王秀英" and back.visits == 1
    assert back.gender is not None and back.gender.value == "女"

    ref = intake.register(ctx, intake.CaseInput(
        office_code="LL", source=CaseSource.APPLICATION, case_type=CaseType.LABOUR_ARBITRATION,
        received_on=TODAY, person=intake.PersonInput(name="王秀英", id_number="430223198304185705"),
        hardship_basis="经济困难状况说明及个人诚信承诺", from_service_id=first,
    ))  # fmt: skip
    entry = aid_services.get_service(ctx, first)
    assert entry.case_id == ref.id and entry.case_no == ref.case_no
    assert [e.id for e in aid_services.services_of_case(ctx, ref.id)] == [first]
    with pytest.raises(ValidationError, match="已转为案件"):
        aid_services.delete_service(ctx, first)


def test_entry_problems_are_named_all_at_once(offices: Context) -> None:
    bad = ServiceInput(kind=ServiceKind.DUTY_HELP, served_on=date(2027, 1, 1), name=" ",
                       phone="12")  # fmt: skip
    with pytest.raises(ValidationErrors) as refused:
        aid_services.register_service(offices, ServiceForm(bad, office_code="ZZ"))
    fields = {p.field for p in refused.value.problems}
    assert {"日期", "服务对象", "工作站", "联系电话", "帮助内容", "办理人"} <= fields


def test_rota_duty_days_and_a_lawyer_recording_their_own_help(offices: Context) -> None:
    ctx = offices
    mine = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    other = add_handler(ctx, name="曾杰红", handler_type=HandlerType.LAWYER)
    court = duty.save_station(ctx, office_code="ZZ", name="株洲市中级人民法院值班律师工作站",
                              kind=StationKind.COURT)  # fmt: skip
    jail = duty.save_station(ctx, office_code="ZZ", name="株洲市看守所值班律师工作站",
                             kind=StationKind.DETENTION)  # fmt: skip
    with pytest.raises(ValidationError, match="已有工作站"):
        duty.save_station(ctx, office_code="ZZ", name="株洲市看守所值班律师工作站",
                          kind=StationKind.DETENTION)  # fmt: skip
    for day in (date(2026, 11, 2), date(2026, 11, 3)):
        duty.set_shift(ctx, station_id=court, on_date=day, handler_id=mine.id)
    duty.set_shift(ctx, station_id=court, on_date=date(2026, 11, 2), handler_id=mine.id)  # again
    duty.set_shift(ctx, station_id=jail, on_date=date(2026, 11, 3), handler_id=other.id)
    added = duty.copy_week(ctx, station_id=court, source_monday=date(2026, 11, 2), weeks=2)
    assert added == 4
    november = duty.duty_days(ctx, date(2026, 11, 1), date(2026, 11, 30))
    assert november == {(mine.id, StationKind.COURT): 6, (other.id, StationKind.DETENTION): 1}
    duty.set_shift(ctx, station_id=court, on_date=date(2026, 11, 16), handler_id=mine.id,
                   on_duty=False)  # fmt: skip
    assert (
        duty.duty_days(ctx, date(2026, 11, 1), date(2026, 11, 30))[(mine.id, StationKind.COURT)]
        == 5
    )

    accounts.add_user(ctx, username="lin", name="林宇浩", role=Role.LAWYER,
                      password="Passw0rd!", handler="林宇浩")  # fmt: skip
    lawyer = ctx.signed_in(accounts.sign_in(ctx, username="lin", password="Passw0rd!"))
    help_entry = ServiceInput(
        kind=ServiceKind.DUTY_HELP, served_on=TODAY, name="赵军", content="盗窃罪",
        help_items=(DutyHelp.PLEA_WITNESS, DutyHelp.PROCEDURE),
    )  # fmt: skip
    own = aid_services.record_duty_help(
        lawyer, ServiceForm(help_entry, office_code="ZZ", station_id=jail, handler_id=mine.id)
    )
    with pytest.raises(PermissionDenied):
        aid_services.record_duty_help(
            lawyer, ServiceForm(help_entry, office_code="ZZ", station_id=jail, handler_id=other.id)
        )
    with pytest.raises(PermissionDenied):
        aid_services.register_service(lawyer, ServiceForm(_consultation(), office_code="ZZ"))
    with pytest.raises(PermissionDenied):
        duty.set_shift(lawyer, station_id=court, on_date=TODAY, handler_id=mine.id)
    aid_services.record_duty_help(
        ctx, ServiceForm(help_entry, office_code="ZZ", station_id=court, handler_id=other.id)
    )
    seen = aid_services.list_services(lawyer)
    assert [e.id for e in seen] == [own]
    assert seen[0].channel == "株洲市看守所值班律师工作站"
    assert seen[0].help_items == ("程序选择建议", "认罪认罚见证")  # the vocabulary's order
    stats = year_statistics(ctx, year=2026).as_json()
    assert stats["duty_by_help"] == {"程序选择建议": 2, "认罪认罚见证": 2}
    assert stats["services"] == {"值班律师法律帮助": 2}


def test_a_county_clerk_sees_and_registers_only_their_office(offices: Context) -> None:
    ctx = offices
    import_services(ctx, SAMPLE)
    accounts.add_user(ctx, username="ll", name="醴陵文员", role=Role.CLERK, password="Passw0rd!",
                      office_code="LL")  # fmt: skip
    clerk = ctx.signed_in(accounts.sign_in(ctx, username="ll", password="Passw0rd!"))
    seen = aid_services.list_services(clerk, limit=1000)
    assert seen and {e.office_code for e in seen} == {"LL"}
    assert all("*" not in (e.id_number or "") for e in seen)  # a clerk may see full IDs
    with pytest.raises(PermissionDenied):
        aid_services.register_service(clerk, ServiceForm(_consultation(), office_code="ZZ"))
    with pytest.raises(PermissionDenied):
        year_statistics(clerk, year=2026, office_code="ZZ")
    own = year_statistics(clerk, year=2026).as_json()
    assert own["services"] == expected(_rows(), 2026, TODAY, {"LL"})["services"]
    assert {s.office_code for s in duty.list_stations(clerk)} == {"LL"}


def test_closing_records_recovered_amount_and_the_reviews_grade(offices: Context) -> None:
    ctx = offices
    handler = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    first, second = (case_in_progress(ctx, handler.id) for _ in range(2))
    closing.submit_closing(ctx, case_id=first, ended_on=date(2026, 3, 1),
                           recovered_amount=Decimal("12345.60"), **full_file(ctx, first))  # type: ignore[arg-type]  # fmt: skip
    with pytest.raises(ValidationError, match="挽回经济损失"):
        closing.submit_closing(ctx, case_id=second, ended_on=date(2026, 3, 1),
                               recovered_amount=Decimal("-1"), **full_file(ctx, second))  # type: ignore[arg-type]  # fmt: skip
    closing.submit_closing(ctx, case_id=second, ended_on=date(2026, 3, 1), **full_file(ctx, second))  # type: ignore[arg-type]  # fmt: skip
    closing.approve_closing(ctx, case_id=first, on=date(2026, 3, 10),
                            quality_grade=QualityGrade.EXCELLENT)  # fmt: skip
    closing.approve_closing(ctx, case_id=second, on=date(2026, 3, 12))
    stats = year_statistics(ctx, year=2026).as_json()
    assert stats["closed"] == 2
    assert stats["recovered_amount"] == Decimal("12345.60")
    assert stats["quality"] == {"优秀": 1}  # the ungraded case left out
