"""What staff can do on a consultation and on a comment: one table each, read by the office
pages and the API alike, so both offer the same forms and call the same services."""

import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.actions import Action, ActionTable
from gongkai.core.release import pending, stored
from gongkai.core.release_forms import ReleaseDecisionForm, release_arguments

from . import forms as f
from . import selectors as sel
from . import services as s
from .permissions import POLICY
from .states import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW

# The consultation's table is checked against its phase today, not its stored status.
CONSULTATION_TABLE = ActionTable(
    "engagement.Consultation",
    policy=POLICY,
    workflow=CONSULTATION_WORKFLOW,
    state_of=lambda consultation: consultation.phase(),
)


def _summary_suggestion(consultation) -> dict:
    tally = sel.comment_tally(consultation)
    return {
        "summary": (
            f"征求意见期间共收到意见建议{tally['total']}条，公开{tally['published']}条"
            f"（屏蔽{tally['hidden']}条）。其中采纳{tally['adopted']}条，部分采纳{tally['partly']}条，"
            f"未采纳{tally['not_adopted']}条，未采纳的主要理由是："
        )
    }


CONSULTATION_TABLE.add(
    Action(
        "publish",
        _("发布征求意见"),
        lambda a, c, d: s.consultation_publish(actor=a, consultation=c, **release_arguments(d)),
        ReleaseDecisionForm,
        confirm=_("发布后征求意见稿即向社会公开，不能再修改。确认发布？"),
    ),
    Action(
        "extend",
        _("延长征求意见期"),
        lambda a, c, d: s.consultation_extend(actor=a, consultation=c, **d),
        f.ExtendForm,
        initial=lambda c: {"closes_on": c.closes_on + datetime.timedelta(days=7)},
    ),
    Action(
        "publish_feedback",
        _("公布意见采纳情况"),
        lambda a, c, d: s.consultation_publish_feedback(actor=a, consultation=c, **d),
        f.FeedbackForm,
        initial=_summary_suggestion,
        confirm=_("公布后意见采纳情况和每条意见的采纳情况即向社会公开，不能撤回。确认公布？"),
    ),
    Action(
        "link_decision",
        _("关联最终决定"),
        lambda a, c, d: s.consultation_link_decision(actor=a, consultation=c, **d),
        f.DecisionForm,
        initial=lambda c: {"item": c.final_decision.index_number} if c.final_decision else {},
        form_kwargs=lambda c: {"agency": c.agency},
    ),
)


def _pending_files(comment):
    return pending(map(stored, comment.attachments.all()), agency=comment.consultation.agency)


COMMENT_TABLE = ActionTable("engagement.Comment", policy=POLICY, workflow=COMMENT_WORKFLOW)


def _in_phase(work: str):
    """The work on comments its consultation's phase allows (a row of the consultation's
    table): moderation, answers, the 采纳情况."""
    return lambda comment: CONSULTATION_WORKFLOW.allows(work, comment.consultation.phase())


COMMENT_TABLE.add(
    Action(
        "publish",
        pgettext_lazy("comment moderation", "公开"),
        lambda a, c, d: s.comment_moderate(
            actor=a, comment=c, decision="publish", **release_arguments(d)
        ),
        ReleaseDecisionForm,
        # Only a comment with files that have findings asks for the release decision.
        form_kwargs=lambda c: {"releases_pending": bool(_pending_files(c))},
        transition="comment_publish",
        permission="comment_publish",
        when=_in_phase("moderate"),
    ),
    Action(
        "hide",
        _("屏蔽"),
        lambda a, c, d: s.comment_moderate(actor=a, comment=c, decision="hide", **d),
        f.HideForm,
        transition="comment_hide",
        permission="comment_hide",
        when=_in_phase("moderate"),
    ),
    Action(
        "answer",
        _("答复"),
        lambda a, c, d: s.comment_answer(actor=a, comment=c, **d),
        f.AnswerForm,
        transition="comment_answer",
        permission="comment_answer",
        when=_in_phase("answer"),
        initial=lambda c: {"text": c.answer},
    ),
    Action(
        "assess",
        _("采纳情况"),
        lambda a, c, d: s.comment_assess(actor=a, comment=c, **d),
        f.AssessForm,
        transition="comment_assess",
        permission="comment_assess",
        when=_in_phase("assess"),
        initial=lambda c: {"adoption": c.adoption, "reason": c.adoption_reason},
    ),
)
