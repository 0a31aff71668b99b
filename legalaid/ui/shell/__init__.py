"""The application shell: start, sign-in, the main window, first run, the crash dialog and Qt's
runtime checks."""
