"""The portal's 政府信息公开年报 column: an agency's published reports."""

from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency

from .. import selectors as sel
from ..presentation import public_body
from .office import export_response


def agency_reports(request, code: str):
    agency = get_object_or_404(Agency, code=code, is_active=True)
    return render(
        request,
        "reports/public/list.html",
        {"agency": agency, "reports": sel.published_reports(agency)},
    )


def _published(code: str, year: int, subtree: bool = False):
    agency = get_object_or_404(Agency, code=code, is_active=True)
    return get_object_or_404(sel.published_reports(agency), year=year, subtree=subtree)


def report(request, code: str, year: int):
    found = _published(code, year, subtree=request.GET.get("scope") == "subtree")
    return render(
        request, "reports/public/report.html", {"report": found, "body": public_body(found)}
    )


def download(request, code: str, year: int, kind: str):
    found = _published(code, year, subtree=request.GET.get("scope") == "subtree")
    return export_response(found, kind)
