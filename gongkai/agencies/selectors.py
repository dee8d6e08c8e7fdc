from django.db.models import QuerySet

from .models import Agency, Membership
from .permissions import agency_ids_with
from .roles import Capability


def agencies_visible_to(*, user) -> QuerySet[Agency]:
    return Agency.objects.filter(id__in=agency_ids_with(user, Capability.VIEW))


def agency_get_visible(*, user, pk: int) -> Agency:
    """The agency if the user may see it; Http404 otherwise (same answer as a missing one)."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(agencies_visible_to(user=user), pk=pk)


def memberships_of(*, user) -> QuerySet[Membership]:
    return user.memberships.select_related("agency").order_by("agency__path", "role")


def agency_members(*, agency: Agency) -> QuerySet[Membership]:
    return agency.memberships.select_related("user").order_by("role", "user__username")


def users_with(*, capability: str, agency: Agency):
    """Active users who hold `capability` in this agency: a role held there, or a subtree role
    held above it (the same scope as permissions.can, for choosing people, e.g. a clerk to
    assign a case to)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from .roles import SUBTREE_ROLES, roles_with

    roles = roles_with(capability)
    held = Q(memberships__agency=agency, memberships__role__in=sorted(roles))
    if roles & SUBTREE_ROLES:
        held |= Q(
            memberships__agency_id__in=agency.ancestor_ids(),
            memberships__role__in=sorted(roles & SUBTREE_ROLES),
        )
    users = get_user_model().objects.filter(held, is_active=True)
    return users.distinct().order_by("username")


def memberships_with(*, capability: str, agency_ids) -> QuerySet[Membership]:
    """The memberships held in these agencies whose role gives `capability` (one row per
    person and agency: a workload table's rows)."""
    from .roles import roles_with

    return (
        Membership.objects.filter(
            agency_id__in=agency_ids,
            role__in=sorted(roles_with(capability)),
            user__is_active=True,
        )
        .select_related("user", "agency")
        .order_by("agency__path", "user__username")
    )


def subtree_memberships_below(*, agency: Agency) -> QuerySet[Membership]:
    """The subtree roles (督导) held in agencies below `agency`: those its administrators grant
    and revoke (permissions.membership_refusal)."""
    from .roles import SUBTREE_ROLES

    return (
        Membership.objects.filter(
            agency__path__startswith=agency.path, role__in=sorted(SUBTREE_ROLES)
        )
        .exclude(agency=agency)
        .select_related("user", "agency", "granted_by")
        .order_by("agency__path", "role", "user__username")
    )


def membership_history(*, agency: Agency, with_subtree_roles_below: bool = False):
    """Every grant and revocation of a role in `agency`, newest first, from the audit trail
    (who granted what to whom, when). `with_subtree_roles_below`: also those of subtree roles
    in the agencies below it, which its administrators grant."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from gongkai.core.models import AuditEvent

    from .roles import SUBTREE_ROLES

    held_here = Q(agency=agency)
    if with_subtree_roles_below:
        subtree = sorted(SUBTREE_ROLES)
        held_here |= Q(agency__path__startswith=agency.path) & (
            Q(changes__role__0__in=subtree) | Q(changes__role__1__in=subtree)
        )
    return (
        AuditEvent.objects.filter(
            held_here,
            content_type=ContentType.objects.get_for_model(Membership),
            action__in=["membership.grant", "membership.revoke"],
        )
        .select_related("agency")
        .order_by("-at", "-id")
    )
