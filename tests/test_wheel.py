"""The wheel, as pip, pipx or a packager installs it: built with ``python -m build``, installed
into a clean virtual environment, run from outside the source tree."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import venv
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import SAMPLE_LEDGER

ROOT = Path(__file__).resolve().parents[1]
GUI_CHECK = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from legalaid.services.commands.setup import open_context
from legalaid.ui.shell.application import load_chinese_font
from legalaid.ui.shell.i18n import install_translations
from legalaid.ui.shell.main_window import MainWindow
app = QApplication([])
language = install_translations(app)
load_chinese_font(app)
window = MainWindow(open_context(sys.argv[1]))
window.show()
app.processEvents()
print(json.dumps({
    "language": language,
    "font": app.font().family(),
    "sections": [window.navigation.item(i).text() for i in range(window.navigation.count())],
    "menu": window.menuBar().actions()[0].text(),
}, ensure_ascii=False))
"""


def build_module() -> ModuleType:
    # packaging/build.py by path: "packaging" is also the name of a PyPI library.
    spec = importlib.util.spec_from_file_location("legalaid_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_wheel_in_a_clean_venv_speaks_chinese_and_embeds_the_font(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("legalaid-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = str(bin_dir / ("python.exe" if os.name == "nt" else "python"))
    constraints = ROOT / "packaging" / "constraints.txt"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "-c", str(constraints), str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"  # not the source tree: only the installed wheel is importable
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LEGALAID_LANG")}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def legalaid(*args: str) -> str:
        done = subprocess.run(
            [str(bin_dir / "legalaid"), "--db", str(work / "w.sqlite3"), *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    located = subprocess.run(
        [python, "-c", "import legalaid, legalaid.paths as p; print(legalaid.__file__); "
         "print(p.font_file().stat().st_size)"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert Path(located[0]).is_relative_to(env_dir)
    assert int(located[1]) > 1_000_000  # the font is in the wheel, not only in the source tree

    legalaid("init")
    legalaid("office", "add", "ZZ", "株洲市法律援助中心", "--prefix", "株")
    legalaid("office", "add", "LL", "醴陵市法律援助中心", "--prefix", "醴")
    legalaid("office", "add", "YX", "攸县法律援助中心", "--prefix", "攸")
    assert "已导入 60 件案件" in legalaid("import", str(SAMPLE_LEDGER))
    stats = json.loads(legalaid("stats", "--year", "2025", "--json"))
    assert stats["year"] == 2025
    pdf = work / "annual.pdf"
    legalaid("report", "annual", "--year", "2025", "--out", str(pdf))
    assert build_module().unembedded_fonts(pdf) == []

    shown = subprocess.run(
        [python, "-c", GUI_CHECK, str(work / "w.sqlite3")],
        cwd=work, env=env, capture_output=True, text=True, encoding="utf-8", check=True,
    )  # fmt: skip
    window = json.loads(shown.stdout.strip().splitlines()[-1])
    assert window["language"] == "zh_CN"
    assert "案件" in window["sections"] and "统计报表" in window["sections"]
    assert window["menu"].startswith("案件")
    assert "WenQuanYi" in window["font"]


def test_unembedded_fonts_names_a_font_the_reader_must_supply(tmp_path: Path) -> None:
    """The Python font check the bundles use on Windows, tried on both kinds of PDF."""
    from reportlab.pdfgen.canvas import Canvas

    plain = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(plain))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "not embedded")
    canvas.save()
    assert build_module().unembedded_fonts(plain) == ["Helvetica", "(no embedded font program)"]

    from legalaid.reports.report_pdf import register_font  # the product's own embedding

    embedded = tmp_path / "embedded.pdf"
    font = register_font()
    canvas = Canvas(str(embedded), initialFontName=font)  # else Helvetica is declared too
    canvas.setFont(font, 12)
    canvas.drawString(72, 720, "法律援助")
    canvas.save()
    assert build_module().unembedded_fonts(embedded) == []
