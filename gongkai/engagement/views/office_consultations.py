"""Staff pages of consultations: the list, drafting, the consultation page with its actions
(from actions.CONSULTATION_ACTIONS) and every comment's moderation, answer and 采纳情况 (from
actions.COMMENT_ACTIONS), and the XLSX export."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import agency_ids_with, can
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.errors import DomainError

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..actions import (
    COMMENT_ACTIONS,
    CONSULTATION_ACTIONS,
    comment_actions_for,
    consultation_actions_for,
)
from ..models import Comment, Consultation
from ..permissions import may
from ..states import CommentStatus, Phase
from .common import form_error, workbook_response


def handling_agencies(user):
    return [a for a in agencies_visible_to(user=user) if can(user, Capability.HANDLE, a)]


def _visible(request, pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.visible_to(request.user).select_related("agency", "final_decision"),
        pk=pk,
    )


@staff_required
def index(request):
    text = request.GET.get("q", "").strip()[:100]
    rows = sel.office_consultations(request.user, text=text)[:200]
    return render(
        request,
        "engagement/office/index.html",
        {
            "rows": [(c, Phase(c.phase()).label) for c in rows],
            "q": text,
            "can_create": bool(handling_agencies(request.user)),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    agencies = handling_agencies(request.user)
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
            form_error(form, error)
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
            form_error(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("engagement_office:consultation", pk=pk)
    status = 400 if form.errors else 200
    context = {"form": form, "consultation": consultation, "agency": consultation.agency}
    return render(request, "engagement/office/edit.html", context, status=status)


def _summary_suggestion(tally: dict) -> str:
    return (
        f"征求意见期间共收到意见建议{tally['total']}条，公开{tally['published']}条"
        f"（屏蔽{tally['hidden']}条）。其中采纳{tally['adopted']}条，部分采纳{tally['partly']}条，"
        f"未采纳{tally['not_adopted']}条，未采纳的主要理由是："
    )


def _initial(name: str, target, tally=None) -> dict:
    if name == "extend":
        return {"closes_on": target.closes_on + datetime.timedelta(days=7)}
    if name == "publish_feedback":
        return {"summary": _summary_suggestion(tally)}
    if name == "link_decision" and target.final_decision:
        return {"item": target.final_decision.index_number}
    if name == "answer":
        return {"text": target.answer}
    if name == "assess":
        return {"adoption": target.adoption, "reason": target.adoption_reason}
    return {}


def _context(request, consultation, *, bound=None, upload_form=None, comment_bound=None):
    phase = consultation.phase()
    tally = sel.comment_tally(consultation)
    status = request.GET.get("comments", "")
    staff_may = may(request.user, consultation.agency_id, "moderate")
    comments = []
    for comment in sel.office_comments(consultation, status=status):
        forms_here = []
        for name in comment_actions_for(comment, phase=phase, staff_may=staff_may):
            if comment_bound and comment_bound[:2] == (comment.pk, name):
                form = comment_bound[2]
            else:
                form = COMMENT_ACTIONS[name].form(
                    prefix=f"c{comment.pk}-{name}", initial=_initial(name, comment)
                )
            forms_here.append((name, COMMENT_ACTIONS[name].label, form))
        comments.append((comment, forms_here))
    action_forms = []
    for name in consultation_actions_for(request.user, consultation):
        form = bound[1] if bound and bound[0] == name else None
        form = form or CONSULTATION_ACTIONS[name].form(
            prefix=name, initial=_initial(name, consultation, tally)
        )
        action_forms.append((name, CONSULTATION_ACTIONS[name].label, form))
    return {
        "consultation": consultation,
        "agency": consultation.agency,
        "phase": phase,
        "phase_label": Phase(phase).label,
        "attachments": consultation.attachments.all(),
        "tally": tally,
        "comments": comments,
        "comment_filter": status,
        "comment_statuses": CommentStatus.choices,
        "action_forms": action_forms,
        "can_edit": phase == Phase.DRAFT and may(request.user, consultation.agency_id, "edit"),
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
    if action not in CONSULTATION_ACTIONS:
        return redirect("engagement_office:consultation", pk=pk)
    form = CONSULTATION_ACTIONS[action].form(request.POST, prefix=action)
    if form.is_valid():
        try:
            CONSULTATION_ACTIONS[action].run(request.user, consultation, form.cleaned_data)
        except (DomainError, ValidationError) as error:
            form_error(form, error)
        else:
            label = CONSULTATION_ACTIONS[action].label
            messages.success(request, _("已完成：%(action)s") % {"action": label})
            return redirect("engagement_office:consultation", pk=pk)
    consultation.refresh_from_db()
    context = _context(request, consultation, bound=(action, form))
    context["open_action"] = action
    return render(request, "engagement/office/consultation.html", context, status=400)


@staff_required
@require_POST
def comment_act(request, pk: int, action: str):
    comment = get_object_or_404(
        Comment.objects.select_related("consultation__agency"),
        pk=pk,
        consultation__agency_id__in=agency_ids_with(request.user, Capability.VIEW),
    )
    consultation = comment.consultation
    if action not in COMMENT_ACTIONS:
        return redirect("engagement_office:consultation", pk=consultation.pk)
    form = COMMENT_ACTIONS[action].form(request.POST, prefix=f"c{comment.pk}-{action}")
    if form.is_valid():
        try:
            COMMENT_ACTIONS[action].run(request.user, comment, form.cleaned_data)
        except (DomainError, ValidationError) as error:
            form_error(form, error)
        else:
            label = COMMENT_ACTIONS[action].label
            messages.success(request, _("已完成：%(action)s") % {"action": label})
            url = redirect("engagement_office:consultation", pk=consultation.pk).url
            return redirect(f"{url}#comment-{comment.pk}")
    context = _context(request, consultation, comment_bound=(comment.pk, action, form))
    return render(request, "engagement/office/consultation.html", context, status=400)


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
