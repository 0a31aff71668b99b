"""Search terms of a case: number, name, ID number, phone and the name's pinyin."""

from __future__ import annotations

from functools import lru_cache

# Surnames read differently from the character's everyday reading (曾 is zeng as a surname,
# not ceng); clerks type the initials the way the name is said, so both are indexed.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha",
    "区": "ou", "乐": "yue", "盖": "ge", "覃": "qin", "缪": "miao", "翟": "zhai",
}  # fmt: skip


@lru_cache(maxsize=200_000)
def _syllables(text: str) -> tuple[str, ...]:
    # Imported on first use: pypinyin's dictionaries take a quarter second to load.
    from pypinyin import Style, lazy_pinyin

    return tuple(s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s)


def name_pinyin(name: str) -> list[tuple[str, str]]:
    """(initials, full pinyin) readings of a name: 张三 → [("zs", "zhangsan")]; a surname with
    its own reading adds a second one: 曾杰 → [("cj", "cengjie"), ("zj", "zengjie")]."""
    if not name:
        return []
    # Surname and given name are looked up separately: given names repeat far more often
    # than whole names, so the cache carries a million names.
    head, rest = _syllables(name[:1]), _syllables(name[1:])
    readings = [head + rest]
    special = SURNAME_READINGS.get(name[0])
    if special and head and head[0] != special:
        readings.append((special, *rest))
    return [("".join(s[0] for s in r), "".join(r)) for r in readings if r]


def pinyin_key(text: str) -> str:
    """Sort key in the order of a Chinese dictionary: by pinyin, the surname read as a
    surname (曾 zeng, 单 shan), the characters themselves breaking ties."""
    readings = name_pinyin(text)
    return f"{readings[-1][1] if readings else ''}\x00{text}"


def search_terms(
    *, case_no: str, name: str, id_number: str | None, phone: str | None
) -> tuple[str, str]:
    """(terms, tokens) of a case's search row."""
    pinyin = [part for reading in name_pinyin(name) for part in reading]
    # Substrings of three or more characters (trigram index): number, name, ID, phone.
    terms = " ".join(p for p in (case_no, name, id_number, phone) if p)
    # Word index: one token per character, so one- and two-character names match as phrases,
    # and the pinyin readings, which match by prefix.
    tokens = " ".join([*name, *pinyin]).strip()
    return terms, tokens


def search_row(
    case_id: int, *, case_no: str, name: str, id_number: str | None, phone: str | None
) -> dict[str, object]:
    terms, tokens = search_terms(case_no=case_no, name=name, id_number=id_number, phone=phone)
    return {"case_id": case_id, "terms": terms, "tokens": tokens}
