"""Accounts: argon2id passwords, sign-in with a lockout that survives restarts, and the
administrator's work on users. Messages never say whether a user name exists."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalaid.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from legalaid.domain.permissions import Action, Role
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import audit_event, requires
from legalaid.services.plumbing.context import Context, Principal
from legalaid.storage import audit
from legalaid.storage import repositories as repo
from legalaid.storage.records import FirmRecord, HandlerRecord, OfficeRecord, UserRecord

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
SIGN_IN_FAILED = "用户名或密码不正确，或账户已停用或因多次失败暂时锁定（15分钟后可再试）"
_hasher = PasswordHasher()  # argon2id with the library's current parameters


@functools.cache
def _dummy() -> str:
    """Verified when the user name is unknown, so both answers take the same time (made on
    first use: a hash costs a tenth of a second, every program start paid it at import)."""
    return _hasher.hash("legalaid-no-such-user")


@dataclass(frozen=True)
class User:
    id: int
    username: str
    name: str
    role: Role
    handler: str | None
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    office: str | None = None  # the office's code (None: every office)
    handler_id: int | None = None


def check_password(password: str) -> None:
    if len(password) < 8 or password.isdigit() or password.isalpha():
        raise ValidationError("密码至少8位，须同时包含字母和数字", field="密码")


def _principal(record: UserRecord) -> Principal:
    return Principal(
        record.id, record.username, record.display_name, Role(record.role), record.handler_id,
        record.office_id,
    )  # fmt: skip


def _user(record: UserRecord, handler: str | None, office: str | None = None) -> User:
    return User(
        record.id, record.username, record.display_name, Role(record.role), handler,
        record.active, record.locked_until, record.must_change_password, office,
        record.handler_id,
    )  # fmt: skip


def has_users(ctx: Context) -> bool:
    with ctx.reading() as uow:
        return bool(uow.session.scalar(select(func.count()).select_from(UserRecord)))


@requires(Action.ADMINISTER)
def add_user(
    ctx: Context,
    *,
    username: str,
    name: str | None,
    role: Role,
    password: str,
    handler: str | None = None,
    handler_id: int | None = None,
    office_code: str | None = None,
) -> User:
    """Create an account; a lawyer's account is linked to their handler record — chosen as a
    record (``handler_id``), or by a name only when exactly one handler bears it."""
    username = username.strip()
    if not username or len(username) > 50 or any(c.isspace() for c in username):
        raise ValidationError("用户名不能为空、不能含空格，最多50个字符", field="用户名")
    check_password(password)
    with ctx.writing() as uow:
        session = uow.session
        if session.scalar(select(UserRecord.id).where(UserRecord.username == username)):
            raise ConflictError(f"用户名「{username}」已被使用")
        handler_record = _handler_for_account(session, handler_id, handler)
        if handler_record is None and role is Role.LAWYER:
            raise ValidationError("承办人员账户须关联一名承办人（--handler）", field="承办人")
        office_id = None
        if office_code:
            office = repo.office_by_code(session, office_code)
            if office is None:
                raise ValidationError(f"机构「{office_code}」不存在", field="机构")
            scope.require_office(ctx, session, office.id, f"机构「{office.name}」")
            office_id = office.id
        elif scope.office_ids(ctx, session) is not None:
            # An administrator of one office cannot create an account for every office.
            raise ValidationError("请选择账号所属机构（本机构或下级机构）", field="机构")
        now = ctx.now()
        record = UserRecord(
            username=username,
            display_name=(name or "").strip()
            or (handler_record.name if handler_record else username),
            role=role.value, password_hash=_hasher.hash(password),
            handler_id=handler_record.id if handler_record else None, office_id=office_id,
            active=True, failed_logins=0, must_change_password=False, created_at=now,
            password_changed_at=now,
        )  # fmt: skip
        session.add(record)
        uow.flush()
        uow.commit()
        return _user(record, handler_record.name if handler_record else None)


def create_first_admin(ctx: Context, *, username: str, name: str, password: str) -> User:
    """The first account of a database (first run, or an upgrade from before accounts): an
    administrator. Refused once any account exists — then only an admin adds users."""
    if has_users(ctx):
        raise ConflictError("已有账户，请由管理员登录后添加用户")
    return add_user(
        replace(ctx, principal=None), username=username, name=name, role=Role.ADMIN,
        password=password,
    )  # fmt: skip


def sign_in(ctx: Context, *, username: str, password: str) -> Principal:
    """Check the password; five failures lock the account for 15 minutes. Every attempt is
    audited, the failures in a transaction of their own."""
    now = ctx.now()
    with ctx.writing() as uow:
        session = uow.session
        # The row is locked while the attempt is counted: twenty parallel guesses on
        # PostgreSQL count as twenty (SQLite writers queue already).
        record = session.scalar(
            select(UserRecord).where(UserRecord.username == username.strip()).with_for_update()
        )
        if record is None:
            _verify(_dummy(), password)
            outcome, reason = "失败", "用户不存在"
        elif not record.active:
            outcome, reason = "失败", "账户已停用"
        elif record.locked_until is not None and record.locked_until > now:
            outcome, reason = "失败", "账户锁定中"
        elif not _verify(record.password_hash, password):
            record.failed_logins += 1
            outcome, reason = "失败", f"密码错误（第{record.failed_logins}次）"
            if record.failed_logins >= MAX_FAILURES:
                record.locked_until, record.failed_logins = now + LOCKOUT, 0
                reason += "，账户锁定15分钟"
        else:
            if _hasher.check_needs_rehash(record.password_hash):
                record.password_hash = _hasher.hash(password)  # parameters changed
            record.failed_logins, record.locked_until = 0, None
            outcome, reason = "成功", ""
        audit.record(
            session,
            audit.Entry("登录", f"users#{record.id if record else '?'}", outcome,
                        {"用户名": username.strip()[:50], **({"原因": reason} if reason else {})},
                        actor=username.strip()[:50] or "?"),
        )  # fmt: skip
        uow.commit()
        if outcome != "成功" or record is None:
            raise PermissionDenied(SIGN_IN_FAILED)
        return _principal(record)


def _handler_for_account(
    session: Session, handler_id: int | None, name: str | None
) -> HandlerRecord | None:
    if handler_id is not None:
        record = session.get(HandlerRecord, handler_id)
        if record is None:
            raise ValidationError(f"承办人员编号 {handler_id} 不存在", field="承办人")
        return record
    if not name or not name.strip():
        return None
    same_name = list(
        session.scalars(
            select(HandlerRecord)
            .where(HandlerRecord.name == name.strip())
            .order_by(HandlerRecord.id)
        )
    )
    if not same_name:
        raise ValidationError(f"承办人员「{name}」不存在，请先在承办人员中登记", field="承办人")
    if len(same_name) > 1:
        # Two lawyers of one name are common: a name alone would link the wrong one's cases.
        firms = {f.id: f.name for f in session.scalars(select(FirmRecord))}
        choices = "；".join(
            f"编号 {h.id}：{firms.get(h.firm_id or 0, '无所属单位')}"
            + (f"，执业证号 {h.licence_no}" if h.licence_no else "")
            for h in same_name
        )
        raise ValidationError(
            f"有 {len(same_name)} 位承办人员名为「{name.strip()}」（{choices}），"
            "请用 --handler-id 指定编号",
            field="承办人",
        )
    return same_name[0]


SIGN_IN_NEEDED = (
    "此数据库已有账号，命令须以用户身份执行：请加 --user 用户名"
    "（密码取自环境变量 LEGALAID_PASSWORD，否则从标准输入读取）"
)


def command_context(ctx: Context, *, username: str | None, password: Callable[[], str]) -> Context:
    """The command line acts for a signed-in user once the database has an account
    (interfaces.md, "Signing in"): that user's role, office scope and name in the audit
    trail. A database with no account yet runs commands as they are (setup scripts)."""
    if not has_users(ctx):
        return ctx
    if not username:
        raise PermissionDenied(SIGN_IN_NEEDED)
    principal = sign_in(ctx, username=username, password=password())
    if must_change_password(ctx, principal.user_id):
        raise PermissionDenied("该账号须先修改密码：请在桌面程序中登录并设置新密码")
    return ctx.signed_in(principal)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def must_change_password(ctx: Context, user_id: int) -> bool:
    with ctx.reading() as uow:
        record = uow.session.get(UserRecord, user_id)
        return bool(record and record.must_change_password)


def change_password(ctx: Context, *, old: str, new: str) -> None:
    """The signed-in user changes their own password."""
    principal = ctx.principal
    if principal is None:
        raise PermissionDenied("请先登录")
    check_password(new)
    if old == new:
        raise ValidationError("新密码不能与原密码相同", field="新密码")
    with ctx.writing() as uow:
        record = uow.session.get(UserRecord, principal.user_id)
        if record is None or not _verify(record.password_hash, old):
            raise ValidationError("原密码不正确", field="原密码")
        record.password_hash = _hasher.hash(new)
        record.must_change_password = False
        record.password_changed_at = ctx.now()
        uow.commit()


@requires(Action.ESCALATE)
def colleague_names(ctx: Context) -> list[str]:
    """Active users' names (the participants of a collective discussion are chosen from them)."""
    with ctx.reading() as uow:
        return list(
            uow.session.scalars(
                select(UserRecord.display_name).where(UserRecord.active)
                .order_by(UserRecord.display_name).distinct()
            )
        )  # fmt: skip


@requires(Action.ADMINISTER)
def list_users(ctx: Context) -> list[User]:
    """The accounts of the acting administrator's offices (all, for an administrator of every
    office)."""
    with ctx.reading() as uow:
        query = (
            select(UserRecord, HandlerRecord.name, OfficeRecord.code)
            .outerjoin(HandlerRecord, HandlerRecord.id == UserRecord.handler_id)
            .outerjoin(OfficeRecord, OfficeRecord.id == UserRecord.office_id)
            .order_by(UserRecord.username)
        )
        ids = scope.office_ids(ctx, uow.session)
        if ids is not None:
            query = query.where(UserRecord.office_id.in_(sorted(ids)))
        return [_user(record, handler, office)
                for record, handler, office in uow.session.execute(query)]  # fmt: skip


@requires(Action.ADMINISTER, audited="变更账户机构或承办人")
def set_office_and_handler(
    ctx: Context, *, user_id: int, office_code: str | None, handler_id: int | None
) -> None:
    """Move an account to another office (one the administrator may see) or link it to
    another handler record; a lawyer's account always has one."""
    with ctx.writing() as uow:
        session = uow.session
        record = _load(ctx, session, user_id)
        handler = _handler_for_account(session, handler_id, None)
        if handler is None and record.role == Role.LAWYER.value:
            raise ValidationError("承办人员账户须关联一名承办人", field="承办人")
        if office_code:
            office = repo.office_by_code(session, office_code)
            if office is None:
                raise ValidationError(f"机构「{office_code}」不存在", field="机构")
            scope.require_office(ctx, session, office.id, f"机构「{office.name}」")
            record.office_id = office.id
        elif scope.office_ids(ctx, session) is not None:
            raise ValidationError("请选择账号所属机构（本机构或下级机构）", field="机构")
        else:
            record.office_id = None
        record.handler_id = handler.id if handler is not None else None
        uow.commit()


def _load(ctx: Context, session: Session, user_id: int) -> UserRecord:
    record = session.get(UserRecord, user_id)
    if record is None:
        raise NotFound(f"用户（编号{user_id}）不存在")
    ids = scope.office_ids(ctx, session)
    if ids is not None and record.office_id not in ids:  # office scope
        raise scope.refusal(ctx, session, f"账号「{record.username}」")
    return record


def _refuse_last_admin(session: Session, record: UserRecord) -> None:
    admins = session.scalar(
        select(func.count()).where(UserRecord.role == Role.ADMIN.value, UserRecord.active)
    )
    if record.role == Role.ADMIN.value and record.active and admins == 1:
        raise ConflictError("这是唯一的管理员账户，不能停用或改为其他角色")


@requires(Action.ADMINISTER)
def set_active(ctx: Context, *, user_id: int, active: bool) -> None:
    with ctx.writing() as uow:
        record = _load(ctx, uow.session, user_id)
        if not active:
            _refuse_last_admin(uow.session, record)
        record.active = active
        if active:
            record.failed_logins, record.locked_until = 0, None
        uow.commit()


@requires(Action.ADMINISTER)
def set_role(ctx: Context, *, user_id: int, role: Role) -> None:
    with ctx.writing() as uow:
        record = _load(ctx, uow.session, user_id)
        if role.value != record.role:
            _refuse_last_admin(uow.session, record)
        if role is Role.LAWYER and record.handler_id is None:
            raise ValidationError("承办人员账户须关联一名承办人", field="角色")
        record.role = role.value  # audited as 角色变更 with before → after
        uow.commit()


@requires(Action.ADMINISTER)
def reset_password(ctx: Context, *, user_id: int, password: str) -> None:
    """A temporary password; the user must choose a new one at the next sign-in."""
    check_password(password)
    with ctx.writing() as uow:
        record = _load(ctx, uow.session, user_id)
        record.password_hash = _hasher.hash(password)
        record.must_change_password = True
        record.failed_logins, record.locked_until = 0, None
        record.password_changed_at = ctx.now()
        uow.commit()


def sign_out(ctx: Context, *, reason: str) -> None:
    if ctx.principal is not None:
        audit_event(ctx, "退出", f"users#{ctx.principal.user_id}", detail={"原因": reason})
