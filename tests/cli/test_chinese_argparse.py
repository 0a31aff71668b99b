"""argparse's own words reach the clerk in Chinese: usage, errors and help."""

from __future__ import annotations

import argparse

import pytest

from legalaid.cli import main


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：legalaid report")
    assert "位置参数" in out and "选项" in out and "显示本帮助并退出" in out
    assert "统计年度" in out  # our own arguments carry Chinese help too
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report", "weekly", "--year", "2025", "--out", "x.pdf"], "无效的选项：'weekly'"),
        (["stats", "--year", "2025"], "缺少必需的参数：--json"),
        (["frobnicate"], "无效的选项：'frobnicate'"),
        (["stats", "--year", "twenty", "--json"], "无效的 int 值：'twenty'"),
        (["init", "--colour"], "无法识别的参数：--colour"),
    ],
)
def test_errors_are_one_chinese_line(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("legalaid: 参数错误：") and expected in err
    assert err.count("\n") == 1
    assert "invalid" not in err and "required" not in err and "unrecognized" not in err


def test_argparse_is_left_as_it_was_for_everyone_else(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["frobnicate"])
    capsys.readouterr()
    other = argparse.ArgumentParser(prog="other")
    assert other.format_usage().startswith("usage: other")
