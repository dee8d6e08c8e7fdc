"""The redaction page: one page of the working copy at a time, its boxes, and the forms that
draw, propose, accept, delete and apply them. The same page for a case's file and a catalogue
item's attachment (owners.files_for says where it leads back to). Staff only; every page image
is audited."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post

from .actions import TABLE
from .models import Redaction
from .owners import files_for
from .selectors import grounds_of
from .services import redaction_page_image


def _redaction(request, pk) -> Redaction:
    redaction = get_object_or_404(
        Redaction.objects.select_related(
            "application__agency",
            "source",
            "output",
            "item__agency",
            "source_attachment",
            "output_attachment",
        ),
        pk=pk,
    )
    files_for(redaction).require_view(request.user, redaction.owner)
    return redaction


def _page_number(request, redaction) -> int:
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    return min(max(page, 1), redaction.pages)


def _context(request, redaction, page, bound=None):
    forms = {
        name: form
        for name, _label, form, _action in action_forms(TABLE, request.user, redaction, bound=bound)
    }
    if "add_box" in forms and not forms["add_box"].is_bound:
        forms["add_box"].initial["page"] = page
    width, height = redaction.page_sizes[page - 1]
    boxes = list(redaction.boxes.all())
    grounds = grounds_of(redaction.owner)
    labels = dict(grounds)
    for box in boxes:
        box.ground_label = labels.get(box.ground, "")
    files, owner, output = files_for(redaction), redaction.owner, redaction.output_file
    return {
        "redaction": redaction,
        "owner_url": files.page_url(owner),
        "owner_name": files.page_name(owner),
        "output": output,
        "output_url": files.download_url(output) if output is not None else "",
        "page": page,
        "pages": range(1, redaction.pages + 1),
        "page_width": width,
        "page_height": height,
        "page_boxes": [b for b in boxes if b.page == page],
        "boxes": boxes,
        "waiting": [b for b in boxes if not b.accepted],
        "grounds": grounds,
        "forms": forms,
        "can_edit": bool(forms),
        # A refused action no longer offered (the owner's files were frozen meanwhile): its
        # form is not on the page, so its refusal is said at the top.
        "refused": bound[1] if bound and bound[0] not in forms else None,
    }


@staff_required
@require_GET
def edit(request, pk: int):
    redaction = _redaction(request, pk)
    page = _page_number(request, redaction)
    return render(request, "redaction/edit.html", _context(request, redaction, page))


@staff_required
@require_GET
def page_image(request, pk: int, page: int):
    redaction = _redaction(request, pk)
    if not 1 <= page <= redaction.pages:
        raise Http404
    png = redaction_page_image(actor=request.user, redaction=redaction, page=page)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_POST
def act(request, pk: int, action: str):
    redaction = _redaction(request, pk)
    page = _page_number(request, redaction)
    if action == "apply":
        success = files_for(redaction).page_url(redaction.owner)
    else:
        success = f"{redaction.office_url}?page={page}"
    return action_post(
        request,
        table=TABLE,
        target=redaction,
        name=action,
        success_url=success,
        template="redaction/edit.html",
        context=lambda bound: _context(request, redaction, page, bound=bound),
    )
