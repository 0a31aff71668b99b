"""The forms of legal aid that are not cases (法律援助法 s.22): 法律咨询, 代拟法律文书 and
值班律师法律帮助 — counted in person-times (人次), by piece, and by the help given."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from legalaid.domain.errors import ValidationError, ValidationErrors
from legalaid.domain.identity import normalize_phone, parse_id_number
from legalaid.domain.vocabulary import Gender

ITEM_SEPARATOR = "、"


class ServiceKind(StrEnum):
    CONSULTATION = "法律咨询"
    DRAFTING = "代拟法律文书"
    DUTY_HELP = "值班律师法律帮助"


class Channel(StrEnum):
    """How a consultation reached the centre (the 方式 of the services ledger)."""

    VISIT = "来访"
    PHONE = "来电"
    LETTER = "来信"
    ONLINE = "网络"
    HOTLINE = "12348热线"
    OTHER = "其他"


class DutyHelp(StrEnum):
    """What a duty lawyer did (刑事诉讼法 s.36; 法律援助值班律师工作办法 s.6)."""

    CONSULTATION = "法律咨询"
    PROCEDURE = "程序选择建议"
    MEASURES = "申请变更强制措施"
    PLEA_WITNESS = "认罪认罚见证"
    REFERRAL = "转交法律援助申请"
    OTHER = "其他"


class StationKind(StrEnum):
    """Where a duty station (值班律师工作站) sits; duty pay is set per day by station kind."""

    COURT = "人民法院"
    PROCURATORATE = "人民检察院"
    POLICE = "公安机关"
    DETENTION = "看守所"
    OTHER = "其他"

    @staticmethod
    def guess(name: str) -> StationKind:
        """Stations created by an import get their kind from their name."""
        for word, kind in (("看守所", StationKind.DETENTION), ("法院", StationKind.COURT),
                           ("检察院", StationKind.PROCURATORATE), ("公安", StationKind.POLICE),
                           ("派出所", StationKind.POLICE)):  # fmt: skip
            if word in name:
                return kind
        return StationKind.OTHER


# Documents a centre drafts most (the desktop's list; the ledger accepts any kind).
DRAFT_KINDS: tuple[str, ...] = (
    "民事起诉状",
    "民事答辩状",
    "上诉状",
    "申诉状",
    "劳动仲裁申请书",
    "行政起诉状",
    "强制执行申请书",
    "其他",
)
# Longest values (the database columns).
CHANNEL_LENGTH = 60
CONTENT_LENGTH = 2000
NAME_LENGTH = 50


def join_help(items: Iterable[DutyHelp]) -> str | None:
    """Help items in the vocabulary's order, once each, joined by 、 (as stored and exported)."""
    chosen = set(items)
    text = ITEM_SEPARATOR.join(item.value for item in DutyHelp if item in chosen)
    return text or None


def split_help(text: str | None) -> tuple[DutyHelp, ...]:
    if not text:
        return ()
    return tuple(DutyHelp(part) for part in text.split(ITEM_SEPARATOR) if part)


def parse_help(text: str, *, field: str = "帮助内容") -> tuple[DutyHelp, ...]:
    """Typed help items (、 or , between them); unknown ones named."""
    parts = [p.strip() for p in text.replace("，", ITEM_SEPARATOR).replace(",", ITEM_SEPARATOR)
             .split(ITEM_SEPARATOR) if p.strip()]  # fmt: skip
    known = {item.value: item for item in DutyHelp}
    wrong = [p for p in parts if p not in known]
    if wrong:
        allowed = ITEM_SEPARATOR.join(known)
        raise ValidationError(f"「{wrong[0]}」不是可用的帮助内容，应为：{allowed}", field=field)
    return tuple(dict.fromkeys(known[p] for p in parts))


@dataclass(frozen=True)
class ServiceInput:
    """One consultation, drafted document or duty help as the desk or the ledger gives it.

    ``channel`` is the ledger's 方式: a consultation's channel, a duty help's station, a
    drafted document's kind."""

    kind: ServiceKind
    served_on: date
    name: str
    channel: str | None = None
    gender: Gender | None = None
    id_number: str | None = None
    phone: str | None = None
    groups: Sequence[str] = field(default_factory=tuple)
    matter_category: str | None = None
    help_items: Sequence[DutyHelp] = field(default_factory=tuple)
    content: str | None = None
    answer: str | None = None
    handler_name: str | None = None
    person_times: int = 1


@dataclass(frozen=True)
class CheckedService:
    """A service whose values passed every rule, normalised for storage."""

    kind: ServiceKind
    served_on: date
    name: str
    channel: str | None
    gender: Gender | None
    id_number: str | None
    phone: str | None
    groups: tuple[str, ...]
    matter_category: str | None
    help_items: str | None
    content: str | None
    answer: str | None
    handler_name: str | None
    person_times: int


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def check_service(data: ServiceInput, *, today: date) -> CheckedService:
    """Every problem of the entry at once, each naming its field (the form keeps its text)."""
    problems: list[ValidationError] = []

    def fail(field_name: str, message: str) -> None:
        problems.append(ValidationError(f"「{field_name}」{message}", field=field_name))

    if data.served_on > today:
        fail("日期", f"{data.served_on.isoformat()}晚于今天")
    name = _clean(data.name)
    if name is None:
        fail("服务对象", "不能为空")
    elif len(name) > NAME_LENGTH:
        fail("服务对象", f"过长（最多{NAME_LENGTH}字）")
    channel = _clean(data.channel)
    if data.kind is ServiceKind.CONSULTATION:
        if channel is not None and channel not in {c.value for c in Channel}:
            fail("方式", f"「{channel}」不是可用的值，应为：{ITEM_SEPARATOR.join(Channel)}")
    elif data.kind is ServiceKind.DUTY_HELP and channel is None:
        fail("工作站", "值班律师法律帮助须注明工作站")
    if channel is not None and len(channel) > CHANNEL_LENGTH:
        fail("方式", f"过长（最多{CHANNEL_LENGTH}字）")
    gender = data.gender
    id_number = _clean(data.id_number)
    if id_number is not None:
        try:
            parsed = parse_id_number(id_number, field="身份证号", today=today)
        except ValidationError as exc:
            problems.append(exc)
        else:
            id_number = parsed.value
            if gender is None:
                gender = parsed.gender
            elif gender is not parsed.gender:
                fail("性别", f"填写为{gender.value}，但身份证号显示为{parsed.gender.value}")
    phone = _clean(data.phone)
    if phone is not None:
        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            problems.append(exc)
    help_items = join_help(data.help_items)
    if data.kind is ServiceKind.DUTY_HELP and help_items is None:
        fail("帮助内容", "至少选择一项")
    if data.kind is not ServiceKind.DUTY_HELP and help_items is not None:
        fail("帮助内容", "仅值班律师法律帮助填写")
    content = _clean(data.content)
    answer = _clean(data.answer)
    for label, text in (("内容", content), ("答复", answer)):
        if text is not None and len(text) > CONTENT_LENGTH:
            fail(label, f"过长（{len(text)}字，最多{CONTENT_LENGTH}字）")
    handler = _clean(data.handler_name)
    if handler is not None and len(handler) > NAME_LENGTH:
        fail("办理人", f"过长（最多{NAME_LENGTH}字）")
    if data.kind is ServiceKind.DUTY_HELP and handler is None:
        fail("办理人", "须注明值班律师")
    if data.person_times < 1:
        fail("人次", "应为不小于1的整数")
    matter = _clean(data.matter_category)
    if matter is not None and len(matter) > 20:
        fail("事项类别", "过长（最多20字）")
    groups = tuple(dict.fromkeys(g.strip() for g in data.groups if g.strip()))
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise ValidationErrors(problems, heading="请更正以下内容：")
    assert name is not None
    return CheckedService(
        kind=data.kind,
        served_on=data.served_on,
        name=name,
        channel=channel,
        gender=gender,
        id_number=id_number,
        phone=phone,
        groups=groups,
        matter_category=matter,
        help_items=help_items,
        content=content,
        answer=answer,
        handler_name=handler,
        person_times=data.person_times,
    )


def repeat_key(
    office_id: int, served_on: date, kind: str, name: str, id_number: str | None,
    content: str | None, handler: str | None,
) -> tuple[object, ...]:  # fmt: skip
    """Two records are the same service (a ledger imported twice) when the office, date,
    kind, person, matter and handler all agree."""
    return (office_id, served_on, kind, name.strip(), (id_number or "").upper(),
            (content or "").strip(), (handler or "").strip())  # fmt: skip
