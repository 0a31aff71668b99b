"""Controlled vocabularies: case sources, types, stages, states, handler types, groups.

Values are the Chinese terms users see and type (interfaces.md, ledger format).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from legalaid.domain.errors import ValidationError

E = TypeVar("E", bound=StrEnum)


class CaseSource(StrEnum):
    APPLICATION = "申请"
    COURT_NOTICE = "法院通知"
    PROCURATORATE_NOTICE = "检察院通知"
    POLICE_NOTICE = "公安机关通知"
    DUTY_LAWYER = "值班律师转交"
    OTHER = "其他"

    @property
    def is_notification(self) -> bool:
        """Notified cases (通知辩护/通知代理) need no hardship review (法律援助法 s.25, s.36)."""
        return self in NOTIFICATION_SOURCES


class NotificationGround(StrEnum):
    """Why the court, procuratorate or police (or state-security organ) notified the centre:
    the six grounds of 法律援助法 s.25, first paragraph."""

    MINOR = "未成年人"
    DISABLED = "视力、听力、言语残疾人"
    INCAPABLE_ADULT = "不能完全辨认自己行为的成年人"
    LIFE_OR_DEATH = "可能被判处无期徒刑、死刑的人"
    DEATH_REVIEW = "申请法律援助的死刑复核案件被告人"
    ABSENTIA = "缺席审判案件的被告人"
    OTHER = "其他"  # s.25 second paragraph and other laws


class AdvanceGround(StrEnum):
    """Why aid is given before the decision (先行提供, 法律援助法 s.44)."""

    LIMITATION = "距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议"
    PRESERVATION = "需要立即申请财产保全、证据保全或者先予执行"
    OTHER = "法律、法规、规章规定的其他情形"


# 事项类别 (法律援助法 s.31: the civil and administrative matters in scope), as offices record
# them; interfaces.md names these in the ledger.
MATTER_CATEGORIES: tuple[str, ...] = (
    "劳动报酬", "工伤", "婚姻家庭", "交通事故", "赡养抚养扶养", "社会保险", "医疗损害", "其他",
)  # fmt: skip


class RepresentativeKind(StrEnum):
    """Who applies for a person without full capacity, or on their behalf (s.40)."""

    LEGAL = "法定代理人"
    RELATIVE = "近亲属"


NOTIFICATION_SOURCES = frozenset(
    {CaseSource.COURT_NOTICE, CaseSource.PROCURATORATE_NOTICE, CaseSource.POLICE_NOTICE}
)


class CaseType(StrEnum):
    CRIMINAL_DEFENCE = "刑事辩护"
    CRIMINAL_REPRESENTATION = "刑事代理"
    CIVIL = "民事诉讼代理"
    ADMINISTRATIVE = "行政诉讼代理"
    STATE_COMPENSATION = "国家赔偿"
    LABOUR_ARBITRATION = "劳动争议仲裁代理"
    NON_LITIGATION = "非诉讼代理"

    @property
    def is_criminal(self) -> bool:
        return self in (CaseType.CRIMINAL_DEFENCE, CaseType.CRIMINAL_REPRESENTATION)

    @property
    def kind(self) -> str:
        """The roll-up real reports use (interfaces.md, by_kind): 刑事 · 行政 · 民事."""
        if self.is_criminal:
            return "刑事"
        if self in (CaseType.ADMINISTRATIVE, CaseType.STATE_COMPENSATION):
            return "行政"
        return "民事"


class Stage(StrEnum):
    INVESTIGATION = "侦查"
    PROSECUTION_REVIEW = "审查起诉"
    TRIAL = "审判"
    SECOND_INSTANCE = "二审"
    RETRIAL = "再审"
    DEATH_REVIEW = "死刑复核"
    ARBITRATION = "仲裁"
    FIRST_INSTANCE = "一审"
    ENFORCEMENT = "执行"


class CaseState(StrEnum):
    REGISTERED = "申请登记"
    AWAITING_MATERIALS = "补正"
    REVIEW = "审查"
    APPROVED = "给予援助"
    REJECTED = "不予援助"
    NOTIFIED = "已通知"
    ASSIGNED = "已指派"
    IN_PROGRESS = "承办中"
    CLOSING = "结案审查"
    CLOSED = "已结案"
    ARCHIVED = "已归档"
    TERMINATED = "终止"
    WITHDRAWN = "撤回"


# States that are not cases for the statistics (interfaces.md: rejected and withdrawn
# applications are not cases).
NOT_CASES = frozenset({CaseState.REJECTED, CaseState.WITHDRAWN})
CLOSED_STATES = frozenset({CaseState.CLOSED, CaseState.ARCHIVED})
# States whose subsidy falls due (interfaces.md, subsidy_total).
SUBSIDY_STATES = frozenset({CaseState.CLOSED, CaseState.ARCHIVED, CaseState.TERMINATED})
# States in which the case is still being worked on.
OPEN_STATES = frozenset(
    {
        CaseState.REGISTERED,
        CaseState.AWAITING_MATERIALS,
        CaseState.REVIEW,
        CaseState.APPROVED,
        CaseState.NOTIFIED,
        CaseState.ASSIGNED,
        CaseState.IN_PROGRESS,
        CaseState.CLOSING,
    }
)


class HandlerType(StrEnum):
    LAWYER = "律师"
    LEGAL_SERVICE_WORKER = "基层法律服务工作者"
    CENTRE_STAFF = "法律援助机构工作人员"
    SOCIAL_ORGANISATION = "社会组织人员"
    VOLUNTEER = "法律援助志愿者"


class QualityGrade(StrEnum):
    """The closing review's grade of the handling (案件质量评查)."""

    EXCELLENT = "优秀"
    GOOD = "良好"
    PASS = "合格"
    FAIL = "不合格"


class RegionTier(StrEnum):
    """Where a case is handled relative to the office's own area (异地 tiers)."""

    LOCAL = "本辖区"
    CROSS_COUNTY = "跨县"
    CROSS_CITY = "跨市"
    CROSS_PROVINCE = "跨省"


class FirmKind(StrEnum):
    LAW_FIRM = "律师事务所"
    LEGAL_SERVICE_OFFICE = "基层法律服务所"
    AID_CENTRE = "法律援助机构"
    OTHER = "其他"

    @staticmethod
    def guess(name: str) -> FirmKind:
        """Firms created by an import get their kind from their name."""
        if "律师事务所" in name:
            return FirmKind.LAW_FIRM
        if "法律服务所" in name:
            return FirmKind.LEGAL_SERVICE_OFFICE
        if "法律援助" in name:
            return FirmKind.AID_CENTRE
        return FirmKind.OTHER


class Gender(StrEnum):
    MALE = "男"
    FEMALE = "女"


# Aided-person groups (domain.md, statistics). The ledger accepts further groups too.
STANDARD_GROUPS: tuple[str, ...] = (
    "老年人",
    "未成年人",
    "妇女",
    "残疾人",
    "农民工",
    "军人军属",
    "下岗失业人员",
    "低保特困",
    "其他",
)


class TerminationReason(StrEnum):
    """法律援助法 s.48."""

    DECEPTION = "受援人以欺骗或者其他不正当手段获得法律援助"
    HIDDEN_FACTS = "受援人故意隐瞒与案件有关的重要事实或者提供虚假证据"
    ILLEGAL_USE = "受援人利用法律援助从事违法活动"
    NO_LONGER_ELIGIBLE = "受援人的经济状况发生变化，不再符合法律援助条件"
    CASE_ENDED = "案件终止审理或者已经被撤销"
    OWN_LAWYER = "受援人自行委托律师或者其他代理人"
    REQUESTED = "受援人有正当理由要求终止法律援助"
    OTHER = "法律法规规定的其他情形"


def parse_choice(enum: type[E], value: str, *, field: str) -> E:
    """Map a user-typed value onto a vocabulary, or say which values are allowed."""
    text = value.strip()
    member = enum._value2member_map_.get(text)  # by value, in one lookup (a ledger has millions)
    if member is not None:
        return member  # type: ignore[return-value]
    allowed = "、".join(m.value for m in enum)
    raise ValidationError(f"「{field}」的值「{text}」无效，应为：{allowed}", field=field)


# Applicants exempt from the hardship check (法律援助法 s.32: no economic restriction; s.42:
# no hardship review). Intake records one of these instead of the statement and pledge.
HARDSHIP_EXEMPTIONS: tuple[str, ...] = (
    "无固定生活来源的未成年人、老年人、残疾人等特定群体",
    "社会救助、司法救助或者优抚对象",
    "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员",
    "英雄烈士近亲属为维护英雄烈士的人格权益",
    "因见义勇为行为主张相关民事权益",
    "再审改判无罪请求国家赔偿",
    "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益",
    "法律、法规、规章规定的其他情形",
)
HARDSHIP_DECLARED = "经济困难状况说明及个人诚信承诺"
