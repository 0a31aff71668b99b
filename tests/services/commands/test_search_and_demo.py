"""Search by number, name (one and two characters too), ID, phone and pinyin; demo data."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid.domain.vocabulary import CaseSource, CaseState, CaseType
from legalaid.services.commands import intake
from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases, open_deadlines
from legalaid.services.queries.statistics import statistics_set, year_statistics

PEOPLE = [
    ("张三", "430225197808134424", "13236344021"),
    ("张三丰", None, "15634724865"),
    ("欧阳娜娜", "43022519690807847X", None),
    ("李四", None, "0731-22334455"),
    ("王", None, None),
    ("曾杰", None, None),
]


@pytest.fixture
def people(offices: Context) -> Context:
    for name, id_number, phone in PEOPLE:
        intake.register(
            offices,
            CaseInput(
                office_code="ZZ",
                source=CaseSource.APPLICATION,
                case_type=CaseType.CIVIL,
                received_on=date(2025, 3, 3),
                hardship_basis="诚信承诺",
                person=PersonInput(name=name, id_number=id_number, phone=phone),
            ),
        )
    return offices


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("张三", {"张三", "张三丰"}),  # two characters
        ("三丰", {"张三丰"}),
        ("王", {"王"}),  # one character
        ("娜", {"欧阳娜娜"}),
        ("欧阳娜", {"欧阳娜娜"}),
        ("zs", {"张三", "张三丰"}),  # pinyin initials
        ("zsf", {"张三丰"}),
        ("ZS", {"张三", "张三丰"}),
        ("zhangsan", {"张三", "张三丰"}),
        ("4424", {"张三"}),  # end of the ID number
        ("43022519690807847x", {"欧阳娜娜"}),
        ("13236344021", {"张三"}),
        ("22334455", {"李四"}),
        ("株法援〔2025〕第4号", {"李四"}),
        ("第5号", {"王"}),
        # A number typed loosely: other brackets, without 第 or 号, or only part of it.
        ("株法援(2025)4", {"李四"}),
        ("株法援（2025）第4号", {"李四"}),
        ("2025第4", {"李四"}),
        ("2025-4", set()),  # not a number form: nothing guessed
        ("4号", {"李四"}),
        ("第1号", {"张三"}),
        ("株2025 6", {"曾杰"}),
        ("赵", set()),
        ("zj", {"曾杰"}),  # 曾 as a surname is zeng …
        ("cj", {"曾杰"}),  # … though pypinyin reads the character ceng
        ("zengjie", {"曾杰"}),
        # The same matches on both databases: pinyin from the start of a reading, characters
        # side by side in the name (PostgreSQL once matched any part of the readings).
        ("sanfeng", set()),
        ("ng", set()),
        ("张丰", set()),
        ("丰", {"张三丰"}),
    ],
)
def test_search(people: Context, query: str, names: set[str]) -> None:
    found = {r.name for r in find_cases(people, CaseFilter(query=query))}
    assert found == names
    assert count_cases(people, CaseFilter(query=query)) == len(names)


@pytest.mark.parametrize("backend", ["postgresql"])
@pytest.mark.parametrize("query", ["张", "张三", "zs", "zhang", "4424", "欧阳娜"])
def test_postgresql_answers_a_search_from_its_trigram_indexes(people: Context, query: str) -> None:
    """Migration 0027's indexes hold the very expressions the search matches: with reading
    the whole table ruled out, the plan goes through them (were the expression to drift,
    PostgreSQL would quietly read a million rows per keystroke)."""
    from sqlalchemy import select, text

    from legalaid.storage.records import CaseRecord
    from legalaid.storage.repositories import search_filter

    with people.db.uow(write=False) as uow:
        compiled = (
            select(CaseRecord.id)
            .where(search_filter(uow.session, query))
            .compile(uow.session.get_bind())
        )
        for scan in ("seqscan", "indexscan", "indexonlyscan"):  # a bitmap is all that is left
            uow.session.execute(text(f"SET LOCAL enable_{scan} = off"))
        explain = uow.session.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
        plan = "\n".join(row[0] for row in explain)
    assert "_trgm" in plan, plan


def test_search_combines_with_filters(people: Context) -> None:
    assert count_cases(people, CaseFilter(query="zs", states=(CaseState.REGISTERED,))) == 2
    assert count_cases(people, CaseFilter(query="zs", states=(CaseState.CLOSED,))) == 0
    assert count_cases(people, CaseFilter(query="zs", office_code="LL")) == 0


def test_demo_data_is_realistic_and_deterministic(offices: Context) -> None:
    generate_demo(offices, cases=1500, year=2025, seed=7)
    rows = find_cases(offices, limit=2000, full_id=True)
    assert len(rows) == 1500
    assert {r.state for r in rows} >= {
        CaseState.REGISTERED,
        CaseState.REVIEW,
        CaseState.IN_PROGRESS,
        CaseState.CLOSED,
        CaseState.ARCHIVED,
        CaseState.REJECTED,
        CaseState.CLOSING,
    }
    assert {r.case_type for r in rows} == {t.value for t in CaseType}
    assert {r.source for r in rows} == {s.value for s in CaseSource}
    assert {r.applied_on.year for r in rows} == {2024, 2025}
    assert len({r.office for r in rows}) == 3  # the existing offices are used
    assert len({r.handler for r in rows if r.handler}) >= 5
    from legalaid.domain.identity import parse_id_number

    for r in rows[:200]:
        parse_id_number(r.id_number, today=date(2026, 11, 20))
    stats = year_statistics(offices, year=2025)
    assert stats.cases > 500 and stats.closed > 0 and stats.subsidy_total > 0
    assert stats.target is not None
    # Beside the cases: three to five consultations and 0.3–0.6 duty helps per case, in
    # every office and month, with consultation targets.
    services = year_statistics(offices, year=2024).services
    both = {k: services.get(k, 0) + stats.services.get(k, 0) for k in services}
    consultations = sum(
        n for n in (year_statistics(offices, year=y).consultations for y in (2024, 2025))
    )
    assert 3 * 1500 <= consultations <= 6.5 * 1500  # 人次: one visit in ten counts 2–4
    assert 0.3 * 1500 <= both["值班律师法律帮助"] <= 0.6 * 1500 + 1
    assert set(stats.consultations_by_channel) >= {"来访", "来电", "12348热线"}
    assert "认罪认罚见证" in stats.duty_by_help
    assert len(stats.services_by_month["法律咨询"]) == 12
    assert all(s.services for s in statistics_set(offices, year=2025).offices.values())
    assert stats.consultation_target is not None
    # Closed cases are graded by the review; civil and labour ones recovered money.
    assert set(stats.quality) >= {"优秀", "良好", "合格"} and stats.recovered_amount > 0
    assert sum(stats.quality.values()) < stats.closed  # a few left ungraded
    # Deadlines of the open cases can be listed.
    assert open_deadlines(offices)


def test_demo_is_deterministic_for_a_seed(ctx: Context, tmp_path: object) -> None:
    generate_demo(ctx, cases=300, year=2025, seed=3)
    first = [(r.name, r.case_type, r.state) for r in find_cases(ctx, limit=300)]
    from legalaid.services.commands.setup import initialise
    from legalaid.storage.database import Database

    other = Database(str(tmp_path) + "/other.sqlite3")  # type: ignore[operator]
    initialise(other)
    ctx2 = Context(db=other, today=ctx.today, now=ctx.now)
    generate_demo(ctx2, cases=300, year=2025, seed=3)
    assert [(r.name, r.case_type, r.state) for r in find_cases(ctx2, limit=300)] == first
    other.dispose()


def test_the_search_index_stays_whole_through_bulk_inserts_and_edits(offices: Context) -> None:
    """New rows are indexed in bulk by the application, replaced ones by a trigger
    (migration 0020): both full-text indexes agree with the rows after either."""
    from sqlalchemy import text

    from legalaid.services.plumbing.case_change import refresh_search
    from legalaid.storage.records import CaseRecord

    ctx = offices
    generate_demo(ctx, cases=300, year=2025, seed=5)
    case_id = find_cases(ctx, limit=1)[0].id
    with ctx.writing() as uow:
        case = uow.session.get(CaseRecord, case_id)
        assert case is not None
        case.person.name = "覃九霄"
        refresh_search(uow.session, case)  # an existing search row: replaced
        uow.commit()
    assert [r.id for r in find_cases(ctx, CaseFilter(query="覃九霄"))] == [case_id]
    assert [r.id for r in find_cases(ctx, CaseFilter(query="qjx"))] == [case_id]
    if ctx.db.dialect == "sqlite":
        with ctx.writing() as uow:
            for index in ("case_search_tri", "case_search_tok"):
                # FTS5 raises "database disk image is malformed" when an index disagrees.
                uow.session.execute(
                    text(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
                )
            indexed = uow.session.execute(text("SELECT count(*) FROM case_search_tri")).scalar()
            assert indexed == count_cases(ctx) == 300
