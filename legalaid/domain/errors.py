"""The one error family; every error carries data and a sentence a clerk can act on."""

from __future__ import annotations


class LegalAidError(Exception):
    """Base of every error the user can understand and fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(LegalAidError):
    """Input that breaks a rule; ``field`` names the field (and ``row`` the ledger row)."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        row: int | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.row = row
        self.value = value  # the cell as read, for an import's list of problems


class RowErrors(ValidationError):
    """Every problem of one ledger row: one line each, each with its column and cell."""

    def __init__(self, problems: list[ValidationError], *, row: int) -> None:
        super().__init__("\n".join(p.message for p in problems), row=row)
        self.problems = problems


class ValidationErrors(ValidationError):
    """Several validation problems reported together (e.g. a whole ledger file)."""

    MAX_LISTED = 20

    def __init__(self, problems: list[ValidationError], *, heading: str) -> None:
        listed = problems[: self.MAX_LISTED]
        lines = [heading] + [f"  {p.message}" for p in listed]
        if len(problems) > len(listed):
            lines.append(f"  ……另有 {len(problems) - len(listed)} 处错误未列出")
        super().__init__("\n".join(lines))
        self.problems = problems


class PermissionDenied(LegalAidError):
    """The acting user may not do this."""


class InvalidTransition(LegalAidError):
    """A state change the law (and our workflow) does not allow."""

    def __init__(self, current: str, target: str, reason: str | None = None) -> None:
        text = f"案件状态不能从「{current}」变为「{target}」"
        if reason:
            text += f"：{reason}"
        super().__init__(text)
        self.current = current
        self.target = target


class ConflictError(LegalAidError):
    """Someone else changed the record first, or a unique value is taken."""


class NotFound(LegalAidError):
    """The record asked for does not exist."""


class DuplicateCase(ConflictError):
    """The case repeats one on file (same person, 申请日期 and 案件类型, interfaces.md);
    registered only when the clerk confirms that it is a different matter."""

    def __init__(self, existing: str) -> None:
        super().__init__(
            f"与已有案件{existing}重复（同一受援人、申请日期和案件类型）；"
            "确属不同案件的，请确认后再登记"
        )
        self.existing = existing


class Cancelled(LegalAidError):
    """The user stopped a long operation; nothing of it was kept."""


class PersonChanged(ConflictError):
    """The ID number belongs to a person on file whose name or phone differ from what was
    typed: changed only when the clerk confirms it (no silent overwrite)."""

    def __init__(self, changes: list[str]) -> None:
        super().__init__(
            "该身份证号的受援人已登记，信息与本次填写不同："
            + "；".join(changes)
            + "。确认后将按本次填写更新"
        )
        self.changes = changes
