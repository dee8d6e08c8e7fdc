"""The draft 答复书 as a DOCX, for the staff who handle or review the case before approval."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from gongkai.agencies.views import staff_required
from gongkai.applications.selectors import applications_visible_to
from gongkai.core.errors import DomainError
from gongkai.core.uploads import DOCX

from .drafts import awaits_review, draft_decision_docx
from .permissions import POLICY


@staff_required
def draft_decision(request, pk: int):
    """A preview made on request, never stored: 404 when the case has no draft awaiting review
    (or is not the user's to see), 403 for staff who neither handle nor review it."""
    application = get_object_or_404(
        applications_visible_to(user=request.user).select_related("agency"), pk=pk
    )
    POLICY.require(request.user, "preview_draft", application)
    if not awaits_review(application):
        raise Http404
    try:
        content = draft_decision_docx(application, reader=request.user)
    except DomainError as error:  # no template for this outcome
        messages.error(request, error.message)
        return redirect("applications_office:case", pk=pk)
    response = HttpResponse(content, content_type=DOCX.content_type)
    name = f"{application.number}-decision-draft.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"  # personal data, and it changes with the draft
    return response
