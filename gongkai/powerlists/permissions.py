"""Who may do what to an agency's power list. Services ask here; nothing else decides."""

from gongkai.agencies.permissions import can, require
from gongkai.agencies.roles import Capability

# Recording an adjustment is a clerk's job; the approval itself happened outside (the
# approving document is recorded with it).
ACTION_CAPABILITY = {
    "add": Capability.HANDLE,
    "change": Capability.HANDLE,
    "remove": Capability.HANDLE,
    "relist": Capability.HANDLE,
    "import": Capability.HANDLE,
}


def require_action(actor, agency_id: int, action: str) -> None:
    """actor None is the system itself (the demo loader and the import command)."""
    if actor is None:
        return
    require(actor, ACTION_CAPABILITY[action], agency_id)


def may(actor, agency_id: int, action: str) -> bool:
    return can(actor, ACTION_CAPABILITY[action], agency_id)
