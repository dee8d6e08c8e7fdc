"""Helpers the facts pages share: finding the agency and year a URL names."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.agencies.selectors import agencies_visible_to

from ..models.records import MIN_YEAR
from ..permissions import POLICY


def staff_agency(request, code: str, action: str | None = None):
    """The agency to read (`action` None) or to act on: 404 for an agency the user cannot see;
    403 when seen without the capability."""
    agency = get_object_or_404(agencies_visible_to(user=request.user), code=code)
    allowed = (
        POLICY.can_view(request.user, agency)
        if action is None
        else POLICY.allows(request.user, action, agency)
    )
    if not allowed:
        raise PermissionDenied(_("您没有办理该机关此项工作的岗位。"))
    return agency


def valid_year(year: int, *, ahead: int = 0) -> int:
    if not (MIN_YEAR <= year <= timezone.localdate().year + ahead):
        raise Http404
    return year
