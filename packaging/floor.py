"""The Linux bundle built on an old glibc, then installed and run on a fresh copy of it.

A bundle runs on systems whose glibc is at least the newest one its binaries were linked
against. Built on this machine (Debian 12, glibc 2.36) it would not start on Debian 11 /
Ubuntu 20.04 / 麒麟 V10 SP1 (glibc 2.31), so the bundle is built inside a Debian chroot of
the floor release made with debootstrap from Debian's archive:

1. a pristine ``--variant=minbase`` root (kept, copied for each use);
2. a build root: Python 3.11 and SQLite 3.40 compiled from Debian's own source archives
   (the floor release ships Python 3.9 and SQLite 3.34, which lacks RETURNING), then the
   pinned set (packaging/constraints.txt: PySide6 6.9.3, built for glibc 2.28) and
   ``packaging/build.py --deb`` inside it;
3. a verify root: the .deb installed with apt (its Depends resolved from the archive) and
   the installed program run: commands and the window offscreen.

Needs root (chroot, mount) and debootstrap. Everything is downloaded from Debian's archive
and PyPI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MIRROR = "http://deb.debian.org/debian"
# Debian's sources, from bookworm (same releases as the machine the suite runs on).
PYTHON = ("pool/main/p/python3.11/python3.11_3.11.2.orig.tar.gz", "Python-3.11.2")
SQLITE = ("pool/main/s/sqlite3/sqlite3_3.40.1.orig.tar.xz", "sqlite3-3.40.1")
PREFIX = "/opt/python3.11"
BUILD_PACKAGES = (
    "gcc make libc6-dev libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libgdbm-dev "
    "uuid-dev libncurses-dev libreadline-dev xz-utils wget ca-certificates binutils tcl "
    "dpkg-dev file"
)
# What Qt needs at build time for PyInstaller's analysis and the smoke test.
QT_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 "
    "libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-render0 "
    "libxcb-shm0 libxcb-xinerama0 libx11-xcb1 libcups2 libgssapi-krb5-2"
)
SAMPLE = "tests/data/ledger-sample.csv"


def say(text: str) -> None:
    print(f"[floor] {text}", flush=True)


def in_root(root: Path, script: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_FIND_LINKS")}
    env["DEBIAN_FRONTEND"] = "noninteractive"
    subprocess.run(["chroot", str(root), "bash", "-euo", "pipefail", "-c", script], check=True,
                   env=env)  # fmt: skip


@contextmanager
def mounted(root: Path) -> Iterator[None]:
    points = [root / "proc", root / "dev"]
    for point, source in zip(points, ("/proc", "/dev"), strict=True):
        subprocess.run(["mount", "--bind", source, str(point)], check=True)
    try:
        yield
    finally:
        for point in reversed(points):
            subprocess.run(["umount", "-l", str(point)], check=False)


def pristine(cache: Path, suite: str) -> Path:
    base = cache / f"{suite}-pristine"
    if not (base / "etc" / "debian_version").exists():
        say(f"debootstrap {suite} (minbase) into {base}")
        shutil.rmtree(base, ignore_errors=True)
        subprocess.run(["debootstrap", "--variant=minbase", suite, str(base), MIRROR], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    return base


def copy_root(base: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-a", str(base), str(target)], check=True)
    shutil.copy("/etc/resolv.conf", target / "etc" / "resolv.conf")
    # The host's trust store: downloads pass the same TLS inspection as on the host.
    host_ca = Path("/etc/ssl/certs/ca-certificates.crt")
    if host_ca.exists():
        (target / "etc" / "ssl" / "certs").mkdir(parents=True, exist_ok=True)
        shutil.copy(host_ca, target / "etc" / "ssl" / "certs" / "ca-certificates.crt")
    return target


def prepare_build_root(cache: Path, suite: str) -> Path:
    root = cache / f"{suite}-build"
    if (root / PREFIX.lstrip("/") / "bin" / "python3.11").exists():
        return root
    copy_root(pristine(cache, suite), root)
    say("compiling SQLite 3.40 and Python 3.11 from Debian's sources (a few minutes)")
    with mounted(root):
        in_root(
            root,
            f"""
apt-get update -qq
apt-get install -y -qq --no-install-recommends {BUILD_PACKAGES} {QT_PACKAGES} >/dev/null
cd /root
wget -q {MIRROR}/{SQLITE[0]} && tar xf {Path(SQLITE[0]).name}
wget -q {MIRROR}/{PYTHON[0]} && tar xf {Path(PYTHON[0]).name}
cd /root/{SQLITE[1]}
# The library alone, from the amalgamation (the source tree's shell fails to link here).
./configure -q --prefix={PREFIX} --disable-tcl >/dev/null
make -s sqlite3.c >/dev/null 2>&1
mkdir -p {PREFIX}/lib {PREFIX}/include
gcc -O2 -fPIC -shared -DSQLITE_ENABLE_FTS5 -DSQLITE_THREADSAFE=1 \\
    -DSQLITE_ENABLE_MATH_FUNCTIONS sqlite3.c -o {PREFIX}/lib/libsqlite3.so.0 \\
    -Wl,-soname,libsqlite3.so.0 -lpthread -lm -ldl
ln -sf libsqlite3.so.0 {PREFIX}/lib/libsqlite3.so
cp sqlite3.h sqlite3ext.h {PREFIX}/include/
cd /root/{PYTHON[1]}
CPPFLAGS=-I{PREFIX}/include LDFLAGS="-L{PREFIX}/lib -Wl,-rpath,{PREFIX}/lib" \\
    ./configure -q --prefix={PREFIX} --enable-shared >/dev/null
make -s -j"$(nproc)" >/dev/null 2>&1 && make -s install >/dev/null 2>&1
{PREFIX}/bin/python3.11 -c "import sqlite3, ssl, ctypes; \\
    assert sqlite3.sqlite_version_info >= (3, 35)"
""",
        )
    return root


def build(source: Path, cache: Path, suite: str) -> Path:
    """The bundle and .deb built inside the floor release; returns the .deb (in dist/)."""
    root = prepare_build_root(cache, suite)
    work = root / "root" / "legalaid"
    shutil.rmtree(work, ignore_errors=True)
    listing = ["git", "ls-files", "-co", "--exclude-standard"]
    files = subprocess.run(listing, cwd=source, check=True, capture_output=True, text=True)
    names = files.stdout.splitlines()
    for name in names:
        if (source / name).is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, work / name)
    say(f"building the bundle inside {suite}")
    with mounted(root):
        in_root(
            root,
            f"""
cd /root/legalaid
rm -rf /root/venv
{PREFIX}/bin/python3.11 -m venv /root/venv
/root/venv/bin/python -m pip install -q -c packaging/constraints.txt -e ".[postgresql]" \\
    pyinstaller 2>&1 | grep -v '^WARNING' || true
QT_QPA_PLATFORM=offscreen /root/venv/bin/python packaging/build.py --deb
""",
        )
    debs = sorted((work / "dist").glob("legalaid_*_amd64.deb"))
    if not debs:
        raise SystemExit("the floor build made no .deb")
    (source / "dist").mkdir(exist_ok=True)
    out = source / "dist" / debs[-1].name.replace("_amd64", f"_{suite}_amd64")
    shutil.copy2(debs[-1], out)
    return out


def verify(deb: Path, cache: Path, suite: str) -> None:
    """A fresh root of the floor release: apt installs the .deb, the program runs."""
    root = copy_root(pristine(cache, suite), cache / f"{suite}-verify")
    shutil.copy2(deb, root / "tmp" / "legalaid.deb")
    shutil.copy2(Path(__file__).resolve().parents[1] / SAMPLE, root / "tmp" / "sample.csv")
    say(f"installing {deb.name} on a fresh {suite}")
    with mounted(root):
        in_root(
            root,
            r"""
apt-get update -qq
apt-get install -y -qq /tmp/legalaid.deb >/dev/null
ldd --version | head -n 1
cd /tmp
legalaid-cli --version
legalaid-cli --db /tmp/v.sqlite3 init
legalaid-cli --db /tmp/v.sqlite3 office add ZZ 株洲市法律援助中心 --prefix 株
legalaid-cli --db /tmp/v.sqlite3 office add LL 醴陵市法律援助中心 --prefix 醴 --parent ZZ
legalaid-cli --db /tmp/v.sqlite3 office add YX 攸县法律援助中心 --prefix 攸 --parent ZZ
legalaid-cli --db /tmp/v.sqlite3 import /tmp/sample.csv
legalaid-cli --db /tmp/v.sqlite3 stats --year 2025 --json | head -c 200; echo
legalaid-cli --db /tmp/v.sqlite3 report annual --year 2025 --out /tmp/annual.pdf
test -s /tmp/annual.pdf
""",
        )
        # The window: started offscreen, it must stay up (the first-run/sign-in dialog waits).
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        env.update(QT_QPA_PLATFORM="offscreen", LEGALAID_DB="/tmp/v.sqlite3")
        started = time.monotonic()
        process = subprocess.Popen(["chroot", str(root), "/usr/bin/legalaid"], env=env)
        try:
            code = process.wait(timeout=10)
            raise SystemExit(f"the window exited after {time.monotonic() - started:.1f} s "
                             f"with status {code} on {suite}")  # fmt: skip
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait(timeout=10)
    say(f"{deb.name} installs and runs on {suite}")
