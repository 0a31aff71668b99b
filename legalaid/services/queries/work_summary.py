"""The whole of a centre's work as real year-end and 双过半 reports print it: the opening
paragraph (cases split 刑事/民事/行政, 受援人数, 咨询人次, 值班律师帮助, 挽回经济损失, with
year-on-year), and the tables of the services by office and month and of quality grades."""

from __future__ import annotations

import re
from datetime import date

from legalaid.domain.aid_services import ServiceKind
from legalaid.domain.statistics import YearStatistics, completion_pct
from legalaid.domain.vocabulary import QualityGrade
from legalaid.reports.report_data import Table, money_text, pct_text
from legalaid.services.commands.offices import OfficeInfo, list_offices
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.context import Context
from legalaid.services.queries.statistics import StatisticsSet

CONSULT, DRAFT, DUTY = (k.value for k in ServiceKind)
KINDS = ("刑事", "民事", "行政")
NUMERALS = "一二三四五六七八九十"


def change(now: int | float, before: int | float) -> str:
    if not before:
        return "—"
    return f"{(now - before) * 100 / before:+.1f}%"


def _versus(now: int, before: int) -> str:
    """ "，同比增长3.2%" / "下降…" / "持平" — nothing when last year had none."""
    if not before:
        return ""
    if now == before:
        return "，与上年同期持平"
    word = "增长" if now > before else "下降"
    return f"，同比{word}{abs(now - before) * 100 / before:.1f}%"


def work_paragraph(stats: YearStatistics, previous: YearStatistics) -> str:
    """The paragraph real reports give after the case count: every form of aid at once."""
    kinds = stats.by_kind
    split = "、".join(f"{k}案件{kinds.get(k, 0)}件" for k in KINDS)
    text = f"其中{split}，受援人数{stats.aided_persons}人"
    consult, duty, draft = (stats.services.get(k, 0) for k in (CONSULT, DUTY, DRAFT))
    text += f"；提供法律咨询{consult}人次{_versus(consult, previous.services.get(CONSULT, 0))}"
    if stats.consultation_target:
        text += f"，完成咨询任务的{pct_text(stats.consultation_completion_pct)}"
    text += f"；值班律师提供法律帮助{duty}件{_versus(duty, previous.services.get(DUTY, 0))}"
    text += f"；代拟法律文书{draft}件"
    text += f"；为受援人挽回经济损失{money_text(stats.recovered_amount)}元"
    if previous.recovered_amount:
        text += f"（上年同期{money_text(previous.recovered_amount)}元）"
    return text + "。"


def kind_table(title: str, stats: YearStatistics, previous: YearStatistics) -> Table:
    """Cases rolled up as reports do: 刑事 · 民事 · 行政, with last year."""
    now, before = stats.by_kind, previous.by_kind
    rows = tuple(
        (kind, str(now.get(kind, 0)), _share(now.get(kind, 0), stats.cases),
         str(before.get(kind, 0)), change(now.get(kind, 0), before.get(kind, 0)))
        for kind in KINDS
    )  # fmt: skip
    return Table(title=title, headers=("案件类别", "件数", "占比", "上年同期", "同比"), rows=rows)


def _share(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def services_by_office(
    title: str, offices: list[OfficeInfo], now: StatisticsSet, before: StatisticsSet
) -> Table:
    """Each office's consultations (against its consultation target), drafting and duty help."""
    rows = []
    for office in offices:
        stats, last = now.offices[office.code], before.offices[office.code]
        rows.append(_service_row(f"{office.name}（{office.code}）", stats, last))
    if len(offices) > 1:
        rows.append(_service_row("合计", now.total, before.total))
    return Table(
        title=title,
        headers=(
            "机构",
            "法律咨询（人次）",
            "咨询任务",
            "完成率",
            "上年同期",
            "同比",
            "代拟文书（件）",
            "值班律师帮助（件）",
        ),
        rows=tuple(rows),
        widths=(22, 10, 8, 9, 8, 11, 10, 11),
    )


def _service_row(label: str, stats: YearStatistics, last: YearStatistics) -> tuple[str, ...]:
    consult, before = stats.services.get(CONSULT, 0), last.services.get(CONSULT, 0)
    return (label, str(consult), str(stats.consultation_target or "—"),
            pct_text(completion_pct(consult, stats.consultation_target)), str(before),
            change(consult, before), str(stats.services.get(DRAFT, 0)),
            str(stats.services.get(DUTY, 0)))  # fmt: skip


def services_by_month(
    title: str, stats: YearStatistics, previous: YearStatistics, until: date
) -> Table:
    months = [f"{stats.year}-{m:02d}" for m in range(1, until.month + 1)]
    by = stats.services_by_month
    last = previous.services_by_month
    rows = tuple(
        (m, str(by.get(CONSULT, {}).get(m, 0)),
         str(last.get(CONSULT, {}).get(f"{stats.year - 1}{m[4:]}", 0)),
         str(by.get(DRAFT, {}).get(m, 0)), str(by.get(DUTY, {}).get(m, 0)))
        for m in months
    )  # fmt: skip
    return Table(
        title=title,
        headers=(
            "月份",
            "法律咨询（人次）",
            "上年同期咨询",
            "代拟文书（件）",
            "值班律师帮助（件）",
        ),
        rows=rows,
    )


def channels_and_help(title: str, stats: YearStatistics) -> Table:
    """Consultations by channel and duty help by item (a help with two items counts twice)."""
    consult = stats.services.get(CONSULT, 0)
    rows = [("法律咨询：" + k, str(v), _share(v, consult))
            for k, v in stats.consultations_by_channel.items()]  # fmt: skip
    duty = stats.services.get(DUTY, 0)
    rows += [("值班律师：" + k, str(v), _share(v, duty)) for k, v in stats.duty_by_help.items()]
    return Table(title=title, headers=("方式或帮助内容", "人次或件数", "占比"), rows=tuple(rows))


def quality_grades(title: str, stats: YearStatistics, previous: YearStatistics) -> Table:
    """Closed cases by the review's 质量等级 (ungraded ones counted apart)."""
    graded = sum(stats.quality.values())
    rows = [
        (grade.value, str(stats.quality.get(grade.value, 0)),
         _share(stats.quality.get(grade.value, 0), graded),
         str(previous.quality.get(grade.value, 0)))
        for grade in QualityGrade
    ]  # fmt: skip
    rows.append(("未评定", str(stats.closed - graded), "—",
                 str(previous.closed - sum(previous.quality.values()))))  # fmt: skip
    return Table(title=title, headers=("质量等级", "结案件数", "占已评定", "上年同期"),
                 rows=tuple(rows))  # fmt: skip


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三, 20 → 二十."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[units - 1] if units else "")


def numbered(tables: list[Table]) -> tuple[Table, ...]:
    """Number the sections in order (一、二、…), whatever each was called alone."""
    from dataclasses import replace

    return tuple(
        replace(t, title=f"{numeral(i)}、{re.sub(r'^[一二三四五六七八九十]+、', '', t.title)}")
        for i, t in enumerate(tables, start=1)
    )


def period_text(year: int, until: date) -> str:
    if until == date(year, 12, 31):
        return f"{year}年度（{year}-01-01至{year}-12-31）"
    return f"{year}-01-01至{until.isoformat()}"


def report_organisation(
    ctx: Context, office_code: str | None
) -> tuple[str, list[OfficeInfo], str | None]:
    """The issuing organisation's name, the offices the report has a line for and the office
    the figures are for: ``office_code`` and the offices below it, by default the user's own
    office's tree (office scope), or every office."""
    offices = list_offices(ctx)
    with ctx.reading() as uow:
        session = uow.session
        if office_code is None:
            office_code = scope.home_code(ctx, session)
        if office_code is None:
            roots = [o for o in offices if o.parent_code is None]
            name = roots[0].name if len(roots) == 1 else "各法律援助机构"
            if len(roots) == 1 and len(offices) > 1:
                name += "（含下属机构）"
            return name, offices, None
        record = scope.office_by_code(ctx, session, office_code)
        ids = scope.subtree(session, record.id)
        name, code = record.name, record.code
    chosen = [o for o in offices if o.id in ids]
    return name + ("（含下属机构）" if len(chosen) > 1 else ""), chosen, code
