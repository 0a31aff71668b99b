"""The declared dependencies hold: floors CI really tests, and never the faulty PySide6."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tests.test_wheel import build_module

ROOT = Path(__file__).resolve().parents[1]


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors: dict[str, str] = {}
    for spec in [*project["dependencies"], *project["optional-dependencies"]["postgresql"]]:
        match = re.match(r"([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)", spec)
        assert match, spec
        floors[normalised(match.group(1))] = match.group(3)
    return floors


def lowest_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / ".ci" / "lowest-constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[normalised(name)] = version
    return pins


def release(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:  # 6.6 == 6.6.0
        parts.pop()
    return tuple(parts)


def test_ci_lowest_run_installs_exactly_the_declared_floors() -> None:
    floors, pins = declared_floors(), lowest_pins()
    for name, floor in floors.items():
        assert name in pins, f"{name} has a floor but CI's lowest run does not pin it"
        assert release(pins[name]) == release(floor), (name, floor, pins[name])


def test_chinese_calendar_floor_knows_2026() -> None:
    # 1.11 is the first release with the State Council's 2026 holiday notice.
    assert release(declared_floors()["chinese-calendar"]) >= (1, 11)


def test_bundles_pin_a_binding_without_the_none_fault() -> None:
    build = build_module()
    for platform in ("linux", "win32"):
        pins = build.pinned(platform)
        pyside = pins["pyside6-essentials"]
        assert pins["shiboken6"] == pyside  # the binding and its runtime move together
        assert release(pyside) < (6, 12), (platform, pyside)
    # Linux bundles run on glibc 2.28/2.31: the last manylinux_2_28 PySide6 is 6.9.
    assert release(build.pinned("linux")["pyside6-essentials"]) < (6, 10)


def test_python_311_cannot_resolve_to_pyside_612() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for_311 = [d for d in project["dependencies"] if "PySide6" in d and "< '3.12'" in d]
    assert for_311 == ["PySide6-Essentials>=6.6,<6.12; python_version < '3.12'"]
