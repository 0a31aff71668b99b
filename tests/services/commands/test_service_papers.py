"""A day's papers at the desk: each consultation's and duty help's registration form, one
per page in one PDF, and the day's 接收凭证 of the applications received."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from legalaid.domain.aid_services import DutyHelp, ServiceInput, ServiceKind, StationKind
from legalaid.domain.errors import ValidationError
from legalaid.domain.permissions import Role
from legalaid.domain.vocabulary import CaseSource, CaseType, HandlerType
from legalaid.services.commands import accounts, aid_services, duty, intake, service_papers
from legalaid.services.commands.aid_services import ServiceForm
from legalaid.services.commands.intake import CaseInput, PersonInput
from legalaid.services.commands.offices import add_handler
from legalaid.services.plumbing.context import Context
from tests.reports.test_document_set import check_typesetting, flat
from tests.services.commands.test_aid_services import TODAY, _consultation

pytestmark = pytest.mark.usefixtures("poppler")


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found, info
    return int(found.group(1))


def test_a_days_consultation_and_duty_forms(offices: Context, tmp_path: Path) -> None:
    ctx = offices
    for name in ("王秀英", "李强"):
        aid_services.register_service(ctx, ServiceForm(
            _consultation(name, id_number="430204197607061204" if name == "李强" else None),
            office_code="ZZ",
        ))  # fmt: skip
    aid_services.register_service(ctx, ServiceForm(
        _consultation("次日来访", served_on=date(2026, 11, 19)), office_code="ZZ"
    ))  # fmt: skip
    out = tmp_path / "day.pdf"
    assert service_papers.write_day_forms(ctx, day=TODAY, kind=ServiceKind.CONSULTATION,
                                          out=out) == 2  # fmt: skip
    assert pages(out) == 2
    text = flat(out)
    assert text.count("法律咨询登记表") == 2 and "次日来访" not in text
    for expected in ("王秀英", "李强", "拖欠工资怎么办", "可申请劳动仲裁", "咨询人（签字）",
                     "解答人（签字）", "登记号：ZZ-"):  # fmt: skip
        assert expected in text, expected
    check_typesetting(out)

    # A lawyer on duty prints the help they gave.
    lawyer = add_handler(ctx, name="林宇浩", handler_type=HandlerType.LAWYER)
    jail = duty.save_station(ctx, office_code="ZZ", name="株洲市看守所值班律师工作站",
                             kind=StationKind.DETENTION)  # fmt: skip
    help_id = aid_services.record_duty_help(ctx, ServiceForm(
        ServiceInput(kind=ServiceKind.DUTY_HELP, served_on=TODAY, name="赵军", content="盗窃罪",
                     id_number="430204197607061204",
                     help_items=(DutyHelp.PLEA_WITNESS, DutyHelp.PROCEDURE)),
        office_code="ZZ", station_id=jail, handler_id=lawyer.id,
    ))  # fmt: skip
    accounts.add_user(ctx, username="lin", name="林宇浩", role=Role.LAWYER,
                      password="Passw0rd!", handler="林宇浩")  # fmt: skip
    signed = ctx.signed_in(accounts.sign_in(ctx, username="lin", password="Passw0rd!"))
    one = tmp_path / "help.pdf"
    service_papers.write_service_forms(signed, service_ids=[help_id], out=one)
    text = flat(one)
    assert "值班律师法律帮助登记表" in text and "株洲市看守所值班律师工作站" in text
    assert "程序选择建议、认罪认罚见证" in text and "值班律师（签字）" in text
    assert "法律援助法第三十条" in text
    with pytest.raises(ValidationError, match="没有法律咨询登记"):
        service_papers.write_day_forms(ctx, day=date(2026, 11, 1),
                                       kind=ServiceKind.CONSULTATION, out=out)  # fmt: skip


def test_a_days_receipts_in_one_pdf(offices: Context, tmp_path: Path) -> None:
    ctx = offices
    for name, day in (("刘桂英", TODAY), ("周平", TODAY), ("昨日", date(2026, 11, 19))):
        intake.register(ctx, CaseInput(
            office_code="ZZ", source=CaseSource.APPLICATION, case_type=CaseType.CIVIL,
            received_on=day, cause="劳动报酬纠纷", hardship_basis="个人诚信承诺",
            person=PersonInput(name=name),
        ))  # fmt: skip
    out = tmp_path / "receipts.pdf"
    assert service_papers.write_day_receipts(ctx, day=TODAY, out=out) == 2
    assert pages(out) == 2
    text = flat(out)
    assert "刘桂英：" in text and "周平：" in text and "昨日" not in text
    assert "株援收字〔2026〕第1号" in text and "株援收字〔2026〕第2号" in text
    check_typesetting(out)
