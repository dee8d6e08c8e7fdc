"""The staff actions on a consultation and on a comment: one table each, used by the office
pages and the API, so both offer the same forms and call the same services."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import forms as f
from . import services as s
from .models import Comment, Consultation
from .permissions import may
from .states import COMMENT_TRANSITIONS, CommentStatus, actions_from


@dataclass(frozen=True)
class Action:
    label: str
    form: type[forms.Form]
    run: Callable  # (actor, target, cleaned_data)
    rule: str  # the row of states.TRANSITIONS that must allow it


CONSULTATION_ACTIONS: dict[str, Action] = {
    "publish": Action(
        _("发布征求意见"),
        f.NoInput,
        lambda a, c, d: s.consultation_publish(actor=a, consultation=c),
        "publish",
    ),
    "extend": Action(
        _("延长征求意见期"),
        f.ExtendForm,
        lambda a, c, d: s.consultation_extend(actor=a, consultation=c, **d),
        "extend",
    ),
    "publish_feedback": Action(
        _("公布意见采纳情况"),
        f.FeedbackForm,
        lambda a, c, d: s.consultation_publish_feedback(actor=a, consultation=c, **d),
        "publish_feedback",
    ),
    "link_decision": Action(
        _("关联最终决定"),
        f.DecisionForm,
        lambda a, c, d: s.consultation_link_decision(actor=a, consultation=c, **d),
        "link_decision",
    ),
}

COMMENT_ACTIONS: dict[str, Action] = {
    "publish": Action(
        pgettext_lazy("comment moderation", "公开"),
        f.NoInput,
        lambda a, c, d: s.comment_moderate(actor=a, comment=c, decision="publish"),
        "moderate",
    ),
    "hide": Action(
        _("屏蔽"),
        f.HideForm,
        lambda a, c, d: s.comment_moderate(actor=a, comment=c, decision="hide", **d),
        "moderate",
    ),
    "answer": Action(
        _("答复"), f.AnswerForm, lambda a, c, d: s.comment_answer(actor=a, comment=c, **d), "answer"
    ),
    "assess": Action(
        _("采纳情况"),
        f.AssessForm,
        lambda a, c, d: s.comment_assess(actor=a, comment=c, **d),
        "assess",
    ),
}


def consultation_actions_for(user, consultation: Consultation) -> list[str]:
    allowed = set(actions_from(consultation.phase()))
    return [
        name
        for name, action in CONSULTATION_ACTIONS.items()
        if action.rule in allowed and may(user, consultation.agency_id, action.rule)
    ]


def comment_actions_for(comment: Comment, *, phase: str, staff_may: bool) -> list[str]:
    """What staff may do to this comment now: moderation by its status, answers and the
    采纳情况 only on published comments. `staff_may`: the user handles the agency's work."""
    if not staff_may:
        return []
    allowed = set(actions_from(phase))
    names = []
    for name, action in COMMENT_ACTIONS.items():
        if action.rule not in allowed:
            continue
        if name in COMMENT_TRANSITIONS and comment.status not in COMMENT_TRANSITIONS[name].sources:
            continue
        if action.rule in ("answer", "assess") and comment.status != CommentStatus.PUBLISHED:
            continue
        names.append(name)
    return names
