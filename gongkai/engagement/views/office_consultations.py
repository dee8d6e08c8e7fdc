"""Staff pages of consultations: the list, drafting, the consultation page with its actions
(actions.CONSULTATION_TABLE) and every comment's moderation, answer and 采纳情况
(actions.COMMENT_TABLE), and the XLSX export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post, add_service_error
from gongkai.core.errors import DomainError
from gongkai.core.next_steps import next_steps
from gongkai.core.params import text_param

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..actions import COMMENT_TABLE, CONSULTATION_TABLE
from ..models import Comment, Consultation
from ..permissions import POLICY
from ..states import CONSULTATION_WORKFLOW, CommentStatus, Phase
from .common import workbook_response


def agencies_for(user, action: str):
    """The agencies visible to the user in which the policy lets them take `action`."""
    return [a for a in agencies_visible_to(user=user) if POLICY.allows(user, action, a)]


def _visible(request, pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.visible_to(request.user).select_related("agency", "final_decision"),
        pk=pk,
    )


@staff_required
def index(request):
    text = text_param(request.GET)
    rows = sel.office_consultations(request.user, text=text)[:200]
    return render(
        request,
        "engagement/office/index.html",
        {
            "rows": [(c, Phase(c.phase()).label) for c in rows],
            "q": text,
            "can_create": bool(agencies_for(request.user, "create")),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    agencies = agencies_for(request.user, "create")
    if not agencies:
        raise PermissionDenied(_("您没有起草征求意见的岗位。"))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])
    form = f.ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = s.consultation_create(
                actor=request.user, agency=agency, **form.cleaned_data
            )
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存草稿。"))
            return redirect("engagement_office:consultation", pk=consultation.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "agency": agency, "agencies": agencies}
    return render(request, "engagement/office/edit.html", context, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    consultation = _visible(request, pk)
    form = f.ConsultationForm(
        request.POST or None, initial=f.ConsultationForm.initial_of(consultation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            s.consultation_update(
                actor=request.user, consultation=consultation, **form.cleaned_data
            )
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("engagement_office:consultation", pk=pk)
    status = 400 if form.errors else 200
    context = {"form": form, "consultation": consultation, "agency": consultation.agency}
    return render(request, "engagement/office/edit.html", context, status=status)


def _comment_prefix(comment: Comment) -> str:
    """Every comment's forms on the one page have names of their own."""
    return f"c{comment.pk}-"


def _context(request, consultation, *, bound=None, upload_form=None, comment_bound=None):
    """The consultation page. `bound` = (action, form) of a refused consultation action;
    `comment_bound` = (comment pk, (action, form)) of a refused comment action."""
    phase = consultation.phase()
    status = request.GET.get("comments", "")
    comments = [
        (
            comment,
            action_forms(
                COMMENT_TABLE,
                request.user,
                comment,
                bound=comment_bound[1]
                if comment_bound and comment_bound[0] == comment.pk
                else None,
                prefix=_comment_prefix(comment),
            ),
        )
        for comment in sel.office_comments(consultation, status=status)
    ]
    return {
        "consultation": consultation,
        "agency": consultation.agency,
        "phase": phase,
        "phase_label": Phase(phase).label,
        "attachments": consultation.attachments.all(),
        "tally": sel.comment_tally(consultation),
        "comments": comments,
        "comment_filter": status,
        "comment_statuses": CommentStatus.choices,
        "action_forms": action_forms(CONSULTATION_TABLE, request.user, consultation, bound=bound),
        "next_step": next_steps(CONSULTATION_TABLE, consultation, user=request.user),
        "timeline": sel.consultation_timeline(consultation),
        "can_edit": CONSULTATION_WORKFLOW.allows("edit", phase)
        and POLICY.allows(request.user, "edit", consultation),
        "upload_form": upload_form or f.UploadForm(),
    }


@staff_required
def detail(request, pk: int):
    consultation = _visible(request, pk)
    return render(request, "engagement/office/consultation.html", _context(request, consultation))


@staff_required
@require_POST
def act(request, pk: int, action: str):
    consultation = _visible(request, pk)

    return action_post(
        request,
        table=CONSULTATION_TABLE,
        target=consultation,
        name=action,
        success_url=reverse("engagement_office:consultation", args=[pk]),
        template="engagement/office/consultation.html",
        context=lambda bound: _context(request, consultation, bound=bound),
    )


@staff_required
@require_POST
def comment_act(request, pk: int, action: str):
    comment = get_object_or_404(Comment.objects.select_related("consultation__agency"), pk=pk)
    POLICY.require_view(request.user, comment)
    consultation = comment.consultation

    page = reverse("engagement_office:consultation", args=[consultation.pk])
    return action_post(
        request,
        table=COMMENT_TABLE,
        target=comment,
        name=action,
        success_url=f"{page}#comment-{comment.pk}",
        template="engagement/office/consultation.html",
        context=lambda bound: _context(request, consultation, comment_bound=(comment.pk, bound)),
        prefix=_comment_prefix(comment),
    )


@staff_required
@require_POST
def upload(request, pk: int):
    consultation = _visible(request, pk)
    form = f.UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            s.consultation_attach(
                actor=request.user, consultation=consultation, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("已上传。"))
            return redirect("engagement_office:consultation", pk=pk)
    context = _context(request, consultation, upload_form=form)
    return render(request, "engagement/office/consultation.html", context, status=400)


@staff_required
@require_POST
def remove_attachment(request, pk: int, file_pk: int):
    consultation = _visible(request, pk)
    attachment = get_object_or_404(consultation.attachments, pk=file_pk)
    try:
        s.consultation_detach(actor=request.user, attachment=attachment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已删除附件。"))
    return redirect("engagement_office:consultation", pk=pk)


@staff_required
def export(request, pk: int):
    """The published comments with the 采纳情况 as drafted so far (staff only)."""
    return workbook_response(_visible(request, pk), with_assessment=True)
