"""The services ledger (法律帮助台账, interfaces.md): one row per consultation, drafted document
or duty help, under the same file rules as the case ledger."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from legalaid.domain.aid_services import (
    CHANNEL_LENGTH,
    DutyHelp,
    ServiceInput,
    ServiceKind,
    check_service,
    parse_help,
)
from legalaid.domain.errors import RowErrors, ValidationError, ValidationErrors
from legalaid.domain.ledger import GROUP_LENGTH, GROUP_SEPARATOR, MASKED_ID, Columns, RowReader
from legalaid.domain.vocabulary import Gender

SERVICE_HEADERS: tuple[str, ...] = (
    "机构",
    "日期",
    "服务类型",
    "方式",
    "服务对象",
    "性别",
    "身份证号",
    "联系电话",
    "人群类别",
    "事项类别",
    "帮助内容",
    "内容",
    "办理人",
    "人次",
    "转为案件",
)
SERVICE_COLUMNS = Columns(
    headers=SERVICE_HEADERS,
    required=frozenset({"机构", "日期", "服务类型", "服务对象"}),
    text_only=frozenset({"身份证号", "联系电话", "转为案件"}),
    max_length={
        "机构": 20,
        "方式": CHANNEL_LENGTH,
        "服务对象": 50,
        "事项类别": 20,
        "内容": 2000,
        "办理人": 50,
        "转为案件": 60,
        "联系电话": 30,
    },
)
# The entry's field names as the ledger calls them.
_FIELD_COLUMN = {
    "日期": "日期",
    "服务对象": "服务对象",
    "方式": "方式",
    "工作站": "方式",
    "身份证号": "身份证号",
    "联系电话": "联系电话",
    "性别": "性别",
    "帮助内容": "帮助内容",
    "内容": "内容",
    "办理人": "办理人",
    "人次": "人次",
    "事项类别": "事项类别",
}


@dataclass(frozen=True, slots=True)
class ServiceRow:
    row: int
    office_code: str
    entry: ServiceInput
    case_no: str | None


def parse_service_row(raw: Mapping[str, object], row: int, *, today: date) -> ServiceRow:
    """Check one services-ledger row; raise ``RowErrors`` with every problem if wrong."""
    r = RowReader(raw, row, SERVICE_COLUMNS)
    office_code = r.text("机构")
    served_on = r.date("日期")
    kind = r.choice("服务类型", ServiceKind)
    channel = r.text("方式")
    name = r.text("服务对象")
    gender = r.choice("性别", Gender)
    id_number = r.text("身份证号")
    if id_number is not None and "*" in id_number:
        r.fail("身份证号", MASKED_ID)
        id_number = None
    phone = r.text("联系电话")
    groups_text = r.text("人群类别")
    groups: tuple[str, ...] = ()
    if groups_text:
        groups = tuple(g.strip() for g in groups_text.split(GROUP_SEPARATOR) if g.strip())
        for group in groups:
            if len(group) > GROUP_LENGTH:
                r.fail("人群类别", f"「{group[:10]}…」过长（最多{GROUP_LENGTH}字）")
    matter = r.text("事项类别")
    help_text = r.text("帮助内容")
    help_items: tuple[DutyHelp, ...] = ()
    if help_text is not None:
        try:
            help_items = parse_help(help_text)
        except ValidationError as exc:
            r.fail("帮助内容", exc.message)
    content = r.text("内容")
    handler = r.text("办理人")
    times = r.count("人次") or 1
    case_no = r.text("转为案件")
    if r.problems:
        raise RowErrors(r.problems, row=row) from None
    assert office_code and served_on and kind and name
    entry = ServiceInput(
        kind=kind,
        served_on=served_on,
        name=name,
        channel=channel,
        gender=gender,
        id_number=id_number,
        phone=phone,
        groups=groups,
        matter_category=matter,
        help_items=help_items,
        content=content,
        handler_name=handler,
        person_times=times,
    )
    try:
        check_service(entry, today=today)
    except ValidationError as exc:
        problems = exc.problems if isinstance(exc, ValidationErrors) else [exc]
        for problem in problems:
            column = _FIELD_COLUMN.get(problem.field or "", problem.field or "")
            text = problem.message.removeprefix(f"「{problem.field}」")
            r.fail(column, text)
        raise RowErrors(r.problems, row=row) from None
    return ServiceRow(row=row, office_code=office_code, entry=entry, case_no=case_no)
