"""The application log: a rotating file in the per-user log folder, never personal data.

Messages carry identifiers (case id, counts, durations) and error types, not names, ID
numbers, phones or case details (个人信息保护法); exception messages may quote data, so
errors are logged by type and stack only.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "legalaid.log"


def log_folder() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("legalaid", appauthor=False))


def configure(folder: Path | None = None) -> Path:
    """Send the ``legalaid`` loggers to a rotating file (5 × 1 MB); returns its path."""
    target = folder or log_folder()
    target.mkdir(parents=True, exist_ok=True)
    path = target / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("legalaid")
    root.handlers = [h for h in root.handlers if not isinstance(h, RotatingFileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def describe_error(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The error's type and where it happened — file, line and function only: neither the
    message nor the source lines, which may quote data."""
    frames = traceback.extract_tb(tb) if tb else []
    where = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in frames)
    return f"{kind.__module__}.{kind.__qualname__}\n{where}"
