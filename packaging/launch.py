"""Entry point of the bundled application (PyInstaller): the GUI, or a command."""

import sys

from legalaid.cli import main

if __name__ == "__main__":
    sys.exit(main())
