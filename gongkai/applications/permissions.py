"""Who may do what to an application. Services ask here; nothing else decides."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.agencies.permissions import agency_ids_with, can, require
from gongkai.agencies.roles import Capability

# The capability each action needs from staff of the application's agency.
ACTION_CAPABILITY = {
    "confirm_receipt": Capability.HANDLE,
    "start": Capability.HANDLE,
    "request_correction": Capability.HANDLE,
    "submit_correction": Capability.HANDLE,
    "lapse_correction": Capability.HANDLE,
    "start_consultation": Capability.HANDLE,
    "finish_consultation": Capability.HANDLE,
    "request_extension": Capability.HANDLE,
    "decide_extension": Capability.APPROVE_EXTENSION,
    "send_fee_notice": Capability.HANDLE,
    "record_payment": Capability.HANDLE,
    "lapse_fee": Capability.HANDLE,
    "draft_decision": Capability.HANDLE,
    "return_draft": Capability.REVIEW,
    "approve_decision": Capability.REVIEW,
    "serve": Capability.HANDLE,
    "close": Capability.HANDLE,
    "withdraw": Capability.HANDLE,
    "assign": Capability.HANDLE,
    "split": Capability.HANDLE,
    "strip_metadata": Capability.HANDLE,
}
# What the applicant may do on their own case.
APPLICANT_ACTIONS = frozenset({"submit_correction", "withdraw"})


def is_applicant(user, application) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and application.applicant_id is not None
        and application.applicant_id == user.pk
    )


def can_view(user, application) -> bool:
    return is_applicant(user, application) or can(user, Capability.VIEW, application.agency_id)


def require_view(user, application) -> None:
    if not can_view(user, application):
        raise Http404


def require_action(actor, application, action: str) -> None:
    """actor None is the system itself (scheduled lapses, demo loader)."""
    if actor is None:
        return
    if action in APPLICANT_ACTIONS and is_applicant(actor, application):
        return
    if is_applicant(actor, application) and not can(actor, Capability.VIEW, application.agency_id):
        raise PermissionDenied("申请人不能执行此操作。")
    require(actor, ACTION_CAPABILITY[action], application.agency_id)


def handles_case_of(viewer, profile) -> bool:
    """Staff who may handle or review a case of this applicant see the full identity number."""
    from .models import Application

    agencies = agency_ids_with(viewer, Capability.HANDLE) | agency_ids_with(
        viewer, Capability.REVIEW
    )
    return (
        bool(agencies)
        and Application.objects.filter(
            applicant_id=profile.user_id, agency_id__in=agencies
        ).exists()
    )
