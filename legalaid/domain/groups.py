"""人群类别 a person's age and gender place them in — the figures count cases by them, the
minors' rules (法律援助法 s.25; assignment of lawyers familiar with minors) depend on them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from legalaid.domain.identity import age_on
from legalaid.domain.vocabulary import Gender

ADULT_AGE = 18  # 未成年人: under 18 (未成年人保护法 s.2)
ELDERLY_AGE = 60  # 老年人: 60 and over (老年人权益保障法 s.2)
MINORS = "未成年人"
ELDERLY = "老年人"
WOMEN = "妇女"


def is_minor(birth: date | None, on: date, groups: Iterable[str] = ()) -> bool:
    """A minor on ``on`` (the day the case came in): by birth date, or as registered."""
    return MINORS in groups or (birth is not None and age_on(birth, on) < ADULT_AGE)


def groups_by_person(birth: date, gender: Gender | None, on: date) -> frozenset[str]:
    """The groups age and gender put a person in on ``on``: suggested at intake (the clerk
    may untick them; the other groups are the applicant's situation, not their ID)."""
    age = age_on(birth, on)
    found = set()
    if age >= ELDERLY_AGE:
        found.add(ELDERLY)
    if age < ADULT_AGE:
        found.add(MINORS)
    if gender is Gender.FEMALE:
        found.add(WOMEN)
    return frozenset(found)
