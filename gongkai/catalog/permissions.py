"""Who may do what to a catalogue item. Services ask here; nothing else decides."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.permissions import can, require
from gongkai.agencies.roles import Capability

from .states import TRANSITIONS

ACTION_CAPABILITY = {
    "create": Capability.HANDLE,
    "edit": Capability.HANDLE,
    "submit": Capability.HANDLE,
    "return": Capability.REVIEW,
    "approve": Capability.REVIEW,
    "schedule": Capability.HANDLE,
    "publish": Capability.HANDLE,
    "withdraw": Capability.HANDLE,
    "update_register": Capability.HANDLE,
    "strip_metadata": Capability.HANDLE,
    "strip_metadata_in_review": Capability.REVIEW,
    "guide": Capability.HANDLE,
    "settings": Capability.ADMINISTER,
    "import": Capability.HANDLE,
}
assert set(TRANSITIONS) <= set(ACTION_CAPABILITY), "every transition needs a capability"
# The 保密审查 must be done by someone other than the author.
AUTHOR_EXCLUDED = frozenset({"return", "approve"})


def require_action(actor, agency_id: int, action: str, *, author_id=None) -> None:
    """actor None is the system itself (scheduled publication, demo and import loaders)."""
    if actor is None:
        return
    require(actor, ACTION_CAPABILITY[action], agency_id)
    if action in AUTHOR_EXCLUDED and author_id is not None and author_id == actor.pk:
        raise PermissionDenied("起草人不能对自己起草的条目进行保密审查。")


def may(actor, item, action: str) -> bool:
    if not can(actor, ACTION_CAPABILITY[action], item.agency_id):
        return False
    return not (action in AUTHOR_EXCLUDED and item.author_id == actor.pk)


def require_view(user, item) -> None:
    if not can(user, Capability.VIEW, item.agency_id):
        raise Http404
