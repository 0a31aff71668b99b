"""Amounts as finance writes them: 人民币大写 on payment lists (中国人民银行《支付结算办法》
附件一 — 正确填写票据和结算凭证的基本规定)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")


def _group(number: int) -> str:
    """0–9999 in capitals, with 零 for inner gaps (e.g. 1005 → 壹仟零伍)."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = number // 10**position % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def capital_yuan(amount: Decimal) -> str:
    """``Decimal("3912000.50")`` → 人民币叁佰玖拾壹万贰仟元伍角整 style text: 元 after the
    integer part, 角 and 分 when present, 整 when there are no 分."""
    if amount < 0:
        return "负" + capital_yuan(-amount)
    cents = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if yuan >= 10**16:
        raise ValueError("金额过大")
    text = ""
    if yuan:
        groups = []
        rest = yuan
        while rest:
            groups.append(rest % 10000)
            rest //= 10000
        # A 零 wherever zeros stand between two digits, across the 万/亿 boundaries too.
        need_zero = False
        for index in range(len(groups) - 1, -1, -1):
            value = groups[index]
            if value == 0:
                need_zero = bool(text)
                continue
            if text and (need_zero or value < 1000):
                text += "零"
            text += _group(value) + BIG_UNITS[index]
            need_zero = value % 10 == 0
        text += "元"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan and fen:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    if not text:
        return "零元整"
    return text if fen else text + "整"


# -- amounts as clerks type them ---------------------------------------------------------------
CENTS = Decimal("0.01")
TOO_LARGE = Decimal("1e12")  # a trillion yuan: a typing slip, and past NUMERIC(14, 2)


class AmountError(ValueError):
    """Why a typed amount is not one; ``reason`` is the clerk's sentence without the value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_number(text: str) -> Decimal:
    """A number as typed: thousands separators (, or ，) and spaces ignored; finite."""
    cleaned = text.replace(",", "").replace("，", "").replace(" ", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError("应为数字") from None
    if not value.is_finite():
        raise AmountError("应为数字")
    return value


def check_amount(value: Decimal) -> Decimal:
    """Yuan: not negative, at most two decimals (分), below a trillion; kept to the 分."""
    if not value.is_finite():
        raise AmountError("应为金额（元）")
    if value < 0:
        raise AmountError("金额不能为负数")
    if value != value.quantize(CENTS):
        raise AmountError("金额最多两位小数")
    if value >= TOO_LARGE:
        raise AmountError("金额过大")
    return value.quantize(CENTS)


def parse_amount(text: str) -> Decimal:
    """An amount in yuan as typed (``3,200``, ``3200.5``); ``AmountError`` says what is
    wrong with it."""
    try:
        value = parse_number(text)
    except AmountError:
        raise AmountError("应为金额（元）") from None
    return check_amount(value)
