"""The annual and 双过半 reports: one computation (the statistics) feeds PDF, Excel and JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from legalaid.domain.closing_file import FollowUpKind
from legalaid.domain.errors import ValidationError
from legalaid.domain.forecast import forecast
from legalaid.domain.permissions import Action
from legalaid.domain.statistics import Standing, YearStatistics, period_end
from legalaid.reports.report_data import Chart, OfficeLine, Report, Table, money_text, pct_text
from legalaid.services.commands.offices import OfficeInfo
from legalaid.services.commands.subsidies import example_in_force
from legalaid.services.plumbing import scope
from legalaid.services.plumbing.authz import audit_event, requires
from legalaid.services.plumbing.context import Context
from legalaid.services.plumbing.files import write_whole
from legalaid.services.queries.daily_figures import refresh
from legalaid.services.queries.statistics import (
    StatisticsSet,
    daily_counts,
    progress_set,
    statistics_set,
)
from legalaid.services.queries.work_summary import (
    channels_and_help,
    kind_table,
    numbered,
    period_text,
    quality_grades,
    report_organisation,
    services_by_month,
    services_by_office,
    work_paragraph,
)
from legalaid.storage.records import CaseRecord, EscalationRecord, FollowUpRecord

Progress = Callable[[str, int, int], None]
MIDYEAR = (6, 30)


def _noop(_stage: str, _done: int, _total: int) -> None:
    return None


def _same_day_last_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 2, 28)


def _share(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _change(now: int, before: int) -> str:
    if not before:
        return "—"
    delta = (now - before) * 100 / before
    return f"{delta:+.1f}%"


def _office_lines(
    offices: list[OfficeInfo],
    now: StatisticsSet,
    before: StatisticsSet,
    pattern: dict[str, dict[date, int]],
) -> list[OfficeLine]:
    """Target, progress, last year and forecast of each office."""
    lines = []
    for office in offices:
        stats = now.offices[office.code]
        outlook = forecast(stats.cases, stats.until, pattern.get(office.code, {}))
        lines.append(
            OfficeLine(
                code=office.code,
                name=office.name,
                target=stats.target,
                cases=stats.cases,
                completion_pct=stats.completion_pct,
                time_pct=stats.time_pct,
                double_half=stats.double_half,
                previous_cases=before.offices[office.code].cases,
                closed=stats.closed,
                forecast_midyear=outlook.at_midyear,
                forecast_year_end=outlook.at_year_end,
                forecast_basis=outlook.basis,
                until=stats.until,
                open_at_start=stats.open_at_start,
            )
        )
    return lines


def _example_standard(ctx: Context, year: int, end: date) -> bool:
    with ctx.reading() as uow:
        return example_in_force(uow.session, date(year, 1, 1), end)


def _figures(
    ctx: Context, year: int, until: date, office_code: str | None, progress: Progress
) -> tuple[StatisticsSet, StatisticsSet, dict[str, dict[date, int]]]:
    """This period, the same period last year and last year's daily pattern."""
    progress("统计", 0, 3)
    now = statistics_set(ctx, year=year, until=until, office_code=office_code)
    progress("统计", 1, 3)
    before = statistics_set(
        ctx, year=year - 1, until=_same_day_last_year(until), office_code=office_code
    )
    progress("统计", 2, 3)
    pattern = daily_counts(ctx, year=year - 1)
    progress("统计", 3, 3)
    return now, before, pattern


def office_outlook(ctx: Context, *, year: int, until: date | None = None) -> list[OfficeLine]:
    """Each office's target, progress and forecast (the 统计报表 screen's target table)."""
    end = period_end(year, until, ctx.today())
    _, offices, office_code = report_organisation(ctx, None)
    # Only the figures the table shows (cases, closed, open at the start): the whole
    # statistics twice took 20–38 s at a million cases.
    now = progress_set(ctx, year=year, until=end, office_code=office_code)
    before = progress_set(
        ctx, year=year - 1, until=_same_day_last_year(end), office_code=office_code
    )
    return _office_lines(offices, now, before, daily_counts(ctx, year=year - 1))


def _compare(label: str, now: int, before: int) -> tuple[str, ...]:
    return (label, str(now), str(before), _change(now, before))


def _count_table(
    title: str,
    label: str,
    counts: dict[str, int],
    total: int,
    previous: dict[str, int] | None = None,
) -> Table:
    headers = (label, "件数", "占比") + (("上年同期", "同比") if previous is not None else ())
    rows = []
    # A year-on-year table keeps what last year had and this year has not (a 0 is a figure).
    dropped = {k: 0 for k in (previous or {}) if k not in counts}
    for key, value in {**counts, **dropped}.items():
        row: tuple[str, ...] = (key, str(value), _share(value, total))
        if previous is not None:
            row += (str(previous.get(key, 0)), _change(value, previous.get(key, 0)))
        rows.append(row)
    return Table(title=title, headers=headers, rows=tuple(rows))


def _months(stats: YearStatistics, until: date) -> list[str]:
    return [f"{stats.year}-{m:02d}" for m in range(1, until.month + 1)]


def quality_counts(ctx: Context, start: date, end: date, office_code: str | None) -> Counter[str]:
    """Quality supervision in the period (domain.md: follow-ups, file inspections, court
    observations, complaints) and the 重大疑难 cases reported upward."""
    counts: Counter[str] = Counter()
    with ctx.reading() as uow:
        session = uow.session
        ids = None
        if office_code:
            ids = sorted(scope.subtree(session, scope.office_by_code(ctx, session, office_code).id))
        follow = (
            select(FollowUpRecord.kind, func.count())
            .join(CaseRecord, CaseRecord.id == FollowUpRecord.case_id)
            .where(FollowUpRecord.done_on >= start, FollowUpRecord.done_on <= end)
            .group_by(FollowUpRecord.kind)
        )
        reported = (
            select(func.count())
            .select_from(EscalationRecord)
            .join(CaseRecord, CaseRecord.id == EscalationRecord.case_id)
            .where(EscalationRecord.reported_on >= start, EscalationRecord.reported_on <= end)
        )
        if ids is not None:
            follow = follow.where(CaseRecord.office_id.in_(ids))
            reported = reported.where(CaseRecord.office_id.in_(ids))
        for kind, count in session.execute(follow):
            counts[kind] += count
        counts["上报重大疑难"] = int(session.scalar(reported) or 0)
    return counts


def annual_report(
    ctx: Context,
    *,
    year: int,
    until: date | None = None,
    office_code: str | None = None,
    progress: Progress = _noop,
) -> Report:
    end = period_end(year, until, ctx.today())
    organisation, offices, office_code = report_organisation(ctx, office_code)
    now, before, pattern = _figures(ctx, year, end, office_code, progress)
    stats, previous = now.total, before.total
    lines = _office_lines(offices, now, before, pattern)

    whole_year = end == date(year, 12, 31)
    opening = f"{year}年全年" if whole_year else f"{year}年1月1日至{end.month}月{end.day}日"
    sentence = f"{opening}共办理法律援助案件{stats.cases}件"
    if stats.target:
        sentence += f"，完成年度任务的{pct_text(stats.completion_pct)}"
        if stats.standing in (Standing.COMPLETED, Standing.NOT_COMPLETED):
            sentence += f"，{stats.standing.value}年度任务"
    sentence += f"，同比{_change(stats.cases, previous.cases)}" if previous.cases else ""
    sentence += (
        f"；结案{stats.closed}件，结案率{pct_text(stats.closing_rate)}；"
        f"异地办理案件{stats.cross_region}件，重大疑难案件{stats.major_difficult}件；"
        f"办案补贴合计{money_text(stats.subsidy_total)}元。"
    )
    quality = quality_counts(ctx, date(year, 1, 1), end, office_code)
    last = quality_counts(ctx, date(year - 1, 1, 1), _same_day_last_year(end), office_code)
    summary = [sentence, work_paragraph(stats, previous)]
    visits, inspections, observations, complaints = (
        quality[k.value]
        for k in (FollowUpKind.VISIT, FollowUpKind.FILE_INSPECTION, FollowUpKind.OBSERVATION,
                  FollowUpKind.COMPLAINT)
    )  # fmt: skip
    summary.append(
        f"回访{visits}次，案卷检查{inspections}次，旁听{observations}次，受理投诉{complaints}件；"
        f"重大疑难案件上报主管机关{quality['上报重大疑难']}件。"
    )
    if stats.target and not whole_year:
        summary.append(
            f"序时进度{pct_text(stats.time_pct)}，任务完成进度"
            f"{'慢于' if stats.behind_time else '不慢于'}序时进度。"
        )

    office_table = Table(
        title="一、各机构任务完成情况",
        headers=("机构", "年度任务", "办理案件", "完成率", "上年同期", "同比", "结案", "结案率"),
        rows=tuple(
            (
                f"{o.name}（{o.code}）",
                str(o.target or "—"),
                str(o.cases),
                pct_text(o.completion_pct),
                str(o.previous_cases),
                _change(o.cases, o.previous_cases),
                str(o.closed),
                pct_text(o.closing_rate),
            )
            for o in lines
        )
        + (
            (
                (
                    "合计",
                    str(stats.target or "—"),
                    str(stats.cases),
                    pct_text(stats.completion_pct),
                    str(previous.cases),
                    _change(stats.cases, previous.cases),
                    str(stats.closed),
                    pct_text(stats.closing_rate),
                ),
            )
            if len(lines) > 1
            else ()
        ),
        # Marked: an office short of its target at the year's end, or behind time progress.
        highlight_rows=frozenset(i for i, o in enumerate(lines) if o.standing.falls_short),
    )
    months = _months(stats, end)
    month_table = Table(
        title="六、按月份",
        headers=("月份", "办理案件", "上年同期", "同比"),
        rows=tuple(
            (
                m,
                str(stats.by_month.get(m, 0)),
                str(previous.by_month.get(f"{year - 1}{m[4:]}", 0)),
                _change(stats.by_month.get(m, 0), previous.by_month.get(f"{year - 1}{m[4:]}", 0)),
            )
            for m in months
        ),
    )
    key_table = Table(
        title="七、结案、异地、重大疑难案件与办案补贴",
        headers=("指标", "本期", "上年同期", "同比"),
        rows=(
            _compare("办理案件（件）", stats.cases, previous.cases),
            _compare("结案（件）", stats.closed, previous.closed),
            (
                "结案率",
                pct_text(stats.closing_rate),
                pct_text(previous.closing_rate),
                "—",
            ),
            _compare("异地办理（件）", stats.cross_region, previous.cross_region),
            _compare("重大疑难（件）", stats.major_difficult, previous.major_difficult),
            _compare("受援人数（人）", stats.aided_persons, previous.aided_persons),
            (
                "挽回经济损失（元）",
                money_text(stats.recovered_amount),
                money_text(previous.recovered_amount),
                "—",
            ),
            (
                "办案补贴（元）",
                money_text(stats.subsidy_total),
                money_text(previous.subsidy_total),
                "—",
            ),
        ),
    )
    quality_table = Table(
        title="八、质量监管",
        headers=("指标", "本期", "上年同期", "同比"),
        rows=tuple(
            _compare(label, quality[key], last[key])
            for label, key in (
                ("回访（次）", FollowUpKind.VISIT.value),
                ("案卷检查（次）", FollowUpKind.FILE_INSPECTION.value),
                ("旁听（次）", FollowUpKind.OBSERVATION.value),
                ("投诉（件）", FollowUpKind.COMPLAINT.value),
                ("重大疑难案件上报（件）", "上报重大疑难"),
            )
        ),
    )
    return Report(
        title=f"{year}年度法律援助工作统计报告" if whole_year else f"{year}年法律援助工作统计报告",
        organisation=organisation,
        period=period_text(year, end),
        generated_on=ctx.today(),
        summary=tuple(summary),
        tables=numbered(
            [
                office_table,
                _count_table(
                    "二、按案件类型", "案件类型", stats.by_type, stats.cases, previous.by_type
                ),
                kind_table("按案件类别（刑事、民事、行政）", stats, previous),
                _count_table(
                    "三、按案件来源", "案件来源", stats.by_source, stats.cases, previous.by_source
                ),
                _count_table(
                    "四、按承办人员类型",
                    "承办人员类型",
                    stats.by_handler_type,
                    stats.cases,
                    previous.by_handler_type,
                ),
                _count_table(
                    "五、按受援人群类别（可交叉）",
                    "人群类别",
                    stats.by_category,
                    stats.cases,
                    previous.by_category,
                ),
                month_table,
                key_table,
                quality_grades("结案案件质量等级", stats, previous),
                quality_table,
                services_by_office(
                    "法律咨询、代拟法律文书与值班律师法律帮助（各机构）", offices, now, before
                ),
                services_by_month("法律帮助按月份", stats, previous, end),
                channels_and_help("法律咨询方式与值班律师帮助内容", stats),
            ]
        ),
        charts=(
            Chart(
                kind="bar",
                title="图1　月度办案趋势",
                labels=tuple(m[5:] + "月" for m in months),
                values=tuple(stats.by_month.get(m, 0) for m in months),
                previous=tuple(previous.by_month.get(f"{year - 1}{m[4:]}", 0) for m in months),
            ),
            # A share of nothing is no picture: the pie only when the period has cases.
            *(
                (
                    Chart(
                        kind="pie",
                        title="图2　案件类型构成",
                        labels=tuple(stats.by_type),
                        values=tuple(stats.by_type.values()),
                    ),
                )
                if stats.by_type
                else ()
            ),
        ),
        notes=(
            "统计口径：受理日期（给予法律援助或接受通知之日）在统计期内的案件计入办理数，不予援助和撤回的申请不计入；"
            "结案数为结案日期在统计期内、状态为已结案或已归档的案件；办案补贴按实际发放额计，未登记发放额的按补贴标准计算。",
            "同比为与上年同期（上年1月1日至上年同日）相比；结案率＝本期结案数÷（期初未结案件数＋本期办理数）。",
            "法律咨询按人次、代拟法律文书按件、值班律师法律帮助按件（帮助内容可交叉）统计，日期在统计期内计入；"
            "挽回经济损失和质量等级按本期结案的案件统计。",
            *(
                (
                    "注意：未登记发放额的办案补贴按程序自带的「示例标准」计算，仅为示例；"
                    "请管理员在「补贴 › 补贴标准」中换用本省（市）标准后再报送。",
                )
                if _example_standard(ctx, year, end)
                else ()
            ),
        ),
    )


def midyear_report(
    ctx: Context,
    *,
    year: int,
    until: date | None = None,
    office_code: str | None = None,
    progress: Progress = _noop,
) -> Report:
    end = until or date(year, *MIDYEAR)
    if end.year != year:
        raise ValidationError(f"截止日期{end.isoformat()}不在{year}年内", field="截止日期")
    organisation, offices, office_code = report_organisation(ctx, office_code)
    now, before, pattern = _figures(ctx, year, end, office_code, progress)
    stats = now.total
    lines = _office_lines(offices, now, before, pattern)
    opening = "上半年" if (end.month, end.day) == MIDYEAR else f"截至{end.month}月{end.day}日"
    half_passed = end >= date(year, *MIDYEAR)
    sentence = f"{opening}共办理法律援助案件{stats.cases}件"
    if not stats.target:
        sentence += "（未设定年度任务数，无法判断“双过半”）"
    elif half_passed:
        verdict = "实现" if stats.double_half else "未实现"
        sentence += f"，完成年度任务的{pct_text(stats.completion_pct)}，{verdict}“双过半”目标"
    else:  # before 30 June the question is not yet decided: compared with time progress
        sentence += (
            f"，完成年度任务的{pct_text(stats.completion_pct)}，"
            f"{'慢于' if stats.behind_time else '不慢于'}序时进度"
        )
    previous = before.total
    summary = [
        sentence + "。",
        work_paragraph(stats, previous),
        f"时间进度（序时进度）{pct_text(stats.time_pct)}。",
    ]
    short = [o for o in lines if o.standing.falls_short]
    if len(lines) > 1 and half_passed:
        met = [o for o in lines if o.double_half]
        summary.append(
            f"{len(lines)}个机构中，{len(met)}个实现“双过半”"
            + (f"，{'、'.join(o.name for o in short)}未实现。" if short else "。")
        )
    elif len(lines) > 1 and short:
        summary.append(f"{'、'.join(o.name for o in short)}的任务完成进度慢于序时进度。")
    at_risk = [o for o in lines if o.at_risk]
    if at_risk:
        what = "完成全年任务" if half_passed else "实现“双过半”或完成全年任务"
        summary.append(
            f"按当前进度预测，{'、'.join(o.name for o in at_risk)}存在不能{what}的风险。"
        )
    office_table = Table(
        title="一、各机构“双过半”完成情况",
        widths=(27, 9, 8, 9, 9, 9, 15, 14),
        headers=(
            "机构",
            "年度任务",
            "已办理",
            "完成率",
            "序时进度",
            "双过半" if half_passed else "进度",
            "预测至6月30日",
            "预测全年",
        ),
        rows=tuple(
            (
                f"{o.name}（{o.code}）",
                str(o.target or "—"),
                str(o.cases),
                pct_text(o.completion_pct),
                pct_text(o.time_pct),
                o.standing.short,
                str(o.forecast_midyear),
                str(o.forecast_year_end),
            )
            for o in lines
        )
        + (
            (
                (
                    "合计",
                    str(stats.target or "—"),
                    str(stats.cases),
                    pct_text(stats.completion_pct),
                    pct_text(stats.time_pct),
                    stats.standing.short,
                    str(sum(o.forecast_midyear for o in lines)),
                    str(sum(o.forecast_year_end for o in lines)),
                ),
            )
            if len(lines) > 1
            else ()
        ),
        highlight_rows=frozenset(
            i for i, o in enumerate(lines) if o.standing.falls_short or o.at_risk
        ),
    )
    months = _months(stats, end)
    return Report(
        title=f"{year}年法律援助工作“双过半”情况报告",
        organisation=organisation,
        period=period_text(year, end),
        generated_on=ctx.today(),
        summary=tuple(summary),
        tables=numbered(
            [
                office_table,
                _count_table("二、按案件类型", "案件类型", stats.by_type, stats.cases),
                kind_table("按案件类别（刑事、民事、行政）", stats, previous),
                Table(
                    title="按月份",
                    headers=("月份", "办理案件", "累计", "累计完成率"),
                    rows=tuple(_cumulative(stats, months)),
                ),
                services_by_office(
                    "法律咨询、代拟法律文书与值班律师法律帮助（各机构）", offices, now, before
                ),
            ]
        ),
        charts=(
            Chart(
                kind="bar",
                title="图1　月度办案情况",
                labels=tuple(m[5:] + "月" for m in months),
                values=tuple(stats.by_month.get(m, 0) for m in months),
            ),
        ),
        notes=(
            "双过半：截止日期在6月30日或以后，且已办理案件数不少于年度任务的一半"
            "（按实际件数比较，不按四舍五入后的百分比）。",
            "6月30日前与序时进度比较。底色标出未实现、慢于序时进度或预测有风险的机构。",
            *sorted({f"预测依据（{o.name}）：{o.forecast_basis}" for o in lines}),
        ),
    )


def _cumulative(stats: YearStatistics, months: list[str]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    running = 0
    for month in months:
        running += stats.by_month.get(month, 0)
        share = pct_text(round(running * 100 / stats.target, 1)) if stats.target else "—"
        rows.append((month, str(stats.by_month.get(month, 0)), str(running), share))
    return rows


@requires(Action.STATISTICS)
def record_output(ctx: Context, *, action: str, title: str, pages: int = 0, file: str = "") -> None:
    """Audit what left the screen: a report printed (打印) or saved as a file (导出). Making
    the preview is neither."""
    detail: dict[str, object] = {"报表": title}
    if pages:
        detail["页数"] = pages
    if file:
        detail["文件"] = file
    audit_event(ctx, action, "报表", detail=detail)


@requires(Action.STATISTICS, audited="生成报表")
def write_report(
    ctx: Context,
    *,
    kind: str,
    year: int,
    out: Path,
    until: date | None = None,
    office_code: str | None = None,
    progress: Progress = _noop,
) -> Report:
    """Compute and write a report as PDF (``.pdf``) or Excel (``.xlsx``). Every figure comes
    from one snapshot of the database, however long the computation takes."""
    _check_out(out)
    from legalaid.services.queries.public_notice import public_notice

    build = {"annual": annual_report, "midyear": midyear_report, "notice": public_notice}[kind]
    refresh(ctx.db)  # before the snapshot, which would not see the days summed inside it
    with ctx.snapshot():
        report = build(ctx, year=year, until=until, office_code=office_code, progress=progress)
    _write(report, out)
    return report


@requires(Action.STATISTICS, audited="导出")
def save_report(ctx: Context, *, report: Report, out: Path) -> None:
    """Write a report already computed (the one on screen) to another file: the preview, the
    saved PDF, the Excel workbook and the printout are one document."""
    _check_out(out)
    _write(report, out)


def _check_out(out: Path) -> None:
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise ValidationError(f"报表文件应为 .pdf 或 .xlsx，现为「{out.name}」", field="--out")
    if not out.parent.is_dir():
        raise ValidationError(f"输出文件夹不存在：{out.parent}", field="--out")


def _write(report: Report, out: Path) -> None:
    from legalaid.reports.report_pdf import write_pdf
    from legalaid.reports.report_workbook import write_workbook

    writer = write_pdf if out.suffix.lower() == ".pdf" else write_workbook
    write_whole(out, lambda target: writer(report, target))
