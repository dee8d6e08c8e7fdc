"""The one state machine of a disclosure application. Nobody else lists statuses: every set of
statuses other modules need is named here.

Each action names the statuses it may start from and the status it leads to (None: the status
stays, e.g. an extension granted while the case is in progress). Creating an application is
the transition from INITIAL (no application yet) to submitted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.workflow import INITIAL, Transition, Workflow


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

# Named sets of statuses -----------------------------------------------------------------------
TERMINAL = frozenset({S.CLOSED, S.WITHDRAWN})
# Not yet concluded: the staff queue's default ("open"; its "concluded" is TERMINAL). Work may be
# shared (a clerk assigned) in any of these.
OPEN = frozenset(set(Status) - TERMINAL)
# Received and not yet being worked on in a way that stops the work (补正 may be asked, a case
# may be split).
OPEN_WORK = frozenset({S.RECEIVED, S.IN_PROGRESS})
# Before a decision is approved: the applicant may still withdraw.
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
# The reply clock runs (or is paused): the case counts as pending.
PENDING = frozenset(set(Status) - TERMINAL - {S.SUBMITTED})
# A decision the reviewer approved: it has an outcome and a legal basis.
DECISION_APPROVED = frozenset({S.DECISION_APPROVED, S.SERVED})
# The applicant sees the decision (served, or closed after service or a lapse).
DECISION_KNOWN = frozenset({S.SERVED, S.CLOSED})
# A decision exists that a letter can state.
DECIDED = frozenset({S.DECISION_APPROVED, S.SERVED, S.CLOSED})
# Statuses that may have no receipt date yet (never confirmed, or withdrawn before).
MAY_LACK_RECEIPT = frozenset({S.SUBMITTED, S.WITHDRAWN})
# Staff may add files, strip their properties and split the case.
FILES_OPEN = frozenset(set(Status) - TERMINAL - {S.SUBMITTED})
# The files to be released may be added, replaced or redacted: before the reply goes to the
# reviewer (a reply returned by the reviewer is back in progress). Afterwards a released file
# changes only through a new review.
RELEASE_EDITABLE = frozenset(
    {S.RECEIVED, S.IN_PROGRESS, S.AWAITING_CORRECTION, S.CONSULTING, S.AWAITING_FEE}
)
# Steps of the office's own organisation, left out of the timeline the applicant reads.
INTERNAL_ACTIONS = frozenset({"assign"})
# The steps whose note the applicant's timeline shows: the reason they gave for withdrawing.
# Every other note (审核意见, 审批意见, instructions between staff) is internal.
NOTES_FOR_APPLICANT = frozenset({"withdraw"})
# What a step's note is, where the timeline names it.
NOTE_LABELS = {
    "approve_decision": _("审核意见"),
    "return_draft": _("审核意见"),
    "withdraw": _("撤回理由"),
}


# Labels are lazily translated: shown in the reader's language, not the importer's.
WORKFLOW = Workflow(
    name="applications.Application",
    statuses=Status,
    audit_prefix="application",
    refusal=_("申请当前状态为“%(state)s”，不能“%(action)s”。"),
    transitions={
        "submit": Transition(frozenset({INITIAL}), S.SUBMITTED, _("提交申请")),
        "confirm_receipt": Transition(frozenset({S.SUBMITTED}), S.RECEIVED, _("确认收到申请")),
        "start": Transition(frozenset({S.RECEIVED}), S.IN_PROGRESS, _("开始办理")),
        "request_correction": Transition(OPEN_WORK, S.AWAITING_CORRECTION, _("告知补正")),
        "submit_correction": Transition(
            frozenset({S.AWAITING_CORRECTION}), S.IN_PROGRESS, _("收到补正")
        ),
        "lapse_correction": Transition(
            frozenset({S.AWAITING_CORRECTION}), S.CLOSED, _("逾期未补正")
        ),
        "start_consultation": Transition(frozenset({S.IN_PROGRESS}), S.CONSULTING, _("征求意见")),
        "finish_consultation": Transition(frozenset({S.CONSULTING}), S.IN_PROGRESS, _("收到意见")),
        "request_extension": Transition(
            frozenset({S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}), None, _("申请延期")
        ),
        "decide_extension": Transition(
            frozenset({S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}), None, _("审批延期")
        ),
        "send_fee_notice": Transition(
            frozenset({S.IN_PROGRESS}), S.AWAITING_FEE, _("发出收费通知")
        ),
        "record_payment": Transition(frozenset({S.AWAITING_FEE}), S.IN_PROGRESS, _("登记缴费")),
        "lapse_fee": Transition(frozenset({S.AWAITING_FEE}), S.CLOSED, _("逾期未缴费")),
        "draft_decision": Transition(frozenset({S.IN_PROGRESS}), S.DECISION_DRAFTED, _("拟定答复")),
        "return_draft": Transition(frozenset({S.DECISION_DRAFTED}), S.IN_PROGRESS, _("退回答复稿")),
        "approve_decision": Transition(
            frozenset({S.DECISION_DRAFTED}), S.DECISION_APPROVED, _("审核通过答复")
        ),
        "serve": Transition(frozenset({S.DECISION_APPROVED}), S.SERVED, _("送达答复")),
        "close": Transition(frozenset({S.SERVED}), S.CLOSED, _("办结")),
        # Open until the decision is approved, but never the work's next step.
        "withdraw": Transition(BEFORE_DECISION, S.WITHDRAWN, _("申请人撤回"), aside=True),
        # Sharing the work: the status stays; the history row shows who handles the case.
        "assign": Transition(OPEN, None, _("分配承办人")),
    },
    # The next move is the applicant's or the consulted party's ("下一步" hints).
    waiting={
        S.AWAITING_CORRECTION: _("等待申请人补正"),
        S.CONSULTING: _("等待第三方或其他机关提出意见"),
        S.AWAITING_FEE: _("等待申请人缴纳信息处理费"),
    },
)
TRANSITIONS = WORKFLOW.transitions
