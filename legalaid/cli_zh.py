"""argparse's own words (usage, errors, help headings) in Simplified Chinese.

argparse looks its messages up through the module-level ``_`` and ``ngettext`` it imported
from gettext, at the moment it needs them; a clerk's Windows desktop has no argparse
catalogue, so the English would show. ``chinese_argparse()`` swaps those two names for the
time the command line is built and parsed, and puts them back afterwards (nothing else in
the process — pytest included — is affected).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Message ids of Python 3.11–3.13's argparse (unknown ones stay as they are).
MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项：%(value)r（可选：%(choices)s）"
    ),
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项有歧义：%(option)s 可能是 %(matches)s"
    ),
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少一个值",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开「%(filename)s」：%(error)s",
    "subcommands": "子命令",
    "default": "默认",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"): "需要 %s 个值",
}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    found = PLURALS.get((singular, plural))
    if found is not None:
        return found
    return singular if count == 1 else plural


@contextmanager
def chinese_argparse() -> Iterator[None]:
    module = argparse.__dict__
    saved: tuple[Callable[..., str], Callable[..., str]] = (module["_"], module["ngettext"])
    module["_"], module["ngettext"] = translate, translate_plural
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
