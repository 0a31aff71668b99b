"""法律援助信息公开 (法律援助法 s.58): what an office publishes each year — its cases by kind,
the services, the funding paid (case subsidies and duty pay) and the quality grades of the
cases closed. Aggregates only: nothing in it names a person."""

from __future__ import annotations

from datetime import date

from legalaid.domain.statistics import period_end
from legalaid.domain.vocabulary import QualityGrade
from legalaid.reports.report_data import Report, Table, money_text
from legalaid.services.commands import service_pay
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.ledger_reader import Progress, no_progress
from legalaid.services.queries.statistics import statistics_set
from legalaid.services.queries.work_summary import (
    CONSULT,
    DRAFT,
    DUTY,
    KINDS,
    numbered,
    period_text,
    report_organisation,
)


def public_notice(
    ctx: Context,
    *,
    year: int,
    until: date | None = None,
    office_code: str | None = None,
    progress: Progress = no_progress,
) -> Report:
    """The year's notice of one office and those below it (by default the user's own)."""
    end = period_end(year, until, ctx.today())
    organisation, _offices, office_code = report_organisation(ctx, office_code)
    progress("统计", 0, 2)
    stats = statistics_set(ctx, year=year, until=end, office_code=office_code).total
    with ctx.reading() as uow:
        session = uow.session
        ids = (
            scope.subtree(session, scope.office_by_code(ctx, session, office_code).id)
            if office_code
            else None
        )
        other_pay = service_pay.paid_in(session, date(year, 1, 1), end, ids)
    duty_pay = other_pay[service_pay.DUTY].quantize(stats.subsidy_total)
    drafting_pay = other_pay[service_pay.DRAFTING].quantize(stats.subsidy_total)
    progress("统计", 2, 2)
    kinds = stats.by_kind
    consult, draft, duty = (stats.services.get(k, 0) for k in (CONSULT, DRAFT, DUTY))
    funding = stats.subsidy_total + duty_pay + drafting_pay
    graded = sum(stats.quality.values())
    summary = (
        f"{year}年，本机构共办理法律援助案件{stats.cases}件，其中"
        + "、".join(f"{k}案件{kinds.get(k, 0)}件" for k in KINDS)
        + f"，受援人数{stats.aided_persons}人；提供法律咨询{consult}人次，代拟法律文书{draft}件，"
        f"值班律师提供法律帮助{duty}件。",
        f"支付法律援助经费{money_text(funding)}元，其中办案补贴{money_text(stats.subsidy_total)}元、"
        f"值班律师补贴{money_text(duty_pay)}元、代拟法律文书补贴{money_text(drafting_pay)}元。",
        f"本年结案{stats.closed}件，经结案审查评定质量等级{graded}件："
        + "、".join(f"{g.value}{stats.quality.get(g.value, 0)}件" for g in QualityGrade)
        + "。",
    )
    tables = [
        Table(
            title="法律援助案件",
            headers=("类别", "件数"),
            rows=(
                *((f"{k}案件", str(kinds.get(k, 0))) for k in KINDS),
                *((f"　其中{t}", str(n)) for t, n in stats.by_type.items()),
                ("合计", str(stats.cases)),
                ("受援人数（人）", str(stats.aided_persons)),
            ),
        ),
        Table(
            title="法律咨询、代拟法律文书和值班律师法律帮助",
            headers=("服务", "数量"),
            rows=(
                ("法律咨询（人次）", str(consult)),
                ("代拟法律文书（件）", str(draft)),
                ("值班律师法律帮助（件）", str(duty)),
                *((f"　其中{item}", str(n)) for item, n in stats.duty_by_help.items()),
            ),
        ),
        Table(
            title="法律援助经费支付",
            headers=("项目", "金额（元）"),
            rows=(
                ("办案补贴", money_text(stats.subsidy_total)),
                ("值班律师补贴", money_text(duty_pay)),
                ("代拟法律文书补贴", money_text(drafting_pay)),
                ("合计", money_text(funding)),
            ),
        ),
        Table(
            title="结案案件质量等级",
            headers=("质量等级", "件数"),
            rows=(
                *((g.value, str(stats.quality.get(g.value, 0))) for g in QualityGrade),
                ("未评定", str(stats.closed - graded)),
                ("结案合计", str(stats.closed)),
            ),
        ),
    ]
    return Report(
        title=f"{year}年度法律援助信息公开",
        organisation=organisation,
        period=period_text(year, end),
        generated_on=ctx.today(),
        summary=summary,
        tables=numbered(tables),
        notes=(
            "依据《中华人民共和国法律援助法》第五十八条公开。案件按受理日期、服务按服务日期、"
            "结案和质量等级按结案日期统计；办案补贴按实际发放额计，未发放的按补贴标准计算；"
            "值班律师补贴按值班安排的天数和补贴标准计算。",
        ),
        signatures=(),
        dated="发布日期",
    )
