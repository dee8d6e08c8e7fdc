"""Staff pages: the work queue with its filters and pages, the workload per clerk, registering
offline applications, and the case page whose actions come from the application's action table
(actions.TABLE): each a form and one service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to, memberships_with
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post, add_service_error
from gongkai.core.errors import DomainError
from gongkai.core.next_steps import next_steps
from gongkai.core.paging import paginate
from gongkai.core.panels import render_panels
from gongkai.deadlines.selectors import reminder_workdays
from gongkai.regimes import regime_for

from .. import forms as f
from .. import services as s
from ..actions import TABLE
from ..deadlines import case_deadlines
from ..filters import PAGE_SIZE as QUEUE_PAGE_SIZE
from ..filters import QueueFilterForm
from ..personal import applicant_shown
from ..selectors import (
    applications_visible_to,
    documents_for,
    mark_urgency,
    queue_cases,
    queue_rows,
    reply_deadline_explained,
    request_checks,
    timeline,
)
from ..selectors import workload as workload_of


@staff_required
def queue(request):
    """Every case of the user's agencies, by the filters of filters.QueueFilterForm, in
    numbered pages. A bad parameter is the form's error (400), not a 500."""
    form = QueueFilterForm(request.GET, user=request.user)
    visible = agencies_visible_to(user=request.user)
    clerks = {m.user for m in memberships_with(capability=Capability.HANDLE, agency_ids=visible)}
    form.offer_assignees(sorted(clerks, key=lambda user: user.get_username()))
    context = {
        "form": form,
        "soon_workdays": reminder_workdays(),
        "can_register": any(can(request.user, Capability.HANDLE, a) for a in visible),
    }
    if not form.is_valid():
        return render(request, "applications/staff/queue.html", context, status=400)
    pager = paginate(
        queue_cases(user=request.user, **form.filters),
        form.cleaned_data["page"],
        size=QUEUE_PAGE_SIZE,
        fetch=queue_rows,
    )
    mark_urgency(pager.items)
    context.update(pager=pager, cases=pager.items, agency=form.cleaned_data["agency"])
    return render(request, "applications/staff/queue.html", context)


@staff_required
def workload(request):
    """Per clerk: open cases, overdue, due today, due within the reminder window."""
    return render(
        request,
        "applications/staff/workload.html",
        {"rows": workload_of(user=request.user), "soon_workdays": reminder_workdays()},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def register(request):
    handling = [
        a for a in agencies_visible_to(user=request.user) if can(request.user, Capability.HANDLE, a)
    ]
    agency_id = request.POST.get("agency") or request.GET.get("agency")
    agency = next(
        (a for a in handling if str(a.pk) == str(agency_id)), handling[0] if handling else None
    )
    if agency is None:
        messages.error(request, _("您没有登记申请的岗位。"))
        return redirect("applications_office:queue")
    form = f.StaffRegisterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        try:
            application, code = s.application_register(actor=request.user, agency=agency, **data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("已登记，受理编号 %(number)s，查询码 %(code)s（请告知申请人，系统不再显示）。")
                % {"number": application.number, "code": code},
            )
            return redirect("applications_office:case", pk=application.pk)
    return render(
        request,
        "applications/staff/register.html",
        {"form": form, "agency": agency, "agencies": handling},
    )


def _case_context(request, application, bound=None, revealed=""):
    # The hints cite the articles of the case's regime (today's, before receipt fixes it).
    regime = application.regime_obj or regime_for(timezone.localdate())
    checks = request_checks(application)  # stored: not recomputed on every view
    forms = action_forms(TABLE, request.user, application, bound=bound)
    return {
        "regime": regime,
        "repeat_outcome": regime.find_outcome("np_repeat"),
        "application": application,
        # The applicant's identity number masked (in full only in the answer to a reveal), the
        # contact in full only for those handling the case (personal.py).
        "applicant": applicant_shown(request.user, application, revealed=revealed),
        "deadline": reply_deadline_explained(application),
        "timeline": timeline(application),
        "documents": documents_for(user=request.user, application=application),
        "consultations": application.consultations.all(),
        "extensions": application.extension_requests.all(),
        # 重新检查 is offered beside the checks' results, not among the case's steps.
        "action_forms": [entry for entry in forms if entry[0] != "recheck"],
        "recheck": next((entry for entry in forms if entry[0] == "recheck"), None),
        "next_step": next_steps(TABLE, application, user=request.user),
        "case_deadlines": case_deadlines(application),
        "split_parts": application.split_parts.all(),
        "similar": checks.similar,
        "published_matches": checks.published,
        "checked_at": checks.checked_at,
        # What other apps show here (letters: the draft 答复书 while it awaits review).
        "panels": render_panels("applications.case", request, application),
    }


@staff_required
def case(request, pk: int):
    application = get_object_or_404(
        applications_visible_to(user=request.user).select_related("agency", "applicant"), pk=pk
    )
    return render(request, "applications/staff/case.html", _case_context(request, application))


@staff_required
@require_POST
def act(request, pk: int, action: str):
    application = get_object_or_404(applications_visible_to(user=request.user), pk=pk)

    return action_post(
        request,
        table=TABLE,
        target=application,
        name=action,
        # An action whose result has a staff page of its own (another app's, registered on
        # this table: a redaction) leads to it; any other returns to the case.
        success_url=lambda result: (
            getattr(result, "office_url", None) or reverse("applications_office:case", args=[pk])
        ),
        template="applications/staff/case.html",
        context=lambda bound: _case_context(request, application, bound=bound),
    )


@staff_required
@require_POST
def reveal_identity(request, pk: int):
    """显示完整号码: the case page once, with the applicant's full identity number, for the
    staff handling the case (403 for the others); each reveal is audited. Nothing is kept: the
    next view of the page shows the masked number again."""
    application = get_object_or_404(
        applications_visible_to(user=request.user).select_related("agency", "applicant"), pk=pk
    )
    number = s.application_reveal_identity(actor=request.user, application=application)
    response = render(
        request,
        "applications/staff/case.html",
        _case_context(request, application, revealed=number),
    )
    response["Cache-Control"] = "no-store"
    return response
