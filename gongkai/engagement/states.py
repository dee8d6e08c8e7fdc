"""The two state machines of public consultation: the consultation and each comment.

A consultation is stored as draft → published → feedback_published. Once published, the
comment window decides what the public sees: *scheduled* before `opens_on`, *open* from
`opens_on` to `closes_on` (both days included, Asia/Shanghai), *closed* after. These derived
phases are what the transition table checks, so "comment only while open" and "publish the
采纳情况 only after closing" are rules in one table, not scattered date comparisons.

A comment is pending until staff publish it or hide it with a reason; hidden comments are
kept (and may be published again), never deleted.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.states import Transition


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


P = Phase


# A target is a stored ConsultationStatus, or None when the status stays.
TRANSITIONS: dict[str, Transition] = {
    "edit": Transition(frozenset({P.DRAFT}), None, "修改"),
    "publish": Transition(frozenset({P.DRAFT}), ConsultationStatus.PUBLISHED, "发布"),
    "extend": Transition(frozenset({P.SCHEDULED, P.OPEN}), None, "延长征求意见期"),
    "comment": Transition(frozenset({P.OPEN}), None, "提交意见"),
    # Abuse may surface late, so hiding stays possible after the 采纳情况 is out.
    "moderate": Transition(frozenset({P.OPEN, P.CLOSED, P.FEEDBACK}), None, "审核意见"),
    "answer": Transition(frozenset({P.OPEN, P.CLOSED}), None, "答复意见"),
    "assess": Transition(frozenset({P.CLOSED}), None, "填写采纳情况"),
    "publish_feedback": Transition(
        frozenset({P.CLOSED}), ConsultationStatus.FEEDBACK_PUBLISHED, "公布采纳情况"
    ),
    "link_decision": Transition(frozenset({P.CLOSED, P.FEEDBACK}), None, "关联最终决定"),
}

# Phases the public may see (a draft is the office's alone).
PUBLIC_PHASES = frozenset({P.SCHEDULED, P.OPEN, P.CLOSED, P.FEEDBACK})


def check(action: str, phase: str) -> None:
    transition = TRANSITIONS[action]
    transition.target_from(
        phase,
        refusal=f"征求意见当前为“{Phase(phase).label}”，不能{transition.label}。",
        code=f"{action}_not_allowed",
    )


def actions_from(phase: str) -> list[str]:
    return [name for name, t in TRANSITIONS.items() if phase in t.sources]


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("已公开")
    HIDDEN = "hidden", _("已屏蔽")


C = CommentStatus

COMMENT_TRANSITIONS: dict[str, Transition] = {
    "publish": Transition(frozenset({C.PENDING, C.HIDDEN}), C.PUBLISHED, "公开"),
    "hide": Transition(frozenset({C.PENDING, C.PUBLISHED}), C.HIDDEN, "屏蔽"),
}


def comment_target(decision: str, status: str) -> str:
    transition = COMMENT_TRANSITIONS[decision]
    return transition.target_from(
        status,
        refusal=f"这条意见当前为“{CommentStatus(status).label}”，不能{transition.label}。",
        code="comment_invalid_transition",
    )
