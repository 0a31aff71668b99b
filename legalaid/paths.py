"""Where the shipped resources (fonts, translations) are: the source tree or a bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """``LEGALAID_RESOURCES``, a PyInstaller bundle's folder, or the repository's ``resources``."""
    configured = os.environ.get("LEGALAID_RESOURCES")
    if configured:
        return Path(configured)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def font_file() -> Path:
    """WenQuanYi Micro Hei: TrueType outlines with Latin and CJK, so reportlab can embed it."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
