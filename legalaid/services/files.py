"""Files the application writes for people: whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def write_whole(path: Path, write: Callable[[Path], T]) -> T:
    """Write through a hidden name beside ``path`` and move it into place only when complete:
    a failure, a full disk or a kill leaves no truncated file that looks like a real one."""
    partial = path.with_name(f".{path.stem}.partial{path.suffix}")
    try:
        result = write(partial)
        partial.replace(path)
        return result
    finally:
        partial.unlink(missing_ok=True)
