"""Public pages: each agency's 权力清单 and 责任清单 as they stand today or stood on any past
date (?date=YYYY-MM-DD), each item with its history, and the 调整记录. All GET, no JS."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.agencies.models import Agency

from .. import selectors as sel
from ..forms import AdjustmentFilterForm, AsOfForm
from ..models import PowerType


def _agency(code: str) -> Agency:
    return get_object_or_404(Agency, code=code, is_active=True)


def _as_of(request):
    """The date asked for (today when none), the form, and the status: 400 for a bad date,
    which is explained on the page while today's list is shown."""
    form = AsOfForm(request.GET)
    if form.is_valid():
        return form.cleaned_data["date"] or timezone.localdate(), form, 200
    return timezone.localdate(), form, 400


@require_GET
def index(request):
    return render(request, "powerlists/index.html", {"agencies": sel.agencies_with_lists()})


def _list_page(request, code: str, template: str):
    agency = _agency(code)
    date, form, status = _as_of(request)
    power_type = request.GET.get("type", "")
    if power_type not in PowerType.values:
        power_type = ""
    versions = sel.list_as_of(agency, date)
    shown = [v for v in versions if v.power_type == power_type] if power_type else versions
    context = {
        "agency": agency,
        "date": date,
        "is_today": date == timezone.localdate(),
        "form": form,
        "versions": shown,
        "total": len(versions),
        "type_counts": sel.type_counts(versions),
        "power_type": power_type,
        "first": sel.first_publication([agency.pk]),
    }
    return render(request, template, context, status=status)


@require_GET
def power_list(request, code: str):
    return _list_page(request, code, "powerlists/list.html")


@require_GET
def duty_list(request, code: str):
    return _list_page(request, code, "powerlists/duties.html")


@require_GET
def item(request, code: str, item_code: str):
    agency = _agency(code)
    power_item = sel.public_item(agency, item_code)
    if power_item is None:
        raise Http404
    date, form, status = _as_of(request)
    context = {
        "agency": agency,
        "item": power_item,
        "date": date,
        "is_today": date == timezone.localdate(),
        "form": form,
        "state": sel.item_as_of(power_item, date),
        "versions": sel.history(power_item),
    }
    return render(request, "powerlists/item.html", context, status=status)


@require_GET
def adjustments(request, code: str):
    agency = _agency(code)
    form = AdjustmentFilterForm(request.GET)
    year, kind = None, ""
    if form.is_valid():
        year, kind = form.cleaned_data["year"], form.cleaned_data["kind"]
    context = {
        "agency": agency,
        "form": form,
        "year": year,
        "kind": kind,
        "years": sel.adjustment_years(agency),
        "versions": sel.adjustments(agency, year=year, change_kind=kind),
    }
    return render(
        request, "powerlists/adjustments.html", context, status=200 if form.is_valid() else 400
    )
