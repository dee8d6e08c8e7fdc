"""The holiday table is installation-wide: platform administrators and the administrators of a
top-level agency (e.g. a province's 政务公开办) may load notices."""

from gongkai.agencies.roles import Role


def can_manage_calendar(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.memberships.filter(role=Role.ADMIN, agency__parent__isnull=True).exists()
