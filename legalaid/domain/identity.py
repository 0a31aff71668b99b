"""Resident ID numbers (GB 11643-1999) and mainland phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import Gender

# ISO 7064 MOD 11-2 weights and check characters used by GB 11643-1999.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# First digit of the administrative-division code: 1–6 (regions) or 8 (HK/Macao/Taiwan
# residence permits, GB 11643 as used since 2018).
_REGION_FIRST = set("1234568")


def check_character(first17: str) -> str:
    """The 18th character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-character resident ID number."""

    value: str
    birth_date: date
    gender: Gender

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)

    @property
    def masked(self) -> str:
        return mask_id_number(self.value)


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day`` (a person born on 29 Feb turns a year older on 1 Mar)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def parse_id_number(text: str, *, field: str = "身份证号", today: date | None = None) -> IdNumber:
    """Validate an ID number and read its birth date and gender, or say what is wrong."""
    value = text.strip().upper().replace(" ", "")
    if len(value) != 18:
        raise ValidationError(f"「{field}」应为18位，现为{len(value)}位", field=field)
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise ValidationError(f"「{field}」前17位应为数字，最后一位为数字或X", field=field)
    if value[0] not in _REGION_FIRST:
        raise ValidationError(f"「{field}」开头的行政区划代码无效", field=field)
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(
            f"「{field}」第7–14位的出生日期{value[6:14]}不是有效日期", field=field
        ) from None
    limit = today or date.today()
    if birth > limit or birth.year < 1900:
        raise ValidationError(f"「{field}」中的出生日期{birth.isoformat()}不合理", field=field)
    expected = check_character(value[:17])
    if value[17] != expected:
        raise ValidationError(
            f"「{field}」校验位错误：最后一位应为{expected}，请核对是否输错", field=field
        )
    # The 17th digit is the sequence code: odd for men, even for women.
    gender = Gender.MALE if int(value[16]) % 2 == 1 else Gender.FEMALE
    return IdNumber(value=value, birth_date=birth, gender=gender)


def mask_id_number(value: str | None) -> str:
    """Show only the first four and last four characters (个人信息保护法: least exposure)."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Landline: area code 0 + 2–3 digits, then 7–8 digits, optional extension.
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def normalize_phone(text: str, *, field: str = "联系电话") -> str:
    """Accept a mainland mobile or landline number; strip spaces and a +86 prefix."""
    value = re.sub(r"[\s()（）]", "", text.strip())
    if value.startswith("+86"):
        value = value[3:]
    elif value.startswith("0086"):
        value = value[4:]
    if _MOBILE.match(value) or _LANDLINE.match(value):
        return value
    digits = re.sub(r"\D", "", value)
    if digits.startswith("1") and len(digits) != 11:
        raise ValidationError(f"「{field}」手机号应为11位，现为{len(digits)}位", field=field)
    if digits.startswith("1"):
        raise ValidationError(f"「{field}」手机号第二位应为3–9", field=field)
    raise ValidationError(
        f"「{field}」应为11位手机号或带区号的固定电话（如0731-12345678）", field=field
    )


_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def scrub(text: str) -> str:
    """Text for a log or a debugging print: ID numbers and mobile numbers masked wherever
    they appear (a traceback's message, an SQL parameter list)."""
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group()), text)
    return _MOBILE_IN_TEXT.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
