"""Staff pages of the dated records, one set for all six kinds (kinds.KINDS)."""

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.views import staff_required
from gongkai.core.action_views import add_service_error
from gongkai.core.errors import DomainError

from .. import services as s
from ..forms import RECORD_FORMS, record_initial
from ..kinds import KINDS
from ..permissions import POLICY
from ..selectors import locked_years, plain_decimal
from .common import staff_agency


def _kind(slug: str):
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


@staff_required
def record_list(request, code: str, kind: str):
    found = staff_agency(request, code)
    spec = _kind(kind)
    records = spec.model.objects.filter(agency=found).order_by(
        *(f"-{n}" for n in (spec.dates[:1] or (spec.year_field,))), "-pk"
    )
    return render(
        request,
        "facts/office/records.html",
        {
            "agency": found,
            "kind": spec,
            "columns": [spec.model._meta.get_field(n).verbose_name for n in spec.fields],
            "rows": [(r, [_display(r, n) for n in spec.fields]) for r in records],
            "can_record": POLICY.allows(request.user, "record", found.pk),
            "locked": sorted(locked_years(found)),
        },
    )


def _display(record, name: str):
    value = getattr(record, name)
    field = record._meta.get_field(name)
    if field.choices:
        return getattr(record, f"get_{name}_display")()
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain_decimal(value)
    return "—" if value in (None, "") else value


@staff_required
@require_http_methods(["GET", "POST"])
def record_new(request, code: str, kind: str):
    found = staff_agency(request, code, "record")
    spec = _kind(kind)
    form = RECORD_FORMS[kind](request.POST or None, agency=found)
    if request.method == "POST" and form.is_valid():
        try:
            s.record_create(actor=request.user, agency=found, kind=kind, values=form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("facts_office:records", code=code, kind=kind)
    return render(
        request,
        "facts/office/record_form.html",
        {"agency": found, "kind": spec, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def record_edit(request, code: str, kind: str, pk: int):
    found = staff_agency(request, code, "record")
    spec = _kind(kind)
    record = get_object_or_404(spec.model, agency=found, pk=pk)
    form = RECORD_FORMS[kind](request.POST or None, agency=found, initial=record_initial(record))
    if request.method == "POST" and form.is_valid():
        try:
            s.record_update(actor=request.user, record=record, values=form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("facts_office:records", code=code, kind=kind)
    return render(
        request,
        "facts/office/record_form.html",
        {"agency": found, "kind": spec, "form": form, "record": record},
        status=400 if form.errors else 200,
    )


@staff_required
@require_POST
def record_delete(request, code: str, kind: str, pk: int):
    found = staff_agency(request, code, "record")
    spec = _kind(kind)
    record = get_object_or_404(spec.model, agency=found, pk=pk)
    try:
        s.record_delete(actor=request.user, record=record)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已删除：%(r)s") % {"r": record})
    return redirect("facts_office:records", code=code, kind=kind)
