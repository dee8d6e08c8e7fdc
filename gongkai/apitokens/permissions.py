"""Who may manage API tokens, and what a token may do. Nothing else decides either.

Managing: an agency's administrator (ADMINISTER there) creates and revokes its tokens, as they
grant its staff roles. A token over the agency's whole subtree is read-only (like the 督导 role)
and may be created only by someone who can already see every agency of that subtree, so a token
never reaches further than its creator.

Using: a token acts as a principal whose scope is its access (read: VIEW; read/write: the
casework of a 信息公开工作人员, HANDLE and ASSIGN) in its agency, or read-only in its subtree,
and nothing more: reviewing (保密审查, approving a reply), approving an extension and administering
are decisions a named person answers for, never a token's. A token writes only through the office
API (/api/office/…): applying, correcting, withdrawing and commenting are a person's own acts.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.policy import Policy, Rule, has_capability
from gongkai.agencies.roles import ROLE_CAPABILITIES, Capability, Role

from .models import Access, ApiToken

ACCESS_CAPABILITIES: dict[str, frozenset[str]] = {
    Access.READ: frozenset({Capability.VIEW}),
    Access.WRITE: ROLE_CAPABILITIES[Role.CLERK],
}


def _agency_of(target) -> Agency:
    return target if isinstance(target, Agency) else target.agency


def _sees_subtree(user, target, agency_id) -> bool:
    subtree = Agency.objects.subtree_of(_agency_of(target)).values_list("id", flat=True)
    return set(subtree) <= agency_ids_with(user, Capability.VIEW)


SEES_SUBTREE = Rule(
    _sees_subtree,
    refusal=_("只有能查看全部下级机关的管理员，才能创建包括下级机关的令牌。"),
    capabilities={Capability.VIEW},
)
ADMINISTER = has_capability(
    Capability.ADMINISTER, refusal=_("只有本机关的管理员可以管理 API 令牌。")
)

POLICY = Policy(
    name="apitokens",
    view=ADMINISTER,
    rules={
        "list": ADMINISTER,
        "create": ADMINISTER,
        "create_subtree": ADMINISTER & SEES_SUBTREE,
        "revoke": ADMINISTER,
    },
)


def token_scope(token: ApiToken) -> dict[str, frozenset[int]]:
    """{capability: agency ids} the token acts with: its access, in its agency or (read-only)
    its subtree; nothing while the agency is not in use."""
    agency = token.agency
    if not agency.is_active:
        return {}
    if token.subtree:
        ids = frozenset(Agency.objects.subtree_of(agency).values_list("id", flat=True))
    else:
        ids = frozenset({agency.pk})
    return {capability: ids for capability in ACCESS_CAPABILITIES[token.access]}


def office_api_prefix() -> str:
    """/api/office/: the staff's endpoints, the only ones a token may write through."""
    return reverse("api:openapi").removesuffix("openapi.json") + "office/"


def may_write_through(path: str) -> bool:
    return path.startswith(office_api_prefix())
