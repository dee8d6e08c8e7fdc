"""Staff pages of the responses to public concerns: list by year, record, correct, delete."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.agencies.views import staff_required
from gongkai.core.action_views import add_service_error
from gongkai.core.errors import DomainError

from .. import selectors as sel
from .. import services as s
from ..forms import DeleteForm, ResponseForm
from ..models import ConcernResponse
from ..permissions import POLICY
from .common import year_param
from .office_consultations import agencies_for


@staff_required
def index(request):
    year = year_param(request.GET.get("year"))
    rows = sel.office_responses(request.user, year=year)[:300]
    return render(
        request,
        "engagement/office/responses.html",
        {
            "rows": rows,
            "year": year,
            "can_create": bool(agencies_for(request.user, "record_response")),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    agencies = agencies_for(request.user, "record_response")
    if not agencies:
        raise PermissionDenied(_("您没有记录回应关切的岗位。"))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            s.response_record(actor=request.user, agency=agency, **form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已记录。"))
            return redirect("engagement_office:responses")
    status = 400 if form.errors else 200
    context = {"form": form, "agency": agency, "agencies": agencies}
    return render(request, "engagement/office/response_edit.html", context, status=status)


def _visible(request, pk: int) -> ConcernResponse:
    return get_object_or_404(
        ConcernResponse.objects.visible_to(request.user).select_related("agency", "item"), pk=pk
    )


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    record = _visible(request, pk)
    if not POLICY.allows(request.user, "record_response", record):
        raise PermissionDenied(_("您没有修改回应关切记录的岗位。"))
    form = ResponseForm(request.POST or None, initial=ResponseForm.initial_of(record))
    delete_form = DeleteForm(prefix="delete")
    if request.method == "POST" and form.is_valid():
        try:
            s.response_update(actor=request.user, response=record, **form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("engagement_office:responses")
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "response": record,
        "agency": record.agency,
        "delete_form": delete_form,
    }
    return render(request, "engagement/office/response_edit.html", context, status=status)


@staff_required
@require_http_methods(["POST"])
def delete(request, pk: int):
    record = _visible(request, pk)
    form = DeleteForm(request.POST, prefix="delete")
    if form.is_valid():
        try:
            s.response_delete(actor=request.user, response=record, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已删除。"))
            return redirect("engagement_office:responses")
    context = {
        "form": ResponseForm(initial=ResponseForm.initial_of(record)),
        "response": record,
        "agency": record.agency,
        "delete_form": form,
    }
    return render(request, "engagement/office/response_edit.html", context, status=400)
