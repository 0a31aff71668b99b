"""Office scope (interfaces.md): a county office's users see and change only their county's
cases, targets, payments, figures and audit trail; the city's users see the whole tree."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from legalaid.domain.errors import LegalAidError, PermissionDenied
from legalaid.domain.permissions import MATRIX, Role
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import accounts, case_ledger, escalations, offices, payments
from legalaid.services.commands.setup import initialise
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import statistics
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries
from legalaid.services.queries.cases import count_cases, find_cases, get_case, open_deadlines
from legalaid.services.queries.reporting import office_outlook
from legalaid.storage.database import Database
from tests.conftest import TODAY
from tests.services.closing_files import case_in_progress
from tests.services.plumbing.test_permissions import CASE_ACTIONS, OPS


class World:
    def __init__(self, root: Context, users: dict[str, Context], city: int, county: int):
        self.root, self.users, self.city_case, self.county_case = root, users, city, county


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, Path]]:
    folder = tmp_path_factory.mktemp("scope")
    db = Database(str(folder / "scope.sqlite3"))
    initialise(db)
    root = Context(db=db, actor="测试员", today=lambda: TODAY)
    offices.add_office(root, code="ZZ", name="株洲市法律援助中心", prefix="株")
    offices.add_office(root, code="LL", name="醴陵市法律援助中心", prefix="醴", parent_code="ZZ")
    offices.add_office(root, code="YX", name="攸县法律援助中心", prefix="攸", parent_code="ZZ")
    handler = offices.add_handler(root, name="林宇浩", handler_type=HandlerType.LAWYER)
    city = case_in_progress(root, handler.id)
    county = case_in_progress(root, handler.id, office_code="LL")
    offices.set_target(root, year=2025, office_code="ZZ", cases=100)
    offices.set_target(root, year=2025, office_code="LL", cases=40)
    people = {
        "ll-clerk": (Role.CLERK, "LL"), "ll-boss": (Role.SUPERVISOR, "LL"),
        "city-boss": (Role.SUPERVISOR, "ZZ"), "admin": (Role.ADMIN, None),
    }  # fmt: skip
    users = {}
    for name, (role, office) in people.items():
        accounts.add_user(root, username=name, name=name, role=role, password="Passw0rd!",
                          office_code=office)  # fmt: skip
        users[name] = root.signed_in(accounts.sign_in(root, username=name, password="Passw0rd!"))
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 scan")
    yield World(root, users, city, county), folder
    db.dispose()


def _outcome(ctx: Context, op: object, case_id: int, folder: Path) -> str:
    try:
        OPS[op](ctx, case_id, folder)  # type: ignore[index]
    except PermissionDenied as refused:
        return f"refused: {refused.message}"
    except LegalAidError:
        return "let through"  # the case's state or the input stopped the work itself
    return "let through"


ROLES = {"ll-clerk": Role.CLERK, "ll-boss": Role.SUPERVISOR, "city-boss": Role.SUPERVISOR}


@pytest.mark.parametrize(
    ("user", "action"),
    [
        (user, action)
        for user, role in ROLES.items()
        for action in sorted(CASE_ACTIONS, key=lambda a: a.name)
        if action in MATRIX[role]  # what the role itself may not do: test_permissions
    ],
)
def test_case_actions_stop_at_the_office_boundary(
    world: tuple[World, Path], user: str, action: object
) -> None:
    w, folder = world
    ctx = w.users[user]
    assert ctx.principal is not None and ctx.principal.role is ROLES[user]
    on_county = _outcome(ctx, action, w.county_case, folder)
    on_city = _outcome(ctx, action, w.city_case, folder)
    assert on_county == "let through"
    if user == "city-boss":  # the city sees the whole tree
        assert on_city == "let through"
    else:
        assert on_city.startswith("refused") and "其他机构" in on_city


def test_lists_deadlines_and_search_hold_only_the_county(world: tuple[World, Path]) -> None:
    w, _ = world
    county = w.users["ll-clerk"]
    assert {row.id for row in find_cases(county)} == {w.county_case}
    assert count_cases(county) == 1
    assert {row.office for row in open_deadlines(county)} <= {"LL"}
    assert {row.id for row in find_cases(w.users["city-boss"])} == {w.city_case, w.county_case}
    with pytest.raises(PermissionDenied):
        get_case(county, w.city_case)
    with pytest.raises(PermissionDenied):
        open_deadlines(county, office_code="ZZ")
    rows, _ = audit_entries(w.users["admin"], AuditFilter(outcome="拒绝"), limit=50)
    assert any(r.actor == "ll-clerk" and r.object == f"cases#{w.city_case}" for r in rows)


def test_targets_and_figures_of_the_county_only(world: tuple[World, Path]) -> None:
    w, _ = world
    boss = w.users["ll-boss"]
    with pytest.raises(PermissionDenied):
        offices.set_target(boss, year=2025, office_code="ZZ", cases=1)
    offices.set_target(boss, year=2025, office_code="LL", cases=40)
    assert offices.get_targets(boss, year=2025) == {"LL": 40}
    assert [o.code for o in offices.list_offices(boss)] == ["LL"]
    stats = statistics.year_statistics(boss, year=2025)  # defaults to the user's office
    assert stats.office == "LL" and stats.cases == 1 and stats.target == 40
    assert stats.by_office == {"LL": 1}
    with pytest.raises(PermissionDenied):
        statistics.year_statistics(boss, year=2025, office_code="ZZ")
    assert [line.code for line in office_outlook(boss, year=2025)] == ["LL"]
    city = statistics.year_statistics(w.users["city-boss"], year=2025)
    assert city.office == "ZZ" and city.cases == 2 and city.target == 140


def test_payments_escalations_and_audit_are_scoped(world: tuple[World, Path]) -> None:
    w, _ = world
    boss, city = w.users["ll-boss"], w.users["city-boss"]
    assert payments.list_batches(boss) == []
    assert payments.candidates(boss, period_from=date(2025, 1, 1), period_to=TODAY) == []
    register = escalations.register(boss, period_from=date(2025, 1, 1), period_to=TODAY)
    assert {row.office for row in register} <= {"醴陵市法律援助中心"}
    with pytest.raises(PermissionDenied):
        escalations.register(boss, period_from=date(2025, 1, 1), period_to=TODAY, office_code="ZZ")
    # The county's supervisor sees what the county's accounts did, not the city's.
    statistics.year_statistics(city, year=2025)
    rows, _ = audit_entries(boss, AuditFilter(), limit=10_000)
    assert rows and {r.actor for r in rows} <= {"ll-clerk", "ll-boss"}
    all_rows, _ = audit_entries(city, AuditFilter(), limit=10_000)
    assert {"city-boss", "ll-clerk"} <= {r.actor for r in all_rows}


def test_ledger_export_and_import_stay_inside(world: tuple[World, Path]) -> None:
    w, folder = world
    clerk = w.users["ll-clerk"]
    out = folder / "ll.csv"
    assert case_ledger.export_ledger(clerk, out) == 1
    with out.open(encoding="utf-8-sig") as handle:
        assert [row["机构"] for row in csv.DictReader(handle)] == ["LL"]
    with out.open(encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header, row = list(reader.fieldnames or []), next(reader)
    # The county's clerk files a case for the city.
    row.update({"机构": "ZZ", "案号": "", "身份证号": "", "受援人": "谭新"})
    other = folder / "zz.csv"
    with other.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerow(row)
    with pytest.raises(LegalAidError) as refused:
        case_ledger.import_ledger(clerk, other, allow_duplicates=True)
    assert "不是您所在机构或其下级机构" in refused.value.message
    assert count_cases(w.users["city-boss"]) == 2


def test_an_office_admin_cannot_create_accounts_elsewhere(world: tuple[World, Path]) -> None:
    w, _ = world
    accounts.add_user(w.root, username="ll-admin", name="ll-admin", role=Role.ADMIN,
                      password="Passw0rd!", office_code="LL")  # fmt: skip
    admin = w.root.signed_in(accounts.sign_in(w.root, username="ll-admin", password="Passw0rd!"))
    with pytest.raises(PermissionDenied):
        accounts.add_user(admin, username="x1", name="x1", role=Role.CLERK,
                          password="Passw0rd!", office_code="ZZ")  # fmt: skip
    with pytest.raises(LegalAidError, match="所属机构"):
        accounts.add_user(admin, username="x2", name="x2", role=Role.CLERK, password="Passw0rd!")
    with pytest.raises(PermissionDenied):
        offices.add_office(admin, code="ZX", name="新机构", parent_code="ZZ")
    # The county's administrator sees and keeps the county's accounts only.
    assert {u.username for u in accounts.list_users(admin)} == {"ll-clerk", "ll-boss", "ll-admin"}
    city_boss = next(u for u in accounts.list_users(w.root) if u.username == "city-boss")
    with pytest.raises(PermissionDenied):
        accounts.set_active(admin, user_id=city_boss.id, active=False)
    with pytest.raises(PermissionDenied):
        accounts.reset_password(admin, user_id=city_boss.id, password="Neww0rd2026")
    assert offices.add_office(admin, code="LL1", name="醴陵工作站", parent_code="LL").code == "LL1"
