"""Who may do what in consultations and responses. Services ask here; nothing else decides.

Staff writes need HANDLE in the agency that owns the record; VIEW (including a supervisor's
read-only subtree) lets staff see drafts, pending comments and the office pages. Submitting a
comment is the public's, governed by the consultation's window and settings, not by roles.
"""

from gongkai.agencies.permissions import can, require
from gongkai.agencies.roles import Capability

from .states import TRANSITIONS

ACTION_CAPABILITY = {
    "create": Capability.HANDLE,
    "edit": Capability.HANDLE,
    "publish": Capability.HANDLE,
    "extend": Capability.HANDLE,
    "moderate": Capability.HANDLE,
    "answer": Capability.HANDLE,
    "assess": Capability.HANDLE,
    "publish_feedback": Capability.HANDLE,
    "link_decision": Capability.HANDLE,
    "record_response": Capability.HANDLE,
    "view": Capability.VIEW,
}
PUBLIC_ACTIONS = frozenset({"comment"})
assert set(TRANSITIONS) - PUBLIC_ACTIONS <= set(ACTION_CAPABILITY), "every action needs a role"


def require_action(actor, agency_id: int, action: str) -> None:
    """actor None is the system itself (the demo loader)."""
    if actor is None:
        return
    require(actor, ACTION_CAPABILITY[action], agency_id)


def may(user, agency_id: int, action: str) -> bool:
    return can(user, ACTION_CAPABILITY[action], agency_id)
