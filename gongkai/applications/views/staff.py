"""Staff pages: the work queue, registering offline applications, and the case page whose
actions come from one table (ACTIONS) — each action is a form and one service call."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to, agency_get_visible
from gongkai.agencies.views import staff_required
from gongkai.core.errors import DomainError

from .. import forms as f
from .. import services as s
from ..permissions import ACTION_CAPABILITY
from ..selectors import (
    applications_visible_to,
    documents_for,
    reply_deadline_explained,
    timeline,
    work_queue,
)
from ..similarity import possibly_published, similar_applications
from ..states import Status, allowed_actions


class NoInput(forms.Form):
    pass


def _confirm(actor, app, d):
    date_field = "signed_on" if app.channel == "registered_mail" else "confirmed_on"
    return s.application_confirm_receipt(
        actor=actor, application=app, **{date_field: d["confirmed_on"]}
    )


def _split(actor, app, d):
    titles = [line.strip() for line in d["titles"].splitlines() if line.strip()]
    return s.application_split(
        actor=actor, application=app, parts=[{"info_title": t} for t in titles]
    )


def _attach(actor, app, d):
    return s.application_attach(
        actor=actor, application=app, kind=d["kind"], upload=d["upload"], title=d["title"]
    )


@dataclass(frozen=True)
class Action:
    label: str
    form: type[forms.Form]
    run: Callable
    transition: bool = True  # shown only when the status allows it


ACTIONS: dict[str, Action] = {
    "confirm_receipt": Action(_l("确认收到申请"), f.ConfirmReceiptForm, _confirm),
    "start": Action(
        _("开始办理"), NoInput, lambda a, app, d: s.application_start(actor=a, application=app)
    ),
    "request_correction": Action(
        _("告知补正"),
        f.CorrectionRequestForm,
        lambda a, app, d: s.application_request_correction(actor=a, application=app, **d),
    ),
    "submit_correction": Action(
        _("登记收到补正"),
        f.CorrectionSubmitForm,
        lambda a, app, d: s.application_submit_correction(
            actor=a, application=app, text=d["text"], corrected_on=d["corrected_on"]
        ),
    ),
    "lapse_correction": Action(
        _("逾期未补正，不再处理"),
        NoInput,
        lambda a, app, d: s.application_lapse_correction(actor=a, application=app),
    ),
    "start_consultation": Action(
        _("征求第三方或其他机关意见"),
        f.ConsultationStartForm,
        lambda a, app, d: s.application_start_consultation(actor=a, application=app, **d),
    ),
    "finish_consultation": Action(
        _("登记收到意见"),
        f.ConsultationFinishForm,
        lambda a, app, d: s.application_finish_consultation(actor=a, application=app, **d),
    ),
    "request_extension": Action(
        _("申请延期"),
        f.ExtensionRequestForm,
        lambda a, app, d: s.application_request_extension(
            actor=a, application=app, reason=d["reason"]
        ),
    ),
    "decide_extension": Action(
        _("审批延期"),
        f.ExtensionDecisionForm,
        lambda a, app, d: s.application_decide_extension(
            actor=a, application=app, approve=d["approve"], note=d["note"]
        ),
    ),
    "send_fee_notice": Action(
        _("发出收费通知"),
        f.FeeNoticeForm,
        lambda a, app, d: s.application_send_fee_notice(actor=a, application=app, **d),
    ),
    "record_payment": Action(
        _("登记缴费"),
        f.PaymentForm,
        lambda a, app, d: s.application_record_payment(
            actor=a, application=app, paid_on=d["paid_on"]
        ),
    ),
    "lapse_fee": Action(
        _("逾期未缴费，不再处理"),
        NoInput,
        lambda a, app, d: s.application_lapse_fee(actor=a, application=app),
    ),
    "draft_decision": Action(
        _("拟定答复"),
        f.DecisionForm,
        lambda a, app, d: s.application_draft_decision(actor=a, application=app, **d),
    ),
    "return_draft": Action(
        _("退回答复稿"),
        f.NoteForm,
        lambda a, app, d: s.application_return_draft(actor=a, application=app, note=d["note"]),
    ),
    "approve_decision": Action(
        _("审核通过答复"),
        NoInput,
        lambda a, app, d: s.application_approve_decision(actor=a, application=app),
    ),
    "serve": Action(
        _("登记送达"),
        f.ServeForm,
        lambda a, app, d: s.application_serve(actor=a, application=app, **d),
    ),
    "close": Action(
        _("办结"),
        f.CloseForm,
        lambda a, app, d: s.application_close(actor=a, application=app, closed_on=d["closed_on"]),
    ),
    "withdraw": Action(
        _("登记申请人撤回"),
        f.WithdrawForm,
        lambda a, app, d: s.application_withdraw(actor=a, application=app, note=d["note"]),
    ),
    "attach": Action(_l("上传材料"), f.AttachForm, _attach, transition=False),
    "strip_metadata": Action(
        _l("清除文件属性信息（作者、单位等）"),
        f.DocumentForm,
        lambda a, app, d: s.application_strip_metadata(actor=a, document=d["document"]),
        transition=False,
    ),
    "split": Action(_l("拆分为多件申请（一事一申请）"), f.SplitForm, _split, transition=False),
}


def action_form(name: str, application, data=None, files=None, *, prefix: str | None = ""):
    """The bound or blank form of an action (prefixed by its name on the case page, where
    several forms share one page; unprefixed in the API)."""
    action = ACTIONS[name]
    kwargs = (
        {"application": application} if getattr(action.form, "needs_application", False) else {}
    )
    today = timezone.localdate()
    initial = {
        key: today
        for key, field in action.form.base_fields.items()
        if isinstance(field, forms.DateField)
    }
    return action.form(
        data, files, prefix=name if prefix == "" else prefix, initial=initial, **kwargs
    )


def _available(user, application) -> list[str]:
    names = [n for n in allowed_actions(application.status) if n in ACTIONS]
    if application.status not in {Status.CLOSED, Status.WITHDRAWN, Status.SUBMITTED}:
        names += [n for n, a in ACTIONS.items() if not a.transition]
    return [
        n
        for n in names
        if can(user, ACTION_CAPABILITY.get(n, Capability.HANDLE), application.agency_id)
    ]


@staff_required
def queue(request):
    agency = None
    if request.GET.get("agency"):
        agency = agency_get_visible(user=request.user, pk=int(request.GET["agency"]))
    return render(
        request,
        "applications/staff/queue.html",
        {
            "cases": work_queue(user=request.user, agency=agency),
            "agencies": agencies_visible_to(user=request.user),
            "agency": agency,
            "can_register": any(
                can(request.user, Capability.HANDLE, a)
                for a in agencies_visible_to(user=request.user)
            ),
        },
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
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
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


def _case_context(request, application, bound=None):
    available = _available(request.user, application)
    action_forms = [
        (
            name,
            ACTIONS[name].label,
            bound[1] if bound and bound[0] == name else action_form(name, application),
        )
        for name in available
    ]
    return {
        "application": application,
        "deadline": reply_deadline_explained(application),
        "timeline": timeline(application),
        "documents": documents_for(user=request.user, application=application),
        "consultations": application.consultations.all(),
        "extensions": application.extension_requests.all(),
        "action_forms": action_forms,
        "split_parts": application.split_parts.all(),
        "similar": similar_applications(application),
        "published_matches": possibly_published(application),
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
    if action not in ACTIONS:
        return redirect("applications_office:case", pk=pk)
    form = action_form(action, application, request.POST, request.FILES)
    if form.is_valid():
        try:
            ACTIONS[action].run(request.user, application, form.cleaned_data)
        except (DomainError, ValidationError) as error:
            message = error.message if isinstance(error, DomainError) else "；".join(error.messages)
            form.add_error(None, message)
        else:
            messages.success(request, _("已完成：%(action)s") % {"action": ACTIONS[action].label})
            return redirect("applications_office:case", pk=pk)
    application.refresh_from_db()
    context = _case_context(request, application, bound=(action, form))
    context["open_action"] = action
    return render(request, "applications/staff/case.html", context, status=400)
