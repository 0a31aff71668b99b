"""The command line as scripts call it: exit codes, one clear line on stderr, no traceback."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from legalaid.domain.statistics import round_pct
from tests.conftest import SAMPLE_LEDGER


def legalaid(
    *args: str, db: Path | str | None = None, check: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "legalaid"]
    if db is not None:
        command += ["--db", str(db)]
    result = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(result.stderr)
    return result


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("template") / "s.sqlite3"
    legalaid("init", db=db, check=True)
    for code, name, prefix in (
        ("ZZ", "株洲市法律援助中心", "株"),
        ("LL", "醴陵市法律援助中心", "醴"),
        ("YX", "攸县法律援助中心", "攸"),
    ):
        legalaid("office", "add", code, name, "--prefix", prefix, db=db, check=True)
    legalaid("import", str(SAMPLE_LEDGER), db=db, check=True)
    return db


@pytest.fixture
def sample_db(sample_template: Path, tmp_path: Path) -> Path:
    """A copy of the imported sample (the template is closed, so a file copy is safe here)."""
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(sample_template, db)
    return db


def test_version() -> None:
    result = legalaid("--version")
    assert result.returncode == 0 and result.stdout.startswith("legalaid 0.")


def test_contract_flow(sample_db: Path) -> None:
    legalaid(
        "target",
        "set",
        "--year",
        "2025",
        "--office",
        "ZZ",
        "--cases",
        "20",
        db=sample_db,
        check=True,
    )
    out = legalaid(
        "stats",
        "--year",
        "2025",
        "--until",
        "2025-06-30",
        "--office",
        "ZZ",
        "--json",
        db=sample_db,
        check=True,
    ).stdout
    stats = json.loads(out)
    assert list(stats) == [
        "year",
        "until",
        "office",
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
        "target",
        "completion_pct",
        "time_pct",
        "double_half",
        "by_kind",
        "aided_persons",
        "recovered_amount",
        "quality",
        "services",
        "consultations_by_channel",
        "duty_by_help",
        "consultation_target",
        "consultation_completion_pct",
    ]
    assert sum(stats["by_kind"].values()) == stats["cases"]
    assert stats["aided_persons"] >= stats["cases"]
    assert re.search(r'"recovered_amount": \d+\.\d{2},', out)
    assert stats["until"] == "2025-06-30" and stats["office"] == "ZZ"
    assert stats["cases"] == 6 and stats["target"] == 20 and stats["completion_pct"] == 30.0
    assert stats["time_pct"] == 49.6 and stats["double_half"] is False
    # Money is printed as yuan with exactly two decimals.
    assert re.search(r'"subsidy_total": \d+\.\d{2},', out)


SERVICES_LEDGER = Path(__file__).resolve().parents[1] / "data" / "services-sample.csv"


def test_services_ledger_and_consultation_target(sample_db: Path, tmp_path: Path) -> None:
    result = legalaid("import", str(SERVICES_LEDGER), "--kind", "services", db=sample_db)
    assert result.returncode == 0, result.stderr
    assert "已导入 72 条法律帮助记录" in result.stdout
    again = legalaid("import", str(SERVICES_LEDGER), "--kind", "services", db=sample_db)
    assert again.returncode != 0 and "未导入任何数据" in again.stderr
    legalaid("target", "set", "--year", "2026", "--office", "LL", "--cases", "30",
             "--consultations", "10", db=sample_db, check=True)  # fmt: skip
    stats = json.loads(
        legalaid("stats", "--year", "2026", "--until", "2026-11-20", "--office", "LL", "--json",
                 db=sample_db, check=True).stdout
    )  # fmt: skip
    with SERVICES_LEDGER.open(encoding="utf-8-sig") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["机构"] == "LL" and r["日期"].startswith("2026")]  # fmt: skip
    consulted = sum(int(r["人次"] or 1) for r in rows if r["服务类型"] == "法律咨询")
    duty = sum(1 for r in rows if r["服务类型"] == "值班律师法律帮助")
    assert stats["services"]["法律咨询"] == consulted
    assert stats["services"]["值班律师法律帮助"] == duty
    assert stats["consultation_target"] == 10
    assert stats["consultation_completion_pct"] == round_pct(Decimal(consulted * 100) / 10)
    out = tmp_path / "services.csv"
    legalaid("export", str(out), "--kind", "services", "--year", "2026", db=sample_db, check=True)
    with out.open(encoding="utf-8-sig") as handle:
        exported = list(csv.DictReader(handle))
    assert len(exported) == sum(1 for r in _all(SERVICES_LEDGER) if r["日期"].startswith("2026"))
    assert all("*" in r["身份证号"] for r in exported if r["身份证号"])


def _all(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_init_is_idempotent_and_env_default(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    env = {"LEGALAID_DB": str(db)}
    assert legalaid("init", env=env).returncode == 0
    assert legalaid("init", env=env).returncode == 0
    assert db.exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["office", "add", "ZZ", "重复的机构"], "机构代码「ZZ」已存在"),
        (["target", "set", "--year", "2025", "--office", "QQ", "--cases", "5"], "机构「QQ」不存在"),
        (["stats", "--year", "2025", "--until", "2025/06/30", "--json"], "YYYY-MM-DD"),
        (["stats", "--year", "2025", "--office", "QQ", "--json"], "机构「QQ」不存在"),
        (["import", "missing.csv"], "文件不存在"),
        (["import", "ledger.txt"], "不支持的文件类型"),
        (["target", "set", "--year", "2025", "--office", "ZZ", "--cases", "-3"], "不能为负数"),
    ],
)
def test_bad_input_gets_one_line_and_changes_nothing(
    sample_db: Path, args: list[str], fragment: str
) -> None:
    before = sample_db.with_suffix(".before.csv")
    legalaid("export", str(before), "--full-id", db=sample_db, check=True)
    result = legalaid(*args, db=sample_db)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr
    after = sample_db.with_suffix(".after.csv")
    legalaid("export", str(after), "--full-id", db=sample_db, check=True)
    assert before.read_text(encoding="utf-8-sig") == after.read_text(encoding="utf-8-sig")


def test_bad_ledger_is_reported_on_one_line_per_contract(sample_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "机构,案件来源,案件类型,申请日期,受援人,状态,身份证号\n"
        "ZZ,申请,离婚,2025-03-01,张三,审查,430225197808134425\n",
        encoding="utf-8",
    )
    result = legalaid("import", str(bad), db=sample_db)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "第2行「案件类型」" in result.stderr and "第2行「身份证号」：校验位错误" in result.stderr


def test_database_in_a_missing_folder(tmp_path: Path) -> None:
    result = legalaid("init", db=tmp_path / "nowhere" / "x.sqlite3")
    assert result.returncode == 1
    assert "数据库所在文件夹不存在" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_read_only_database_file_under_root_too(tmp_path: Path) -> None:
    """A database on read-only media: SQLite refuses to write even for root."""
    db = tmp_path / "ro.sqlite3"
    legalaid("init", db=db, check=True)
    uri_target = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = legalaid("office", "add", "ZZ", "株洲", db=uri_target)
    assert result.returncode == 1
    assert "只读" in result.stderr and "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = legalaid("--debug", "init", db=tmp_path / "nowhere" / "x.sqlite3")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_debug_prints_no_id_or_phone_numbers(sample_db: Path, tmp_path: Path) -> None:
    """--debug (which every error line recommends) shows statements and tracebacks, never
    the ID and phone numbers of the people in them."""
    ledger = tmp_path / "one.csv"
    ledger.write_text(
        "机构,案件来源,案件类型,申请日期,受援人,状态,身份证号,联系电话\n"
        "ZZ,申请,民事诉讼代理,2025-03-09,谭新,审查,430225197808134424,13236344021\n"
        "ZZ,申请,民事诉讼代理,2025-03-09,谭新,审查,430225197808134424,13236344021\n",
        encoding="utf-8",
    )
    failed = legalaid("--debug", "import", str(ledger), db=sample_db)  # a repeat: refused
    imported = legalaid("--debug", "import", str(ledger), "--allow-duplicates", db=sample_db)
    assert failed.returncode == 1 and "Traceback" in failed.stderr
    assert imported.returncode == 0, imported.stderr
    # A database error quotes the statement's parameters in its traceback: masked there too.
    connection = sqlite3.connect(sample_db)
    connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON persons "
                       "BEGIN SELECT RAISE(ABORT, 'refused'); END")  # fmt: skip
    connection.commit()
    connection.close()
    other = tmp_path / "other.csv"
    other.write_text(
        ledger.read_text(encoding="utf-8").replace("430225197808134424", "430225199001011238"),
        encoding="utf-8",
    )  # a new person: the refused INSERT carries the ID number among its parameters
    broken = legalaid("--debug", "import", str(other), "--allow-duplicates", db=sample_db)
    assert broken.returncode != 0 and "parameters" in broken.stderr
    assert "4302**********1238" in broken.stderr and "430225199001011238" not in broken.stderr
    for result in (failed, imported, broken):
        assert "430225197808134424" not in result.stderr
        assert "13236344021" not in result.stderr


def test_sigkill_in_the_middle_of_an_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    legalaid("init", db=source, check=True)
    legalaid("demo", "--cases", "10000", "--year", "2025", "--seed", "5", db=source, check=True)
    ledger = tmp_path / "big.csv"
    legalaid("export", str(ledger), "--full-id", db=source, check=True)

    target = tmp_path / "target.sqlite3"
    legalaid("init", db=target, check=True)
    for code in ("ZZ", "LL", "YX", "CL", "YL"):
        legalaid("office", "add", code, code, db=target, check=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "legalaid", "--db", str(target), "import", str(ledger)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("导入：") and not line.startswith("导入：10000/"):
            break  # rows are being written inside the transaction
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
        searchable = connection.execute("SELECT count(*) FROM case_search").fetchone()[0]
    assert count in (0, 10000)
    assert searchable == count
    # The import can simply be run again.
    legalaid("import", str(ledger), db=target, check=True)


def test_backup_and_restore_commands(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    result = legalaid("backup", str(out), db=sample_db)
    assert result.returncode == 0 and out.exists()
    legalaid("office", "add", "QQ", "新机构", db=sample_db, check=True)
    result = legalaid("restore", str(out), db=sample_db)
    assert result.returncode == 0 and "原数据库已另存为" in result.stdout
    assert legalaid("office", "add", "QQ", "新机构", db=sample_db).returncode == 0  # gone
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk")
    result = legalaid("restore", str(junk), db=sample_db)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "不是 SQLite 数据库文件" in result.stderr


def test_deadlines_json_lists_every_running_clock_most_urgent_first(sample_db: Path) -> None:
    from datetime import date

    done = legalaid("deadlines", "--json", db=sample_db, check=True)
    clocks = json.loads(done.stdout)
    assert clocks, "the sample ledger has open cases with running clocks"
    today = date.today()
    keys = ["case_no", "office", "kind", "start", "due", "rule", "remaining_days", "overdue",
            "estimated"]  # fmt: skip
    for clock in clocks:
        assert list(clock) == keys
        assert clock["kind"] in {"审查", "指派", "签订委托协议", "提交结案材料", "结案审查", "上报"}
        assert re.fullmatch(r"\d+(日|工作日)", clock["rule"])
        due = date.fromisoformat(clock["due"])
        assert clock["remaining_days"] == (due - today).days
        assert clock["overdue"] is (today > due)
        assert date.fromisoformat(clock["start"]) < due
    assert [c["due"] for c in clocks] == sorted(c["due"] for c in clocks)
    only_yx = json.loads(legalaid("deadlines", "--json", "--office", "YX", db=sample_db).stdout)
    assert only_yx and {c["office"] for c in only_yx} == {"YX"}
    assert len(only_yx) < len(clocks)


def test_calendar_set_and_show(sample_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型,名称\n2027-02-30,休息,春节\n2027-02-06,放假,春节\n", encoding="utf-8")
    refused = legalaid("calendar", "set", str(bad), db=sample_db)
    assert refused.returncode == 1
    assert "第2行「日期」" in refused.stderr and "第3行「类型」" in refused.stderr
    empty = json.loads(
        legalaid("calendar", "show", "--year", "2027", "--json", db=sample_db).stdout
    )
    assert empty == {"year": 2027, "source": "无（仅按周末估算）", "days": []}

    good = tmp_path / "notice.csv"
    good.write_text(
        "\ufeff日期,类型,名称\n2027-02-12,休息,春节\n2027-02-14,上班,春节\n", encoding="utf-8"
    )
    done = legalaid("calendar", "set", str(good), db=sample_db, check=True)
    assert done.stdout.startswith("已录入 2027 年放假安排 2 天")
    shown = json.loads(
        legalaid("calendar", "show", "--year", "2027", "--json", db=sample_db).stdout
    )
    assert shown["source"] == "录入的通知"
    assert shown["days"] == [
        {"日期": "2027-02-12", "类型": "休息", "名称": "春节"},
        {"日期": "2027-02-14", "类型": "上班", "名称": "春节"},
    ]


def test_figures_check_finds_a_tampered_summary_and_rebuild_mends_it(sample_db: Path) -> None:
    """The daily summary is a copy: `figures check` compares it with the cases, `figures
    rebuild` recomputes it; a read-only database still gets its figures (the marked days are
    counted from the cases when they cannot be summed again)."""
    read_only = f"sqlite:///file:{sample_db}?mode=ro&uri=true"
    unsummed = legalaid("stats", "--year", "2025", "--json", db=read_only, check=True).stdout
    ok = legalaid("figures", "check", "--year", "2025", db=sample_db, check=True)
    assert "一致" in ok.stdout
    assert legalaid("stats", "--year", "2025", "--json", db=sample_db).stdout == unsummed
    with sqlite3.connect(sample_db) as connection:  # behind the triggers' back, as a tool could
        changed = connection.execute(
            "UPDATE figure_days SET n = n + 5 WHERE id = (SELECT min(id) FROM figure_days "
            "WHERE figure = 'cases' AND day LIKE '2025-%')"
        ).rowcount
    assert changed == 1
    bad = legalaid("figures", "check", "--year", "2025", db=sample_db)
    assert bad.returncode == 1
    assert "全部 cases：汇总" in bad.stderr and "figures rebuild" in bad.stderr
    rebuilt = legalaid("figures", "rebuild", db=sample_db, check=True)
    assert re.search(r"已重建每日统计汇总：\d+ 行", rebuilt.stdout)
    assert "一致" in legalaid("figures", "check", "--year", "2025", db=sample_db).stdout
    assert legalaid("stats", "--year", "2025", "--json", db=sample_db).stdout == unsummed
