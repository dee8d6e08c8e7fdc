"""The supervisor's roll-up page of a city or province."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required

from ..compute import build
from ..formats import format_for_year
from ..permissions import POLICY
from ..rollup import agency_lines, cell_by_agency, due_rule
from .tables import table_views


def _root(request, code: str):
    root = get_object_or_404(agencies_visible_to(user=request.user), code=code)
    if not POLICY.can_view(request.user, root):
        raise PermissionDenied
    return root


def _year(year: int) -> int:
    if not 2008 <= year <= timezone.localdate().year:
        from django.http import Http404

        raise Http404
    return year


@staff_required
def rollup(request, code: str, year: int):
    root, year = _root(request, code), _year(year)
    data = build(format_for_year(year), root, year, subtree=True)
    tables = table_views(data)
    for view in tables:  # drill-down: each consolidated number links to its split by agency
        for line in view["body"]:
            for column, cell in zip(view["table"].column_keys, line["cells"], strict=True):
                if cell["has_cell"]:
                    key = f"{view['table'].key}:{line['row'].key}.{column}"
                    cell["url"] = reverse("reports_office:rollup_cell", args=[code, year, key])
    lines = agency_lines(root, year)
    return render(
        request,
        "reports/office/rollup.html",
        {
            "root": root,
            "year": year,
            "fmt": data.format,
            "due_rule": due_rule(year),
            "lines": lines,
            "tables": tables,
            "flagged": [line for line in lines if line.problems or line.jumps],
        },
    )


@staff_required
def rollup_cell(request, code: str, year: int, cell: str):
    root, year = _root(request, code), _year(year)
    try:
        split = cell_by_agency(root, year, cell)
    except KeyError:
        from django.http import Http404

        raise Http404 from None
    return render(
        request,
        "reports/office/rollup_cell.html",
        {"root": root, "year": year, "cell": cell, "split": split},
    )
