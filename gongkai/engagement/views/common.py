"""Small helpers shared by the engagement pages."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from gongkai.agencies.models import Agency

from ..exports import comments_workbook, export_filename

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def public_agency(code: str) -> Agency:
    return get_object_or_404(Agency, code=code, is_active=True)


def year_param(value) -> int | None:
    value = str(value or "")
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else None


def form_error(form, error) -> None:
    """Show a service's refusal on the form: on its field when the form has one."""
    if isinstance(error, ValidationError):
        form.add_error(None, "；".join(error.messages))
    else:
        form.add_error(error.field if error.field in form.fields else None, error.message)


def workbook_response(consultation, *, with_assessment=None) -> HttpResponse:
    response = HttpResponse(
        comments_workbook(consultation, with_assessment=with_assessment), content_type=XLSX_TYPE
    )
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{quote(export_filename(consultation))}"
    )
    return response
