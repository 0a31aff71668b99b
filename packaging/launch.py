"""Entry point of the bundled application (PyInstaller): the GUI, or a command."""

import multiprocessing
import sys

from legalaid.cli import main

if __name__ == "__main__":
    # A large ledger is parsed in a spawned reader process: in a bundle that process starts
    # this same program, which must then run the reader and not the application.
    multiprocessing.freeze_support()
    sys.exit(main())
