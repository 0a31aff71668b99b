"""The ``legalaid`` command line (interfaces.md). Every command goes through the services."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from legalaid import __version__
from legalaid.cli_zh import chinese_argparse
from legalaid.domain.errors import LegalAidError, ValidationError, ValidationErrors

if TYPE_CHECKING:
    from legalaid.services.plumbing.context import Context

log = logging.getLogger("legalaid")


def _date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD 格式，现为「{text}」") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数，现为「{text}」") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数：{text}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One clear line on stderr, exit 2 (argparse's own convention).
        self.exit(2, f"legalaid: 参数错误：{message}（legalaid --help 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="legalaid", description="法律援助案件管理")
    parser.add_argument(
        "--db",
        metavar="TARGET",
        help="SQLite 文件路径或 SQLAlchemy URL（默认：LEGALAID_DB 或用户数据目录）",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以该用户身份执行（数据库已有账号时必填；密码取自 LEGALAID_PASSWORD 或标准输入）",
    )
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的调用栈")
    parser.add_argument(
        "--version", action="version", version=f"legalaid {__version__}", help="显示版本号并退出"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("init", help="创建或升级数据库结构")

    demo = commands.add_parser("demo", help="生成演示数据")
    demo.add_argument("--cases", type=_positive, required=True)
    demo.add_argument("--year", type=int)
    demo.add_argument("--seed", type=int, default=1)

    imp = commands.add_parser("import", help="导入案件台账或法律帮助台账（.xlsx/.xls/.ods/.csv）")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--kind", choices=["cases", "services"], default="cases",
        help="cases 案件台账（默认），services 法律帮助台账（咨询、代拟文书、值班律师帮助）",
    )  # fmt: skip
    imp.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="允许与已有案件或其他行重复的行（同一受援人、申请日期和案件类型）",
    )

    exp = commands.add_parser("export", help="导出案件台账或法律帮助台账（.xlsx/.csv）")
    exp.add_argument("file", type=Path)
    exp.add_argument(
        "--kind", choices=["cases", "services"], default="cases",
        help="cases 案件台账（默认），services 法律帮助台账",
    )  # fmt: skip
    exp.add_argument("--year", type=int)
    exp.add_argument("--full-id", action="store_true", help="导出完整身份证号")

    office = commands.add_parser("office", help="法律援助机构").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    add = office.add_parser("add", help="登记机构")
    add.add_argument("code", help="机构代码，如 ZZ")
    add.add_argument("name", help="机构名称")
    add.add_argument("--prefix", help="案号前缀，如「株」")
    add.add_argument("--parent", help="上级机构代码")

    target = commands.add_parser("target", help="年度任务数").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    tset = target.add_parser("set", help="设置年度任务数")
    tset.add_argument("--year", type=int, required=True, help="年度")
    tset.add_argument("--office", required=True, help="机构代码")
    tset.add_argument("--cases", type=_positive, required=True, help="年度任务案件数")
    tset.add_argument("--consultations", type=_positive, help="年度法律咨询任务（人次）")

    stats = commands.add_parser("stats", help="统计数据")
    stats.add_argument("--year", type=int, required=True, help="统计年度")
    stats.add_argument(
        "--until", type=_date, help="统计截止日 YYYY-MM-DD（默认 12 月 31 日，当年为今天）"
    )
    stats.add_argument("--office", help="只统计该机构及其下级")
    stats.add_argument("--json", action="store_true", required=True, help="以 JSON 输出")

    figures = commands.add_parser("figures", help="每日统计汇总（统计报表据以快速汇总的副本）")
    figures_actions = figures.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    figures_actions.add_parser("rebuild", help="从案件与法律帮助记录重新计算每日统计汇总")
    fcheck = figures_actions.add_parser(
        "check", help="核对每日统计汇总与直接从案件、法律帮助记录计算的结果是否一致"
    )
    fcheck.add_argument("--year", type=int, required=True, help="统计年度")

    deadlines = commands.add_parser("deadlines", help="正在计算的法定期限（最紧迫的在前）")
    deadlines.add_argument("--office", help="只列该机构及其下级")
    deadlines.add_argument("--json", action="store_true", required=True, help="以 JSON 输出")

    report = commands.add_parser("report", help="统计报表 PDF（年度/双过半）")
    report.add_argument(
        "kind",
        choices=["annual", "midyear", "notice"],
        help="annual 年度报告，midyear 双过半，notice 法律援助信息公开（第五十八条）",
    )
    report.add_argument("--year", type=int, required=True, help="统计年度")
    report.add_argument("--out", type=Path, required=True, help="PDF 文件")
    report.add_argument(
        "--until", type=_date, help="统计截止日 YYYY-MM-DD（双过半默认 6 月 30 日）"
    )
    report.add_argument("--office", help="只统计该机构及其下级")

    backup = commands.add_parser("backup", help="在线备份数据库")
    backup.add_argument("file", type=Path, help="备份文件")
    restore = commands.add_parser("restore", help="从备份恢复数据库")
    restore.add_argument("file", type=Path, help="备份文件")

    user = commands.add_parser("user", help="用户账号").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    uadd = user.add_parser("add", help="创建账号")
    uadd.add_argument("name", help="登录名")
    uadd.add_argument(
        "--role",
        choices=["clerk", "lawyer", "supervisor", "admin"],
        required=True,
        help="clerk 经办人，lawyer 承办律师，supervisor 主管，admin 管理员",
    )
    uadd.add_argument("--handler", help="律师账号对应的承办人姓名")
    uadd.add_argument("--handler-id", type=int, help="承办人编号（同名承办人有多位时用它指定）")
    uadd.add_argument("--office", help="所属机构代码")
    audit_cmd = commands.add_parser("audit", help="审计记录").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    verify = audit_cmd.add_parser("verify", help="核对审计记录链，报告第一处断开")
    verify.add_argument(
        "--anchor", metavar="N:HASH", help="另行保存的锚点（audit anchor 的输出），一并核对"
    )
    audit_cmd.add_parser("anchor", help="输出审计记录链的锚点 N:HASH（条数:链头校验值）")

    calendar = commands.add_parser("calendar", help="法定节假日与调休").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    cset = calendar.add_parser("set", help="录入国务院放假通知（列：日期、类型、名称）")
    cset.add_argument("file", type=Path, help=".csv 或 .xlsx 文件；类型为「休息」或「上班」")
    cshow = calendar.add_parser("show", help="某年的节假日与调休")
    cshow.add_argument("--year", type=int, required=True, help="年度")
    cshow.add_argument("--json", action="store_true", required=True, help="以 JSON 输出")
    return parser


class _Progress:
    """Progress on stderr: a live line on a terminal, a line per tenth otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_step = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        if self.tty:
            print(f"\r{stage}：{done}/{total}（{done * 100 // total}%）", end="", file=sys.stderr)
            if done >= total:
                print(file=sys.stderr)
            return
        step = done * 10 // total
        if step != self.last_step:
            self.last_step = step
            print(f"{stage}：{done}/{total}（{done * 100 // total}%）", file=sys.stderr)


def _json_text(payload: dict[str, object] | list[dict[str, object]]) -> str:
    """JSON with money printed as yuan with two decimals (``3912000.00``)."""
    money: dict[str, str] = {}

    def encode(value: object) -> object:
        if isinstance(value, Decimal):
            key = f"__money_{len(money)}__"
            money[key] = format(value.quantize(Decimal("0.01")), "f")
            return key
        raise TypeError(type(value).__name__)

    text = json.dumps(payload, ensure_ascii=False, indent=2, default=encode)
    for key, amount in money.items():
        text = text.replace(f'"{key}"', amount)
    return text


def _read_password() -> str:
    """From stdin when piped (scripts), else asked twice without echo."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("密码：")
    if getpass.getpass("再次输入密码：") != first:
        raise LegalAidError("两次输入的密码不一致")
    return first


def _sign_in_password() -> str:
    """``LEGALAID_PASSWORD``, else the first line of stdin, else asked without echo."""
    from_env = os.environ.get("LEGALAID_PASSWORD")
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    return getpass.getpass("登录密码：")


# Commands that run without signing in (interfaces.md): setting up, and checking the trail.
NO_SIGN_IN = {("init", None), ("audit", "verify"), ("audit", "anchor")}


def _signed_in(target: str, args: argparse.Namespace, actor: str) -> Context:
    from legalaid.services.commands import setup
    from legalaid.services.commands.accounts import command_context

    ctx = setup.open_context(target, actor=actor)
    if (args.command, getattr(args, "action", None)) in NO_SIGN_IN:
        return ctx
    try:
        return command_context(ctx, username=args.user, password=_sign_in_password)
    except BaseException:
        ctx.db.dispose()
        raise


def run(args: argparse.Namespace) -> int:
    # Imported per command: a script calling ``stats`` should not pay for the ledger code.
    from legalaid.services.commands import setup
    from legalaid.storage.database import Database

    target = args.db or setup.default_database()
    actor = os.environ.get("USERNAME") or os.environ.get("USER") or "cli"
    if args.command in ("backup", "restore"):
        # The whole database leaves or is replaced: an administrator's act once there are
        # accounts (checked on the database as it is now).
        from legalaid.domain.permissions import Action
        from legalaid.services.plumbing.authz import authorize

        checking = _signed_in(target, args, actor)
        try:
            authorize(checking, Action.ADMINISTER)
        finally:
            checking.db.dispose()  # a restore needs the database to itself
        actor = checking.actor
    if args.command == "init":
        db = Database(target)
        try:
            result = setup.initialise(db)
        finally:
            db.dispose()
        print(f"数据库已就绪（结构版本 {result.revision}）：{db.url}")
        return 0
    if args.command == "backup":
        from legalaid.services.commands.backups import backup_database

        out = backup_database(target, args.file)
        print(f"已备份到 {out}")
        return 0
    if args.command == "restore":
        from legalaid.services.commands.backups import restore_database

        restored = restore_database(target, args.file, actor=actor)
        kept = (
            f"；原数据库已另存为 {restored.replaced_kept_at}" if restored.replaced_kept_at else ""
        )
        print(f"已从 {args.file} 恢复{kept}")
        return 0

    ctx = _signed_in(target, args, actor)
    try:
        if args.command == "demo":
            from legalaid.services.commands.demo import generate_demo

            count = generate_demo(
                ctx, cases=args.cases, year=args.year, seed=args.seed, progress=_Progress()
            )
            print(f"已生成 {count} 件演示案件")
        elif args.command == "import" and args.kind == "services":
            from legalaid.services.commands import service_ledger

            count = service_ledger.import_services(
                ctx, args.file, progress=_Progress(), allow_duplicates=args.allow_duplicates
            )
            print(f"已导入 {count} 条法律帮助记录")
        elif args.command == "import":
            from legalaid.services.commands import case_ledger

            imported = case_ledger.import_ledger(
                ctx, args.file, progress=_Progress(), allow_duplicates=args.allow_duplicates
            )
            print(
                f"已导入 {imported.cases} 件案件（新增受援人 {imported.persons_created} 人、"
                f"承办人 {imported.handlers_created} 人、承办单位 {imported.firms_created} 家）"
            )
        elif args.command == "export" and args.kind == "services":
            from legalaid.services.commands import service_ledger

            count = service_ledger.export_services(
                ctx, args.file, year=args.year, full_id=args.full_id
            )
            print(f"已导出 {count} 条法律帮助记录到 {args.file}")
        elif args.command == "export":
            from legalaid.services.commands import case_ledger

            count = case_ledger.export_ledger(ctx, args.file, year=args.year, full_id=args.full_id)
            print(f"已导出 {count} 件案件到 {args.file}")
        elif args.command == "office":
            from legalaid.services.commands import offices

            info = offices.add_office(
                ctx, code=args.code, name=args.name, prefix=args.prefix, parent_code=args.parent
            )
            print(f"已登记机构 {info.code} {info.name}（案号前缀「{info.prefix}」）")
        elif args.command == "target":
            from legalaid.services.commands import offices

            offices.set_target(ctx, year=args.year, office_code=args.office, cases=args.cases,
                               consultations=args.consultations)  # fmt: skip
            extra = (f"，法律咨询 {args.consultations} 人次"
                     if args.consultations is not None else "")  # fmt: skip
            print(f"已设置 {args.office} {args.year} 年度任务数为 {args.cases} 件{extra}")
        elif args.command == "stats":
            from legalaid.services.queries import statistics

            stats = statistics.year_statistics(
                ctx, year=args.year, until=args.until, office_code=args.office
            )
            print(_json_text(stats.as_json()))
        elif args.command == "figures" and args.action == "rebuild":
            from legalaid.services.commands.figures import rebuild_figures

            written = rebuild_figures(ctx)
            print(f"已重建每日统计汇总：{written} 行")
        elif args.command == "figures":
            from legalaid.services.commands.figures import check_figures

            differences = check_figures(ctx, year=args.year)
            for d in differences:
                print(f"{d.office} {d.figure}：汇总 {d.summary}，案件记录 {d.counted}",
                      file=sys.stderr)  # fmt: skip
            if differences:
                raise LegalAidError(
                    f"每日统计汇总与案件记录不一致（{len(differences)} 项）；"
                    "请运行 legalaid figures rebuild"
                )
            print(f"{args.year} 年每日统计汇总与案件记录一致")
        elif args.command == "deadlines":
            from legalaid.domain.deadlines import deadline_json
            from legalaid.services.queries.cases import open_deadlines

            today = ctx.today()
            rows = open_deadlines(ctx, office_code=args.office, limit=10_000_000)
            print(_json_text([deadline_json(r.case_no, r.office, r.deadline, today) for r in rows]))
        elif args.command == "user":
            from legalaid.domain.permissions import Role
            from legalaid.services.commands.accounts import add_user

            user = add_user(
                ctx, username=args.name, name=None, role=Role.parse(args.role),
                password=_read_password(), handler=args.handler, handler_id=args.handler_id,
                office_code=args.office,
            )  # fmt: skip
            print(f"已创建账号 {user.username}（{user.role.value}）")
        elif args.command == "calendar":
            from legalaid.services.commands import holidays

            if args.action == "set":
                entered = holidays.enter_notice_file(ctx, args.file)
                years = "、".join(str(y) for y in entered.years)
                print(
                    f"已录入 {years} 年放假安排 {entered.days} 天；"
                    f"重新计算期限，{entered.recounted} 件案件的到期日有变化"
                )
            else:
                print(_json_text(holidays.year_calendar(ctx, args.year).as_json()))
        elif args.command == "audit" and args.action == "anchor":
            from legalaid.services.queries.audit_trail import audit_anchor

            count, head = audit_anchor(ctx)
            print(f"{count}:{head}")
        elif args.command == "audit":
            from legalaid.services.queries.audit_trail import parse_anchor, verify_chain

            anchor = parse_anchor(args.anchor) if args.anchor else None
            checked, broken = verify_chain(ctx, anchor=anchor)
            if broken is not None:
                raise LegalAidError(
                    f"审计记录链在第 {broken.id} 条处断开：{broken.reason}（已核对 {checked} 条）"
                )
            print(f"审计记录完整：{checked} 条，链接均有效")
        elif args.command == "report":
            from legalaid.services.queries.reporting import write_report

            report = write_report(
                ctx,
                kind=args.kind,
                year=args.year,
                out=args.out,
                until=args.until,
                office_code=args.office,
                progress=_Progress(),
            )
            print(f"已生成「{report.title}」：{args.out}")
        else:
            raise AssertionError(args.command)
    finally:
        ctx.db.dispose()
    return 0


def ensure_streams() -> None:
    """The windowed Windows program (legalaid.exe, pythonw) has no console: sys.stdout and
    sys.stderr are None there, and the first print or ``isatty()`` would crash a command
    started from it. Output then goes nowhere; the console program legalaid-cli.exe shows it."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _scrubbing(record: logging.LogRecord) -> bool:
    from legalaid.domain.identity import scrub

    record.msg, record.args = scrub(record.getMessage()), None
    return True


def _debug_exit(exc: BaseException, code: int) -> int:
    """--debug: the whole traceback, with ID and mobile numbers masked in it."""
    import traceback

    from legalaid.domain.identity import scrub

    print(scrub("".join(traceback.format_exception(exc))), file=sys.stderr, end="")
    return code


def main(argv: Sequence[str] | None = None) -> int:
    ensure_streams()
    with chinese_argparse():  # usage, errors and help headings in Chinese
        args = build_parser().parse_args(argv)
    if args.command is None:
        from legalaid.app import main as gui_main

        return gui_main(db=args.db)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.debug:
        # SQL statements, not their parameters (names, ID numbers, phones); and whatever is
        # logged is scrubbed of ID and mobile numbers.
        logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
        for handler in logging.getLogger().handlers:
            handler.addFilter(_scrubbing)
    try:
        return run(args)
    except LegalAidError as exc:
        if args.debug:
            return _debug_exit(exc, 1)
        message = exc.message
        if isinstance(exc, ValidationErrors):
            message = message.replace("：\n  ", "：", 1).replace("\n  ", "；")
        elif isinstance(exc, ValidationError):
            message = message.replace("\n", "；")
        print(f"legalaid: 错误：{message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("legalaid: 已中断，未保存任何更改", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`legalaid deadlines --json | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:
        if args.debug:
            return _debug_exit(exc, 2)
        # No personal data: only the error's type goes out, the details need --debug.
        print(
            f"legalaid: 内部错误（{type(exc).__name__}）；加 --debug 重新运行可查看详情",
            file=sys.stderr,
        )
        return 2
