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


class Layout(StrEnum):
    """How a document is set: a letter (addressee, body, seal and date), a form (a field
    table, signature boxes, notes) or an agreement (body, both parties sign)."""

    LETTER = "函件"
    FORM = "表格"
    AGREEMENT = "协议"


class DocumentKind(StrEnum):
    """The documents of a case (法律援助文书格式, 2023, as far as known — see forms.md)."""

    REGISTRATION = "受理登记表"
    APPLICATION = "法律援助申请表"
    HARDSHIP = "经济困难状况说明表"
    RECEIPT = "申请材料接收凭证"
    SUPPLEMENT = "补充材料通知书"
    GRANT = "给予法律援助决定书"
    REFUSAL = "不予法律援助决定书"
    ASSIGNMENT = "指派通知书"
    LETTER = "法律援助公函"
    VISIT_LETTER = "会见阅卷公函"
    TRANSFER_LETTER = "转交申请公函"
    AGREEMENT = "委托协议"
    POWER = "授权委托书"
    SERVICE = "送达回证"
    CHANGE_APPLICATION = "更换法律援助人员申请表"
    CHANGE_NOTICE = "更换法律援助人员通知书"
    TERMINATION = "终止法律援助决定书"
    TERMINATION_LETTER = "终止法律援助公函"
    CLOSING_REPORT = "结案报告表"

    @property
    def number_word(self) -> str:
        """The word in the document number: 崂援决字[2025]第12号 (one serial per word and
        year); empty for papers the centre does not number (forms the person fills in,
        agreements between the person and the handler)."""
        return _WORDS.get(self, "")

    @property
    def layout(self) -> Layout:
        if self in _FORMS:
            return Layout.FORM
        if self in (DocumentKind.AGREEMENT, DocumentKind.POWER):
            return Layout.AGREEMENT
        return Layout.LETTER

    @property
    def heading(self) -> str:
        """The printed title (some are longer than the short name kept with the case)."""
        return _TITLES.get(self, self.value)


_WORDS = {
    DocumentKind.REGISTRATION: "受", DocumentKind.APPLICATION: "申",
    DocumentKind.RECEIPT: "收", DocumentKind.SUPPLEMENT: "补", DocumentKind.GRANT: "决",
    DocumentKind.REFUSAL: "决", DocumentKind.ASSIGNMENT: "指", DocumentKind.LETTER: "函",
    DocumentKind.VISIT_LETTER: "会函", DocumentKind.TRANSFER_LETTER: "转函",
    DocumentKind.CHANGE_NOTICE: "更", DocumentKind.TERMINATION: "终",
    DocumentKind.TERMINATION_LETTER: "终函", DocumentKind.CLOSING_REPORT: "结",
}  # fmt: skip
_FORMS = frozenset({
    DocumentKind.REGISTRATION, DocumentKind.APPLICATION, DocumentKind.HARDSHIP,
    DocumentKind.SERVICE, DocumentKind.CHANGE_APPLICATION, DocumentKind.CLOSING_REPORT,
})  # fmt: skip
_TITLES = {
    DocumentKind.REGISTRATION: "法律援助受理登记审批表",
    DocumentKind.RECEIPT: "法律援助申请材料接收凭证",
    DocumentKind.SUPPLEMENT: "补充材料、说明通知书",
    DocumentKind.VISIT_LETTER: "法律援助公函",
    DocumentKind.TRANSFER_LETTER: "法律援助公函",
}


DEFAULT_NUMBER_PATTERN = "{prefix}援{word}字〔{year}〕第{seq}号"

# Blanks every text may use; services fill them from the case.
FIELDS = (
    "applicant", "applied_date", "cause", "aid_type", "reason", "office", "office_phone",
    "office_address", "bureau", "firm", "handler", "handler_phone", "organ", "role",
    "acting_as", "case_no", "applicant_phone", "missing", "materials", "review_due",
    "detention_place", "organ_case_no", "termination_reason", "terminated_date",
    "old_handler", "change_reason", "letter_no", "assignment_no", "stage",
)  # fmt: skip

DEFAULT_TEXTS: Mapping[DocumentKind, str] = {
    DocumentKind.GRANT: (
        "{applicant}：\n"
        "你于{applied_date}向本机构提出的{cause}一案法律援助申请，经审查，符合法律援助条件，"
        "现决定给予法律援助，提供法律援助的方式为{aid_type}。本机构将指派法律援助人员承办，"
        "承办人员将与你联系。\n"
        "特此通知\n"
        "本机构地址：{office_address}\n"
        "联系电话：{office_phone}"
    ),
    DocumentKind.REFUSAL: (
        "{applicant}：\n"
        "你于{applied_date}向本机构提出的{cause}一案法律援助申请，经审查，{reason}，"
        "根据《中华人民共和国法律援助法》的规定，决定不予法律援助。\n"
        # 法律援助法 s.49: the applicant may object, with no time limit set for the applicant;
        # the bureau decides within 5 日 of receiving the objection.
        "依照《中华人民共和国法律援助法》第四十九条，如对本决定有异议，可以向{bureau}提出；"
        "{bureau}应当自收到异议之日起五日内进行审查，作出维持本决定或者责令本机构改正的决定。\n"
        "特此通知\n"
        "联系电话：{office_phone}"
    ),
    DocumentKind.ASSIGNMENT: (
        # 2023 wording: the handler signs the agreement within five days of the assignment
        # (办理法律援助案件程序规定 s.27), unless the aided person or another objective cause
        # prevents it.
        "{firm}：\n"
        "本机构决定对{applicant}（受援人）{cause}一案提供法律援助，现指派你单位承办该案。"
        "请指派的法律援助人员自接受指派之日起五日内，与受援人或者其法定代理人、近亲属签订"
        "委托协议和授权委托书，但因受援人原因或者其他客观原因无法按时签订的除外；"
        "并及时将承办人姓名和联系方式告知受援人及本机构。\n"
        "受援人联系电话：{applicant_phone}\n"
        "特此通知"
    ),
    DocumentKind.LETTER: (
        "{organ}：\n"
        "本机构对{applicant}（{role}）{cause}一案，已指派{firm}{handler}担任其{acting_as}。\n"
        "特此函告\n"
        "承办人联系方式：{handler_phone}"
    ),
    DocumentKind.VISIT_LETTER: (
        "{organ}：\n"
        "根据《中华人民共和国法律援助法》《中华人民共和国刑事诉讼法》的有关规定，本机构已指派"
        "{firm}{handler}担任{applicant}（{role}）{cause}一案的{acting_as}，现前往你处会见"
        "{applicant}、查阅案卷材料，请予安排。\n"
        "特此函告\n"
        "承办人联系方式：{handler_phone}"
    ),
    DocumentKind.TRANSFER_LETTER: (
        "{organ}：\n"
        "你单位于{applied_date}转交的{applicant}{cause}一案法律援助申请，本机构已收到。"
        "经审查，本机构已决定给予法律援助，并指派{firm}{handler}承办。\n"
        "特此函告\n"
        "承办人联系方式：{handler_phone}"
    ),
    DocumentKind.RECEIPT: (
        "{applicant}：\n"
        "本机构于{applied_date}收到你提出的{cause}一案法律援助申请及下列材料：{materials}。"
        "本机构将自收到申请之日起七日内进行审查，作出是否给予法律援助的决定"
        "（预计不晚于{review_due}；需要补充材料、说明的，补充期间不计入）。\n"
        "本凭证不作为给予法律援助的决定。\n"
        "联系电话：{office_phone}"
    ),
    DocumentKind.SUPPLEMENT: (
        # 法律援助法 s.43: materials incomplete — the applicant is told what to add; the
        # review period does not run meanwhile.
        "{applicant}：\n"
        "你于{applied_date}提出的{cause}一案法律援助申请，材料不齐全，"
        "请补充或者说明以下事项：{missing}。\n"
        "请按要求及时补充、说明；补充期间不计入审查期限，"
        "未按要求补充、说明的，视为撤回申请。\n"
        "特此通知\n"
        "联系电话：{office_phone}"
    ),
    DocumentKind.CHANGE_NOTICE: (
        "{firm}：\n"
        "本机构于{applied_date}指派你单位承办的{applicant}（受援人）{cause}一案，"
        "因{change_reason}，决定更换法律援助人员，由{handler}接替{old_handler}承办。"
        "请安排原承办人及时与更换后的承办人办理案件移交手续，"
        "并与受援人变更委托协议和授权委托书。\n"
        "特此通知"
    ),
    DocumentKind.TERMINATION: (
        "{applicant}：\n"
        "本机构给予你的{cause}一案法律援助（{letter_no}），因{termination_reason}，"
        "根据《中华人民共和国法律援助法》第四十八条的规定，决定自{terminated_date}起"
        "终止法律援助。\n"
        "依照《中华人民共和国法律援助法》第四十九条，如对本决定有异议，可以向{bureau}提出。\n"
        "特此通知"
    ),
    DocumentKind.TERMINATION_LETTER: (
        "{organ}：\n"
        "本机构给予{applicant}（{role}）{cause}一案的法律援助（{letter_no}），"
        "因{termination_reason}，根据《中华人民共和国法律援助法》第四十八条的规定，"
        "决定终止法律援助。\n"
        "特此函告"
    ),
    DocumentKind.AGREEMENT: (
        "委托人（受援人）：{applicant}\n"
        "受托人：{firm}（承办人：{handler}）\n"
        "根据{office}的指派（{assignment_no}），受托人指派{handler}担任委托人{cause}一案"
        "{stage}的{acting_as}，双方约定如下：\n"
        "一、受托人依法为委托人提供法律援助，不向委托人收取任何费用。\n"
        "二、委托人应当如实陈述案件事实，提供有关证据材料，配合承办人开展工作。\n"
        "三、承办人应当依法维护委托人的合法权益，及时告知案件办理情况。\n"
        "四、有法律援助法第四十八条规定情形的，法律援助机构可以决定终止法律援助。\n"
        "五、本协议自双方签订之日起生效，至本案本阶段办结时终止。"
    ),
    DocumentKind.POWER: (
        "委托人：{applicant}\n"
        "受托人：{handler}，{firm}\n"
        "现委托上列受托人在{cause}一案{stage}中，作为委托人的{acting_as}。\n"
        "代理权限：一般代理（需特别授权的事项另行书面授权）。"
    ),
    DocumentKind.REGISTRATION: (
        "审查意见由对法律援助申请进行初审的工作人员出具；审批意见由法律援助机构负责人"
        "或者其他有权签署意见的人员出具。"
    ),
    DocumentKind.APPLICATION: "本人承诺以上所填内容和提交的证件、证明均真实。",
    DocumentKind.HARDSHIP: (
        # 个人诚信承诺 (法律援助法 s.41: the applicant's statement of hardship and pledge).
        "个人诚信承诺：本人承诺以上所填经济困难状况真实、完整，如有虚假，"
        "愿承担相应的法律责任，并退还已获得的法律援助费用。"
    ),
    DocumentKind.SERVICE: "受送达人签收后，请将本回证退回本机构。",
    DocumentKind.CHANGE_APPLICATION: (
        "说明：受援人有正当理由要求更换法律援助人员的，可以向法律援助机构提出申请，"
        "法律援助机构应当自收到申请之日起三日内作出决定。"
    ),
    DocumentKind.CLOSING_REPORT: (
        "承办人应当自法律援助案件结案之日起三十日内向法律援助机构提交结案归档材料。"
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
