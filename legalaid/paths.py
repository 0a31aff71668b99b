"""Where the shipped resources (fonts, translations, icons) are: inside the package.

They are package data (``legalaid/resources``), found through ``importlib.resources``, so a
wheel, an editable install and a PyInstaller bundle (which collects them as
``legalaid/resources``) all read the same files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resources_dir() -> Path:
    """The package's resource folder as a real path (Qt and reportlab open files by name)."""
    return Path(str(resources.files("legalaid") / "resources"))


def font_file() -> Path:
    """WenQuanYi Micro Hei: TrueType outlines with Latin and CJK, so reportlab can embed it."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
