"""The case ledger (台账) row format shared by import and export (interfaces.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from legalaid.domain.closing_file import Outcome
from legalaid.domain.errors import RowErrors, ValidationError
from legalaid.domain.identity import mask_id_number, normalize_phone, parse_id_number
from legalaid.domain.money import CENTS, AmountError, parse_amount
from legalaid.domain.vocabulary import (
    CaseSource,
    CaseState,
    CaseType,
    E,
    Gender,
    HandlerType,
    QualityGrade,
    RegionTier,
    Stage,
    parse_choice,
)

HEADERS: tuple[str, ...] = (
    "案号",
    "机构",
    "案件来源",
    "案件类型",
    "诉讼阶段",
    "案由",
    "申请日期",
    "受理日期",
    "受援人",
    "性别",
    "身份证号",
    "联系电话",
    "人群类别",
    "承办人",
    "承办人类型",
    "承办单位",
    "指派日期",
    "结案日期",
    "状态",
    "异地",
    "重大疑难",
    "办案补贴",
    "住址",
    "通知机关",
    "可能判处无期徒刑死刑",
    "异地层级",
    "受援人数",
    "结案方式",
    "挽回经济损失",
    "质量等级",
    "事项类别",
    "备注",
)
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")
# The date forms of interfaces.md (a spreadsheet's own dates arrive as dates).
_DATE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m1>\d{1,2})-|/(?P<m2>\d{1,2})/|\.(?P<m3>\d{1,2})\.|年(?P<m4>\d{1,2})月)"
    r"(?P<d>\d{1,2})日?"
)
# The longest value each free-text column holds (the database columns): longer is refused
# with row and column, the same on SQLite (which would keep it) and PostgreSQL (which fails).
MAX_LENGTH: dict[str, int] = {
    "案号": 60, "机构": 20, "案由": 200, "受援人": 50, "承办人": 50, "承办单位": 100,
    "住址": 200, "通知机关": 100, "事项类别": 20, "联系电话": 30, "备注": 2000,
}  # fmt: skip
GROUP_LENGTH = 20
# Accepted and ignored: a sheet's running number.
IGNORED: frozenset[str] = frozenset({"序号"})
# Digits that must arrive as text: a spreadsheet number loses the last ones (4.30212E+17).
TEXT_ONLY: frozenset[str] = frozenset({"身份证号", "联系电话", "案号"})
NUMBER_LOST = "以数字格式保存，末几位可能已丢失：请把该列设为文本后重新输入"
MASKED_ID = "这是隐去身份证号的导出文件，请用完整身份证号导出"
REQUIRED: frozenset[str] = frozenset({"机构", "案件来源", "案件类型", "申请日期", "受援人", "状态"})
GROUP_SEPARATOR = "、"

# Every state of the workflow, as interfaces.md lists them (给予援助 and 已通知 included).
LEDGER_STATES: tuple[str, ...] = tuple(state.value for state in CaseState)


def ledger_state(state: CaseState) -> str:
    return state.value


def workflow_state(text: str, source: CaseSource, accepted_on: date | None) -> CaseState:
    """The state a row names. Ledgers written before 给予援助 and 已通知 were in the list wrote
    a granted application as 审查 with a 受理日期 and an accepted notification as 申请登记 from
    a notifying source; those rows still import to the state they meant."""
    if text == CaseState.REVIEW.value and accepted_on is not None:
        return CaseState.APPROVED
    if text == CaseState.REGISTERED.value and source.is_notification:
        return CaseState.NOTIFIED
    return CaseState(text)


# A named tuple: a 200,000-row import holds many at once, and a large file's rows cross from
# the reader process, where a tuple is rebuilt in one call (a dataclass field by field).
class LedgerRow(NamedTuple):
    row: int
    case_no: str | None
    office_code: str
    source: CaseSource
    case_type: CaseType
    stage: Stage | None
    cause: str | None
    applied_on: date
    accepted_on: date | None
    name: str
    gender: Gender | None
    id_number: str | None
    birth_date: date | None
    phone: str | None
    groups: tuple[str, ...]
    handler_name: str | None
    handler_type: HandlerType | None
    firm_name: str | None
    assigned_on: date | None
    closed_on: date | None
    state: CaseState
    cross_region: bool
    major_difficult: bool
    subsidy_paid: Decimal | None
    address: str | None = None
    notifying_organ: str | None = None
    possible_life_or_death: bool = False
    region_tier: RegionTier | None = None
    aided_persons: int = 1
    outcome: Outcome | None = None
    recovered_amount: Decimal | None = None
    quality_grade: QualityGrade | None = None
    matter_category: str | None = None
    remarks: str | None = None


class Duplicates:
    """interfaces.md: a case repeats another when both have the same 身份证号 (or, where one
    of them has none, the same 受援人), the same 申请日期 and the same 案件类型. Holds what is
    known so far (cases on file, earlier rows) as a reference each: a 案号 or a row."""

    def __init__(self) -> None:
        self._by_id: dict[tuple[str, date, str], str] = {}
        self._by_name: dict[tuple[str, date, str], str] = {}
        self._by_name_without_id: dict[tuple[str, date, str], str] = {}

    def find(
        self, id_number: str | None, name: str, applied_on: date, case_type: str
    ) -> str | None:
        """The reference of the first known case this one repeats, or None."""
        named = (name.strip(), applied_on, case_type)
        if id_number:
            return self._by_id.get(
                (id_number.strip().upper(), applied_on, case_type)
            ) or self._by_name_without_id.get(named)
        return self._by_name.get(named)

    def add(
        self, id_number: str | None, name: str, applied_on: date, case_type: str, ref: str
    ) -> None:
        named = (name.strip(), applied_on, case_type)
        self._by_name.setdefault(named, ref)
        if id_number:
            self._by_id.setdefault((id_number.strip().upper(), applied_on, case_type), ref)
        else:
            self._by_name_without_id.setdefault(named, ref)


@dataclass(frozen=True)
class Columns:
    """One ledger layout: its headers, the required ones, those whose digits must arrive as
    text and the longest value of each free-text column."""

    headers: tuple[str, ...]
    required: frozenset[str]
    text_only: frozenset[str]
    max_length: Mapping[str, int]
    # The columns whose text has more to check than being there: a length or lost digits.
    checked: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "checked", frozenset(self.max_length) | self.text_only)


CASE_COLUMNS = Columns(HEADERS, REQUIRED, TEXT_ONLY, MAX_LENGTH)


def check_headers(headers: list[str], columns: Columns = CASE_COLUMNS) -> list[str]:
    """Problems with the header row: unknown, duplicated or missing required columns."""
    problems = []
    seen: set[str] = set()
    for index, header in enumerate(headers, start=1):
        if header in seen:
            problems.append(f"第1行第{index}列：列名「{header}」重复")
        elif header not in columns.headers and header not in IGNORED:
            problems.append(f"第1行第{index}列：未知的列「{header}」（台账格式中没有此列）")
        seen.add(header)
    for header in columns.headers:
        if header in columns.required and header not in seen:
            problems.append(f"第1行：缺少必填列「{header}」")
    return problems


class RowReader:
    """Reads typed values from one raw row, collecting every problem."""

    def __init__(
        self, raw: Mapping[str, object], row: int, columns: Columns = CASE_COLUMNS
    ) -> None:
        self.raw = raw
        self.row = row
        self.columns = columns
        self.problems: list[ValidationError] = []
        self._checked = columns.checked

    def fail(self, column: str, message: str) -> None:
        self.problems.append(
            ValidationError(f"第{self.row}行「{column}」：{message}", field=column, row=self.row,
                            value=self.raw.get(column))
        )  # fmt: skip

    def text(self, column: str) -> str | None:
        value = self.raw.get(column)
        if type(value) is str and value and not value[0].isspace() and not value[-1].isspace():
            # The usual cell: stripped already (a ledger has millions of them).
            if column in self._checked:
                return self._checked_text(column, value, value)
            return value
        if type(value) is not str:  # a spreadsheet's number, date or empty cell
            if column in self.columns.text_only and (
                isinstance(value, int | float) and not isinstance(value, bool)
            ):
                self.fail(column, f"{NUMBER_LOST}（现为「{value}」）")
                return None
            if value is None:
                value = ""
            elif isinstance(value, float) and value.is_integer():
                value = str(int(value))  # Excel stores typed numbers as floats
            else:
                value = str(value)
        text = value.strip()
        if not text:
            if column in self.columns.required:
                self.fail(column, "必填，不能为空")
            return None
        return self._checked_text(column, text, value)

    def _checked_text(self, column: str, text: str, value: str) -> str | None:
        """A non-empty text within its column's length, and digits that kept all of theirs."""
        limit = self.columns.max_length.get(column)
        if limit is not None and len(text) > limit:
            self.fail(column, f"过长（{len(text)}字，最多{limit}字）")
            return None
        if column in self.columns.text_only and _SCIENTIFIC.match(text):
            self.fail(column, f"{NUMBER_LOST}（现为「{value}」）")
            return None
        return text

    def choice(self, column: str, enum: type[E]) -> E | None:
        text = self.text(column)
        if text is None:
            return None
        try:
            return parse_choice(enum, text, field=column)
        except ValidationError:
            allowed = "、".join(m.value for m in enum)
            self.fail(column, f"「{text}」不是可用的值，应为：{allowed}")
            return None

    def date(self, column: str) -> date | None:
        value = self.raw.get(column)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = self.text(column)
        if text is None:
            return None
        if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
            try:  # the usual form, YYYY-MM-DD (an export's), without the pattern
                return date.fromisoformat(text)
            except ValueError:
                pass  # the pattern below says what is wrong
        match = _DATE.fullmatch(text)
        if match is None:
            self.fail(
                column,
                "日期应为 YYYY-MM-DD、YYYY/M/D、YYYY.M.D 或 YYYY年M月D日（如2025-03-01），"
                f"现为「{text}」",
            )
            return None
        try:
            month = next(m for m in match.group("m1", "m2", "m3", "m4") if m)
            return date(int(match["y"]), int(month), int(match["d"]))
        except ValueError:
            self.fail(column, f"「{text}」不是有效日期")
            return None

    def amount(self, column: str) -> Decimal | None:
        """Yuan, two decimals at most, not negative (a spreadsheet number or text)."""
        value = self.raw.get(column)
        if isinstance(value, float):  # a spreadsheet number: 1800.0, 1234.5
            value = repr(round(value, 6))
        text = self.text(column) if not isinstance(value, str) else value.strip() or None
        if text is None:
            return None
        try:
            return parse_amount(text)
        except AmountError as exc:
            self.fail(column, f"{exc.reason}，现为「{text}」")
            return None

    def count(self, column: str) -> int | None:
        text = self.text(column)
        if text is None:
            return None
        if not text.isdigit() or int(text) < 1:
            self.fail(column, f"应为不小于1的整数，现为「{text}」")
            return None
        return int(text)

    def flag(self, column: str) -> bool:
        text = self.text(column)
        if text is None or text == "否":
            return False
        if text == "是":
            return True
        self.fail(column, f"应为「是」或「否」，现为「{text}」")
        return False


def parse_row(raw: Mapping[str, object], row: int, *, today: date) -> LedgerRow:
    """Check one ledger row; raise ``ValidationError`` (with all its problems) if wrong."""
    r = RowReader(raw, row)
    office_code = r.text("机构")
    source = r.choice("案件来源", CaseSource)
    case_type = r.choice("案件类型", CaseType)
    stage = r.choice("诉讼阶段", Stage)
    applied_on = r.date("申请日期")
    accepted_on = r.date("受理日期")
    assigned_on = r.date("指派日期")
    closed_on = r.date("结案日期")
    name = r.text("受援人")
    gender = r.choice("性别", Gender)

    id_number = r.text("身份证号")
    birth_date = None
    if id_number is not None and "*" in id_number:
        r.fail("身份证号", MASKED_ID)
        id_number = None
    elif id_number is not None:
        try:
            parsed = parse_id_number(id_number, field="身份证号", today=today)
        except ValidationError as exc:
            r.fail("身份证号", exc.message.replace("「身份证号」", "", 1))
        else:
            id_number, birth_date = parsed.value, parsed.birth_date
            if gender is None:
                gender = parsed.gender  # derived when empty (interfaces.md)
            elif gender is not parsed.gender:
                r.fail("性别", f"填写为{gender.value}，但身份证号显示为{parsed.gender.value}")

    phone = r.text("联系电话")
    if phone is not None:
        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            r.fail("联系电话", exc.message.replace("「联系电话」", "", 1))

    groups_text = r.text("人群类别")
    groups: tuple[str, ...] = ()
    if groups_text:
        groups = tuple(
            dict.fromkeys(g.strip() for g in groups_text.split(GROUP_SEPARATOR) if g.strip())
        )
        for group in groups:
            if len(group) > GROUP_LENGTH:
                r.fail("人群类别", f"「{group[:10]}…」过长（最多{GROUP_LENGTH}字）")

    handler_name = r.text("承办人")
    handler_type = r.choice("承办人类型", HandlerType)
    firm_name = r.text("承办单位")

    state_text = r.text("状态")
    if state_text is not None and state_text not in LEDGER_STATES:
        r.fail("状态", f"「{state_text}」不是可用的值，应为：{'、'.join(LEDGER_STATES)}")
        state_text = None

    cross_region = r.flag("异地")
    major_difficult = r.flag("重大疑难")

    subsidy = r.amount("办案补贴")
    recovered = r.amount("挽回经济损失")
    region_tier = r.choice("异地层级", RegionTier)
    if region_tier is not None:  # the tier decides 异地 when given (interfaces.md)
        cross_region = region_tier is not RegionTier.LOCAL
    aided_persons = r.count("受援人数") or 1
    outcome = r.choice("结案方式", Outcome)
    quality = r.choice("质量等级", QualityGrade)

    _check_order(
        r,
        [
            ("申请日期", applied_on),
            ("受理日期", accepted_on),
            ("指派日期", assigned_on),
            ("结案日期", closed_on),
        ],
    )
    for column, value in (
        ("申请日期", applied_on),
        ("受理日期", accepted_on),
        ("指派日期", assigned_on),
        ("结案日期", closed_on),
    ):
        if value is not None and value > today:
            r.fail(column, f"{value.isoformat()}晚于今天")
    if (handler_type or firm_name) and not handler_name:
        r.fail("承办人", "填写了承办人类型或承办单位，但未填写承办人姓名")

    case_no, cause = r.text("案号"), r.text("案由")
    address, organ = r.text("住址"), r.text("通知机关")
    matter, remarks = r.text("事项类别"), r.text("备注")
    life_or_death = r.flag("可能判处无期徒刑死刑")
    if r.problems:
        raise RowErrors(r.problems, row=row) from None
    assert office_code and source and case_type and applied_on and name and state_text
    return LedgerRow(
        row=row,
        case_no=case_no,
        office_code=office_code,
        source=source,
        case_type=case_type,
        stage=stage,
        cause=cause,
        applied_on=applied_on,
        accepted_on=accepted_on,
        name=name,
        gender=gender,
        id_number=id_number,
        birth_date=birth_date,
        phone=phone,
        groups=groups,
        handler_name=handler_name,
        handler_type=handler_type,
        firm_name=firm_name,
        assigned_on=assigned_on,
        closed_on=closed_on,
        state=workflow_state(state_text, source, accepted_on),
        cross_region=cross_region,
        major_difficult=major_difficult,
        subsidy_paid=subsidy,
        address=address,
        notifying_organ=organ,
        possible_life_or_death=life_or_death,
        region_tier=region_tier,
        aided_persons=aided_persons,
        outcome=outcome,
        recovered_amount=recovered,
        quality_grade=quality,
        matter_category=matter,
        remarks=remarks,
    )


def _check_order(r: RowReader, dates: list[tuple[str, date | None]]) -> None:
    """Each date may not come before the one it follows in the workflow."""
    known = [(column, value) for column, value in dates if value is not None]
    for (first, a), (second, b) in pairwise(known):
        if b < a:
            r.fail(second, f"{b.isoformat()}早于{first}{a.isoformat()}")


def yes_no(value: bool | None) -> str:
    """A yes/no fact as the ledger writes it."""
    return "是" if value else "否"


def amount(value: Decimal | None) -> Decimal | None:
    """An amount as the ledger writes it: yuan with two decimals."""
    return None if value is None else value.quantize(CENTS)


def ledger_cells(
    values: Mapping[str, object], *, full_id: bool, headers: tuple[str, ...] = HEADERS
) -> tuple[object, ...]:
    """A row's ledger cells in ``headers`` order, typed (dates, amounts, counts stay what they
    are; yes/no and lists become their text); the ID number masked unless ``full_id``."""
    out: list[object] = []
    for header in headers:
        value = values.get(header)
        kind = type(value)
        if kind is str or value is None or kind is date or kind is int:
            out.append(value)  # most cells: an export writes millions of them
        elif isinstance(value, bool):
            out.append(yes_no(value))
        elif isinstance(value, (list, tuple)):
            out.append(GROUP_SEPARATOR.join(str(v) for v in value))
        elif isinstance(value, Decimal):
            out.append(amount(value))
        elif isinstance(value, (date, int)):
            out.append(value)
        else:
            out.append(str(value))
    if not full_id and "身份证号" in headers:
        index = headers.index("身份证号")
        if out[index]:
            out[index] = mask_id_number(str(out[index]))
    return tuple(out)


# A spreadsheet runs a cell that starts with these as a formula (CSV injection): text written
# to a CSV gets an apostrophe in front, as spreadsheets themselves mark text, and loses it on
# the way back in.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_formula(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def cell_text(value: object) -> str:
    """A typed ledger cell as CSV text."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def format_row(values: Mapping[str, object], *, full_id: bool) -> dict[str, str]:
    """Render a case's ledger values as text; ID numbers masked unless ``full_id``."""
    cells = ledger_cells(values, full_id=full_id)
    return {h: cell_text(v) for h, v in zip(HEADERS, cells, strict=True)}
