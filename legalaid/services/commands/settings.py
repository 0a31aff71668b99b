"""Office-wide settings with defaults declared in one place."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy.orm import Session

from legalaid.domain.closing_file import COLUMN_NAMES, Lists, check_list
from legalaid.domain.deadlines import (
    DeadlineKind,
    DeadlineRule,
    differs_from_law,
)
from legalaid.domain.errors import ValidationError
from legalaid.domain.escalation import RecognitionRules
from legalaid.domain.permissions import Action
from legalaid.domain.workdays import CountRule
from legalaid.services.plumbing.authz import requires
from legalaid.services.plumbing.case_deadlines import (
    DEADLINE_RULES,
    deadline_rules,
    recompute_deadlines,
)
from legalaid.services.plumbing.context import Context
from legalaid.storage import repositories as repo
from legalaid.storage.records import SettingRecord

RECOGNITION_RULES = "escalation_rules"
IDLE_MINUTES = "idle_lock_minutes"
CLOSING_LISTS = "closing_checklists"


def _rules_json(rules: Mapping[DeadlineKind, DeadlineRule]) -> str:
    return json.dumps(
        {k.name: {"days": r.days, "count": r.count.name} for k, r in rules.items()},
        ensure_ascii=False,
    )


DEFAULTS: dict[str, str] = {
    # Only the rules an office changed are stored; the rest follow the Law (LAW_RULES).
    DEADLINE_RULES: "{}",
    RECOGNITION_RULES: RecognitionRules().to_json(),
    IDLE_MINUTES: "10",
}


def seed_defaults(session: Session) -> int:
    """Insert missing settings; returns how many were added (``init`` is idempotent)."""
    added = 0
    for key, value in DEFAULTS.items():
        if session.get(SettingRecord, key) is None:
            session.add(SettingRecord(key=key, value=value))
            added += 1
    return added


@requires(Action.ADMINISTER)
def set_deadline_rules(ctx: Context, rules: Mapping[DeadlineKind, DeadlineRule]) -> int:
    """Offices may count differently from the Law (e.g. working days); a rule equal to the
    Law's is stored as "follow the Law". Open cases are recounted in the same transaction;
    returns how many changed."""
    for rule in rules.values():
        if rule.days < 1 or rule.days > 365:
            raise ValidationError("期限天数应在1–365之间", field="天数")
    with ctx.writing() as uow:
        merged = deadline_rules(uow.session) | dict(rules)
        own = {k: r for k, r in merged.items() if differs_from_law(k, r)}
        repo.put_setting(uow.session, DEADLINE_RULES, _rules_json(own))
        uow.flush()  # the rules themselves are written before the cases are recounted
        changed = recompute_deadlines(ctx, uow.session, merged)
        uow.commit()
    return changed


def set_deadline_rule(ctx: Context, *, kind: DeadlineKind, days: int, count: CountRule) -> int:
    return set_deadline_rules(ctx, {kind: DeadlineRule(days, count)})


def current_deadline_rules(ctx: Context) -> dict[DeadlineKind, DeadlineRule]:
    with ctx.reading() as uow:
        return deadline_rules(uow.session)


def recognition_rules(session: Session) -> RecognitionRules:
    stored = repo.get_setting(session, RECOGNITION_RULES)
    return RecognitionRules.from_json(stored) if stored else RecognitionRules()


def current_recognition_rules(ctx: Context) -> RecognitionRules:
    with ctx.reading() as uow:
        return recognition_rules(uow.session)


@requires(Action.ADMINISTER)
def set_recognition_rules(ctx: Context, rules: RecognitionRules) -> None:
    """The office's criteria for major/difficult candidates (they apply to later checks)."""
    rules.check()
    with ctx.writing() as uow:
        repo.put_setting(uow.session, RECOGNITION_RULES, rules.to_json())
        uow.commit()


def idle_minutes(ctx: Context) -> int:
    """Minutes without input before a desktop locks itself (personal data on screen)."""
    with ctx.reading() as uow:
        return int(repo.get_setting(uow.session, IDLE_MINUTES) or 10)


@requires(Action.ADMINISTER)
def set_idle_minutes(ctx: Context, *, minutes: int) -> None:
    if not 1 <= minutes <= 120:
        raise ValidationError("自动锁定时间应在1–120分钟之间", field="自动锁定")
    with ctx.writing() as uow:
        repo.put_setting(uow.session, IDLE_MINUTES, str(minutes))
        uow.commit()


def closing_lists(session: Session) -> Lists:
    """The office's own closing-file lists, by checklist column (empty: the working list)."""
    stored = repo.get_setting(session, CLOSING_LISTS)
    if not stored:
        return {}
    return {int(k): [(str(n), str(f)) for n, f in v] for k, v in json.loads(stored).items()}


def current_closing_lists(ctx: Context) -> Lists:
    with ctx.reading() as uow:
        return closing_lists(uow.session)


@requires(Action.ADMINISTER)
def set_closing_list(ctx: Context, *, column: int, items: list[tuple[str, str]] | None) -> None:
    """Replace one column's list by the province's (Annex A of the service standards), or
    restore the working list with None. Closing files already filed keep what they hold."""
    if not 0 <= column < len(COLUMN_NAMES):
        raise ValidationError("没有这一类结案材料清单", field="清单")
    if items is not None:
        items = [(name.strip(), flag) for name, flag in items]
        check_list(items)
    with ctx.writing() as uow:
        lists = closing_lists(uow.session)
        if items is None:
            lists.pop(column, None)
        else:
            lists[column] = items
        value = json.dumps({str(k): v for k, v in lists.items()}, ensure_ascii=False)
        repo.put_setting(uow.session, CLOSING_LISTS, value)
        uow.commit()
