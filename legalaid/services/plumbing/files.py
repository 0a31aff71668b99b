"""Files the application writes for people: whole or not at all."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from legalaid.domain.errors import LegalAidError

T = TypeVar("T")


class FileNotWritten(LegalAidError):
    """A file for people could not be written; the sentence says why."""


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限，或文件正被其他程序（如 Excel）打开"
    if exc.errno == errno.EROFS:
        return "磁盘是只读的"
    return exc.strerror or type(exc).__name__


def write_whole(path: Path, write: Callable[[Path], T]) -> T:
    """Write through a hidden name beside ``path`` and move it into place only when complete:
    a failure, a full disk or a kill leaves no truncated file that looks like a real one."""
    partial = path.with_name(f".{path.stem}.partial{path.suffix}")
    try:
        result = write(partial)
        partial.replace(path)
        return result
    except OSError as exc:
        kept = "，原有同名文件未改动" if path.exists() else ""
        raise FileNotWritten(f"文件未写出：{path.name}（{_reason(exc)}）{kept}") from exc
    finally:
        partial.unlink(missing_ok=True)
