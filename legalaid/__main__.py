"""Allow ``python -m legalaid``."""

from legalaid.cli import main

if __name__ == "__main__":  # not when a spawned process (the ledger reader) imports it
    raise SystemExit(main())
