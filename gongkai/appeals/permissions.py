"""Who may do what to an appeal case. Services ask here; nothing else decides.

Clerks (HANDLE) record and maintain the cases of their agency; anyone who can VIEW the agency
(its reviewers, head, administrator, a supervisor over its subtree) reads them and their files.
"""

from gongkai.agencies.permissions import can, require
from gongkai.agencies.roles import Capability

from .states import ACTIONS

ACTION_CAPABILITY = {
    "create": Capability.HANDLE,
    "edit": Capability.HANDLE,
    "record_outcome": Capability.HANDLE,
    "correct": Capability.HANDLE,
    "attach": Capability.HANDLE,
    "detach": Capability.HANDLE,
}
assert set(ACTIONS) <= set(ACTION_CAPABILITY), "every action needs a capability"


def require_action(actor, agency_id: int, action: str) -> None:
    """actor None is the system itself (demo loader)."""
    if actor is None:
        return
    require(actor, ACTION_CAPABILITY[action], agency_id)


def may(user, agency_id: int, action: str) -> bool:
    return can(user, ACTION_CAPABILITY[action], agency_id)


def require_view(user, agency_id: int) -> None:
    require(user, Capability.VIEW, agency_id)
