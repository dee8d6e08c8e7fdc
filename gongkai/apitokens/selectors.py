"""Reads of API tokens."""

from django.db.models import QuerySet

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability

from .models import ApiToken, digest_of


def tokens_of(*, agency: Agency) -> QuerySet[ApiToken]:
    """The agency's tokens, in use first, then newest first."""
    return (
        ApiToken.objects.filter(agency=agency)
        .select_related("agency", "created_by", "revoked_by")
        .order_by("revoked_at", "-created_at")
    )


def tokens_managed_by(*, user) -> QuerySet[ApiToken]:
    """Tokens of the agencies the user administers."""
    return ApiToken.objects.filter(
        agency_id__in=agency_ids_with(user, Capability.ADMINISTER)
    ).select_related("agency", "created_by", "revoked_by")


def token_by_secret(secret: str) -> ApiToken | None:
    """The token a secret is, revoked or expired ones included (the caller says which)."""
    return (
        ApiToken.objects.filter(digest=digest_of(secret))
        .select_related("agency", "principal")
        .first()
    )
