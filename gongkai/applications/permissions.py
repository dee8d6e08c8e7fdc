"""Who may do what to an application: one policy, built from the shared predicates. Services
ask it (through the workflow executor or `POLICY.require`); nothing else decides."""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.policy import Policy, anyone, applicant_owns, has_capability
from gongkai.agencies.roles import Capability

from .states import WORKFLOW

HANDLE = has_capability(Capability.HANDLE)
# What the applicant may do on their own case (and staff for them, from a letter or a call).
HANDLE_OR_APPLICANT = HANDLE | applicant_owns(refusal=_("申请人不能执行此操作。"))

POLICY = Policy(
    name="applications",
    workflows=[WORKFLOW],
    view=has_capability(Capability.VIEW) | applicant_owns(),
    rules={
        # Online submission is open to any signed-in applicant (login is required by the view
        # and the API); staff registering a paper application need HANDLE (`register`).
        "submit": anyone("在线申请向已登录并完善申请人信息的公众开放"),
        "register": HANDLE,
        "confirm_receipt": HANDLE,
        "start": HANDLE,
        "request_correction": HANDLE,
        "submit_correction": HANDLE_OR_APPLICANT,
        "lapse_correction": HANDLE,
        "start_consultation": HANDLE,
        "finish_consultation": HANDLE,
        "request_extension": HANDLE,
        "decide_extension": has_capability(Capability.APPROVE_EXTENSION),
        "send_fee_notice": HANDLE,
        "record_payment": HANDLE,
        "lapse_fee": HANDLE,
        "draft_decision": HANDLE,
        "return_draft": has_capability(Capability.REVIEW),
        "approve_decision": has_capability(Capability.REVIEW),
        "serve": HANDLE,
        "close": HANDLE,
        "withdraw": HANDLE_OR_APPLICANT,
        # The applicant's own page and API (actions.APPLICANT_TABLE): their case only.
        "withdraw_own": applicant_owns(refusal=_("只有申请人本人可以撤回自己的申请。")),
        "assign": has_capability(Capability.ASSIGN),
        "split": HANDLE,
        "attach": HANDLE,
        "attach_correction": HANDLE_OR_APPLICANT,
        "strip_metadata": HANDLE,
        # Checking again for similar requests and published items changes nothing in the case.
        "recheck": HANDLE | has_capability(Capability.REVIEW),
    },
)


def handles_or_reviews(user, application) -> bool:
    """Whether the user handles or reviews the agency's cases: they read the applicant's
    personal data in full; those who only read the case (督导, 负责人, 管理员) see it masked."""
    return bool(
        {application.agency_id}
        & (agency_ids_with(user, Capability.HANDLE) | agency_ids_with(user, Capability.REVIEW))
    )


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
