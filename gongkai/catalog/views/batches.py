"""Bulk import and its batches: the import page, and a batch's page (批量审查) whose actions
come from the batch's action table (actions.BATCH_TABLE), as its API endpoint's do."""

import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post
from gongkai.core.errors import DomainError
from gongkai.core.paging import paginate
from gongkai.core.params import page_param
from gongkai.core.parsing import open_archive

from .. import forms as f
from .. import services as s
from ..actions import BATCH_TABLE
from ..batch_selectors import batches_of, flagged_in_review, status_counts
from ..models import ImportBatch
from ..services.importer import COLUMNS, read_rows, zip_source

BATCH_PAGE_SIZE = 50


def _importing_agencies(user):
    """Agencies where the user may import: new items (clerks) or a history migration (admins)."""
    return [
        a
        for a in agencies_visible_to(user=user)
        if can(user, Capability.HANDLE, a) or can(user, Capability.ADMINISTER, a)
    ]


@staff_required
@require_http_methods(["GET", "POST"])
def import_catalog(request):
    agencies = _importing_agencies(request.user)
    if not agencies:
        raise PermissionDenied(_("您没有导入目录的岗位。"))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])
    form = f.ImportForm(request.POST or None, request.FILES or None)
    if not any(can(request.user, Capability.ADMINISTER, a) for a in agencies):
        del form.fields["history"]  # a history migration is the administrator's
    errors = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["data"]
        archive = None
        try:
            if data.size > 50 * 1024 * 1024:
                raise DomainError(_("目录文件超过50MB。"), code="import_too_large")
            if form.cleaned_data["attachments"]:
                try:
                    upload = form.cleaned_data["attachments"]
                    archive = open_archive(upload, name=upload.name)
                except zipfile.BadZipFile:
                    raise DomainError(
                        _("附件压缩包不是有效的ZIP文件。"), code="import_bad_zip"
                    ) from None
            rows = read_rows(data.read(), data.name)
            items = s.catalog_import(
                actor=request.user,
                agency=agency,
                rows=rows,
                source_name=data.name,
                history=form.cleaned_data.get("history", False),
                read_attachment=zip_source(archive),
                dry_run=form.cleaned_data["dry_run"],
            )
        except s.ImportFailed as failure:
            form.add_error(None, failure.message)
            errors = failure.errors
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if form.cleaned_data["dry_run"]:
                messages.success(request, _("检查通过：%(n)d行均可导入。") % {"n": len(rows)})
            else:
                messages.success(
                    request,
                    _("已导入%(n)d条，均未公开：请在本批次页面提交保密审查。") % {"n": len(items)},
                )
                return redirect("catalog_office:batch", pk=items[0].import_batch_id)
    status = 400 if form.errors else 200
    return render(
        request,
        "catalog/office/import.html",
        {
            "form": form,
            "agency": agency,
            "agencies": agencies,
            "errors": errors,
            "columns": COLUMNS,
            "batches": batches_of(request.user)[:20],
        },
        status=status,
    )


def _visible_batch(request, pk: int) -> ImportBatch:
    return get_object_or_404(
        ImportBatch.objects.visible_to(request.user).select_related("agency", "imported_by"),
        pk=pk,
    )


def _batch_context(request, batch: ImportBatch, bound=None) -> dict:
    forms = action_forms(BATCH_TABLE, request.user, batch, bound=bound)
    flagged = list(flagged_in_review(batch).prefetch_related("attachments"))
    approve = next((form for name, _label, form, _a in forms if name == "approve"), None)
    pager = paginate(
        batch.items.select_related("review__reviewer").order_by("pk"),
        page_param(request.GET),
        size=BATCH_PAGE_SIZE,
    )
    return {
        "batch": batch,
        "counts": status_counts(batch),
        "action_forms": [row for row in forms if row[0] != "approve"],
        "approve_form": approve,
        # Each flagged item with its tick box (in the form's order) and its files' findings.
        "flagged": (
            list(zip(flagged, approve["acknowledged"], strict=True)) if approve else flagged
        ),
        "pager": pager,
        "items": pager.items,
    }


@staff_required
def batch(request, pk: int):
    found = _visible_batch(request, pk)
    return render(request, "catalog/office/batch.html", _batch_context(request, found))


@staff_required
@require_POST
def batch_act(request, pk: int, action: str):
    found = _visible_batch(request, pk)
    return action_post(
        request,
        table=BATCH_TABLE,
        target=found,
        name=action,
        success_url=reverse("catalog_office:batch", args=[pk]),
        template="catalog/office/batch.html",
        context=lambda bound: _batch_context(request, found, bound=bound),
    )
