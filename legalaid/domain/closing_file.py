"""The closing file (结案材料): outcome, and the checklist of what the file must hold by case
type and stage (全国刑事/民事行政法律援助服务规范; working list in forms.md — R required,
A where applicable)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from legalaid.domain.errors import ValidationError
from legalaid.domain.vocabulary import CaseType, Stage


class Outcome(StrEnum):
    """结案方式, as the ledger (interfaces.md) and annual reports name them."""

    JUDGMENT = "判决"
    RULING = "裁定"
    MEDIATION = "调解"
    SETTLEMENT = "和解"
    WITHDRAWAL = "撤诉"
    AWARD = "裁决"
    TERMINATED = "终止"
    OTHER = "其他"


class Hearing(StrEnum):
    """How the case was heard, as the closing records it: some tables pay by it (庭前/庭中撤诉,
    cases not tried in open court or in 速裁 at the 审查起诉 rate)."""

    OPEN_COURT = "开庭审理"
    NO_HEARING = "未开庭审理"
    FAST_TRACK = "速裁程序"


class Enforcement(StrEnum):
    """The enforcement result at closing (some tables pay enforcement only when fully done)."""

    FULL = "全部执行到位"
    PARTIAL = "部分执行到位"
    NONE = "未执行到位"


class WorkKind(StrEnum):
    MEETING = "会见"
    FILE_REVIEW = "阅卷"
    INVESTIGATION = "调查取证"
    ADVICE = "解答咨询"
    HEARING = "参加庭审"
    OTHER = "其他"


class FollowUpKind(StrEnum):
    VISIT = "回访"
    COMPLAINT = "投诉"
    FILE_INSPECTION = "案卷检查"
    OBSERVATION = "旁听"


# The checklist's columns.
INVESTIGATION, PROSECUTION, TRIAL, VICTIM, LAWSUIT, ARBITRATION, NON_LITIGATION = range(7)


def column(case_type: CaseType, stage: Stage | None) -> int:
    if case_type is CaseType.CRIMINAL_DEFENCE:
        if stage is Stage.INVESTIGATION:
            return INVESTIGATION
        return PROSECUTION if stage is Stage.PROSECUTION_REVIEW else TRIAL
    return {
        CaseType.CRIMINAL_REPRESENTATION: VICTIM,
        CaseType.LABOUR_ARBITRATION: ARBITRATION,
        CaseType.NON_LITIGATION: NON_LITIGATION,
    }.get(case_type, LAWSUIT)


# Item, then the flag per column: "R" required, "A" where applicable, "P" required for
# applications only (notified cases have no hardship statement or grant decision), "-" none.
# An item may carry a per-column name ("name|name|…" in column order) where the wording differs.
_TABLE: tuple[tuple[str, str], ...] = (
    ("卷宗封面、卷内目录", "RRRRRRR"),
    ("法律援助申请表或通知辩护/通知代理文书", "RRRRRRR"),
    ("受援人身份证明", "AAARRRR"),
    ("经济困难状况说明", "AAAPPPP"),
    ("法律援助审查/审批表", "RRRRRRR"),
    ("给予法律援助决定书", "PPPPPPP"),
    ("指派通知书", "RRRRRRR"),
    ("法律援助公函", "RRRRRRA"),
    ("受援人权利义务及风险告知", "AAAARRA"),
    ("委托协议及授权委托书", "RRRRRRR"),
    ("-|-|起诉书副本|起诉状或附带民事诉状|起诉状、上诉状或答辩状|仲裁申请书|-", "--RRRR-"),
    ("会见笔录|会见笔录|会见笔录|-|会见当事人谈话笔录|会见当事人谈话笔录|谈话笔录", "RRR-RRA"),
    ("阅卷笔录", "-RRRRR-"),
    ("调查取证材料", "AAAARRA"),
    ("辩护意见|辩护意见|-|代理意见|-|-|法律意见或协议", "RR-R--R"),
    ("庭审笔录|庭审笔录|庭审笔录|庭审笔录|庭审笔录|仲裁庭审笔录|-", "--AARR-"),
    ("辩护词|辩护词|辩护词|代理词|代理词|代理词|-", "--RRRR-"),
    ("撤案或变更强制措施文书|起诉书或不起诉决定书|判决书或裁定书|判决书或裁定书|"
     "判决书、裁定书或调解书|仲裁裁决书或调解书|调解或和解协议", "ARRRRRA"),
    ("集体讨论记录（重大疑难案件）", "AAAAAAA"),
    ("更换或终止相关文书", "AAAAAAA"),
    ("结案报告表", "RRRRRRR"),
    ("征询意见表或回访记录", "AAAAAAA"),
)  # fmt: skip


@dataclass(frozen=True)
class ChecklistItem:
    name: str
    required: bool


# What every file holds whatever the outcome, and what a terminated case adds.
ADMINISTRATIVE_PAPERS = ("卷宗封面", "法律援助申请表", "经济困难", "法律援助审查",
                         "给予法律援助决定书", "指派通知书", "委托协议", "结案报告表")  # fmt: skip
TERMINATION_PAPERS = ("更换或终止相关文书",)

COLUMN_NAMES = ("刑事辩护·侦查", "刑事辩护·审查起诉", "刑事辩护·审判", "刑事代理",
                "民事/行政诉讼", "劳动争议仲裁", "非诉讼代理")  # fmt: skip
FLAGS = {"R": "必备", "A": "视情况", "P": "申请案件必备"}
# A list per column: (item, flag). Offices replace a column with their province's list.
Lists = dict[int, list[tuple[str, str]]]


def default_lists() -> Lists:
    lists: Lists = {}
    for col in range(len(COLUMN_NAMES)):
        items = []
        for names, flags in _TABLE:
            parts = names.split("|")
            name = parts[col] if len(parts) > 1 else parts[0]
            if flags[col] != "-" and name != "-":
                items.append((name, flags[col]))
        lists[col] = items
    return lists


def check_list(items: list[tuple[str, str]]) -> None:
    """An office's list: named items, each once, each flagged R, A or P."""
    names = [name.strip() for name, _ in items]
    if not names:
        raise ValidationError("结案材料清单不能为空", field="结案材料清单")
    for index, (name, flag) in enumerate(items, start=1):
        if not name.strip():
            raise ValidationError(f"第{index}项缺少材料名称", field="结案材料清单")
        if flag not in FLAGS:
            raise ValidationError(f"「{name}」的要求应为必备、视情况或申请案件必备", field=name)
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValidationError(f"清单中重复的材料：{'、'.join(duplicates)}", field="结案材料清单")


def checklist(
    case_type: CaseType,
    stage: Stage | None,
    *,
    application: bool,
    major_difficult: bool = False,
    terminated: bool = False,
    lists: Lists | None = None,
) -> tuple[ChecklistItem, ...]:
    """What this case's closing file holds (the office's list for the column, else the
    working list); the minutes are required once it is a confirmed major or difficult case.
    A terminated case (法律援助法 s.48) files the termination papers; the work products of a
    finished case (辩护词, 判决书 …) are then only where applicable."""
    col = column(case_type, stage)
    items = []
    for name, flag in (lists or {}).get(col) or default_lists()[col]:
        if flag == "P" and not application:
            continue  # notified cases have no hardship statement or grant decision
        required = flag == "R" or flag == "P"
        if name.startswith("集体讨论记录"):
            required = major_difficult
        if terminated:
            required = name.startswith(TERMINATION_PAPERS) or (
                required and name.startswith(ADMINISTRATIVE_PAPERS)
            )
        items.append(ChecklistItem(name, required))
    return tuple(items)


def check_closing_file(items: tuple[ChecklistItem, ...], filed: set[str]) -> None:
    """Refuse a closing file without every required item, naming the missing ones."""
    unknown = filed - {item.name for item in items}
    if unknown:
        raise ValidationError(
            f"结案材料清单中没有「{'、'.join(sorted(unknown))}」", field="结案材料"
        )
    missing = [item.name for item in items if item.required and item.name not in filed]
    if missing:
        raise ValidationError(f"结案材料不齐，缺少必备材料：{'、'.join(missing)}", field="结案材料")
