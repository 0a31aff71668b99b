"""An office replaces a closing-file list by its province's; closing files follow it."""

from __future__ import annotations

from datetime import date

import pytest

from legalaid.domain.closing_file import COLUMN_NAMES, LAWSUIT, Outcome, default_lists
from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import closing
from legalaid.services.commands.offices import add_handler
from legalaid.services.commands.settings import current_closing_lists, set_closing_list
from legalaid.services.plumbing.context import Context
from tests.services.closing_files import case_in_progress


def test_the_office_list_replaces_the_working_one(offices: Context) -> None:
    ctx = offices
    handler = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_id = case_in_progress(ctx, handler.id)  # a civil first-instance application
    working = [i.name for i in closing.closing_checklist(ctx, case_id=case_id) if i.required]
    assert "代理词" in working and "经济困难状况说明" in working
    province = [
        ("卷宗封面", "R"),
        ("结案报告表", "R"),
        ("经济困难状况说明", "P"),
        ("回访记录", "A"),
    ]
    set_closing_list(ctx, column=LAWSUIT, items=province)
    items = closing.closing_checklist(ctx, case_id=case_id)
    assert [(i.name, i.required) for i in items] == [
        ("卷宗封面", True),
        ("结案报告表", True),
        ("经济困难状况说明", True),
        ("回访记录", False),
    ]
    with pytest.raises(ValidationError) as missing:
        closing.submit_closing(ctx, case_id=case_id, ended_on=date(2025, 6, 1),
                               outcome=Outcome.MEDIATION, items=["卷宗封面"])  # fmt: skip
    assert "结案报告表" in missing.value.message and "代理词" not in missing.value.message
    closing.submit_closing(ctx, case_id=case_id, ended_on=date(2025, 6, 1),
                           outcome=Outcome.MEDIATION,
                           items=["卷宗封面", "结案报告表", "经济困难状况说明"])  # fmt: skip
    set_closing_list(ctx, column=LAWSUIT, items=None)
    assert current_closing_lists(ctx) == {}
    assert len(default_lists()) == len(COLUMN_NAMES)


@pytest.mark.parametrize(
    "items",
    [[], [("", "R")], [("结案报告表", "R"), ("结案报告表", "A")], [("结案报告表", "X")]],
)
def test_a_wrong_list_is_refused(offices: Context, items: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError):
        set_closing_list(offices, column=LAWSUIT, items=items)
    assert current_closing_lists(offices) == {}


def test_a_terminated_case_files_the_termination_papers(offices: Context) -> None:
    from legalaid.domain.vocabulary import CaseState, TerminationReason
    from legalaid.services.queries.cases import get_case

    ctx = offices
    handler = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_id = case_in_progress(ctx, handler.id)
    closing.terminate(ctx, case_id=case_id, reason=TerminationReason.OWN_LAWYER,
                      on=date(2025, 5, 1))  # fmt: skip
    required = {i.name for i in closing.closing_checklist(ctx, case_id=case_id) if i.required}
    assert "更换或终止相关文书" in required and "结案报告表" in required
    assert "代理词" not in required and "判决书、裁定书或调解书" not in required
    closing.submit_closing(ctx, case_id=case_id, ended_on=date(2025, 5, 1),
                           outcome=Outcome.OTHER, items=sorted(required))  # fmt: skip
    assert get_case(ctx, case_id).row.state is CaseState.CLOSING
