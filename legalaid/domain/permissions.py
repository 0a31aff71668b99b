"""Who may do what: the role × action matrix, and the handler's own-case rule.

A centre's clerks register and decide, its supervisor approves and reports upward, an admin
keeps users, offices and standards; lawyers and other handlers (承办人员) work only on the
cases assigned to them (法律援助法 s.25: the assigned handler acts for the aided person).
"""

from __future__ import annotations

from enum import StrEnum

from legalaid.domain.lifecycle import Step


class Role(StrEnum):
    CLERK = "工作人员"
    LAWYER = "承办人员"
    SUPERVISOR = "负责人"
    ADMIN = "管理员"

    @staticmethod
    def parse(text: str) -> Role:
        """Command-line names (clerk, lawyer, supervisor, admin) or the Chinese ones."""
        names = {"clerk": Role.CLERK, "lawyer": Role.LAWYER,
                 "supervisor": Role.SUPERVISOR, "admin": Role.ADMIN}  # fmt: skip
        if text in names:
            return names[text]
        return Role(text)


class Action(StrEnum):
    VIEW_CASE = "查看案件"
    REGISTER = "登记案件"
    DECIDE = "审查决定"
    ASSIGN = "指派承办人"
    LOG_WORK = "记录办案工作"
    # The handler records the signed agreement for their own case (or why it is delayed).
    RECORD_AGREEMENT = "记录委托协议"
    ATTACH = "附加案卷材料"
    SUBMIT_CLOSING = "提交结案材料"
    REVIEW_CLOSING = "审查结案"
    TERMINATE = "终止援助"
    FOLLOW_UP = "回访与投诉"
    APPROVE_SUBSIDY = "审核补贴"
    PAY_SUBSIDY = "发放补贴"
    FLAG_MAJOR = "标记重大疑难"
    ESCALATE = "重大疑难确认与上报"
    SET_TARGETS = "设定年度任务"
    VIEW_FULL_ID = "查看完整身份证号"
    PRINT = "打印文书"
    EXPORT = "导出数据"
    STATISTICS = "统计报表"
    VIEW_AUDIT = "查看审计记录"
    ADMINISTER = "系统管理"
    # The forms of aid that are not cases (s.22): clerks register them; a duty lawyer records
    # the duty help they gave (their own only, checked by the service); rota by the office.
    REGISTER_SERVICE = "登记法律帮助"
    RECORD_DUTY_HELP = "记录值班律师法律帮助"
    VIEW_SERVICES = "查看法律帮助"
    MANAGE_DUTY = "安排值班"


A = Action
# Who takes each step of a case (the case window offers a step to those who may take it).
STEP_ACTIONS: dict[Step, Action] = {
    Step.REVIEW: A.DECIDE, Step.MATERIALS: A.DECIDE, Step.RECEIVED: A.DECIDE,
    Step.GRANT: A.DECIDE, Step.REJECT: A.DECIDE, Step.OBJECTION: A.DECIDE,
    Step.OBJECTION_RESULT: A.DECIDE, Step.ADVANCE: A.DECIDE, Step.WITHDRAW: A.DECIDE,
    Step.ASSIGN: A.ASSIGN, Step.ENGAGE: A.RECORD_AGREEMENT, Step.PAUSE: A.RECORD_AGREEMENT,
    Step.TERMINATE: A.TERMINATE, Step.SUBMIT: A.SUBMIT_CLOSING,
    Step.APPROVE: A.REVIEW_CLOSING, Step.RETURN: A.REVIEW_CLOSING, Step.ARCHIVE: A.REVIEW_CLOSING,
}  # fmt: skip
# Actions a handler may take only on a case assigned to them.
OWN_CASE_ONLY = frozenset({A.VIEW_CASE, A.LOG_WORK, A.RECORD_AGREEMENT, A.ATTACH,
                           A.SUBMIT_CLOSING, A.FLAG_MAJOR, A.VIEW_FULL_ID, A.PRINT})  # fmt: skip

MATRIX: dict[Role, frozenset[Action]] = {
    Role.CLERK: frozenset({
        A.VIEW_CASE, A.REGISTER, A.DECIDE, A.ASSIGN, A.RECORD_AGREEMENT, A.ATTACH,
        A.SUBMIT_CLOSING,
        A.REVIEW_CLOSING, A.TERMINATE, A.FOLLOW_UP, A.PAY_SUBSIDY, A.FLAG_MAJOR, A.ESCALATE,
        A.VIEW_FULL_ID, A.PRINT, A.EXPORT, A.STATISTICS,
        A.REGISTER_SERVICE, A.RECORD_DUTY_HELP, A.VIEW_SERVICES, A.MANAGE_DUTY,
    }),
    Role.LAWYER: frozenset({
        A.VIEW_CASE, A.LOG_WORK, A.RECORD_AGREEMENT, A.ATTACH, A.SUBMIT_CLOSING, A.FLAG_MAJOR,
        A.VIEW_FULL_ID,
        A.PRINT, A.RECORD_DUTY_HELP, A.VIEW_SERVICES,
    }),
    Role.SUPERVISOR: frozenset({
        A.VIEW_CASE, A.REGISTER, A.DECIDE, A.ASSIGN, A.RECORD_AGREEMENT, A.ATTACH,
        A.REVIEW_CLOSING, A.TERMINATE,
        A.FOLLOW_UP, A.APPROVE_SUBSIDY, A.PAY_SUBSIDY, A.FLAG_MAJOR, A.ESCALATE,
        A.SET_TARGETS, A.VIEW_FULL_ID, A.PRINT, A.EXPORT, A.STATISTICS, A.VIEW_AUDIT,
        A.REGISTER_SERVICE, A.RECORD_DUTY_HELP, A.VIEW_SERVICES, A.MANAGE_DUTY,
    }),
    Role.ADMIN: frozenset({
        A.VIEW_CASE, A.SET_TARGETS, A.EXPORT, A.STATISTICS, A.VIEW_AUDIT, A.ADMINISTER,
        A.VIEW_SERVICES,
    }),
}  # fmt: skip


def allowed(role: Role, action: Action, *, own_case: bool | None = None) -> bool:
    """``own_case``: whether the case is assigned to the acting handler (None: no case)."""
    if action not in MATRIX[role]:
        return False
    if role is Role.LAWYER and action in OWN_CASE_ONLY:
        return bool(own_case)
    return True
