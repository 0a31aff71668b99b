"""Report PDFs and workbooks: the figures are those of the statistics, every font embedded."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalaid.domain.errors import ValidationError
from legalaid.services.commands.case_ledger import import_ledger
from legalaid.services.commands.demo import generate_demo
from legalaid.services.commands.offices import set_target
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.reporting import write_report
from legalaid.services.queries.statistics import statistics_set, year_statistics
from tests.conftest import SAMPLE_LEDGER

pytestmark = pytest.mark.usefixtures("poppler")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def table_row(text: str, label: str) -> list[str]:
    """The cells of the first table line that starts with ``label``."""
    for line in text.splitlines():
        cells = line.split()
        if cells and cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r}")


@pytest.fixture
def sample(offices: Context) -> Context:
    import_ledger(offices, SAMPLE_LEDGER)
    set_target(offices, year=2025, office_code="ZZ", cases=10)  # 6 by 30 June: met
    set_target(offices, year=2025, office_code="LL", cases=30)  # 4 by 30 June: not met
    set_target(offices, year=2025, office_code="YX", cases=20)
    return offices


def test_annual_report_figures_equal_the_statistics(sample: Context, tmp_path: Path) -> None:
    out = tmp_path / "annual.pdf"
    write_report(sample, kind="annual", year=2025, out=out)
    text = pdf_text(out)
    stats = year_statistics(sample, year=2025)
    assert f"全年共办理法律援助案件{stats.cases}件，完成年度任务的{stats.completion_pct}%" in text
    assert f"结案{stats.closed}件" in text
    assert f"异地办理案件{stats.cross_region}件，重大疑难案件{stats.major_difficult}件" in text
    assert f"办案补贴合计{stats.subsidy_total:,.2f}元" in text
    for case_type, count in stats.by_type.items():
        assert table_row(text, case_type)[0] == str(count)
    for source, count in stats.by_source.items():
        assert table_row(text, source)[0] == str(count)
    for month, count in stats.by_month.items():
        assert table_row(text, month)[0] == str(count)
    own = statistics_set(sample, year=2025).offices  # each line: the office's own cases
    for code in ("ZZ", "LL", "YX"):
        office = own[code]
        line = next(
            line
            for line in text.splitlines()
            if f"（{code}）" in line or line.strip().startswith(f"{code}）")
        )
        assert str(office.cases) in line.split()
    assert table_row(text, "合计")[:3] == [
        str(stats.target),
        str(stats.cases),
        f"{stats.completion_pct}%",
    ]
    assert re.search(r"第\s*1\s*页\s*共\s*\d+\s*页", text) and "生成日期：2026-11-20" in text


def test_midyear_report_one_office_meets_double_half_another_not(
    sample: Context, tmp_path: Path
) -> None:
    out = tmp_path / "midyear.pdf"
    write_report(sample, kind="midyear", year=2025, out=out)
    text = pdf_text(out)
    own = statistics_set(sample, year=2025, until=date(2025, 6, 30)).offices
    zz, ll = own["ZZ"], own["LL"]  # the city centre's own line, a county's
    total = year_statistics(sample, year=2025, until=date(2025, 6, 30))
    assert zz.double_half and not ll.double_half
    assert (
        f"上半年共办理法律援助案件{total.cases}件，完成年度任务的{total.completion_pct}%，"
        f"未实现“双过半”目标"
    ) in text
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():  # the first table's line per office (the 双过半 table)
        if "法律援助中心（" in line and len(line.split()) > 1 and line.split()[1].isdigit():
            rows.setdefault(line.split("（")[0].strip(), line.split())
    assert rows["株洲市法律援助中心"][1:6] == ["10", "6", "60.0%", "49.6%", "实现"]
    assert rows["醴陵市法律援助中心"][1:6] == ["30", "4", "13.3%", "49.6%", "未实现"]
    assert "醴陵市法律援助中心未实现" in text.replace("\n", "")


@pytest.mark.parametrize("kind", ["annual", "midyear"])
def test_every_font_is_embedded(sample: Context, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    write_report(sample, kind=kind, year=2025, out=out)
    fonts = pdf_fonts(out)
    assert fonts
    for row in fonts:
        assert "yes" in row[-5:-3], f"font not embedded: {row}"


def test_workbook_has_the_same_tables(sample: Context, tmp_path: Path) -> None:
    out = tmp_path / "annual.xlsx"
    report = write_report(sample, kind="annual", year=2025, out=out)
    book = load_workbook(out)
    # Sheets named after their tables, without the ordinal.
    assert book.sheetnames == ["说明"] + [t.title.split("、", 1)[1] for t in report.tables]
    types = book["按案件类型"]
    assert types["A1"].value == "二、按案件类型"
    assert types.print_title_rows == "$2:$2" and int(types.page_setup.paperSize) == 9
    share = types.cell(row=3, column=3)
    assert isinstance(share.value, float) and share.number_format == "0.0%"
    stats = year_statistics(sample, year=2025)
    values = {
        types.cell(row=r, column=1).value: types.cell(row=r, column=2).value
        for r in range(3, types.max_row + 1)
    }
    assert values == stats.by_type


def test_forecast_names_offices_at_risk_from_the_first_quarter(
    offices: Context, tmp_path: Path
) -> None:
    generate_demo(offices, cases=3000, year=2025, seed=11)
    set_target(offices, year=2025, office_code="ZZ", cases=5000)  # far beyond the pace
    out = tmp_path / "q1.pdf"
    report = write_report(offices, kind="midyear", year=2025, until=date(2025, 3, 31), out=out)
    text = pdf_text(out)
    assert "截至3月31日共办理法律援助案件" in text
    assert any("株洲市法律援助中心" in s and "风险" in s for s in report.summary)
    assert "按上年同期进度推算" in text


def test_bad_output_is_refused_before_any_work(sample: Context, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        write_report(sample, kind="annual", year=2025, out=tmp_path / "report.docx")
    with pytest.raises(ValidationError):
        write_report(sample, kind="annual", year=2025, out=tmp_path / "missing" / "r.pdf")


def test_quality_supervision_in_the_annual_report(sample: Context, tmp_path: Path) -> None:
    from legalaid.domain.closing_file import FollowUpKind
    from legalaid.services.commands.worklog import add_follow_up
    from legalaid.services.queries.cases import find_cases

    cases = find_cases(sample, limit=3)
    for case, kind in zip(cases, (FollowUpKind.VISIT, FollowUpKind.VISIT, FollowUpKind.COMPLAINT),
                          strict=True):  # fmt: skip
        add_follow_up(sample, case_id=case.id, kind=kind, done_on=date(2025, 12, 1),
                      content="电话回访，受援人满意")  # fmt: skip
    out = tmp_path / "annual.pdf"
    write_report(sample, kind="annual", year=2025, out=out)
    text = pdf_text(out)
    assert "回访2次，案卷检查0次，旁听0次，受理投诉1件" in text.replace("\n", "")
    assert table_row(text, "回访（次）")[:2] == ["2", "0"]
    assert table_row(text, "投诉（件）")[:2] == ["1", "0"]


def test_900_of_1801_is_not_double_half_anywhere(offices: Context, tmp_path: Path) -> None:
    """49.97 % rounds to 50.0 %, but 900 × 2 < 1801: the JSON, the PDF and the targets table
    all say 未实现, and none of them calls the office at risk of what it already missed."""
    import csv

    from legalaid.services.queries.reporting import office_outlook

    path = tmp_path / "900.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["机构", "案件来源", "案件类型", "申请日期", "受理日期", "受援人", "状态"])
        for i in range(900):
            day = date(2025, 1 + i % 6, 1 + i % 28)
            writer.writerow(["ZZ", "申请", "民事诉讼代理", day, day, f"受援人{i}", "给予援助"])
    import_ledger(offices, path)
    set_target(offices, year=2025, office_code="ZZ", cases=1801)
    stats = year_statistics(offices, year=2025, until=date(2025, 6, 30), office_code="ZZ")
    assert (stats.cases, stats.completion_pct, stats.double_half) == (900, 50.0, False)
    assert stats.as_json()["double_half"] is False
    out = tmp_path / "midyear.pdf"
    write_report(offices, kind="midyear", year=2025, out=out, office_code="ZZ")
    text = pdf_text(out).replace("\n", "")
    assert "完成年度任务的50.0%，未实现“双过半”目标" in text
    assert "实现“双过半”目标" not in text.replace("未实现“双过半”目标", "")
    assert "不能实现“双过半”" not in text  # the question is decided, not a risk
    line = next(o for o in office_outlook(offices, year=2025, until=date(2025, 6, 30)))
    assert line.standing.value == "未实现双过半" and not line.double_half
    year_end = next(o for o in office_outlook(offices, year=2025, until=date(2025, 12, 31)))
    assert year_end.standing.value == "未完成" and not year_end.at_risk


def test_year_on_year_tables_keep_rows_that_are_zero_this_year(
    sample: Context, tmp_path: Path
) -> None:
    report = write_report(sample, kind="annual", year=2026, out=tmp_path / "2026.pdf")
    now = year_statistics(sample, year=2026)
    before = year_statistics(sample, year=2025, until=date(2025, 11, 20))
    types = next(t for t in report.tables if t.title.endswith("按案件类型"))
    gone = [k for k in before.by_type if k not in now.by_type]
    assert gone, "the sample has a case type only last year"
    for case_type in gone:
        row = next(r for r in types.rows if r[0] == case_type)
        assert row[1] == "0" and row[3] == str(before.by_type[case_type])


@pytest.mark.parametrize("kind", ["annual", "midyear"])
def test_papers_carry_the_issuer_signatures_and_date(
    sample: Context, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.pdf"
    write_report(sample, kind=kind, year=2025, out=out)
    flat = "".join(pdf_text(out).split())
    assert "填报单位（盖章）：株洲市法律援助中心（含下属机构）" in flat
    for who in ("填表人：", "审核人：", "负责人：", "报送日期：", "（盖章）"):
        assert who in flat
    # No line starts with closing punctuation (禁则).
    starts = [line.strip()[0] for line in pdf_text(out).splitlines() if line.strip()]
    assert not set(starts) & set("，；：。、）")


SERVICES_LEDGER = Path(__file__).resolve().parents[1] / "data" / "services-sample.csv"


def test_reports_open_with_the_whole_of_the_work(sample: Context, tmp_path: Path) -> None:
    """The paragraph real reports open with and the services' tables print the statistics'
    own figures (cases by 刑事/民事/行政, 咨询人次, 值班律师帮助, 代拟文书, per office)."""
    from legalaid.services.commands.service_ledger import import_services

    import_services(sample, SERVICES_LEDGER)
    set_target(sample, year=2026, office_code="ZZ", cases=40, consultations=30)
    out = tmp_path / "annual.pdf"
    write_report(sample, kind="annual", year=2026, out=out)
    text = pdf_text(out)
    flat = re.sub(r"\s+", "", text)
    stats = year_statistics(sample, year=2026)
    kinds = stats.by_kind
    assert (
        f"其中刑事案件{kinds.get('刑事', 0)}件、民事案件{kinds.get('民事', 0)}件、"
        f"行政案件{kinds.get('行政', 0)}件，受援人数{stats.aided_persons}人"
    ) in flat
    consult = stats.services["法律咨询"]
    assert f"提供法律咨询{consult}人次" in flat
    assert f"完成咨询任务的{stats.consultation_completion_pct}%" in flat
    assert f"值班律师提供法律帮助{stats.services['值班律师法律帮助']}件" in flat
    assert f"代拟法律文书{stats.services['代拟法律文书']}件" in flat
    for title in ("按案件类别（刑事、民事、行政）", "结案案件质量等级", "法律帮助按月份",
                  "法律咨询、代拟法律文书与值班律师法律帮助（各机构）"):  # fmt: skip
        assert title in flat
    own = statistics_set(sample, year=2026).offices
    ll = [line.split() for line in text.splitlines() if "醴陵市法律援助中心（LL）" in line]
    services_row = ll[-1]  # the services table is the last with a line per office
    assert services_row[1] == str(own["LL"].services.get("法律咨询", 0))
    assert services_row[-1] == str(own["LL"].services.get("值班律师法律帮助", 0))
    march = table_row(text.split("法律帮助按月份", 1)[1], "2026-03")
    last_year = year_statistics(sample, year=2025).services_by_month
    assert march == [
        str(stats.services_by_month.get("法律咨询", {}).get("2026-03", 0)),
        str(last_year.get("法律咨询", {}).get("2025-03", 0)),
        str(stats.services_by_month.get("代拟法律文书", {}).get("2026-03", 0)),
        str(stats.services_by_month.get("值班律师法律帮助", {}).get("2026-03", 0)),
    ]
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(tmp_path / "annual")],
                   check=True)  # fmt: skip
    midyear = tmp_path / "midyear.pdf"
    write_report(sample, kind="midyear", year=2026, out=midyear)
    half = year_statistics(sample, year=2026, until=date(2026, 6, 30))
    assert f"提供法律咨询{half.services.get('法律咨询', 0)}人次" in re.sub(
        r"\s+", "", pdf_text(midyear)
    )


def test_public_notice_publishes_cases_services_funding_and_grades(
    sample: Context, tmp_path: Path
) -> None:
    """法律援助法 s.58: the yearly notice of one office prints the statistics' own figures and
    the funding paid — case subsidies and duty pay — and names no person."""
    from legalaid.domain.aid_services import StationKind
    from legalaid.domain.vocabulary import HandlerType
    from legalaid.services.commands import duty
    from legalaid.services.commands.offices import add_handler
    from legalaid.services.commands.service_ledger import import_services

    import_services(sample, SERVICES_LEDGER)
    lawyer = add_handler(sample, name="林宇浩", handler_type=HandlerType.LAWYER)
    station = duty.save_station(sample, office_code="LL", name="醴陵市看守所值班律师工作站",
                                kind=StationKind.DETENTION)  # fmt: skip
    for day in (3, 4):
        duty.set_shift(sample, station_id=station, on_date=date(2025, 3, day), handler_id=lawyer.id)
    out = tmp_path / "notice.pdf"
    write_report(sample, kind="notice", year=2025, office_code="LL", out=out)
    text = pdf_text(out)
    flat = re.sub(r"\s+", "", text)
    stats = year_statistics(sample, year=2025, office_code="LL")
    assert "2025年度法律援助信息公开" in flat and "醴陵市法律援助中心" in flat
    assert f"共办理法律援助案件{stats.cases}件" in flat
    assert f"提供法律咨询{stats.services.get('法律咨询', 0)}人次" in flat
    funding = stats.subsidy_total + 300  # two duty days at the example standard's 150 yuan
    assert f"支付法律援助经费{funding:,.2f}元" in flat
    assert f"办案补贴{stats.subsidy_total:,.2f}元、值班律师补贴300.00元" in flat
    assert table_row(text, "结案合计") == [str(stats.closed)]
    for person in ("袁英燕", "林宇浩"):  # aggregates only
        assert person not in flat
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(out), str(tmp_path / "notice")],
                   check=True)  # fmt: skip


def test_the_annual_report_says_when_the_example_standard_computed_subsidies(
    sample: Context, tmp_path: Path
) -> None:
    from dataclasses import replace

    from legalaid.domain.subsidy import DEFAULT_STANDARD
    from legalaid.services.commands import subsidies

    out = tmp_path / "annual.pdf"
    write_report(sample, kind="annual", year=2025, out=out)
    flat = re.sub(r"\s+", "", pdf_text(out))
    assert "按程序自带的「示例标准」计算，仅为示例" in flat
    subsidies.add_standard(
        sample, replace(DEFAULT_STANDARD, name="湖南省标准", effective_from=date(2024, 1, 1))
    )
    write_report(sample, kind="annual", year=2025, out=out)
    assert "示例标准" not in re.sub(r"\s+", "", pdf_text(out))
