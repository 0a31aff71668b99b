"""A work-log entry is corrected by its author only, within the same rules as logging it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from legalaid.domain.closing_file import WorkKind
from legalaid.domain.errors import PermissionDenied, ValidationError
from legalaid.domain.vocabulary import HandlerType
from legalaid.services.commands import worklog
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.cases import get_case
from tests.services.closing_files import case_in_progress


def test_only_the_author_corrects_an_entry(offices: Context) -> None:
    handler = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_id = case_in_progress(offices, handler.id)
    entry = worklog.log_work(offices, case_id=case_id, kind=WorkKind.MEETING,
                             done_on=date(2025, 4, 1), minutes=60)  # fmt: skip
    with pytest.raises(ValidationError, match="早于指派日期"):
        worklog.correct_work(offices, case_id=case_id, entry_id=entry, kind=WorkKind.MEETING,
                             done_on=date(2025, 3, 1), minutes=60)  # fmt: skip
    with pytest.raises(PermissionDenied, match="只能由其本人更正"):
        worklog.correct_work(replace(offices, actor="别人"), case_id=case_id, entry_id=entry,
                             kind=WorkKind.MEETING, done_on=date(2025, 4, 2), minutes=60)  # fmt: skip
    worklog.correct_work(offices, case_id=case_id, entry_id=entry, kind=WorkKind.FILE_REVIEW,
                         done_on=date(2025, 4, 2), minutes=45, place="株洲市中级人民法院")  # fmt: skip
    (shown,) = worklog.work_log(offices, case_id=case_id)
    assert (shown.kind, shown.done_on, shown.minutes, shown.place) == (
        WorkKind.FILE_REVIEW,
        date(2025, 4, 2),
        45,
        "株洲市中级人民法院",
    )
    timeline = get_case(offices, case_id).timeline
    assert timeline[-1].action == "更正工作记录"
    assert timeline[-1].detail["原为"] == "会见 2025-04-01 60分钟"


def test_the_closing_checklist_starts_from_what_the_application_holds(
    offices: Context, tmp_path: Path
) -> None:
    from legalaid.domain.documents import DocumentKind
    from legalaid.services.commands import closing
    from legalaid.services.commands.documents import write_document

    folder = tmp_path
    handler = add_handler(offices, name="林宇浩", handler_type=HandlerType.LAWYER)
    case_id = case_in_progress(offices, handler.id)
    assert closing.held_items(offices, case_id=case_id) == []
    write_document(offices, case_id=case_id, kind=DocumentKind.ASSIGNMENT,
                   out=folder / "notice.pdf")  # fmt: skip
    worklog.log_work(offices, case_id=case_id, kind=WorkKind.MEETING, done_on=date(2025, 4, 1),
                     minutes=60)  # fmt: skip
    scan = folder / "庭审笔录.pdf"
    scan.write_bytes(b"%PDF-1.4 a hearing")
    worklog.attach_document(offices, case_id=case_id, kind="庭审笔录", path=scan)
    held = closing.held_items(offices, case_id=case_id)
    assert "指派通知书" in held and "庭审笔录" in held
    assert any("会见" in item or "谈话笔录" in item for item in held)  # the 会见 logged
    assert "结案报告表" not in held and "委托协议及授权委托书" not in held
