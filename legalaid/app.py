"""Desktop entry point: ``legalaid`` without a command opens the main window."""

from __future__ import annotations


def main(db: str | None = None) -> int:
    from legalaid.ui.application import run

    return int(run(db))
