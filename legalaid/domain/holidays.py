"""A year's official holidays and make-up working days as the State Council's notice
(国务院办公厅关于部分节假日安排的通知) gives them, entered by an administrator.

The packaged holiday data ends where the published notices end; a due date that rests on a
later year is only an estimate (weekends counted). Entering the notice makes it exact: the
listed days are rest (休息) or working (上班) days, every other day of that year follows the
week. Entered years take precedence over the packaged data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from legalaid.domain.errors import ValidationError, ValidationErrors
from legalaid.domain.workdays import HolidayCalendar

REST, WORK = "休息", "上班"
COLUMNS = ("日期", "类型", "名称")


@dataclass(frozen=True)
class NoticeDay:
    day: date
    workday: bool  # 上班 (a make-up working day) or 休息
    name: str

    @property
    def kind(self) -> str:
        return WORK if self.workday else REST


def rows_from_text(text: str) -> list[dict[str, str]]:
    """A notice table typed (comma-separated) or pasted from a spreadsheet (tab-separated),
    header first."""
    text = text.strip()
    if not text:
        return []
    delimiter = "\t" if "\t" in text.splitlines()[0] else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def rows_to_text(rows: Iterable[Mapping[str, str]]) -> str:
    """The table as comma-separated text (quoted where a value needs it), header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), extrasaction="ignore",
                            lineterminator="\n")  # fmt: skip
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().strip()


def parse_notice(rows: Iterable[Mapping[str, str]]) -> list[NoticeDay]:
    """Rows of a notice table (columns 日期, 类型, 名称; row 2 is the first under the header).
    All rows or none: every problem is named by row and column."""
    days: list[NoticeDay] = []
    errors: list[ValidationError] = []
    seen: dict[date, int] = {}
    for number, row in enumerate(rows, start=2):
        unknown = set(row) - set(COLUMNS)
        if unknown:
            errors.append(ValidationError(f"第{number}行：未知的列「{'、'.join(sorted(unknown))}」",
                                          field="列", row=number))  # fmt: skip
            continue
        text = (row.get("日期") or "").strip()
        kind = (row.get("类型") or "").strip()
        name = (row.get("名称") or "").strip()
        try:
            day = date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
        if day is None:
            errors.append(ValidationError(f"第{number}行「日期」：「{text}」不是 YYYY-MM-DD 日期",
                                          field="日期", row=number))  # fmt: skip
            continue
        if kind not in (REST, WORK):
            errors.append(ValidationError(f"第{number}行「类型」：应为「休息」或「上班」，现为「{kind}」",
                                          field="类型", row=number))  # fmt: skip
            continue
        if day in seen:
            errors.append(ValidationError(f"第{number}行「日期」：{text} 与第{seen[day]}行重复",
                                          field="日期", row=number))  # fmt: skip
            continue
        seen[day] = number
        days.append(NoticeDay(day, kind == WORK, name))
    if errors:
        raise ValidationErrors(errors, heading=f"放假安排有 {len(errors)} 处错误，未录入任何一行：")
    if not days:
        raise ValidationError("放假安排为空：至少需要一行（日期、类型、名称）", field="日期")
    return sorted(days, key=lambda d: d.day)


class NoticeCalendar:
    """Entered notices over the packaged data: a ``HolidayCalendar``."""

    def __init__(self, packaged: HolidayCalendar, notices: Iterable[NoticeDay] = ()) -> None:
        self.packaged = packaged
        self.days = {d.day: d.workday for d in notices}
        self.years = frozenset(d.year for d in self.days)

    def is_workday(self, day: date) -> bool | None:
        if day in self.days:
            return self.days[day]
        if day.year in self.years:  # the notice covers its year: unlisted days follow the week
            return day.weekday() < 5
        return self.packaged.is_workday(day)

    def has_data(self, day: date) -> bool:
        return self.is_workday(day) is not None


ESTIMATED_NOTE = (
    "预估：该年度的国务院放假通知尚未录入，到期日只按周末计算；"
    "管理员可在「设置 › 节假日」录入通知，到期日随即重新计算"
)


def is_estimated(due: date, calendar: HolidayCalendar) -> bool:
    """A due date in a year the calendar has no official data for is only an estimate."""
    return calendar.is_workday(due) is None
