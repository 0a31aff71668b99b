"""Accounts (argon2id, lockout kept across restarts, no hint whether a user exists) and the
hash-chained audit trail (every change before → after; tampering found at its first link)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from legalaid.domain.errors import ConflictError, PermissionDenied, ValidationError
from legalaid.domain.permissions import Role
from legalaid.services.commands import accounts, intake
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.audit_trail import AuditFilter, audit_entries, verify_chain
from legalaid.storage import audit
from legalaid.storage.database import Database
from legalaid.storage.records import AuditHeadRecord, AuditRecord, UserRecord
from tests.services.commands.test_workflow import application


def _admin(ctx: Context) -> Context:
    accounts.add_user(ctx, username="admin", name="管理员", role=Role.ADMIN, password="Admin2026!")
    return ctx.signed_in(accounts.sign_in(ctx, username="admin", password="Admin2026!"))


def test_sign_in_lockout_survives_a_restart_and_says_nothing_of_existence(
    offices: Context, database_url: str
) -> None:
    ctx = offices
    accounts.add_user(ctx, username="zhou", name="周文", role=Role.CLERK, password="Zhou2026ok")
    clock = [datetime(2026, 11, 20, 9, 0)]
    ctx.now = lambda: clock[0]
    messages = set()
    for _ in range(5):
        with pytest.raises(PermissionDenied) as info:
            accounts.sign_in(ctx, username="zhou", password="wrong-password1")
        messages.add(info.value.message)
    with pytest.raises(PermissionDenied) as unknown:
        accounts.sign_in(ctx, username="nobody", password="whatever123")
    messages.add(unknown.value.message)
    assert messages == {accounts.SIGN_IN_FAILED}  # the same words for every failure
    # A restart: a new connection to the same database still finds the account locked.
    restarted = Context(db=Database(database_url), actor="x", now=lambda: clock[0])
    try:
        with pytest.raises(PermissionDenied):
            accounts.sign_in(restarted, username="zhou", password="Zhou2026ok")
        clock[0] += timedelta(minutes=16)
        principal = accounts.sign_in(restarted, username="zhou", password="Zhou2026ok")
        assert principal.role is Role.CLERK and principal.name == "周文"
    finally:
        restarted.db.dispose()
    rows, _ = audit_entries(ctx, AuditFilter(action="登录"))
    outcomes = [r.outcome for r in reversed(rows)]
    assert outcomes == ["失败"] * 7 + ["成功"]
    assert "账户锁定15分钟" in rows[-5].detail  # the fifth failure


def test_password_rules_rehash_and_admin_work(offices: Context) -> None:
    ctx = offices
    with pytest.raises(ValidationError) as weak:
        accounts.add_user(ctx, username="a", name=None, role=Role.CLERK, password="12345678")
    assert weak.value.field == "密码"
    with pytest.raises(ValidationError) as no_handler:
        accounts.add_user(ctx, username="l", name=None, role=Role.LAWYER, password="Lawyer2026")
    assert no_handler.value.field == "承办人"
    admin = _admin(ctx)
    # An old hash with weaker parameters is replaced at the next sign-in.
    user = accounts.add_user(admin, username="li", name="李", role=Role.CLERK, password="Li2026abc")
    old = PasswordHasher(time_cost=1, memory_cost=8192).hash("Li2026abc")
    with ctx.db.uow(write=True) as uow:
        uow.session.execute(text("UPDATE users SET password_hash = :h WHERE id = :i"),
                            {"h": old, "i": user.id})  # fmt: skip
        uow.commit()
    accounts.sign_in(ctx, username="li", password="Li2026abc")
    with ctx.reading() as uow:
        stored = uow.session.get(UserRecord, user.id)
        assert stored is not None and stored.password_hash != old
        assert "$argon2id$" in stored.password_hash
    accounts.reset_password(admin, user_id=user.id, password="Temp2026x")
    assert accounts.must_change_password(ctx, user.id)
    li = ctx.signed_in(accounts.sign_in(ctx, username="li", password="Temp2026x"))
    accounts.change_password(li, old="Temp2026x", new="Mine2026y")
    assert not accounts.must_change_password(ctx, user.id)
    accounts.set_role(admin, user_id=user.id, role=Role.SUPERVISOR)
    rows, _ = audit_entries(admin, AuditFilter(action="角色变更"))
    assert rows and "工作人员→负责人" in rows[0].detail
    accounts.set_active(admin, user_id=user.id, active=False)
    with pytest.raises(PermissionDenied):
        accounts.sign_in(ctx, username="li", password="Mine2026y")
    admin_id = admin.principal.user_id if admin.principal else 0
    with pytest.raises(ConflictError):  # someone must be able to administer
        accounts.set_active(admin, user_id=admin_id, active=False)
    with pytest.raises(PermissionDenied):  # a clerk is no administrator
        clerk = accounts.add_user(admin, username="c", name="C", role=Role.CLERK,
                                  password="Clerk2026")  # fmt: skip
        accounts.list_users(ctx.signed_in(accounts.sign_in(ctx, username=clerk.username,
                                                           password="Clerk2026")))  # fmt: skip


def remove_the_guard(db: Database) -> None:
    """What an informed tamperer does first, with a database tool: take away the triggers
    that keep the audit trail append-only."""
    with db.uow(write=True) as uow:
        if uow.session.get_bind().dialect.name == "sqlite":
            for trigger in ("audit_log_no_update", "audit_log_no_delete"):
                uow.session.execute(text(f"DROP TRIGGER {trigger}"))
        else:
            uow.session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        uow.commit()


def test_the_audit_trail_is_append_only(offices: Context) -> None:
    """Through the application's own connection no row of the trail can be changed,
    deleted or (PostgreSQL) truncated."""
    ctx = offices
    intake.register(ctx, application())
    statements = ["UPDATE audit_log SET actor = 'someone' WHERE id = 1",
                  "DELETE FROM audit_log WHERE id = 1", "DELETE FROM audit_log"]  # fmt: skip
    with ctx.db.uow(write=False) as uow:
        if uow.session.get_bind().dialect.name != "sqlite":
            statements.append("TRUNCATE audit_log")
    for statement in statements:
        with (
            pytest.raises((DBAPIError, ConflictError), match="append-only"),
            ctx.db.uow(write=True) as uow,
        ):
            uow.session.execute(text(statement))
            uow.commit()
    assert verify_chain(ctx)[1] is None


def test_changes_are_audited_and_tampering_is_found(offices: Context) -> None:
    ctx = offices
    admin = _admin(ctx)
    ref = intake.register(ctx, application())
    intake.start_review(ctx, case_id=ref.id)
    rows, total = audit_entries(admin)
    assert total >= 5
    change = next(r for r in rows if r.object == f"cases#{ref.id}" and r.action == "修改")
    assert "state：申请登记→审查" in change.detail
    assert verify_chain(admin) == (total, None)

    def sql(statement: str) -> None:
        with ctx.db.uow(write=True) as uow:
            uow.session.execute(text(statement))
            uow.commit()

    remove_the_guard(ctx.db)
    sql("UPDATE audit_log SET actor = 'someone' WHERE id = 3")
    checked, broken = verify_chain(admin)
    assert broken is not None and broken.id == 3 and "被修改" in broken.reason and checked == 2
    result = cli("audit", "verify", db=str(ctx.db.url))
    assert result.returncode == 1 and "第 3 条" in result.stderr
    assert "Traceback" not in result.stderr


def test_deleted_rows_and_a_cut_tail_are_found(offices: Context) -> None:
    ctx = offices
    admin = _admin(ctx)
    intake.register(ctx, application())
    _, total = audit_entries(admin)
    remove_the_guard(ctx.db)
    with ctx.db.uow(write=True) as uow:
        uow.session.execute(text(f"DELETE FROM audit_log WHERE id = {total}"))
        uow.commit()
    broken = verify_chain(admin)[1]
    assert broken is not None and broken.id == total and "末尾" in broken.reason
    with ctx.db.uow(write=True) as uow:
        uow.session.execute(text("DELETE FROM audit_log WHERE id = 2"))
        uow.commit()
    broken = verify_chain(admin)[1]
    assert broken is not None and broken.id == 2 and "缺失" in broken.reason


def test_a_failed_attempt_is_audited_though_its_work_rolls_back(offices: Context) -> None:
    ctx = offices
    admin = _admin(ctx)
    accounts.add_user(admin, username="clerk", name="王芳", role=Role.CLERK, password="Clerk2026")
    clerk = ctx.signed_in(accounts.sign_in(ctx, username="clerk", password="Clerk2026"))
    ref = intake.register(clerk, application())
    with pytest.raises(ValidationError):
        intake.decide(clerk, case_id=ref.id, grant=False, reason=" ")
    from legalaid.services.queries.cases import get_case

    assert get_case(ctx, ref.id).row.state.value == "申请登记"
    rows, _ = audit_entries(admin, AuditFilter(outcome="失败"))
    assert rows[0].actor == "王芳" and "不予法律援助须写明理由" in rows[0].detail


def cli(
    *args: str, db: str, stdin: str | None = None, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LEGALAID_PASSWORD"}
    if password is not None:
        env["LEGALAID_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "legalaid", "--db", db, *args],
        capture_output=True, text=True, input=stdin, env=env, timeout=120,
    )  # fmt: skip


def test_a_lawyer_account_is_linked_to_a_handler_record_never_a_shared_name(
    offices: Context,
) -> None:
    from legalaid.domain.vocabulary import HandlerType
    from legalaid.services.commands.offices import add_handler

    ctx = offices
    first = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER,
                        firm_name="湘江律师事务所")  # fmt: skip
    second = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER,
                         firm_name="株洲律师事务所", licence_no="14302201810123456")  # fmt: skip
    with pytest.raises(ValidationError) as ambiguous:
        accounts.add_user(ctx, username="lin", name=None, role=Role.LAWYER,
                          password="Lin2026pw", handler="林宇浩")  # fmt: skip
    message = ambiguous.value.message
    assert "有 2 位承办人员名为「林宇浩」" in message and "--handler-id" in message
    assert f"编号 {second.id}：株洲律师事务所，执业证号 14302201810123456" in message
    assert f"编号 {first.id}：湘江律师事务所" in message
    user = accounts.add_user(ctx, username="lin", name=None, role=Role.LAWYER,
                             password="Lin2026pw", handler_id=second.id)  # fmt: skip
    principal = accounts.sign_in(ctx, username="lin", password="Lin2026pw")
    assert principal.handler_id == second.id and user.name == "林宇浩"
    with pytest.raises(ValidationError) as missing:
        accounts.add_user(ctx, username="x", name=None, role=Role.LAWYER,
                          password="Xxx2026pw", handler_id=99999)  # fmt: skip
    assert "承办人员编号 99999 不存在" in missing.value.message


def test_user_add_on_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "u.sqlite3")
    assert cli("init", db=db).returncode == 0
    assert cli("office", "add", "ZZ", "株洲市法律援助中心", db=db).returncode == 0
    # A new database: the first account is made without signing in (setup scripts).
    first = cli("user", "add", "root", "--role", "admin", db=db, stdin="Root2026pw\n")
    assert first.returncode == 0, first.stderr
    # From now on every command acts for a signed-in user.
    anonymous = cli("user", "add", "wang", "--role", "clerk", db=db, stdin="Wang2026pw\n")
    assert anonymous.returncode != 0 and "--user" in anonymous.stderr
    made = cli("--user", "root", "user", "add", "wang", "--role", "clerk", "--office", "ZZ",
               db=db, stdin="Wang2026pw\n", password="Root2026pw")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "已创建账号 wang（工作人员）" in made.stdout
    as_root = {"db": db, "password": "Root2026pw"}
    again = cli("--user", "root", "user", "add", "wang", "--role", "clerk", stdin="Wang2026pw\n",
                **as_root)  # fmt: skip
    assert again.returncode != 0 and "已被使用" in again.stderr
    weak = cli("--user", "root", "user", "add", "li", "--role", "admin", stdin="short\n",
               **as_root)  # fmt: skip
    assert weak.returncode != 0 and "密码至少8位" in weak.stderr
    lawyer = cli("--user", "root", "user", "add", "lin", "--role", "lawyer", "--handler",
                 "林宇浩", stdin="Lin2026pw\n", **as_root)  # fmt: skip
    assert lawyer.returncode != 0 and "承办人员「林宇浩」不存在" in lawyer.stderr
    # A clerk's password (from stdin when LEGALAID_PASSWORD is not set) gives a clerk's rights.
    clerk = cli("--user", "wang", "user", "add", "x", "--role", "clerk", db=db,
                stdin="Wang2026pw\nXxxx2026pw\n")  # fmt: skip
    assert clerk.returncode != 0 and "无权" in clerk.stderr
    wrong = cli("--user", "wang", "stats", "--year", "2026", "--json", db=db, password="nope")
    assert wrong.returncode != 0 and "用户名或密码" in wrong.stderr
    ctx = Context(db=Database(db))
    try:
        principal = accounts.sign_in(ctx, username="wang", password="Wang2026pw")
        assert principal.role is Role.CLERK and principal.office_id is not None
        rows, _ = audit_entries(ctx, AuditFilter(action="登录", outcome="失败"))
        assert rows and rows[0].actor == "wang"
        made_by, _ = audit_entries(ctx, AuditFilter(text="users#2"))
        assert "root" in {r.actor for r in made_by}  # audited under the signed-in user
    finally:
        ctx.db.dispose()


def test_a_restore_on_the_command_line_is_an_administrators_audited_act(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite3")
    assert cli("init", db=db).returncode == 0
    assert cli("office", "add", "ZZ", "株洲市法律援助中心", db=db).returncode == 0
    assert (
        cli("user", "add", "root", "--role", "admin", db=db, stdin="Root2026pw\n").returncode == 0
    )
    as_root = {"db": db, "password": "Root2026pw"}
    made = cli("--user", "root", "user", "add", "wang", "--role", "clerk", "--office", "ZZ",
               stdin="Wang2026pw\n", **as_root)  # fmt: skip
    assert made.returncode == 0, made.stderr
    backup = tmp_path / "b.sqlite3"
    assert cli("--user", "root", "backup", str(backup), **as_root).returncode == 0
    clerk = cli("--user", "wang", "restore", str(backup), db=db, password="Wang2026pw")
    assert clerk.returncode != 0 and "无权" in clerk.stderr
    done = cli("--user", "root", "restore", str(backup), **as_root)
    assert done.returncode == 0, done.stderr
    ctx = Context(db=Database(db))
    try:
        rows, _ = audit_entries(ctx, AuditFilter(action="恢复备份"))
        # The account, not the operating system's user name, is who restored.
        assert [r.actor for r in rows] == ["root"] and "b.sqlite3" in rows[0].detail
    finally:
        ctx.db.dispose()


def test_a_county_account_is_refused_the_city_on_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert cli("init", db=db).returncode == 0
    assert cli("office", "add", "ZZ", "株洲市法律援助中心", db=db).returncode == 0
    assert cli("office", "add", "LL", "醴陵市法律援助中心", "--parent", "ZZ", db=db).returncode == 0
    assert (
        cli("user", "add", "root", "--role", "admin", db=db, stdin="Root2026pw\n").returncode == 0
    )
    for name, role in (("boss", "supervisor"), ("clerk", "clerk")):
        made = cli("--user", "root", "user", "add", name, "--role", role, "--office", "LL",
                   db=db, stdin="Ll2026pass\n", password="Root2026pw")  # fmt: skip
        assert made.returncode == 0, made.stderr
    as_boss = {"db": db, "password": "Ll2026pass"}
    city = cli("--user", "boss", "target", "set", "--year", "2026", "--office", "ZZ",
               "--cases", "10", **as_boss)  # fmt: skip
    assert city.returncode != 0 and "其他机构" in city.stderr
    own = cli("--user", "boss", "target", "set", "--year", "2026", "--office", "LL",
              "--cases", "10", **as_boss)  # fmt: skip
    assert own.returncode == 0, own.stderr
    for user in ("boss", "clerk"):
        stats = cli("--user", user, "stats", "--year", "2026", "--office", "ZZ", "--json",
                    **as_boss)  # fmt: skip
        assert stats.returncode != 0 and "其他机构" in stats.stderr
        deadlines = cli("--user", user, "deadlines", "--office", "ZZ", "--json", **as_boss)
        assert deadlines.returncode != 0 and "其他机构" in deadlines.stderr
    mine = cli("--user", "boss", "stats", "--year", "2026", "--json", **as_boss)
    assert (
        mine.returncode == 0 and '"office": "LL"' in mine.stdout and '"target": 10' in mine.stdout
    )


def test_the_audit_anchor_shows_a_resealed_chain(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite3")
    assert cli("init", db=db).returncode == 0
    assert cli("office", "add", "ZZ", "株洲市法律援助中心", db=db).returncode == 0
    anchor = cli("audit", "anchor", db=db)
    assert anchor.returncode == 0
    count, _, digest = anchor.stdout.strip().partition(":")
    assert int(count) >= 1 and len(digest) == 64
    assert cli("audit", "verify", "--anchor", anchor.stdout.strip(), db=db).returncode == 0
    # Rewrite the first row and re-seal the whole chain by the formula: the links hold, the
    # anchor kept outside does not.
    database = Database(db)
    remove_the_guard(database)
    try:
        with Session(database.engine) as session:
            prev = audit.GENESIS
            for record in session.scalars(select(AuditRecord).order_by(AuditRecord.id)):
                if record.id == 1:
                    record.detail = '{"篡改": true}'
                record.prev_hash, record.hash = prev, audit.link_hash(prev, record)
                prev = record.hash
            head = session.get(AuditHeadRecord, 1)
            assert head is not None
            head.last_hash = prev
            session.commit()
    finally:
        database.dispose()
    assert cli("audit", "verify", db=db).returncode == 0  # undetectable without the anchor
    checked = cli("audit", "verify", "--anchor", anchor.stdout.strip(), db=db)
    assert checked.returncode != 0 and "锚点" in checked.stderr
    malformed = cli("audit", "verify", "--anchor", "12:abc", db=db)
    assert malformed.returncode != 0 and "格式不对" in malformed.stderr


def test_a_full_id_export_is_audited_and_needs_the_right(offices: Context, tmp_path: Path) -> None:
    from legalaid.services.commands.case_ledger import export_ledger

    ctx = offices
    admin = _admin(ctx)
    intake.register(ctx, application())
    assert export_ledger(ctx, tmp_path / "all.csv", full_id=True) == 1  # the command line
    rows, _ = audit_entries(admin, AuditFilter(action="导出完整身份证号"))
    assert rows[0].actor == "测试员" and "all.csv" in rows[0].detail
    with pytest.raises(PermissionDenied):  # an admin keeps the system, not the case files
        export_ledger(admin, tmp_path / "admin.csv", full_id=True)
    assert not (tmp_path / "admin.csv").exists()


def test_the_audit_trail_keeps_id_numbers_masked(offices: Context) -> None:
    """The trail records that an ID number was set or changed, masked (least exposure); an
    entry written in full by an earlier release is shown masked to an administrator, who
    keeps the system, not the case files."""
    from sqlalchemy import update

    from legalaid.storage.records import AuditRecord

    admin = _admin(offices)
    accounts.add_user(offices, username="boss", name="刘主任", role=Role.SUPERVISOR,
                      password="Boss2026ok")  # fmt: skip
    boss = offices.signed_in(accounts.sign_in(offices, username="boss", password="Boss2026ok"))
    intake.register(offices, application())
    full = "430225197808134424"
    seen_by_admin = " ".join(r.detail for r in audit_entries(admin, AuditFilter(), limit=500)[0])
    seen_by_boss = " ".join(r.detail for r in audit_entries(boss, AuditFilter(), limit=500)[0])
    assert full not in seen_by_admin and "4302**********4424" in seen_by_admin
    assert full not in seen_by_boss and "4302**********4424" in seen_by_boss
    # An entry of an earlier release, with the number in full (written here directly, the
    # append-only guard lifted as a database tool would).
    remove_the_guard(offices.db)
    with offices.db.engine.begin() as connection:
        connection.execute(update(AuditRecord).where(AuditRecord.id == 1)
                           .values(detail=f'{{"id_number": "{full}"}}'))  # fmt: skip
    old_admin = " ".join(r.detail for r in audit_entries(admin, AuditFilter(), limit=500)[0])
    old_boss = " ".join(r.detail for r in audit_entries(boss, AuditFilter(), limit=500)[0])
    assert full not in old_admin and full in old_boss  # a supervisor may reveal


def test_an_unexpected_error_does_not_switch_the_checks_off(offices: Context) -> None:
    """A checked service that fails with a bug must leave the next call checked."""
    from legalaid.domain.permissions import Action
    from legalaid.services.plumbing.authz import requires

    @requires(Action.ADMINISTER)
    def broken(ctx: Context) -> None:
        raise RuntimeError("a bug")

    admin = _admin(offices)
    accounts.add_user(
        offices, username="clerk", name="王芳", role=Role.CLERK, password="Clerk2026ok"
    )
    clerk = offices.signed_in(accounts.sign_in(offices, username="clerk", password="Clerk2026ok"))
    with pytest.raises(RuntimeError):
        broken(admin)
    with pytest.raises(PermissionDenied):  # still refused: the check ran
        accounts.list_users(clerk)
    # The same on a reused worker thread (the desktop's pool runs service calls there).
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        with pytest.raises(RuntimeError):
            pool.submit(broken, admin).result()
        with pytest.raises(PermissionDenied):
            pool.submit(accounts.list_users, clerk).result()


def test_a_report_preview_is_not_a_print_and_an_import_is_audited_with_it(
    offices: Context, tmp_path: Path
) -> None:
    from legalaid.services.commands.case_ledger import import_ledger
    from legalaid.services.queries.reporting import record_output, write_report
    from tests.conftest import SAMPLE_LEDGER

    admin = _admin(offices)
    import_ledger(offices, SAMPLE_LEDGER)
    imported, _ = audit_entries(admin, AuditFilter(action="导入台账"))
    assert len(imported) == 1 and "ledger-sample.csv" in imported[0].detail
    report = write_report(offices, kind="annual", year=2025, out=tmp_path / "preview.pdf")
    assert audit_entries(admin, AuditFilter(action="打印"))[1] == 0
    assert audit_entries(admin, AuditFilter(action="生成报表"))[1] == 1
    record_output(offices, action="打印", title=report.title, pages=3)
    printed, _ = audit_entries(admin, AuditFilter(action="打印"))
    assert len(printed) == 1 and "页数：3" in printed[0].detail


def test_parallel_guesses_are_all_counted(offices: Context, database_url: str) -> None:
    """Twenty wrong passwords at once lock the account (each failure counted, none lost)."""
    from concurrent.futures import ThreadPoolExecutor

    accounts.add_user(offices, username="zhou", name="周文", role=Role.CLERK, password="Zhou2026ok")
    contexts = [Context(db=Database(database_url), now=offices.now) for _ in range(20)]

    def guess(ctx: Context) -> bool:
        try:
            accounts.sign_in(ctx, username="zhou", password="wrong-guess-1")
        except PermissionDenied:
            return False
        return True

    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            results = list(pool.map(guess, contexts))
    finally:
        for ctx in contexts:
            ctx.db.dispose()
    assert not any(results)
    with pytest.raises(PermissionDenied):  # locked: even the right password is refused now
        accounts.sign_in(offices, username="zhou", password="Zhou2026ok")
    rows, _ = audit_entries(offices, AuditFilter(action="登录", outcome="失败"))
    assert sum("锁定15分钟" in r.detail for r in rows) >= 1
    assert len(rows) >= 21
