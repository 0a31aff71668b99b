"""An office put under another (a county office reorganised under another centre): who sees
its cases follows at once; an office is never put under itself or one below it; a user of
one office moves offices only within it."""

from __future__ import annotations

import pytest

from legalaid.domain.errors import ValidationError
from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import accounts
from legalaid.services.commands.offices import add_handler, add_office, list_offices, move_office
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.services.queries.cases import find_cases
from tests.services.closing_files import case_in_progress


def _user(ctx: Context, name: str, role: Role, office: str) -> Context:
    accounts.add_user(ctx, username=name, name=name, role=role, password="Passw0rd!",
                      office_code=office)  # fmt: skip
    return ctx.signed_in(accounts.sign_in(ctx, username=name, password="Passw0rd!"))


def test_an_office_moves_and_who_sees_its_cases_follows(offices: Context) -> None:
    handler = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    county_case = case_in_progress(offices, handler.id, office_code="YX")
    ll_boss = _user(offices, "ll-boss", Role.SUPERVISOR, "LL")
    assert find_cases(ll_boss) == []

    moved = move_office(offices, code="YX", parent_code="LL")
    assert moved.parent_code == "LL"
    assert {o.code: o.parent_code for o in list_offices(offices)}["YX"] == "LL"
    assert [row.id for row in find_cases(ll_boss)] == [county_case]
    rows, _ = audit_entries(offices, AuditFilter(action="调整上级机构"))
    assert len(rows) == 1

    with pytest.raises(ValidationError) as loop:
        move_office(offices, code="LL", parent_code="YX")  # YX is below LL now
    assert "是醴陵市法律援助中心本身或其下级机构" in loop.value.message
    with pytest.raises(ValidationError):
        move_office(offices, code="LL", parent_code="LL")
    assert {o.code: o.parent_code for o in list_offices(offices)}["LL"] == "ZZ"  # unchanged


def test_a_user_of_one_office_moves_offices_only_within_it(offices: Context) -> None:
    add_office(offices, code="CL", name="茶陵县法律援助中心", prefix="茶", parent_code="ZZ")
    ll_admin = _user(offices, "ll-admin", Role.ADMIN, "LL")
    zz_admin = _user(offices, "zz-admin", Role.ADMIN, "ZZ")
    move_office(zz_admin, code="CL", parent_code="LL")  # within the city's tree
    with pytest.raises(ValidationError) as top:
        move_office(ll_admin, code="CL", parent_code=None)
    assert "只能把机构放在本机构之下" in top.value.message
    with pytest.raises(ValidationError) as own:
        move_office(zz_admin, code="ZZ", parent_code="CL")
    assert "本身或其下级机构" in own.value.message
    with pytest.raises(ValidationError) as home:
        move_office(ll_admin, code="LL", parent_code="LL")
    assert home.value.field == "上级机构"
    assert {o.code: o.parent_code for o in list_offices(offices)}["CL"] == "LL"
