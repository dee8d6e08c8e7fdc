"""Every write of the engagement app. Each is one atomic service: lock, check the permission
and the transition table (states.py), save, audit."""

from .comments import comment_answer, comment_assess, comment_moderate, comment_submit
from .consultations import (
    consultation_attach,
    consultation_create,
    consultation_detach,
    consultation_extend,
    consultation_link_decision,
    consultation_publish,
    consultation_publish_feedback,
    consultation_update,
)
from .responses import response_delete, response_record, response_update

__all__ = [
    "comment_answer",
    "comment_assess",
    "comment_moderate",
    "comment_submit",
    "consultation_attach",
    "consultation_create",
    "consultation_detach",
    "consultation_extend",
    "consultation_link_decision",
    "consultation_publish",
    "consultation_publish_feedback",
    "consultation_update",
    "response_delete",
    "response_record",
    "response_update",
]
