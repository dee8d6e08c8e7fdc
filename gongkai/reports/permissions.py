"""Who may do what to an annual report. Services ask here; nothing else decides."""

from django.http import Http404

from gongkai.agencies.permissions import can, require
from gongkai.agencies.roles import Capability

from .states import TRANSITIONS

ACTION_CAPABILITY = {
    "create": Capability.HANDLE,
    "edit": Capability.HANDLE,
    "refresh": Capability.HANDLE,
    "override": Capability.REVIEW,
    "finalise": Capability.REVIEW,
    "publish": Capability.REVIEW,
    "supersede": Capability.REVIEW,
    "new_version": Capability.HANDLE,
    "import": Capability.HANDLE,
    "settings": Capability.ADMINISTER,
}
assert set(TRANSITIONS) <= set(ACTION_CAPABILITY), "every transition needs a capability"


def require_action(actor, agency_id: int, action: str) -> None:
    """actor None is the system itself (demo loader, imports run by an administrator)."""
    if actor is None:
        return
    require(actor, ACTION_CAPABILITY[action], agency_id)


def may(actor, report, action: str) -> bool:
    return can(actor, ACTION_CAPABILITY[action], report.agency_id)


def require_view(user, report) -> None:
    if not can(user, Capability.VIEW, report.agency_id):
        raise Http404
