#!/usr/bin/env python3
"""Quick start for a fresh machine (Debian or Windows, Python 3.11+).

    python3 quickstart.py app    install what the application needs and open it (SQLite)
    python3 quickstart.py test   install what the tests need and run the whole suite

Both create ``.venv`` beside this file. On Debian, missing system libraries are installed
with apt-get (as root, or through sudo).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# CI's second run uses another environment and the lowest declared versions (.ci/run).
VENV = ROOT / os.environ.get("LEGALAID_VENV", ".venv")
CONSTRAINTS = ROOT / os.environ.get("LEGALAID_CONSTRAINTS", "packaging/constraints.txt")
# Qt's offscreen and xcb platforms need these on a bare Debian (toolchain.md).
DEBIAN_APP = ["libegl1", "libgl1", "libdbus-1-3", "libfontconfig1", "libglib2.0-0",
              "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
              "libxcb-image0", "libxcb-keysyms1", "libxcb-render-util0", "libxcb-shape0",
              "libxcb-xkb1"]
# pdftotext/pdffonts check the generated PDFs in the tests.
DEBIAN_TEST = ["poppler-utils"]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_debian_packages(names: list[str]) -> None:
    if not Path("/etc/debian_version").exists() or not shutil.which("dpkg-query"):
        return
    missing = [
        n for n in names
        if subprocess.run(["dpkg-query", "-W", "-f=${Status}", n], capture_output=True,
                          text=True).stdout.strip() != "install ok installed"
    ]
    if not missing:
        return
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    print(f"Installing system packages: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def ensure_venv(extra: str | None) -> Path:
    if not venv_python().exists() and importlib.util.find_spec("ensurepip") is None:
        # Debian and Ubuntu split venv's pip bootstrap into its own package.
        ensure_debian_packages([f"python{sys.version_info.major}.{sys.version_info.minor}-venv"])
    if not venv_python().exists():
        print("Creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    python = str(venv_python())
    target = f".[{extra}]" if extra else "."
    subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    # The pinned runtime set (packaging/constraints.txt), the same libraries a bundle ships.
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "-c", str(CONSTRAINTS), "-e", target],
        check=True,
        cwd=ROOT,
    )
    return venv_python()


def run_app() -> int:
    ensure_debian_packages(DEBIAN_APP)
    python = ensure_venv(None)
    return subprocess.call([str(python), "-m", "legalaid", *sys.argv[2:]], cwd=ROOT)


def run_tests() -> int:
    ensure_debian_packages(DEBIAN_APP + DEBIAN_TEST)
    python = str(ensure_venv("test"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [python, "-m", "ruff", "check", "legalaid", "tests", "bench"],
        [python, "-m", "ruff", "format", "--check", "legalaid", "tests", "bench"],
        [python, "-m", "mypy", "legalaid"],
        [python, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                       "sys.exit(lint_imports_command())"],
        [python, "-m", "pytest", *sys.argv[2:]],
    ]
    if os.environ.get("LEGALAID_TESTS_ONLY"):
        # CI's run at the lowest declared versions: behaviour only; the static checks
        # (type stubs differ between releases) ran on the pinned set.
        steps = steps[-1:]
    for step in steps:
        print("$", " ".join(step[2:5]), flush=True)
        code = subprocess.call(step, cwd=ROOT, env=env)
        if code != 0:
            return code
    return 0


def main() -> int:
    if sys.version_info < (3, 11):
        print("legalaid needs Python 3.11 or newer", file=sys.stderr)
        return 1
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "app":
        return run_app()
    if command == "test":
        return run_tests()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
