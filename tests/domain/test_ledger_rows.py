"""Ledger rows: every problem named by row and column, states mapped both ways."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from legalaid.domain.closing_file import Outcome
from legalaid.domain.errors import ValidationError
from legalaid.domain.ledger import (
    HEADERS,
    check_headers,
    format_row,
    ledger_state,
    parse_row,
    workflow_state,
)
from legalaid.domain.vocabulary import CaseSource, CaseState, Gender, QualityGrade

TODAY = date(2026, 11, 20)
GOOD = {
    "机构": "ZZ",
    "案件来源": "申请",
    "案件类型": "民事诉讼代理",
    "诉讼阶段": "一审",
    "申请日期": "2025-03-01",
    "受理日期": "2025-03-03",
    "受援人": "张三",
    "身份证号": "430225197808134424",
    "联系电话": "13236344021",
    "人群类别": "妇女、农民工",
    "承办人": "李四",
    "承办人类型": "律师",
    "承办单位": "湖南天元律师事务所",
    "指派日期": "2025-03-04",
    "状态": "承办中",
    "异地": "否",
    "重大疑难": "是",
    "办案补贴": "",
}


def test_good_row() -> None:
    row = parse_row(GOOD, 2, today=TODAY)
    assert row.gender is Gender.FEMALE  # derived from the ID number when empty
    assert row.groups == ("妇女", "农民工")
    assert row.major_difficult and not row.cross_region
    assert row.state is CaseState.IN_PROGRESS
    assert row.birth_date == date(1978, 8, 13)


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("身份证号", "430225197808134425", "第7行「身份证号」：校验位错误"),
        ("案件类型", "离婚", "第7行「案件类型」：「离婚」不是可用的值"),
        ("申请日期", "03/01/2025", "第7行「申请日期」：日期应为 YYYY-MM-DD、YYYY/M/D"),
        ("申请日期", "2025/3/32", "「2025/3/32」不是有效日期"),
        # Digits a spreadsheet turned into a number are refused with the real cause.
        ("身份证号", 4.30225197808134e17, "第7行「身份证号」：以数字格式保存，末几位可能已丢失"),
        ("身份证号", "4.30225E+17", "以数字格式保存，末几位可能已丢失：请把该列设为文本"),
        ("联系电话", 13236344021, "第7行「联系电话」：以数字格式保存"),
        ("身份证号", "4302**********4424", "这是隐去身份证号的导出文件，请用完整身份证号导出"),
        ("受援人数", "0", "第7行「受援人数」：应为不小于1的整数"),
        ("异地层级", "跨国", "第7行「异地层级」：「跨国」不是可用的值"),
        ("挽回经济损失", "-1", "第7行「挽回经济损失」：金额不能为负数"),
        ("质量等级", "很好", "第7行「质量等级」"),
        ("受援人", "张" * 51, "第7行「受援人」：过长（51字，最多50字）"),
        ("人群类别", "老" * 21, "第7行「人群类别」"),
        ("申请日期", "2025-02-30", "「2025-02-30」不是有效日期"),
        ("受理日期", "2025-02-01", "第7行「受理日期」：2025-02-01早于申请日期2025-03-01"),
        ("状态", "已批准", "第7行「状态」：「已批准」不是可用的值"),
        ("异地", "Y", "第7行「异地」：应为「是」或「否」"),
        ("办案补贴", "-5", "金额不能为负数"),
        ("办案补贴", "12.345", "最多两位小数"),
        ("办案补贴", "两千", "应为金额"),
        ("联系电话", "12345", "第7行「联系电话」"),
        ("受援人", "", "第7行「受援人」：必填"),
        ("性别", "男", "填写为男，但身份证号显示为女"),
        ("结案日期", "2027-01-01", "晚于今天"),
    ],
)
def test_each_problem_names_row_and_column(column: str, value: object, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_row({**GOOD, column: value}, 7, today=TODAY)
    assert fragment in info.value.message
    assert info.value.row == 7


def test_all_problems_of_a_row_are_reported_together() -> None:
    with pytest.raises(ValidationError) as info:
        parse_row({**GOOD, "机构": "", "案件来源": "电话", "身份证号": "123"}, 3, today=TODAY)
    lines = info.value.message.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("第3行") for line in lines)


def test_headers() -> None:
    assert check_headers(list(HEADERS)) == []
    problems = check_headers(["机构", "案件来源", "说明", "机构"])
    assert "第1行第3列：未知的列「说明」（台账格式中没有此列）" in problems
    assert "第1行第4列：列名「机构」重复" in problems
    assert "第1行：缺少必填列「受援人」" in problems


@pytest.mark.parametrize("state", list(CaseState))
def test_every_state_is_in_the_ledger_and_comes_back(state: CaseState) -> None:
    source = CaseSource.COURT_NOTICE if state is CaseState.NOTIFIED else CaseSource.APPLICATION
    accepted = None if state in (CaseState.REGISTERED, CaseState.REVIEW) else date(2025, 3, 3)
    assert ledger_state(state) == state.value  # 给予援助 and 已通知 are written as they are
    assert workflow_state(ledger_state(state), source, accepted) is state


@pytest.mark.parametrize(
    ("text", "source", "accepted", "state"),
    [
        # Ledgers written before 给予援助 and 已通知 were listed still mean what they meant.
        ("审查", CaseSource.APPLICATION, date(2025, 3, 3), CaseState.APPROVED),
        ("申请登记", CaseSource.COURT_NOTICE, date(2025, 3, 3), CaseState.NOTIFIED),
        ("承办中", CaseSource.COURT_NOTICE, date(2025, 3, 3), CaseState.IN_PROGRESS),
    ],
)
def test_older_ledgers_keep_their_meaning(
    text: str, source: CaseSource, accepted: date | None, state: CaseState
) -> None:
    assert workflow_state(text, source, accepted) is state


def test_format_masks_unless_full_id() -> None:
    values = {"身份证号": "430225197808134424", "异地": True, "人群类别": ["妇女", "农民工"]}
    assert format_row(values, full_id=False)["身份证号"] == "4302**********4424"
    row = format_row(values, full_id=True)
    assert row["身份证号"] == "430225197808134424"
    assert row["异地"] == "是"
    assert row["人群类别"] == "妇女、农民工"


@pytest.mark.parametrize(
    "text", ["2025-03-01", "2025-3-1", "2025/3/1", "2025/03/01", "2025.3.1", "2025年3月1日"]
)
def test_every_date_form_offices_write(text: str) -> None:
    assert parse_row({**GOOD, "申请日期": text}, 2, today=TODAY).applied_on == date(2025, 3, 1)


def test_the_extended_columns_are_read() -> None:
    row = parse_row(
        {**GOOD, "住址": "株洲市芦淞区建设路1号", "通知机关": "", "可能判处无期徒刑死刑": "否",
         "异地层级": "跨市", "受援人数": 3.0, "结案方式": "调解", "挽回经济损失": 12345.6,
         "质量等级": "良好", "事项类别": "劳动报酬", "备注": "第一行\n第二行", "序号": 7},
        2, today=TODAY,
    )  # fmt: skip
    assert row.address == "株洲市芦淞区建设路1号" and row.notifying_organ is None
    assert row.cross_region  # the tier decides 异地
    assert row.aided_persons == 3 and row.recovered_amount == Decimal("12345.60")
    assert (row.outcome, row.quality_grade) == (Outcome.MEDIATION, QualityGrade.GOOD)
    assert row.matter_category == "劳动报酬" and row.remarks == "第一行\n第二行"
    assert check_headers([*HEADERS, "序号"]) == []  # 序号 accepted and ignored
