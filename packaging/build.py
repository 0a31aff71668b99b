#!/usr/bin/env python3
"""Build the one-folder bundle with PyInstaller and smoke-test it; optionally a .deb.

    .venv/bin/python packaging/build.py            bundle in dist/legalaid, then smoke test
    .venv/bin/python packaging/build.py --deb      also dist/legalaid_<version>_amd64.deb

The smoke test runs the bundled program itself: init, office add, import of the sample
ledger, an annual report (its fonts must all be embedded) and a start of the desktop
window offscreen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
SAMPLE = ROOT / "tests" / "data" / "ledger-sample.csv"
sys.path.insert(0, str(ROOT))
from legalaid import __version__  # noqa: E402

DEB_DEPENDS = (
    "libegl1, libgl1, libfontconfig1, libdbus-1-3, libglib2.0-0, libxkbcommon0, "
    "libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, "
    "libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-xkb1"
)


CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def pinned(platform: str = sys.platform) -> dict[str, str]:
    """The versions in constraints.txt for this platform, by normalised project name.

    Markers are limited to ``sys_platform == "…"`` / ``!= "…"`` (all the file uses)."""
    import re

    pins: dict[str, str] = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        requirement, _, marker = line.partition(";")
        if "==" not in requirement:
            continue
        if marker.strip():
            match = re.fullmatch(r"\s*sys_platform\s*(==|!=)\s*[\"']([^\"']+)[\"']\s*", marker)
            if match is None:
                raise SystemExit(f"constraints.txt: marker not understood: {marker.strip()}")
            if (platform == match.group(2)) != (match.group(1) == "=="):
                continue
        name, version = requirement.split("==", 1)
        pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def check_constraints() -> None:
    """Refuse to bundle anything but the pinned set (and so never the faulty PySide6)."""
    from importlib import metadata

    wrong = []
    for name, version in pinned().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # e.g. pyinstaller before it is installed, psycopg where not wanted
        if installed != version:
            wrong.append(f"{name} {installed} (pinned {version})")
    if wrong:
        raise SystemExit(
            "the environment differs from packaging/constraints.txt: "
            + ", ".join(wrong)
            + f"\ninstall with: pip install -c {CONSTRAINTS} -e .[postgresql] pyinstaller"
        )


def unembedded_fonts(pdf: Path) -> list[str]:
    """Fonts a PDF names without embedding them (any platform: no pdffonts needed).

    reportlab embeds a subset of each TrueType font under a tagged name (``AAAAAA+Name``)
    with a /FontFile2 stream; a font named without a tag is one the reader must supply."""
    import re

    data = pdf.read_bytes()
    names = {n.decode("latin-1") for n in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", data)}
    if not names:
        return ["(no fonts at all)"]
    missing = sorted(n for n in names if "+" not in n)
    if b"/FontFile" not in data:
        missing.append("(no embedded font program)")
    return missing


def run(*command: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(str(c) for c in command), flush=True)
    return subprocess.run([str(c) for c in command], check=True, text=True, **kwargs)  # type: ignore[call-overload]


def icons(work: Path) -> None:
    """PNG and ICO from the SVG (Qt draws it; Pillow writes the Windows icon)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(ROOT / "legalaid" / "resources" / "icons" / "legalaid.svg")).render(painter)
    painter.end()
    png = work / "legalaid.png"
    image.save(str(png))
    Image.open(png).save(
        ROOT / "legalaid" / "resources" / "icons" / "legalaid.ico",
        sizes=[(16, 16), (32, 32), (48, 48), (256, 256)],
    )
    shutil.copy(png, ROOT / "legalaid" / "resources" / "icons" / "legalaid.png")
    del app


def write_version_info() -> None:
    """Windows file properties (version, product name) for the executables."""
    numbers = (*(int(part) for part in __version__.split(".")[:3]), 0)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'legalaid'),
      StringStruct('FileDescription', '法律援助案件管理'),
      StringStruct('FileVersion', '{__version__}'),
      StringStruct('ProductName', '法律援助案件管理'),
      StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
    (ROOT / "packaging" / "version_info.txt").write_text(text, encoding="utf-8")


def bundle() -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        run(sys.executable, "-m", "pip", "install", "-q", "-c", CONSTRAINTS, "pyinstaller")
    check_constraints()
    write_version_info()
    with tempfile.TemporaryDirectory() as work:
        icons(Path(work))
        run(
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            DIST,
            "--workpath",
            Path(work) / "build",
            ROOT / "packaging" / "legalaid.spec",
        )
    return DIST / "legalaid"


def smoke_test(folder: Path) -> None:
    suffix = ".exe" if sys.platform == "win32" else ""
    cli = folder / f"legalaid-cli{suffix}"
    with tempfile.TemporaryDirectory() as work:
        db = str(Path(work) / "smoke.sqlite3")
        run(cli, "--version")
        run(cli, "--db", db, "init")
        for code, name, prefix in (
            ("ZZ", "株洲市法律援助中心", "株"),
            ("LL", "醴陵市法律援助中心", "醴"),
            ("YX", "攸县法律援助中心", "攸"),
        ):
            run(cli, "--db", db, "office", "add", code, name, "--prefix", prefix)
        run(cli, "--db", db, "import", SAMPLE)
        # Accounts: argon2 (a compiled extension) must be in the bundle.
        run(cli, "--db", db, "user", "add", "admin", "--role", "admin", input="Smoke2026pw\n")
        run(cli, "--db", db, "audit", "verify")
        pdf = Path(work) / "annual.pdf"
        run(cli, "--db", db, "report", "annual", "--year", "2025", "--out", pdf)
        missing = unembedded_fonts(pdf)
        if missing:
            raise SystemExit(f"fonts not embedded in the report: {missing}")
        # The desktop starts and stays up (offscreen) until stopped.
        gui = folder / f"legalaid{suffix}"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEGALAID_DB=db)
        process = subprocess.Popen([str(gui)], env=env)
        try:
            process.wait(timeout=8)
            raise AssertionError(f"the desktop exited early with {process.returncode}")
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait(timeout=10)
    print("smoke test passed")


def glibc_needs(folder: Path) -> dict[str, tuple[int, ...]]:
    """The newest GLIBC symbol version each bundled ELF binary needs (objdump -T)."""
    import re

    needs: dict[str, tuple[int, ...]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        versions = [
            tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out)
        ]
        if versions:
            needs[str(path.relative_to(folder))] = max(versions)
    return needs


def glibc_floor(folder: Path) -> str:
    """Print the binaries that need the newest glibc; returns that version ("2.31")."""
    needs = glibc_needs(folder)
    floor = max(needs.values())
    text = ".".join(str(p) for p in floor)
    top = sorted((v, k) for k, v in needs.items())[-5:]
    print(f"glibc floor {text}: {len(needs)} ELF binaries; the newest needs:")
    for version, name in reversed(top):
        print(f"  GLIBC_{'.'.join(str(p) for p in version):<6} {name}")
    return text


def deb(folder: Path) -> Path:
    """A .deb for Debian, Ubuntu, UOS and Kylin on x86-64: /opt/legalaid plus a menu entry."""
    with tempfile.TemporaryDirectory() as work:
        stage = Path(work) / "legalaid"
        shutil.copytree(folder, stage / "opt" / "legalaid", symlinks=True)
        (stage / "usr" / "bin").mkdir(parents=True)
        for name in ("legalaid", "legalaid-cli"):
            (stage / "usr" / "bin" / name).symlink_to(f"/opt/legalaid/{name}")
        apps = stage / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        (apps / "legalaid.desktop").write_text(
            "[Desktop Entry]\nType=Application\nName=Legal aid case management\n"
            "Name[zh_CN]=法律援助案件管理\nExec=/opt/legalaid/legalaid\nIcon=legalaid\n"
            "Terminal=false\nCategories=Office;\n",
            encoding="utf-8",
        )
        icon_dir = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
        icon_dir.mkdir(parents=True)
        shutil.copy(
            ROOT / "legalaid" / "resources" / "icons" / "legalaid.svg", icon_dir / "legalaid.svg"
        )
        control = stage / "DEBIAN"
        control.mkdir()
        size = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file()) // 1024
        (control / "control").write_text(
            f"Package: legalaid\nVersion: {__version__}\nArchitecture: amd64\n"
            f"Maintainer: legalaid team <legalaid@localhost>\nInstalled-Size: {size}\n"
            f"Depends: libc6 (>= {glibc_floor(folder)}), {DEB_DEPENDS}\n"
            "Section: office\nPriority: optional\n"
            "Description: Legal aid case management (法律援助案件管理)\n"
            " Desktop application for China's legal-aid centres.\n",
            encoding="utf-8",
        )
        out = DIST / f"legalaid_{__version__}_amd64.deb"
        run("dpkg-deb", "--root-owner-group", "--build", stage, out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deb", action="store_true", help="also build a Debian package")
    parser.add_argument("--skip-build", action="store_true", help="test an existing bundle")
    parser.add_argument(
        "--floor",
        metavar="SUITE",
        help="build the .deb inside a Debian chroot of SUITE (e.g. bullseye: glibc 2.31), "
        "then install and run it on a fresh one (root, debootstrap)",
    )
    parser.add_argument("--cache", type=Path, default=Path("/var/tmp/legalaid-chroots"))
    args = parser.parse_args()
    if args.floor:
        import floor

        started = time.monotonic()
        args.cache.mkdir(parents=True, exist_ok=True)
        package = floor.build(ROOT, args.cache, args.floor)
        floor.verify(package, args.cache, args.floor)
        print(f"floor build and check: {time.monotonic() - started:.0f} s, {package}")
        return 0
    started = time.monotonic()
    folder = DIST / "legalaid" if args.skip_build else bundle()
    print(
        f"bundle: {time.monotonic() - started:.0f} s, "
        f"{sum(f.stat().st_size for f in folder.rglob('*') if f.is_file()) // 2**20} MB"
    )
    glibc_floor(folder)
    smoke_test(folder)
    if args.deb:
        print("built", deb(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
