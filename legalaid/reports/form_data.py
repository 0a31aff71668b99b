"""Plain data of a standard document, ready to print."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class FormDocument:
    title: str
    number: str
    organisation: str
    issued_on: date
    paragraphs: tuple[str, ...] = ()  # letters and decisions: addressee line first
    fields: tuple[tuple[str, str], ...] = ()  # registration form: label → value
    boxes: tuple[str, ...] = ()  # signature boxes (审查意见, 审批意见)
    notes: tuple[str, ...] = field(default_factory=tuple)
    # A form reported upward: the issuing centre (with its seal), who signs it, the date sent.
    signoff: tuple[str, ...] = ()
    # The office's address and phone under the title (documents sent out of the office).
    letterhead: str = ""
    sealed: bool = True  # the office's seal and the date close it (not an agreement's)
    # Who signs at the foot (a form the person fills in; both parties of an agreement).
    signatures: tuple[str, ...] = ()
