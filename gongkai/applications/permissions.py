"""Who may do what to an application: one policy, built from the shared predicates. Services
ask it (through the workflow executor or `POLICY.require`); nothing else decides."""

from django.utils.translation import gettext_lazy as _

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.policy import (
    Policy,
    Rule,
    anyone,
    applicant_owns,
    author_excluded,
    has_capability,
)
from gongkai.agencies.roles import Capability

from .states import WORKFLOW

HANDLE = has_capability(Capability.HANDLE)
# What the applicant may do on their own case (and staff for them, from a letter or a call).
HANDLE_OR_APPLICANT = HANDLE | applicant_owns(refusal=_("申请人不能执行此操作。"))
# Four eyes: the reply is reviewed by someone other than its drafter, even when the drafter
# also holds the reviewer role (a small office may give one person both). The database refuses
# it too (application_reviewer_is_not_the_drafter).
REVIEW_NOT_DRAFTER = has_capability(Capability.REVIEW) & author_excluded(
    "decided_by_id", refusal=_("不能审核自己拟定的答复，请由其他审核人审核。")
)

# An API token acts for a system, not a person: it never reads a full identity number.
PERSON_ONLY = Rule(
    lambda user, target, agency_id: not hasattr(user, "api_token"),
    refusal=_("API令牌不能显示完整证件号码。"),
)

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
        "return_draft": REVIEW_NOT_DRAFTER,
        "approve_decision": REVIEW_NOT_DRAFTER,
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
        # Reading is not an action on the case, but showing the applicant's full identity
        # number is decided here like one: only the staff handling the agency's cases, and
        # each time it is audited (services/personal.py).
        "reveal_identity": has_capability(
            Capability.HANDLE, refusal=_("只有承办本申请的工作人员可以显示完整证件号码。")
        )
        & PERSON_ONLY,
    },
)


def handles(user, application) -> bool:
    """Whether the user handles the agency's cases (HANDLE): they read the applicant's contact
    in full (they call and post), open the identity papers, and may reveal the full identity
    number, each time audited. Everyone else who reads the case (审核人, 督导, 负责人, 管理员)
    sees the masked forms (personal.py)."""
    return POLICY.allows(user, "reveal_identity", application)


def handles_or_reviews(user, application) -> bool:
    """Whether the user handles or reviews the agency's cases: they may open the original a
    released copy was redacted from (the reviewer checks the redaction against it; every look
    is audited)."""
    return bool(
        {application.agency_id}
        & (agency_ids_with(user, Capability.HANDLE) | agency_ids_with(user, Capability.REVIEW))
    )
