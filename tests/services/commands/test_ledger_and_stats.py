"""Ledger import/export and the statistics, checked against an independent count of the file."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from legalaid.domain.errors import ValidationError
from legalaid.domain.subsidy import default_subsidy
from legalaid.domain.vocabulary import CaseType, Stage
from legalaid.services.commands.case_ledger import export_ledger, import_ledger
from legalaid.services.commands.offices import set_target
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import CaseFilter, count_cases, find_cases
from legalaid.services.queries.statistics import year_statistics
from tests.conftest import SAMPLE_LEDGER


def _sample_rows() -> list[dict[str, str]]:
    with SAMPLE_LEDGER.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def expected_figures(
    rows: list[dict[str, str]], year: int, until: date, office: str | None
) -> dict[str, object]:
    """The interfaces.md definitions, applied straight to the file."""
    start = date(year, 1, 1)

    def within(text: str) -> bool:
        return bool(text) and start <= date.fromisoformat(text) <= until

    scoped = [r for r in rows if office is None or r["机构"] == office]
    cases = [r for r in scoped if within(r["受理日期"]) and r["状态"] not in ("不予援助", "撤回")]
    closed = [r for r in scoped if within(r["结案日期"]) and r["状态"] in ("已结案", "已归档")]
    paid = [
        r for r in scoped if within(r["结案日期"]) and r["状态"] in ("已结案", "已归档", "终止")
    ]
    subsidy = Decimal(0)
    for r in paid:
        if r["办案补贴"]:
            subsidy += Decimal(r["办案补贴"])
        else:
            subsidy += default_subsidy(
                CaseType(r["案件类型"]),
                Stage(r["诉讼阶段"]) if r["诉讼阶段"] else None,
                cross_region=r["异地"] == "是",
                major_difficult=r["重大疑难"] == "是",
                terminated=r["状态"] == "终止",
            ).amount
    categories: Counter[str] = Counter()
    for r in cases:
        categories.update(g for g in r["人群类别"].split("、") if g)
    return {
        "cases": len(cases),
        "by_type": dict(Counter(r["案件类型"] for r in cases)),
        "by_source": dict(Counter(r["案件来源"] for r in cases)),
        "by_handler_type": dict(Counter(r["承办人类型"] for r in cases if r["承办人"])),
        "by_category": dict(categories),
        "by_office": dict(Counter(r["机构"] for r in cases)),
        "by_month": dict(Counter(r["受理日期"][:7] for r in cases)),
        "closed": len(closed),
        "cross_region": sum(r["异地"] == "是" for r in cases),
        "major_difficult": sum(r["重大疑难"] == "是" for r in cases),
        "subsidy_total": subsidy,
    }


def _figures(
    ctx: Context, year: int, until: date | None = None, office: str | None = None
) -> dict[str, object]:
    stats = year_statistics(ctx, year=year, until=until, office_code=office).as_json()
    return {
        k: stats[k]
        for k in (
            "cases",
            "by_type",
            "by_source",
            "by_handler_type",
            "by_category",
            "by_office",
            "by_month",
            "closed",
            "cross_region",
            "major_difficult",
            "subsidy_total",
        )
    }


@pytest.mark.parametrize(
    ("year", "until", "office"),
    [
        (2025, None, None),
        (2025, date(2025, 6, 30), None),
        (2025, None, "LL"),
        (2024, None, None),
        (2026, date(2026, 6, 30), "YX"),
    ],
)
def test_sample_ledger_statistics_match_the_definitions(
    offices: Context, year: int, until: date | None, office: str | None
) -> None:
    result = import_ledger(offices, SAMPLE_LEDGER)
    assert result.cases == 60
    end = until or date(year, 12, 31) if year < 2026 else until or date(2026, 11, 20)
    assert _figures(offices, year, until, office) == expected_figures(
        _sample_rows(), year, end, office
    )


def test_targets_completion_and_double_half(offices: Context) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    set_target(offices, year=2025, office_code="ZZ", cases=10)
    set_target(offices, year=2025, office_code="LL", cases=30)
    zz = year_statistics(offices, year=2025, until=date(2025, 6, 30), office_code="ZZ")
    ll = year_statistics(offices, year=2025, until=date(2025, 6, 30), office_code="LL")
    total = year_statistics(offices, year=2025, until=date(2025, 6, 30))
    # An office's figures are its tree's (office scope): the city with its counties.
    assert zz.by_office == {"ZZ": 6, "LL": 4, "YX": 10}
    assert (zz.cases, zz.target, zz.completion_pct, zz.double_half) == (20, 40, 50.0, True)
    assert (ll.cases, ll.target, ll.double_half) == (4, 30, False)
    assert ll.completion_pct == 13.3
    assert total.target == 40 and total.time_pct == 49.6


def test_export_with_full_id_imports_back_to_the_same_figures(
    offices: Context, tmp_path: Path, database_url: str, backend: str
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"export{suffix}"
        assert export_ledger(offices, out, full_id=True) == 60
        from legalaid.services.commands.offices import add_office
        from legalaid.services.commands.setup import initialise
        from legalaid.storage.database import Database

        other = Database(str(tmp_path / f"again{suffix}.sqlite3"))
        initialise(other)
        ctx2 = Context(db=other, today=offices.today, now=offices.now)
        for code in ("ZZ", "LL", "YX"):
            add_office(ctx2, code=code, name=code)
        import_ledger(ctx2, out)
        for year in (2024, 2025, 2026):
            assert _figures(ctx2, year) == _figures(offices, year)
        # Case numbers were kept.
        assert {r.case_no for r in find_cases(ctx2, limit=100)} == {
            r.case_no for r in find_cases(offices, limit=100)
        }
        other.dispose()


def test_export_masks_id_numbers_by_default(offices: Context, tmp_path: Path) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    out = tmp_path / "masked.csv"
    export_ledger(offices, out, year=2024)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows and all("**********" in r["身份证号"] for r in rows if r["身份证号"])
    assert "430212200109152976" not in out.read_text(encoding="utf-8-sig")


def write_ledger(path: Path, rows: list[dict[str, str]]) -> Path:
    """A CSV ledger (UTF-8 with BOM, as Excel saves it) of these rows."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _write_bad_copy(tmp_path: Path) -> Path:
    rows = _sample_rows()
    rows[2]["身份证号"] = rows[2]["身份证号"][:-1] + (
        "0" if rows[2]["身份证号"][-1] != "0" else "1"
    )
    rows[10]["机构"] = "QQ"
    rows[20]["申请日期"] = "3/1/2025"  # month first: not a form of interfaces.md
    return write_ledger(tmp_path / "bad.csv", rows)


def test_a_bad_file_imports_nothing_and_names_rows_and_columns(
    offices: Context, tmp_path: Path
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    before = _figures(offices, 2025)
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, _write_bad_copy(tmp_path), allow_duplicates=True)
    message = info.value.message
    assert "第4行「身份证号」：校验位错误" in message
    assert "第12行「机构」：机构代码「QQ」不存在" in message
    assert "第22行「申请日期」：日期应为 YYYY-MM-DD" in message
    assert "未导入任何数据" in message
    assert count_cases(offices) == 60
    assert _figures(offices, 2025) == before


def test_same_file_twice_is_refused_for_duplicate_case_numbers(
    offices: Context, tmp_path: Path
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    out = tmp_path / "again.csv"
    export_ledger(offices, out, full_id=True)
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, out)
    assert "已存在于数据库中" in info.value.message
    assert count_cases(offices) == 60


def test_unknown_columns_and_xlsx_dates(offices: Context, tmp_path: Path) -> None:
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["序号", "机构", "案件来源", "案件类型", "申请日期", "受援人", "状态", "说明"])
    sheet.append([1, "ZZ", "申请", "民事诉讼代理", date(2025, 3, 1), "张三", "审查", "x"])
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, bad)
    assert "未知的列「说明」" in info.value.message
    sheet.delete_cols(8)
    sheet["H1"], sheet["H2"] = "备注", "申请人称\n已在他处咨询"
    good = tmp_path / "good.xlsx"
    wb.save(good)
    assert import_ledger(offices, good).cases == 1  # 序号 ignored, 备注 kept
    row = find_cases(offices, CaseFilter(query="张三"))[0]
    assert row.applied_on == date(2025, 3, 1) and row.case_no == "株法援〔2025〕第1号"
    out = tmp_path / "out.csv"
    export_ledger(offices, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.DictReader(handle))["备注"] == "申请人称\n已在他处咨询"


def test_imported_case_numbers_are_never_reallocated(offices: Context, tmp_path: Path) -> None:
    path = tmp_path / "numbered.csv"
    path.write_text(
        "案号,机构,案件来源,案件类型,申请日期,受援人,状态\n"
        "株法援〔2025〕第7号,ZZ,申请,民事诉讼代理,2025-03-01,张三,审查\n"
        ",ZZ,申请,民事诉讼代理,2025-03-02,李四,审查\n",
        encoding="utf-8",
    )
    import_ledger(offices, path)
    numbers = sorted(r.case_no for r in find_cases(offices))
    assert numbers == ["株法援〔2025〕第7号", "株法援〔2025〕第8号"]


def test_the_same_ledger_twice_is_refused_and_changes_nothing(
    offices: Context, tmp_path: Path
) -> None:
    import_ledger(offices, SAMPLE_LEDGER)
    before = _figures(offices, 2025)
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, SAMPLE_LEDGER)
    message = info.value.message
    assert "第2行：与已有案件" in message and "重复" in message and "--allow-duplicates" in message
    assert count_cases(offices) == 60
    assert _figures(offices, 2025) == before
    rows = _sample_rows()
    fresh = write_ledger(tmp_path / "fresh.csv", [dict(rows[0], 案号=""), dict(rows[1], 案号="")])
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, fresh)
    assert "第2行：与已有案件" in info.value.message and "第3行：与已有案件" in info.value.message
    # Told that they are different matters, the office gets them.
    assert import_ledger(offices, fresh, allow_duplicates=True).cases == 2
    assert count_cases(offices) == 62


def test_a_repeat_inside_one_file_names_both_rows(ctx: Context, tmp_path: Path) -> None:
    from legalaid.services.commands.offices import add_office

    add_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株")
    rows = [r for r in _sample_rows() if r["机构"] == "ZZ"][:3]
    rows.append(dict(rows[1], 案号=""))
    path = write_ledger(tmp_path / "repeat.csv", rows)
    with pytest.raises(ValidationError) as info:
        import_ledger(ctx, path)
    assert "第5行：与第3行重复" in info.value.message
    assert count_cases(ctx) == 0
