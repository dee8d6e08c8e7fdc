"""Public pages: an agency's consultations, one consultation with its comments and the comment
form, files, the export of published comments, and the responses to public concerns. They
work without JavaScript; the only POST is a comment."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.action_views import add_service_error
from gongkai.core.client import client_address
from gongkai.core.errors import DomainError, RateLimited
from gongkai.core.files import file_response

from .. import selectors as sel
from .. import services as s
from ..forms import CommentForm
from ..models import CommentAttachment, ConcernResponse, ConsultationAttachment
from ..permissions import POLICY
from ..states import CONSULTATION_WORKFLOW, FINISHED_PHASES, Phase
from .common import public_agency, workbook_response, year_param


@require_GET
def index(request, code: str):
    """The agency's 公众参与 page: consultations open now and the latest responses."""
    agency = public_agency(code)
    groups = sel.split_by_phase(sel.public_consultations(agency=agency)[:50])
    return render(
        request,
        "engagement/index.html",
        {
            "agency": agency,
            "open": groups[Phase.OPEN],
            "scheduled": groups[Phase.SCHEDULED],
            "responses": sel.public_responses(agency=agency)[:5],
        },
    )


@require_GET
def consultations(request, code: str):
    agency = public_agency(code)
    year = year_param(request.GET.get("year"))
    groups = sel.split_by_phase(sel.public_consultations(agency=agency, year=year))
    return render(
        request,
        "engagement/consultations.html",
        {
            "agency": agency,
            "year": year,
            "years": sel.consultation_years(agency),
            "open": groups[Phase.OPEN],
            "scheduled": groups[Phase.SCHEDULED],
            "finished": [c for phase in FINISHED_PHASES for c in groups[phase]],
        },
    )


def _consultation_or_404(code: str, pk: int):
    consultation = sel.public_consultation(code, pk)
    if consultation is None:
        raise Http404
    return consultation


@require_http_methods(["GET", "POST"])
def consultation(request, code: str, pk: int):
    found = _consultation_or_404(code, pk)
    phase = found.phase()
    signed_in = request.user.is_authenticated
    window_open = CONSULTATION_WORKFLOW.allows("comment", phase)
    may_comment = window_open and (signed_in or found.allow_anonymous)
    form = CommentForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if window_open and not may_comment:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                s.comment_submit(
                    consultation=found,
                    author=request.user if signed_in else None,
                    ip=client_address(request),
                    **form.cleaned_data,
                )
            except RateLimited as error:
                form.add_error(None, error.message)
                status = 429
            except DomainError as error:
                add_service_error(form, error)
                status = 400
            else:
                messages.success(request, _("您的意见已提交，经审核后公开。感谢您的参与！"))
                return redirect(found.get_absolute_url() + "#comment-form")
        else:
            status = 400
    feedback = found.feedback_is_public
    decision = found.final_decision
    return render(
        request,
        "engagement/consultation.html",
        {
            "agency": found.agency,
            "consultation": found,
            "phase": phase,
            "phase_label": Phase(phase).label,
            "attachments": found.attachments.all(),
            "comments": sel.public_comments(found),
            "mine": sel.comments_of(request.user, found),
            "feedback": feedback,
            "tally": sel.comment_tally(found) if feedback else None,
            "decision": decision if decision is not None and decision.is_public else None,
            # A refused POST keeps its form, so the reason (e.g. the window closed) shows.
            "form": form if may_comment or request.method == "POST" else None,
            "needs_login": window_open and not may_comment,
            "opens_later": phase == Phase.SCHEDULED,
        },
        status=status,
    )


@require_GET
def consultation_file(request, code: str, pk: int, file_pk: int):
    """A file of the draft: public once the consultation is; staff of the agency may see it
    while drafting."""
    file = get_object_or_404(
        ConsultationAttachment.objects.select_related("consultation__agency"),
        pk=file_pk,
        consultation_id=pk,
        consultation__agency__code=code,
    )
    if file.consultation.is_draft:
        POLICY.require_view(request.user, file.consultation)
    return _file_response(file)


@require_GET
def comment_file(request, code: str, comment_pk: int, file_pk: int):
    """A file attached to a comment: public once the comment is; staff of the agency may see
    it while moderating."""
    file = get_object_or_404(
        CommentAttachment.objects.select_related("comment__consultation__agency"),
        pk=file_pk,
        comment_id=comment_pk,
        comment__consultation__agency__code=code,
    )
    comment = file.comment
    if not (comment.is_public and not comment.consultation.is_draft):
        POLICY.require_view(request.user, comment)
    return _file_response(file)


def _file_response(file):
    """Pictures are shown in the browser, documents downloaded."""
    return file_response(file, inline=file.content_type.startswith("image/"))


@require_GET
def export(request, code: str, pk: int):
    """The published comments as XLSX (the 采纳情况 columns once it is public)."""
    return workbook_response(_consultation_or_404(code, pk))


@require_GET
def responses(request, code: str):
    """回应关切 by year: the recorded responses and the year's 政策解读 from the catalogue."""
    agency = public_agency(code)
    years = sel.response_years(agency)
    year = year_param(request.GET.get("year")) or (years[0] if years else None)
    records = sel.public_responses(agency=agency, year=year) if year else []
    return render(
        request,
        "engagement/responses.html",
        {
            "agency": agency,
            "year": year,
            "years": years,
            "responses": records,
            "interpretations": sel.public_interpretations(agency=agency, year=year) if year else [],
            "counts": sel.legacy_response_counts([agency.pk], year) if year else None,
        },
    )


@require_GET
def response(request, code: str, pk: int):
    record = get_object_or_404(
        ConcernResponse.objects.select_related("agency", "item__agency"), agency__code=code, pk=pk
    )
    return render(
        request,
        "engagement/response.html",
        {"agency": record.agency, "response": record},
    )
