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
