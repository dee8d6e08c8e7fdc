"""Public pages: an agency's years and one year's facts. Staff appear by position and count
only, never by name."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from gongkai.agencies.models import Agency

from .. import selectors as sel
from .common import valid_year


def _agency(code: str) -> Agency:
    return get_object_or_404(Agency, code=code, is_active=True)


@require_GET
def agency(request, code: str):
    found = _agency(code)
    return render(
        request,
        "facts/agency.html",
        {"agency": found, "years": sel.years_with_facts(found), "locked": sel.locked_years(found)},
    )


@require_GET
def year(request, code: str, year: int):
    found = _agency(code)
    valid_year(year)
    context = sel.public_year(found, year)
    context.update(agency=found, year=year)
    return render(request, "facts/year.html", context)
