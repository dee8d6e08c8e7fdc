"""Small helpers shared by the engagement pages."""

from urllib.parse import quote

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from gongkai.agencies.models import Agency
from gongkai.core.params import int_param

from ..exports import comments_workbook, export_filename

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def public_agency(code: str) -> Agency:
    return get_object_or_404(Agency, code=code, is_active=True)


def year_param(value) -> int | None:
    """A year of the list's filter, or None (every year) for anything else."""
    return int_param(value, minimum=1990, maximum=2100)


def workbook_response(consultation, *, with_assessment=None) -> HttpResponse:
    response = HttpResponse(
        comments_workbook(consultation, with_assessment=with_assessment), content_type=XLSX_TYPE
    )
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{quote(export_filename(consultation))}"
    )
    return response
