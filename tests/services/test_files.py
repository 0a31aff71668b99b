"""Files for people are whole or absent; what is audited is what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from legalaid.services.files import write_whole


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"

    def half(target: Path) -> None:
        target.write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_whole(out, half)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    out.write_bytes(b"the previous export")
    with pytest.raises(OSError):
        write_whole(out, half)
    assert out.read_bytes() == b"the previous export" and len(list(tmp_path.iterdir())) == 1
    assert write_whole(out, lambda target: target.write_bytes(b"new")) == 3
    assert out.read_bytes() == b"new" and len(list(tmp_path.iterdir())) == 1
