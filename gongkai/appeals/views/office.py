"""Staff pages: the case list with filters, recording a case, its page (outcome, files,
history), editing it while open and correcting it once closed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post, add_service_error
from gongkai.core.errors import DomainError
from gongkai.core.files import file_response
from gongkai.core.next_steps import next_steps

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..actions import TABLE
from ..models import AppealCase, AppealDocument
from ..permissions import POLICY


def _visible_case(request, pk: int) -> AppealCase:
    queryset = AppealCase.objects.visible_to(request.user).select_related(
        "agency", "application", "reconsideration"
    )
    return get_object_or_404(queryset, pk=pk)


def _handling_agencies(user):
    return [a for a in agencies_visible_to(user=user) if POLICY.allows(user, "create", a)]


@staff_required
@require_GET
def index(request):
    filters = f.FilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    cases = sel.office_cases(
        request.user,
        kind=data.get("kind") or "",
        year=data.get("year"),
        outcome=data.get("outcome") or "",
        text=(data.get("q") or "").strip(),
    )[:200]
    return render(
        request,
        "appeals/office/index.html",
        {
            "filters": filters,
            "cases": cases,
            "can_create": bool(_handling_agencies(request.user)),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    agencies = _handling_agencies(request.user)
    if not agencies:
        raise PermissionDenied(_("您没有登记复议、诉讼和投诉案件的岗位。"))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])
    form = f.RecordedCaseForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            case = s.appeal_create(actor=request.user, agency=agency, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已登记。"))
            return redirect("appeals_office:case", pk=case.pk)
    return render(
        request,
        "appeals/office/edit.html",
        {"form": form, "agency": agency, "agencies": agencies},
    )


def _case_context(request, case, *, bound=None) -> dict:
    user = request.user
    return {
        "case": case,
        "agency": case.agency,
        "documents": case.documents.all(),
        "later_suits": case.later_suits.all(),
        "history": sel.case_history(case),
        "can_edit": POLICY.allows(user, "correct" if case.is_closed else "edit", case),
        "can_detach": POLICY.allows(user, "detach", case),
        "action_forms": action_forms(TABLE, user, case, bound=bound),
        "next_step": next_steps(TABLE, case, user=user),
    }


@staff_required
@require_GET
def case(request, pk: int):
    found = _visible_case(request, pk)
    return render(request, "appeals/office/case.html", _case_context(request, found))


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    """An open case is edited; a closed one corrected, with a reason."""
    found = _visible_case(request, pk)
    form_class = f.CorrectionForm if found.is_closed else f.CaseForm
    initial = form_class.initial_of(found)
    form = form_class(request.POST or None, agency=found.agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            s.appeal_update(actor=request.user, case=found, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已更正。") if found.is_closed else _("已保存。"))
            return redirect("appeals_office:case", pk=pk)
    return render(
        request, "appeals/office/edit.html", {"form": form, "case": found, "agency": found.agency}
    )


@staff_required
@require_POST
def act(request, pk: int, action: str):
    """One action of the case page's table (record the outcome, upload a file)."""
    found = _visible_case(request, pk)

    return action_post(
        request,
        table=TABLE,
        target=found,
        name=action,
        success_url=reverse("appeals_office:case", args=[pk]),
        template="appeals/office/case.html",
        context=lambda bound: _case_context(request, found, bound=bound),
    )


@staff_required
@require_GET
def document(request, pk: int, document_pk: int):
    """Case files are for staff who can see the agency, never public."""
    found = _visible_case(request, pk)
    POLICY.require_view(request.user, found)
    file = get_object_or_404(AppealDocument, case=found, pk=document_pk)
    return file_response(file, inline=file.content_type.startswith("image/"))


@staff_required
@require_POST
def remove_document(request, pk: int, document_pk: int):
    found = _visible_case(request, pk)
    file = get_object_or_404(AppealDocument, case=found, pk=document_pk)
    s.document_remove(actor=request.user, document=file)
    messages.success(request, _("已删除材料。"))
    return redirect("appeals_office:case", pk=pk)
