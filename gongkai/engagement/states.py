"""The two state machines of public consultation: the consultation and each comment. Nobody
else lists their statuses: every set other modules need is named here.

A consultation is stored as draft → published → feedback_published. Once published, the
comment window decides what the public sees: *scheduled* before `opens_on`, *open* from
`opens_on` to `closes_on` (both days included, Asia/Shanghai), *closed* after. These derived
phases are what the consultation's table is checked against (services pass
`state=consultation.phase(today)`), so "comment only while open" and "publish the 采纳情况 only
after closing" are rules in one table, not scattered date comparisons. The table also holds the
phase rules of the work on comments (comment, moderate, answer, assess), which the comment
services check before moving the comment itself.

A comment is pending until staff publish it or hide it with a reason; hidden comments are
kept (and may be published again), never deleted. Submitting one is its creation (from
INITIAL); answers and the 采纳情况 are for published comments only.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.workflow import INITIAL, Transition, Workflow


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    FEEDBACK_PUBLISHED = "feedback_published", _("已公布采纳情况")


class Phase(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SCHEDULED = "scheduled", _("尚未开始")
    OPEN = "open", _("正在征求意见")
    CLOSED = "closed", _("征求意见已截止")
    FEEDBACK = "feedback", _("已公布采纳情况")


def phase_of(status: str, opens_on: datetime.date, closes_on: datetime.date, today) -> str:
    if status == ConsultationStatus.DRAFT:
        return Phase.DRAFT
    if status == ConsultationStatus.FEEDBACK_PUBLISHED:
        return Phase.FEEDBACK
    if today < opens_on:
        return Phase.SCHEDULED
    if today <= closes_on:
        return Phase.OPEN
    return Phase.CLOSED


S = ConsultationStatus
P = Phase

# Named sets of phases --------------------------------------------------------------------------
# Phases the public may see (a draft is the office's alone).
PUBLIC_PHASES = frozenset({P.SCHEDULED, P.OPEN, P.CLOSED, P.FEEDBACK})
# The window has passed: listed together as finished, in this order, on the public pages.
FINISHED_PHASES = (P.FEEDBACK, P.CLOSED)

# A target is a stored ConsultationStatus, or None when the status stays. Labels are lazily
# translated: shown (and refused) in the reader's language.
CONSULTATION_WORKFLOW = Workflow(
    name="engagement.Consultation",
    statuses=ConsultationStatus,
    state_labels=Phase,
    audit_prefix="engagement",
    refusal=_("征求意见当前为“%(state)s”，不能%(action)s。"),
    refusal_code="{action}_not_allowed",
    transitions={
        "create": Transition(frozenset({INITIAL}), S.DRAFT, _("起草征求意见")),
        "edit": Transition(frozenset({P.DRAFT}), None, _("修改")),
        "publish": Transition(frozenset({P.DRAFT}), S.PUBLISHED, _("发布")),
        "extend": Transition(frozenset({P.SCHEDULED, P.OPEN}), None, _("延长征求意见期")),
        "comment": Transition(frozenset({P.OPEN}), None, _("提交意见")),
        # Abuse may surface late, so hiding stays possible after the 采纳情况 is out.
        "moderate": Transition(frozenset({P.OPEN, P.CLOSED, P.FEEDBACK}), None, _("审核意见")),
        "answer": Transition(frozenset({P.OPEN, P.CLOSED}), None, _("答复意见")),
        "assess": Transition(frozenset({P.CLOSED}), None, _("填写采纳情况")),
        "publish_feedback": Transition(
            frozenset({P.CLOSED}), S.FEEDBACK_PUBLISHED, _("公布采纳情况")
        ),
        "link_decision": Transition(frozenset({P.CLOSED, P.FEEDBACK}), None, _("关联最终决定")),
    },
    # Before and during the window the next move is the calendar's ("下一步" hints).
    waiting={
        P.SCHEDULED: lambda c: _("征求意见期自%(date)s开始") % {"date": c.opens_on.isoformat()},
        P.OPEN: lambda c: _("征求意见期至%(date)s截止") % {"date": c.closes_on.isoformat()},
    },
)


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已公开")
    HIDDEN = "hidden", _("已屏蔽")


C = CommentStatus

# The actions keep the names of their audit rows (engagement.comment_hide …).
COMMENT_WORKFLOW = Workflow(
    name="engagement.Comment",
    statuses=CommentStatus,
    audit_prefix="engagement",
    refusal=_("这条意见当前为“%(state)s”，不能%(action)s。"),
    refusal_code="comment_invalid_transition",
    lock_related=("consultation__agency",),
    transitions={
        "comment": Transition(frozenset({INITIAL}), C.PENDING, _("提交意见")),
        "comment_publish": Transition(
            frozenset({C.PENDING, C.HIDDEN}),
            C.PUBLISHED,
            pgettext_lazy("comment moderation", "公开"),
        ),
        "comment_hide": Transition(frozenset({C.PENDING, C.PUBLISHED}), C.HIDDEN, _("屏蔽")),
        "comment_answer": Transition(frozenset({C.PUBLISHED}), None, _("答复")),
        "comment_assess": Transition(frozenset({C.PUBLISHED}), None, _("填写采纳情况")),
    },
)
# A moderation decision and the comment's transition it makes.
MODERATION = {"publish": "comment_publish", "hide": "comment_hide"}
