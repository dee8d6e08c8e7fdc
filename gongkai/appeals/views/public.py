"""The public page of an agency's reconsideration, litigation and complaint figures: counts per
year laid out like the annual report's table 四, and one year's cases, anonymised. No names."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.agencies.models import Agency
from gongkai.core.params import int_param

from .. import selectors as sel


def chosen_year(value, years) -> int:
    """The asked-for year when it is a plausible one, else the newest year shown."""
    year = int_param(value, minimum=sel.FIRST_YEAR, maximum=timezone.localdate().year)
    return years[0] if year is None else year


@require_GET
def agency(request, code: str):
    found = get_object_or_404(Agency, code=code, is_active=True)
    subtree = request.GET.get("subtree", "") in {"1", "true", "on"}
    agency_ids = sel.agency_ids_for(found, subtree=subtree)
    years = sel.public_years(agency_ids)
    year = chosen_year(request.GET.get("year"), years)
    if year not in years:
        years = sorted({*years, year}, reverse=True)
    rows = sel.year_rows(agency_ids, years)
    return render(
        request,
        "appeals/agency.html",
        {
            "agency": found,
            "subtree": subtree,
            "has_children": found.children.filter(is_active=True).exists(),
            "rows": rows,
            "year": year,
            "selected": next(r for r in rows if r["year"] == year),
            "cases": sel.public_summaries(agency_ids, year),
        },
    )
