"""The one state machine of a disclosure application. Nobody else lists statuses.

Each action names the statuses it may start from and the status it leads to (None: the status
stays, e.g. an extension granted while the case is in progress).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import InvalidTransition
from gongkai.core.states import Transition


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已提交，待确认")
    RECEIVED = "received", _("已收到")
    IN_PROGRESS = "in_progress", _("办理中")
    AWAITING_CORRECTION = "awaiting_correction", _("待申请人补正")
    CONSULTING = "consulting", _("征求意见中")
    AWAITING_FEE = "awaiting_fee", _("待缴纳信息处理费")
    DECISION_DRAFTED = "decision_drafted", _("答复待审核")
    DECISION_APPROVED = "decision_approved", _("答复已审核，待送达")
    SERVED = "served", _("已送达")
    CLOSED = "closed", _("已办结")
    WITHDRAWN = "withdrawn", _("已撤回")


S = Status
OPEN_WORK = frozenset({S.RECEIVED, S.IN_PROGRESS})
BEFORE_DECISION = frozenset(
    {
        S.SUBMITTED,
        S.RECEIVED,
        S.IN_PROGRESS,
        S.AWAITING_CORRECTION,
        S.CONSULTING,
        S.AWAITING_FEE,
        S.DECISION_DRAFTED,
    }
)


TRANSITIONS: dict[str, Transition] = {
    "confirm_receipt": Transition(frozenset({S.SUBMITTED}), S.RECEIVED, "确认收到申请"),
    "start": Transition(frozenset({S.RECEIVED}), S.IN_PROGRESS, "开始办理"),
    "request_correction": Transition(OPEN_WORK, S.AWAITING_CORRECTION, "告知补正"),
    "submit_correction": Transition(frozenset({S.AWAITING_CORRECTION}), S.IN_PROGRESS, "收到补正"),
    "lapse_correction": Transition(frozenset({S.AWAITING_CORRECTION}), S.CLOSED, "逾期未补正"),
    "start_consultation": Transition(frozenset({S.IN_PROGRESS}), S.CONSULTING, "征求意见"),
    "finish_consultation": Transition(frozenset({S.CONSULTING}), S.IN_PROGRESS, "收到意见"),
    "request_extension": Transition(
        frozenset({S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}), None, "申请延期"
    ),
    "decide_extension": Transition(
        frozenset({S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}), None, "审批延期"
    ),
    "send_fee_notice": Transition(frozenset({S.IN_PROGRESS}), S.AWAITING_FEE, "发出收费通知"),
    "record_payment": Transition(frozenset({S.AWAITING_FEE}), S.IN_PROGRESS, "登记缴费"),
    "lapse_fee": Transition(frozenset({S.AWAITING_FEE}), S.CLOSED, "逾期未缴费"),
    "draft_decision": Transition(frozenset({S.IN_PROGRESS}), S.DECISION_DRAFTED, "拟定答复"),
    "return_draft": Transition(frozenset({S.DECISION_DRAFTED}), S.IN_PROGRESS, "退回答复稿"),
    "approve_decision": Transition(
        frozenset({S.DECISION_DRAFTED}), S.DECISION_APPROVED, "审核通过答复"
    ),
    "serve": Transition(frozenset({S.DECISION_APPROVED}), S.SERVED, "送达答复"),
    "close": Transition(frozenset({S.SERVED}), S.CLOSED, "办结"),
    "withdraw": Transition(BEFORE_DECISION, S.WITHDRAWN, "申请人撤回"),
}

TERMINAL = frozenset({S.CLOSED, S.WITHDRAWN})
# Statuses in which the reply clock runs (or is paused) and the case counts as pending.
PENDING = frozenset(set(Status) - TERMINAL - {S.SUBMITTED})


def target_of(action: str, status: str) -> str:
    """The status `action` leads to from `status`, or InvalidTransition."""
    try:
        transition = TRANSITIONS[action]
    except KeyError:
        raise InvalidTransition(f"未知的操作“{action}”。") from None
    return transition.target_from(
        status, refusal=f"申请当前状态为“{Status(status).label}”，不能“{transition.label}”。"
    )


def allowed_actions(status: str) -> list[str]:
    return [name for name, t in TRANSITIONS.items() if status in t.sources]
