"""Shared test steps: a case in progress with a handler; a complete closing file."""

from __future__ import annotations

from datetime import date

from legalaid.domain.closing_file import Outcome
from legalaid.services.commands import assignment, intake
from legalaid.services.commands.closing import closing_checklist
from legalaid.services.plumbing.context import Context


def full_file(ctx: Context, case_id: int, outcome: Outcome = Outcome.JUDGMENT) -> dict[str, object]:
    items = [item.name for item in closing_checklist(ctx, case_id=case_id) if item.required]
    return {"outcome": outcome, "items": items}


def case_in_progress(ctx: Context, handler_id: int, **changes: object) -> int:
    """An application granted on 4 March 2025, assigned to the handler, agreement signed
    (another case of the same person each time: a confirmed repeat)."""
    from tests.services.commands.test_workflow import application

    ref = intake.register(ctx, application(allow_duplicate=True, **changes))
    intake.start_review(ctx, case_id=ref.id)
    intake.decide(ctx, case_id=ref.id, grant=True, reason="", on=date(2025, 3, 4))
    assignment.assign_handler(ctx, case_id=ref.id, handler_id=handler_id, on=date(2025, 3, 5))
    assignment.start_handling(ctx, case_id=ref.id)
    return ref.id
