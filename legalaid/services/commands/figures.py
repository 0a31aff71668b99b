"""The statistics' daily summary kept by hand: rebuilt from the cases and services, and checked
against them (``legalaid figures rebuild`` / ``figures check``). The summary is a copy for
speed (daily_figures); these are how an office sees that it is one."""

from __future__ import annotations

from dataclasses import dataclass

from legalaid.domain.permissions import Action
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.context import Context
from legalaid.services.queries import daily_figures
from legalaid.services.queries.statistics import recount_set, statistics_set


@dataclass(frozen=True)
class Difference:
    """A figure the summary gives otherwise than the cases: where, which, and both values."""

    office: str  # an office's code, or 全部 for the totals
    figure: str  # the statistics JSON's field
    summary: object
    counted: object


@requires(Action.STATISTICS)
def rebuild_figures(ctx: Context) -> int:
    """Recompute the whole summary in one transaction (readers meanwhile see the old one,
    which with its marks gives the same figures); returns the rows written."""
    with ctx.writing() as uow:
        written = daily_figures.rebuild(uow.session)
        uow.commit()
    return written


@requires(Action.STATISTICS)
def check_figures(ctx: Context, *, year: int) -> list[Difference]:
    """Every office's statistics of ``year`` and the totals, from the summary and counted
    from the cases and services, inside one snapshot; the figures that differ (none, unless
    the summary was altered behind the triggers' back)."""
    with ctx.snapshot():
        summary = statistics_set(ctx, year=year)
        counted = recount_set(ctx, year=year)
    pairs = [("全部", summary.total, counted.total)] + [
        (code, stats, counted.offices[code]) for code, stats in summary.offices.items()
    ]
    differences = []
    for office, ours, theirs in pairs:
        mine, truth = ours.as_json(), theirs.as_json()
        for name in mine:
            if mine[name] != truth.get(name):
                differences.append(Difference(office, name, mine[name], truth.get(name)))
    return differences
