"""Ledgers as offices keep them: files written the way other software writes them (Excel on
Chinese Windows, LibreOffice, WPS), numbers that lost digits refused, every column carried
through an export and back."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from legalaid.domain.errors import PermissionDenied, ValidationError
from legalaid.domain.ledger import HEADERS
from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import RegionTier
from legalaid.services.commands import subsidies
from legalaid.services.commands.case_ledger import export_ledger, import_ledger
from legalaid.services.commands.offices import add_office
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import count_cases, find_cases
from legalaid.services.queries.statistics import year_statistics
from legalaid.storage.database import Database
from tests.conftest import TODAY
from tests.services.commands.test_ledger_and_stats import _sample_rows

DATA = Path(__file__).resolve().parents[2] / "data"
GRADES = ("优秀", "良好", "合格", "")
TIERS = ("", "本辖区", "跨县", "跨市", "跨省")


def extended_rows() -> list[dict[str, str]]:
    """The sample ledger with every column of the extended format filled in (deterministic)."""
    rows = []
    for i, row in enumerate(_sample_rows()):
        closed = row["状态"] in ("已结案", "已归档")
        tier = TIERS[i % len(TIERS)]
        rows.append(
            {
                "序号": str(i + 1),
                **row,
                "异地": ("否" if tier in ("", "本辖区") else "是") if tier else row["异地"],
                "住址": f"株洲市芦淞区建设路{i + 1}号",
                "通知机关": "株洲市中级人民法院" if row["案件来源"] == "法院通知" else "",
                "可能判处无期徒刑死刑": "是" if i % 17 == 0 else "否",
                "异地层级": tier,
                "受援人数": str(1 + i % 3),
                "结案方式": ("判决", "调解", "和解", "撤诉")[i % 4] if closed else "",
                "挽回经济损失": f"{i * 1000 + 0.5:.2f}" if closed else "",
                "质量等级": GRADES[i % 4] if closed else "",
                "事项类别": "劳动报酬" if row["案件类型"] == "劳动争议仲裁代理" else "",
                "备注": f"第{i + 1}行备注\n第二行" if i % 5 == 0 else "",
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], *, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _figures(ctx: Context) -> list[dict[str, object]]:
    return [year_statistics(ctx, year=y).as_json() for y in (2024, 2025, 2026)]


def _offices(ctx: Context) -> Context:
    add_office(ctx, code="ZZ", name="株洲市法律援助中心", prefix="株")
    add_office(ctx, code="LL", name="醴陵市法律援助中心", prefix="醴", parent_code="ZZ")
    add_office(ctx, code="YX", name="攸县法律援助中心", prefix="攸", parent_code="ZZ")
    return ctx


def test_a_gb18030_csv_with_crlf_and_slash_dates_imports(offices: Context, tmp_path: Path) -> None:
    """What Excel on Chinese Windows saves as "CSV (逗号分隔)": GB18030, CRLF, 2025/6/24."""
    rows = extended_rows()
    for row in rows:
        for column in ("申请日期", "受理日期", "指派日期", "结案日期"):
            if row[column]:
                day = date.fromisoformat(row[column])
                row[column] = f"{day.year}/{day.month}/{day.day}"
    path = write_csv(tmp_path / "台账.csv", rows, encoding="gb18030")
    assert b"\r\n" in path.read_bytes()
    with pytest.raises(UnicodeDecodeError):  # not UTF-8: the encoding is detected
        path.read_bytes().decode("utf-8")
    assert import_ledger(offices, path).cases == 60
    kept = {r.case_no for r in find_cases(offices)}
    assert len(kept) == 60
    out = tmp_path / "again.csv"
    export_ledger(offices, out, full_id=True)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        remarks = {r["备注"] for r in csv.DictReader(handle)}
    assert "第1行备注\n第二行" in remarks  # a line break inside a quoted cell is kept


def test_statistics_of_the_extended_columns(offices: Context, tmp_path: Path) -> None:
    rows = extended_rows()
    import_ledger(offices, write_csv(tmp_path / "ext.csv", rows))
    stats = year_statistics(offices, year=2025).as_json()

    def within(text: str) -> bool:
        return bool(text) and date(2025, 1, 1) <= date.fromisoformat(text) <= date(2025, 12, 31)

    cases = [r for r in rows if within(r["受理日期"]) and r["状态"] not in ("不予援助", "撤回")]
    closed = [r for r in rows if within(r["结案日期"]) and r["状态"] in ("已结案", "已归档")]
    assert stats["aided_persons"] == sum(int(r["受援人数"]) for r in cases)
    assert stats["recovered_amount"] == sum(
        (Decimal(r["挽回经济损失"]) for r in closed if r["挽回经济损失"]), Decimal(0)
    )
    quality: dict[str, int] = {}
    for r in closed:
        if r["质量等级"]:
            quality[r["质量等级"]] = quality.get(r["质量等级"], 0) + 1
    assert stats["quality"] == quality
    kinds = {"刑事": 0, "民事": 0, "行政": 0}
    for r in cases:
        t = r["案件类型"]
        kinds["刑事" if t.startswith("刑事") else "行政" if t in ("行政诉讼代理", "国家赔偿")
              else "民事"] += 1  # fmt: skip
    assert stats["by_kind"] == {k: v for k, v in kinds.items() if v}
    assert sum(stats["by_kind"].values()) == stats["cases"]  # type: ignore[attr-defined]


def test_an_id_a_spreadsheet_stored_as_a_number_is_refused(
    offices: Context, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        ["机构", "案件来源", "案件类型", "申请日期", "受援人", "状态", "身份证号", "联系电话"]
    )
    sheet.append(["ZZ", "申请", "民事诉讼代理", date(2025, 3, 1), "张三", "审查",
                  430225197808134424, "13236344021"])  # fmt: skip
    sheet.append(["ZZ", "申请", "民事诉讼代理", date(2025, 3, 2), "李四", "审查",
                  "430225197808134424", 13236344021])  # fmt: skip
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, path)
    message = info.value.message
    assert (
        "第2行「身份证号」：以数字格式保存，末几位可能已丢失：请把该列设为文本后重新输入" in message
    )
    assert "第3行「联系电话」：以数字格式保存" in message
    assert "校验位" not in message  # the real cause, not a check digit
    assert count_cases(offices) == 0


def test_a_masked_export_is_refused_with_its_reason(offices: Context, tmp_path: Path) -> None:
    import_ledger(offices, write_csv(tmp_path / "ext.csv", extended_rows()))
    masked = tmp_path / "masked.xlsx"
    export_ledger(offices, masked)
    fresh = _fresh(tmp_path / "fresh.sqlite3")
    try:
        with pytest.raises(ValidationError) as info:
            import_ledger(fresh, masked)
        assert "这是隐去身份证号的导出文件，请用完整身份证号导出" in info.value.message
        assert count_cases(fresh) == 0
    finally:
        fresh.db.dispose()


def _fresh(path: Path) -> Context:
    db = Database(str(path))
    initialise(db)
    return _offices(Context(db=db, actor="测试员", today=lambda: TODAY))


@pytest.mark.parametrize("name", ["ledger-libreoffice.xls", "ledger-libreoffice.ods"])
def test_xls_and_ods_made_by_libreoffice(offices: Context, name: str, tmp_path: Path) -> None:
    """Files LibreOffice Calc saved from the sample ledger (dates as spreadsheet dates, IDs as
    text): the same cases as the CSV."""
    assert import_ledger(offices, DATA / name).cases == 60
    reference = _fresh(tmp_path / "reference.sqlite3")
    try:
        import_ledger(reference, DATA / "ledger-sample.csv")
        assert _figures(offices) == _figures(reference)
    finally:
        reference.db.dispose()


def test_export_import_export_keeps_every_column_and_figure(
    offices: Context, tmp_path: Path
) -> None:
    """interfaces.md: an export with --full-id imports into an empty database with the same
    offices to the same figures, and exporting that database again gives the same rows —
    under a standard that pays by 异地 tier and extra persons."""
    for ctx in (offices,):
        _tiered_standard(ctx)
    import_ledger(offices, write_csv(tmp_path / "ext.csv", extended_rows()))
    first = tmp_path / "first.xlsx"
    export_ledger(offices, first, full_id=True)
    fresh = _fresh(tmp_path / "fresh.sqlite3")
    try:
        _tiered_standard(fresh)
        assert import_ledger(fresh, first).cases == 60
        assert _figures(fresh) == _figures(offices)
        assert any(f["subsidy_total"] for f in _figures(fresh))
        a, b = tmp_path / "a.csv", tmp_path / "b.csv"
        export_ledger(offices, a, full_id=True)
        export_ledger(fresh, b, full_id=True)
        with (
            a.open(encoding="utf-8-sig", newline="") as one,
            b.open(encoding="utf-8-sig", newline="") as two,
        ):
            left, right = list(csv.DictReader(one)), list(csv.DictReader(two))
        assert list(left[0]) == list(HEADERS)
        assert left == right
        assert {r["异地层级"] for r in left} >= {"跨县", "跨省"}
        assert {r["受援人数"] for r in left} == {"1", "2", "3"}
    finally:
        fresh.db.dispose()


def _tiered_standard(ctx: Context) -> None:
    info = subsidies.list_standards(ctx)[0]
    current = next(s for i, s in _stored(ctx) if i == info.id)
    subsidies.update_standard(
        ctx,
        info.id,
        replace(
            current,
            cross_region_flat=None,
            cross_region_tiers={RegionTier.CROSS_COUNTY: Decimal(500),
                                RegionTier.CROSS_CITY: Decimal(1000),
                                RegionTier.CROSS_PROVINCE: Decimal(1500)},
            extra_person_add_on=Decimal(300),
        ),
    )  # fmt: skip


def _stored(ctx: Context) -> list[tuple[int, subsidies.SubsidyStandard]]:
    with ctx.reading() as uow:
        return subsidies.stored_standards(uow.session)


def test_an_exported_workbook_is_a_real_workbook(offices: Context, tmp_path: Path) -> None:
    import_ledger(offices, write_csv(tmp_path / "ext.csv", extended_rows()))
    out = tmp_path / "out.xlsx"
    export_ledger(offices, out, full_id=True)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref is not None
    header = [c.value for c in sheet[1]]
    assert header == list(HEADERS)
    col = {name: i + 1 for i, name in enumerate(header)}
    applied = sheet.cell(row=2, column=col["申请日期"])
    assert isinstance(applied.value, datetime) and applied.number_format == "yyyy-mm-dd"
    paid = [sheet.cell(row=r, column=col["办案补贴"]) for r in range(2, sheet.max_row + 1)]
    amounts = [c for c in paid if c.value is not None]
    assert amounts and all(isinstance(c.value, int | float) for c in amounts)
    assert all(c.number_format == "#,##0.00" for c in amounts)  # SUM(办案补贴) works
    for name in ("身份证号", "联系电话", "案号"):
        cell = sheet.cell(row=2, column=col[name])
        assert cell.number_format == "@" and (cell.value is None or isinstance(cell.value, str))
    assert isinstance(sheet.cell(row=2, column=col["受援人数"]).value, int)


def test_exports_never_run_a_formula(offices: Context, tmp_path: Path) -> None:
    """A name or note that starts like a formula stays text in every export (and comes back
    unchanged), and a sign-in attempt with a formula as user name does not plant one in the
    audit export."""
    from legalaid.services.commands import accounts
    from legalaid.services.queries.audit_trail import AuditFilter, export_audit

    rows = extended_rows()[:2]
    rows[0]["受援人"] = '=HYPERLINK("http://x.example","点我")'
    rows[1]["备注"] = "+1 先行垫付"
    import_ledger(offices, write_csv(tmp_path / "f.csv", rows))
    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    export_ledger(offices, out_csv, full_id=True)
    export_ledger(offices, out_xlsx, full_id=True)
    text = out_csv.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1 先行垫付" in text
    sheet = load_workbook(out_xlsx).active
    assert sheet is not None
    names = [c for c in sheet["I"] if str(c.value).startswith("=")]
    assert names and all(c.data_type == "s" for c in names)
    fresh = _fresh(tmp_path / "fresh.sqlite3")
    try:
        import_ledger(fresh, out_csv)  # the apostrophe is only the file's; the name is as typed
        assert {r.name for r in find_cases(fresh)} >= {'=HYPERLINK("http://x.example","点我")'}
    finally:
        fresh.db.dispose()
    accounts.add_user(offices, username="root", name="root", role=Role.ADMIN,
                      password="Root2026pw")  # fmt: skip
    with pytest.raises(PermissionDenied):
        accounts.sign_in(offices, username="=1+1", password="x")
    audit_csv = tmp_path / "audit.csv"
    export_audit(offices, AuditFilter(), audit_csv)
    lines = audit_csv.read_text(encoding="utf-8-sig")
    assert "'=1+1" in lines and ",=1+1" not in lines


def test_an_over_long_value_is_refused_on_every_database(offices: Context, tmp_path: Path) -> None:
    """PostgreSQL would fail on it and SQLite keep it: both refuse it by row and column."""
    rows = extended_rows()[:3]
    rows[1]["案由"] = "劳动报酬纠纷" * 40  # 240 characters
    rows[2]["住址"] = "建设路" * 70
    with pytest.raises(ValidationError) as info:
        import_ledger(offices, write_csv(tmp_path / "long.csv", rows))
    assert "第3行「案由」：过长（240字，最多200字）" in info.value.message
    assert "第4行「住址」：过长（210字，最多200字）" in info.value.message
    assert count_cases(offices) == 0


def test_a_workbook_that_unpacks_too_large_is_refused(
    offices: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from legalaid.services.plumbing import ledger_files

    monkeypatch.setattr(ledger_files, "MAX_UNPACKED", 20_000)  # a tiny limit for the test
    with pytest.raises(ValidationError, match=r"解压后.*超过上限"):
        import_ledger(offices, DATA / "ledger-libreoffice.ods")
    garbage = tmp_path / "台账.xlsx"
    garbage.write_bytes(b"this is not a workbook at all")
    with pytest.raises(ValidationError, match="无法读取表格文件"):
        import_ledger(offices, garbage)
    assert count_cases(offices) == 0


def test_too_many_rows_or_a_giant_csv_cell_is_refused_with_the_limit(
    offices: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from legalaid.services.plumbing import ledger_files

    rows = extended_rows()[:5]
    monkeypatch.setattr(ledger_files, "MAX_ROWS", 4)  # a tiny limit for the test
    with pytest.raises(ValidationError) as many:
        import_ledger(offices, write_csv(tmp_path / "many.csv", rows))
    assert "超过 4 行（Excel 工作表的行数上限）" in many.value.message
    monkeypatch.undo()
    giant = write_csv(tmp_path / "giant.csv", rows)
    text = giant.read_text(encoding="utf-8-sig").splitlines()
    text[2] = text[2] + ',"' + "案" * 200_000 + '"'  # a cell far beyond any column
    giant.write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    with pytest.raises(ValidationError) as big:
        import_ledger(offices, giant)
    assert big.value.message.startswith("第3行：单元格超过 131,072 个字符的上限")
    assert count_cases(offices) == 0


def test_two_desktops_importing_at_once_both_succeed(
    offices: Context, tmp_path: Path, database_url: str
) -> None:
    """Two ledgers naming the same handlers and firms, imported at the same moment from two
    desktops: both land, each handler and firm once."""
    from concurrent.futures import ThreadPoolExecutor

    from legalaid.services.commands.offices import list_handlers

    rows = [dict(r, 案号="") for r in extended_rows()]
    files = [write_csv(tmp_path / "a.csv", rows[:30]), write_csv(tmp_path / "b.csv", rows[30:])]
    contexts = [Context(db=Database(database_url), actor=n, today=lambda: TODAY) for n in "ab"]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = list(
                pool.map(lambda pair: import_ledger(*pair), zip(contexts, files, strict=True))
            )
    finally:
        for ctx in contexts:
            ctx.db.dispose()
    assert sum(result.cases for result in done) == 60 == count_cases(offices)
    handlers = [(h.name, h.firm) for h in list_handlers(offices, active_only=False)]
    assert len(handlers) == len(set(handlers))
