"""人民币大写 on the payment list, as finance offices write it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from legalaid.domain.money import AmountError, capital_yuan, parse_amount


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("0", "零元整"),
        ("3500.00", "叁仟伍佰元整"),
        ("3912000.00", "叁佰玖拾壹万贰仟元整"),
        ("1005", "壹仟零伍元整"),
        ("10005", "壹万零伍元整"),
        ("100000", "壹拾万元整"),
        ("105000", "壹拾万零伍仟元整"),
        ("1000000.50", "壹佰万元伍角整"),
        ("2000.05", "贰仟元零伍分"),
        ("0.37", "叁角柒分"),
        ("120000001.10", "壹亿贰仟万零壹元壹角整"),
        ("56.789", "伍拾陆元柒角玖分"),  # rounded to the 分
    ],
)
def test_capital_yuan(amount: str, text: str) -> None:
    assert capital_yuan(Decimal(amount)) == text


@pytest.mark.parametrize(
    "typed,amount",
    [("3200", "3200.00"), ("3,200.5", "3200.50"), ("3，200", "3200.00"), (" 0 ", "0.00"),
     ("1 800", "1800.00")],
)  # fmt: skip
def test_amounts_as_clerks_type_them(typed: str, amount: str) -> None:
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    "typed,reason",
    [("三千", "应为金额（元）"), ("", "应为金额（元）"), ("NaN", "应为金额（元）"),
     ("Infinity", "应为金额（元）"), ("-5", "金额不能为负数"), ("1.234", "金额最多两位小数"),
     ("1000000000000", "金额过大")],
)  # fmt: skip
def test_what_is_not_an_amount_says_why(typed: str, reason: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(typed)
    assert info.value.reason == reason
