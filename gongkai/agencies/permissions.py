"""Who may see or do what in which agency. Views and services ask here, nowhere else.

Scope rules: a role's capabilities apply to the agency the membership is held in; supervisor
memberships reach the agency's whole subtree (read-only). Platform superusers see everything.
A synthetic principal (an API token's, gongkai.apitokens) holds no memberships: it is given its
scope once, with `assume_scope`, and every check below reads that scope instead.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied
from django.http import Http404

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
