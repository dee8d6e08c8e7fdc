"""The applicant's pages (我的申请) and the public lookup by 受理编号 + 查询码."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.core.action_views import action_forms, action_post
from gongkai.core.client import client_address
from gongkai.core.errors import DomainError
from gongkai.core.files import file_response

from .. import services as s
from ..actions import APPLICANT_TABLE
from ..deadlines import applicant_deadlines
from ..forms import CorrectionSubmitForm, OnlineApplicationForm, QueryForm
from ..models import ApplicationDocument
from ..permissions import POLICY
from ..selectors import (
    application_by_query_code,
    applications_of,
    documents_for,
    reply_deadline_explained,
    timeline,
)
from ..states import Status

QUERY_ATTEMPTS = 10  # per client IP per window
QUERY_WINDOW = 15 * 60


def _errors_into(form, error):
    if isinstance(error, DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
    else:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)


@login_required
def mine(request):
    return render(
        request,
        "applications/applicant/mine.html",
        {"applications": applications_of(applicant=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    if not hasattr(request.user, "applicant_profile"):
        messages.info(request, _("提出申请前，请先完善申请人信息（身份证明与联系方式）。"))
        return redirect("accounts:profile")
    form = OnlineApplicationForm(
        request.POST or None, request.FILES or None, initial={"agency": request.GET.get("agency")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            application, code = s.application_submit_online(
                applicant=request.user,
                agency=data.pop("agency"),
                identity_proof=data.pop("identity_proof"),
                **data,
            )
        except (DomainError, ValidationError) as error:
            _errors_into(form, error)
        else:
            request.session["new_query_code"] = {"number": application.number, "code": code}
            return redirect("applications:detail", pk=application.pk)
    return render(request, "applications/applicant/new.html", {"form": form})


def _detail_context(request, application, bound=None):
    """The applicant's case page. `bound`: (action, form) of a refused step of APPLICANT_TABLE,
    shown again with its errors; when the step is no longer possible, only its errors."""
    offered = {
        name: form
        for name, _label, form, _action in action_forms(
            APPLICANT_TABLE, request.user, application, bound=bound
        )
    }
    return {
        "application": application,
        "deadline": reply_deadline_explained(application),
        "case_deadlines": applicant_deadlines(application),
        "timeline": timeline(application, for_applicant=True),
        "documents": documents_for(user=request.user, application=application),
        "correction_form": CorrectionSubmitForm(prefix="submit_correction")
        if application.status == Status.AWAITING_CORRECTION
        else None,
        "withdraw_form": offered.get("withdraw"),
        "refused_form": bound[1] if bound and bound[0] not in offered else None,
        "open_action": bound[0] if bound else None,
    }


@login_required
def detail(request, pk: int):
    application = get_object_or_404(applications_of(applicant=request.user), pk=pk)
    context = _detail_context(request, application)
    context["new_code"] = request.session.pop("new_query_code", None)
    return render(request, "applications/applicant/detail.html", context)


@login_required
@require_POST
def submit_correction(request, pk: int):
    application = get_object_or_404(applications_of(applicant=request.user), pk=pk)
    form = CorrectionSubmitForm(request.POST, prefix="submit_correction")
    if form.is_valid():
        try:
            s.application_submit_correction(
                actor=request.user, application=application, text=form.cleaned_data["text"]
            )
        except (DomainError, ValidationError) as error:
            messages.error(request, getattr(error, "message", None) or "；".join(error.messages))
        else:
            messages.success(request, _("补正已提交，答复期限自今日起重新计算。"))
    else:
        messages.error(request, _("请填写补正内容。"))
    return redirect("applications:detail", pk=pk)


@login_required
@require_POST
def withdraw(request, pk: int):
    """撤回申请: the applicant's own case, with 我已确认 ticked (the action's confirmation) and
    an optional reason. Refused input shows the page again (400) and changes nothing."""
    application = get_object_or_404(applications_of(applicant=request.user), pk=pk)
    return action_post(
        request,
        table=APPLICANT_TABLE,
        target=application,
        name="withdraw",
        success_url=reverse("applications:detail", args=[pk]),
        template="applications/applicant/detail.html",
        context=lambda bound: _detail_context(request, application, bound=bound),
    )


def download(request, pk: int):
    """A case document, for staff of the agency or the applicant once it is visible to them."""
    document = get_object_or_404(ApplicationDocument.objects.select_related("application"), pk=pk)
    application = document.application
    POLICY.require_view(request.user, application)
    if not documents_for(user=request.user, application=application).filter(pk=pk).exists():
        raise Http404
    # An original a released copy was redacted from, or the applicant's identity papers: staff
    # open them only on purpose, and every look is recorded.
    s.application_document_opened(actor=request.user, document=document)
    return file_response(document)


@require_http_methods(["GET", "POST"])
def query(request):
    """Look a case up without logging in. Attempts are limited per client address, and the
    code is 10 characters from 31, so guessing is hopeless."""
    form = QueryForm(request.POST or None)
    application = None
    if request.method == "POST" and form.is_valid():
        key = f"gongkai:query-attempts:{client_address(request)}"
        attempts = cache.get(key, 0)
        if attempts >= QUERY_ATTEMPTS:
            form.add_error(None, _("查询过于频繁，请15分钟后再试。"))
            return render(request, "applications/applicant/query.html", {"form": form}, status=429)
        application = application_by_query_code(
            number=form.cleaned_data["number"], code=form.cleaned_data["code"]
        )
        if application is None:
            cache.set(key, attempts + 1, QUERY_WINDOW)
            form.add_error(None, _("受理编号或查询码不正确。"))
    context = {"form": form, "application": application}
    if application is not None:
        context["deadline"] = reply_deadline_explained(application)
        context["case_deadlines"] = applicant_deadlines(application)
        context["timeline"] = timeline(application, for_applicant=True)
    return render(request, "applications/applicant/query.html", context)
