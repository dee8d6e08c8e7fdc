"""Who may see or do what in which agency. Views and services ask here, nowhere else.

Scope rules: a role's capabilities apply to the agency the membership is held in; supervisor
memberships reach the agency's whole subtree (read-only). Platform superusers see everything.
A synthetic principal (an API token's, gongkai.apitokens) holds no memberships: it is given its
scope once, with `assume_scope`, and every check below reads that scope instead.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Agency
from .roles import ROLE_CAPABILITIES, SUBTREE_ROLES, Capability

_CACHE_ATTR = "_gongkai_agency_scope"
_ASSUMED_ATTR = "_gongkai_assumed_scope"


def assume_scope(principal, scope: Mapping[str, Iterable[int]]) -> None:
    """Give a synthetic principal its scope, {capability: agency ids}, in place of memberships
    and superuser status (an API token's: its access within its agency or subtree). Nothing
    widens it afterwards; `forget_scope` keeps it."""
    setattr(principal, _ASSUMED_ATTR, {cap: frozenset(ids) for cap, ids in scope.items()})


def _scope(user) -> dict[str, frozenset[int]]:
    """{capability: agency ids}, computed once per user object (i.e. once per request)."""
    assumed = getattr(user, _ASSUMED_ATTR, None)
    if assumed is not None:
        return assumed
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user is None or not user.is_authenticated or not user.is_active:
        scope: dict[str, frozenset[int]] = {}
    elif user.is_superuser:
        every = frozenset(Agency.objects.values_list("id", flat=True))
        scope = {cap: every for cap in Capability.values}
    else:
        grants: dict[str, set[int]] = {}
        for membership in user.memberships.select_related("agency"):
            if membership.role in SUBTREE_ROLES:
                ids = set(Agency.objects.subtree_of(membership.agency).values_list("id", flat=True))
            else:
                ids = {membership.agency_id}
            for cap in ROLE_CAPABILITIES[membership.role]:
                grants.setdefault(cap, set()).update(ids)
        scope = {cap: frozenset(ids) for cap, ids in grants.items()}
    if user is not None:
        setattr(user, _CACHE_ATTR, scope)
    return scope


def forget_scope(user) -> None:
    """Call after a user's memberships change within the same request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def agency_ids_with(user, capability: str) -> frozenset[int]:
    return _scope(user).get(capability, frozenset())


def is_staff_member(user) -> bool:
    return bool(agency_ids_with(user, Capability.VIEW))


def can(user, capability: str, agency: Agency | int) -> bool:
    agency_id = agency if isinstance(agency, int) else agency.pk
    return agency_id in agency_ids_with(user, capability)


def require(user, capability: str, agency: Agency | int) -> None:
    """404 when the user cannot even see the agency (no leak of its existence), 403 when the
    user can see it but lacks the capability (e.g. a supervisor trying to write)."""
    if not can(user, Capability.VIEW, agency):
        raise Http404
    if not can(user, capability, agency):
        raise PermissionDenied


# Granting and revoking roles ---------------------------------------------------------------


def administers_an_ancestor(user, agency: Agency) -> bool:
    """Whether the user administers an agency above `agency` (not `agency` itself)."""
    return bool(set(agency.ancestor_ids()) & agency_ids_with(user, Capability.ADMINISTER))


def membership_refusal(actor, *, agency: Agency, role: str, user, revoking: bool = False):
    """Why `actor` may not grant `role` in `agency` to `user` (or revoke it); None if they may.

    Least privilege: nobody grants or revokes a role of their own, since an administrator
    could otherwise make himself 督导 or hold both sides of the four-eyes rule; a subtree role
    (督导 reads the agency's whole subtree) is granted and revoked only by the platform
    administrator or an administrator of an agency above it, never by the agency's own
    administrator; any other role by the agency's administrator. actor None is the system
    itself (the demo loader, migrations)."""
    if actor is None:
        return None
    if user is not None and user.pk == actor.pk:
        if revoking:
            return _("不能撤销自己的岗位，请由其他管理员办理。")
        return _("不能给自己授予岗位，请由其他管理员办理。")
    if actor.is_superuser:
        return None
    if role in SUBTREE_ROLES:
        if administers_an_ancestor(actor, agency):
            return None
        if revoking:
            return _("督导岗位可查看本机关及全部下级机关，只能由上级机关的管理员或平台管理员撤销。")
        return _("督导岗位可查看本机关及全部下级机关，只能由上级机关的管理员或平台管理员授予。")
    if can(actor, Capability.ADMINISTER, agency):
        return None
    if revoking:
        return _("只有本机关的管理员可以撤销岗位。")
    return _("只有本机关的管理员可以授予岗位。")


def may_manage_memberships(user, agency: Agency) -> bool:
    """Whether the user may grant or revoke some role in `agency` (the agency's administrator,
    an administrator above it for the subtree roles, the platform administrator): whether a
    refusal is a 403 in words rather than the 404 of an agency they cannot see."""
    return (
        user.is_superuser
        or can(user, Capability.ADMINISTER, agency)
        or administers_an_ancestor(user, agency)
    )


def require_membership_change(actor, *, agency: Agency, role: str, user, revoking=False):
    """The services' check: 404 for an agency the actor has nothing to do with, 403 with the
    rule's words otherwise."""
    refusal = membership_refusal(actor, agency=agency, role=role, user=user, revoking=revoking)
    if refusal is None:
        return
    if not can(actor, Capability.VIEW, agency) and not may_manage_memberships(actor, agency):
        raise Http404
    raise PermissionDenied(refusal)
