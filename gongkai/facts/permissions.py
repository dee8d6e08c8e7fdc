"""Who may do what with an agency's yearly facts. Services ask here; nothing else decides."""

from gongkai.agencies.permissions import can, require
from gongkai.agencies.roles import Capability

ACTION_CAPABILITY = {
    "view": Capability.VIEW,
    "record": Capability.HANDLE,  # the dated records: bodies, reading points, staff, …
    "figures": Capability.HANDLE,  # figures from other systems, by form, API or import
    "lock": Capability.ADMINISTER,
    "unlock": Capability.ADMINISTER,
}


def require_action(actor, agency_id: int, action: str) -> None:
    """actor None is the system itself (the demo loader, the annual report's finalisation)."""
    if actor is None:
        return
    require(actor, ACTION_CAPABILITY[action], agency_id)


def may(user, agency_id: int, action: str) -> bool:
    return can(user, ACTION_CAPABILITY[action], agency_id)
