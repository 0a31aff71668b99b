"""A complete closing file for a case: the outcome and every required checklist item."""

from __future__ import annotations

from legalaid.domain.closing_file import Outcome
from legalaid.services.closing import closing_checklist
from legalaid.services.context import Context


def full_file(ctx: Context, case_id: int, outcome: Outcome = Outcome.JUDGMENT) -> dict[str, object]:
    items = [item.name for item in closing_checklist(ctx, case_id=case_id) if item.required]
    return {"outcome": outcome, "items": items}
