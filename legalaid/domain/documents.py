"""Standard documents (法律援助文书格式): kinds, numbering words, default texts, filling.

The texts follow the shape of the national formats (forms.md); an office may replace any of
them with its province's current wording, so they are data with named blanks.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from legalaid.domain.errors import ValidationError


class DocumentKind(StrEnum):
    REGISTRATION = "受理登记表"
    GRANT = "给予法律援助决定书"
    REFUSAL = "不予法律援助决定书"
    ASSIGNMENT = "指派通知书"
    LETTER = "法律援助公函"

    @property
    def number_word(self) -> str:
        """The word in the document number: 崂援决字[2025]第12号 (one serial per kind)."""
        return {
            DocumentKind.REGISTRATION: "受",
            DocumentKind.GRANT: "决",
            DocumentKind.REFUSAL: "决",
            DocumentKind.ASSIGNMENT: "指",
            DocumentKind.LETTER: "函",
        }[self]


DEFAULT_NUMBER_PATTERN = "{prefix}援{word}字〔{year}〕第{seq}号"

# Blanks every text may use; services fill them from the case.
FIELDS = (
    "applicant", "applied_date", "cause", "aid_type", "reason", "office", "office_phone",
    "bureau", "firm", "handler", "handler_phone", "organ", "role", "acting_as", "case_no",
)  # fmt: skip

DEFAULT_TEXTS: Mapping[DocumentKind, str] = {
    DocumentKind.GRANT: (
        "{applicant}：\n"
        "你于{applied_date}向本机构提出的{cause}一案法律援助申请，经审查，符合法律援助条件，"
        "现决定给予法律援助，提供法律援助的方式为{aid_type}。\n"
        "特此通知\n"
        "法律援助机构联系方式：{office_phone}"
    ),
    DocumentKind.REFUSAL: (
        "{applicant}：\n"
        "你于{applied_date}向本机构提出的{cause}一案法律援助申请，经审查，{reason}，"
        "根据《中华人民共和国法律援助法》的规定，决定不予法律援助。\n"
        # 法律援助法 s.49: the applicant may object, with no time limit set for the applicant;
        # the bureau decides within 5 日 of receiving the objection.
        "依照《中华人民共和国法律援助法》第四十九条，如对本决定有异议，可以向{bureau}提出；"
        "{bureau}应当自收到异议之日起五日内进行审查，作出维持本决定或者责令本机构改正的决定。\n"
        "特此通知"
    ),
    DocumentKind.ASSIGNMENT: (
        "{firm}：\n"
        "本机构决定对{applicant}（受援人）{cause}一案提供法律援助，现指派你单位承办该案。"
        "请自收到本通知书之日起3个工作日内将承办人姓名和联系方式告知受援人及本机构，"
        "并与受援人或者其法定代理人、近亲属签订委托代理/辩护协议。\n"
        "特此通知"
    ),
    DocumentKind.LETTER: (
        "{organ}：\n"
        "本机构对{applicant}（{role}）{cause}一案，已指派{firm}{handler}担任其{acting_as}。\n"
        "特此函告\n"
        "承办人联系方式：{handler_phone}"
    ),
    DocumentKind.REGISTRATION: (
        "审查意见由对法律援助申请进行初审的工作人员出具；审批意见由法律援助机构负责人"
        "或者其他有权签署意见的人员出具。"
    ),
}


def check_text(text: str) -> None:
    """A replacement text may only use the known blanks (a typo would print as-is)."""
    try:
        names = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    except ValueError as exc:
        raise ValidationError(f"文书内容格式有误：{exc}", field="文书内容") from None
    unknown = names - set(FIELDS)
    if unknown:
        raise ValidationError(
            f"文书内容中有未知的填空：{'、'.join(sorted(unknown))}", field="文书内容"
        )
    if not text.strip():
        raise ValidationError("文书内容不能为空", field="文书内容")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill the blanks; a blank without data prints as an underline to be written by hand."""
    blank = "＿＿＿＿"
    return text.format(**{name: values.get(name) or blank for name in FIELDS})


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def format_number(pattern: str, *, prefix: str, kind: DocumentKind, year: int, seq: int) -> str:
    return pattern.format(prefix=prefix, word=kind.number_word, year=year, seq=seq)
