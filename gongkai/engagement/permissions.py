"""Who may do what in consultations and responses: one policy, built from the shared
predicates. Services ask it (through the workflow executor or `POLICY.require`); nothing else
decides.

Staff writes need HANDLE in the agency that owns the record; VIEW (including a supervisor's
read-only subtree) lets staff see drafts, pending comments and the office pages. Submitting a
comment is the public's, governed by the consultation's window and settings, not by roles.
"""

from gongkai.agencies.policy import Policy, agency_id_of, anyone, has_capability
from gongkai.agencies.roles import Capability

from .states import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW


def agency_of(target) -> int | None:
    """A comment (or a comment's file) belongs to the agency of its consultation."""
    consultation = getattr(target, "consultation", None)
    if consultation is not None:
        return consultation.agency_id
    comment = getattr(target, "comment", None)
    if comment is not None:
        return comment.consultation.agency_id
    return agency_id_of(target)


HANDLE = has_capability(Capability.HANDLE)

POLICY = Policy(
    name="engagement",
    workflows=[CONSULTATION_WORKFLOW, COMMENT_WORKFLOW],
    agency_of=agency_of,
    rules={
        "create": HANDLE,
        "edit": HANDLE,
        "publish": HANDLE,
        "extend": HANDLE,
        "comment": anyone(
            "征求意见期间向公众开放：由征求意见期和是否允许匿名提交决定（states.py、"
            "services/comments.py），不看岗位"
        ),
        "moderate": HANDLE,
        "answer": HANDLE,
        "assess": HANDLE,
        "publish_feedback": HANDLE,
        "link_decision": HANDLE,
        "comment_publish": HANDLE,
        "comment_hide": HANDLE,
        "comment_answer": HANDLE,
        "comment_assess": HANDLE,
        "record_response": HANDLE,
    },
)
