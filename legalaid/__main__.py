"""Allow ``python -m legalaid``."""

from legalaid.cli import main

raise SystemExit(main())
