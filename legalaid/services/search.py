"""Search terms of a case: number, name, ID number, phone and the name's pinyin."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def name_pinyin(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name: 张三 → ("zs", "zhangsan")."""
    # Imported on first use: pypinyin's dictionaries take a quarter second to load.
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s]
    initials = "".join(s[0] for s in syllables)
    return initials.lower(), "".join(syllables).lower()


def search_row(
    case_id: int, *, case_no: str, name: str, id_number: str | None, phone: str | None
) -> dict[str, object]:
    initials, full = name_pinyin(name)
    terms = " ".join(p for p in (case_no, name, id_number, phone, initials, full) if p)
    # One token per character so that one- and two-character names match as phrases.
    tokens = " ".join([*name, initials, full]).strip()
    return {"case_id": case_id, "terms": terms, "tokens": tokens}
