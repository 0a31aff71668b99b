"""Refuse to start on a Qt binding that would abort the process later.

PySide6 6.12.0 under Python 3.11 drops one reference to ``None`` on every binding call that
returns ``None`` (``QLabel.setText``, ``QObject.setObjectName`` …). None is mortal before
Python 3.12 (PEP 683 made it immortal), so after some thousands of calls the interpreter
dies with "none_dealloc: deallocating None" and the clerk loses what was typed. The
dependency pins keep a fresh install off that release; this check catches an environment
that was assembled by hand, and a future release with the same fault (the live probe).
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from importlib import metadata

# (first bad, first fixed or None) per binding; only Pythons where None is mortal are hit.
KNOWN_BAD: tuple[tuple[str, str | None], ...] = (("6.12.0", None),)
IMMORTAL_NONE = (3, 12)
# The probe makes this many None-returning calls; a sound binding loses no reference.
PROBE_CALLS = 200


@dataclass(frozen=True)
class Versions:
    pyside: str
    python: tuple[int, int, int]

    @property
    def python_text(self) -> str:
        return ".".join(str(p) for p in self.python)


def _key(version: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def running_versions() -> Versions:
    try:
        pyside = metadata.version("shiboken6")
    except metadata.PackageNotFoundError:  # a frozen bundle without dist-info
        import shiboken6

        pyside = str(shiboken6.__version__)
    major, minor, micro = sys.version_info[:3]
    return Versions(pyside=pyside, python=(major, minor, micro))


def known_bad(versions: Versions) -> bool:
    if versions.python[:2] >= IMMORTAL_NONE:
        return False
    key = _key(versions.pyside)
    return any(
        _key(first) <= key and (fixed is None or key < _key(fixed)) for first, fixed in KNOWN_BAD
    )


def refusal(versions: Versions) -> str:
    """The sentence a clerk (or the person who installed the program) reads."""
    return (
        f"本程序不能在 PySide6 {versions.pyside} 与 Python {versions.python_text} 上运行："
        "这一组合每次界面调用都会丢失对 None 的引用，使用几分钟后程序会崩溃，"
        "未保存的输入随之丢失。\n\n"
        "修复办法：在程序目录运行 “python quickstart.py app” 重新安装"
        "（会装上经过测试的 PySide6 版本），或者改用 Python 3.12 及以上版本。"
    )


def probe_loses_none() -> int:
    """References to None lost by ``PROBE_CALLS`` None-returning calls (0 on a sound binding)."""
    if sys.version_info[:2] >= IMMORTAL_NONE:
        return 0
    from PySide6.QtCore import QObject

    probe = QObject()
    enabled = gc.isenabled()
    gc.disable()  # a collection in between would free references to None legitimately
    try:
        before = sys.getrefcount(None)
        for _ in range(PROBE_CALLS):
            probe.setObjectName("probe")
        after = sys.getrefcount(None)
    finally:
        if enabled:
            gc.enable()
    return max(0, before - after)


def startup_problem(versions: Versions | None = None) -> str | None:
    """The refusal sentence when this binding would abort the process, else None."""
    versions = versions or running_versions()
    if known_bad(versions):
        return refusal(versions)
    # A release not yet on the list with the same fault loses a reference on nearly every call.
    if probe_loses_none() > PROBE_CALLS // 2:
        return refusal(versions)
    return None
