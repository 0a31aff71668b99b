"""A year's official notice entered by hand: rows checked, and it outranks the package."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid.domain.deadlines import CaseClock, DeadlineKind, open_deadline
from legalaid.domain.errors import ValidationErrors
from legalaid.domain.holidays import NoticeCalendar, is_estimated, parse_notice
from legalaid.domain.vocabulary import CaseState
from legalaid.services.plumbing.workcalendar import ChineseHolidayCalendar

SPRING_2027 = [
    {"日期": "2027-02-06", "类型": "休息", "名称": "春节"},
    {"日期": "2027-02-12", "类型": "休息", "名称": "春节"},
    {"日期": "2027-02-14", "类型": "上班", "名称": "春节"},
]


def test_an_entered_year_is_exact_and_outranks_the_weekend_guess() -> None:
    packaged = ChineseHolidayCalendar()
    assert is_estimated(date(2027, 2, 12), packaged)  # the package stops at 2026
    calendar = NoticeCalendar(packaged, parse_notice(SPRING_2027))
    assert calendar.is_workday(date(2027, 2, 12)) is False  # listed: 休息 on a Friday
    assert calendar.is_workday(date(2027, 2, 14)) is True  # listed: 上班 on a Sunday
    assert calendar.is_workday(date(2027, 3, 6)) is False  # unlisted Saturday: the week
    assert calendar.is_workday(date(2027, 3, 8)) is True
    assert calendar.is_workday(date(2026, 10, 1)) is False  # other years: the package
    assert not is_estimated(date(2027, 2, 12), calendar)

    clock = CaseClock(CaseState.REVIEW, applied_on=date(2027, 2, 5))
    guessed = open_deadline(clock, packaged)
    exact = open_deadline(clock, calendar)
    assert guessed is not None and exact is not None and exact.kind is DeadlineKind.REVIEW
    assert (guessed.due, guessed.estimated) == (date(2027, 2, 12), True)
    assert (exact.due, exact.estimated) == (date(2027, 2, 14), False)


def test_every_bad_row_is_named_and_nothing_is_taken() -> None:
    rows = [
        {"日期": "2027-02-30", "类型": "休息", "名称": "春节"},
        {"日期": "2027-02-06", "类型": "放假", "名称": "春节"},
        {"日期": "2027-02-07", "类型": "休息", "名称": "春节"},
        {"日期": "2027-02-07", "类型": "休息", "名称": "春节"},
        {"日期": "2027-02-08", "类型": "休息", "备注": "x"},
    ]
    with pytest.raises(ValidationErrors) as refused:
        parse_notice(rows)
    message = refused.value.message
    assert "第2行「日期」：「2027-02-30」不是 YYYY-MM-DD 日期" in message
    assert "第3行「类型」：应为「休息」或「上班」，现为「放假」" in message
    assert "第5行「日期」：2027-02-07 与第4行重复" in message
    assert "第6行：未知的列「备注」" in message


def test_a_notice_table_typed_pasted_or_from_a_file_reads_the_same() -> None:
    from legalaid.domain.holidays import rows_from_text, rows_to_text

    typed = "日期,类型,名称\n2027-02-12,休息,春节\n2027-02-14,上班,春节"
    pasted = "日期\t类型\t名称\n2027-02-12\t休息\t春节\n2027-02-14\t上班\t春节"
    assert (
        rows_from_text(typed)
        == rows_from_text(pasted)
        == [
            {"日期": "2027-02-12", "类型": "休息", "名称": "春节"},
            {"日期": "2027-02-14", "类型": "上班", "名称": "春节"},
        ]
    )
    # A name with a comma survives the round trip through the dialog's text.
    rows = [{"日期": "2027-10-01", "类型": "休息", "名称": "国庆节,中秋节"}]
    assert rows_from_text(rows_to_text(rows)) == rows
    assert rows_from_text("  ") == []
