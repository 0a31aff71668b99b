"""The groups age and gender put a person in, counted on the day the case came in."""

from __future__ import annotations

from datetime import date

from legalaid.domain.groups import groups_by_person, is_minor
from legalaid.domain.vocabulary import Gender


def test_the_birthdays_that_change_a_group_count_on_the_day() -> None:
    born = date(1966, 3, 15)
    assert groups_by_person(born, Gender.MALE, date(2026, 3, 14)) == set()  # 59 still
    assert groups_by_person(born, Gender.MALE, date(2026, 3, 15)) == {"老年人"}
    child = date(2008, 11, 21)
    assert groups_by_person(child, Gender.FEMALE, date(2026, 11, 20)) == {"未成年人", "妇女"}
    assert groups_by_person(child, Gender.FEMALE, date(2026, 11, 21)) == {"妇女"}
    # Born on 29 February: a year older on 1 March in other years.
    assert groups_by_person(date(2008, 2, 29), None, date(2026, 2, 28)) == {"未成年人"}
    assert groups_by_person(date(2008, 2, 29), None, date(2026, 3, 1)) == set()


def test_a_minor_by_birth_date_or_as_registered() -> None:
    assert is_minor(date(2010, 5, 1), date(2026, 4, 30))
    assert not is_minor(date(2000, 5, 1), date(2026, 4, 30))
    assert not is_minor(None, date(2026, 4, 30))
    assert is_minor(None, date(2026, 4, 30), ["妇女", "未成年人"])  # no ID number, registered so
