"""人民币大写 on the payment list, as finance offices write it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from legalaid.domain.money import capital_yuan


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
