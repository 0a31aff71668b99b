"""What a change touched, so that each page and window redraws only that (Anki's OpChanges):
a step on one case redraws that case's row, not a million-row list; a page that is not on
screen is only marked out of date and redraws when it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Flag, auto


class Change(Flag):
    NONE = 0
    CASES = auto()  # which cases there are (registered, imported): the list itself
    CASE = auto()  # facts of the cases named (state, handler, person)
    DEADLINES = auto()
    HANDLERS = auto()  # handlers and their caseloads
    SUBSIDIES = auto()
    ESCALATIONS = auto()
    SERVICES = auto()  # consultations, drafting, duty help
    SETTINGS = auto()
    USERS = auto()
    ALL = (
        CASES | CASE | DEADLINES | HANDLERS | SUBSIDIES | ESCALATIONS | SERVICES | SETTINGS | USERS
    )


@dataclass(frozen=True)
class Changes:
    what: Change
    case_ids: frozenset[int] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.what | other.what, self.case_ids | other.case_ids)


NOTHING = Changes(Change.NONE)
EVERYTHING = Changes(Change.ALL)
