"""Staff pages: the agency's items, listing a new one, recording adjustments (change, remove,
re-list) with their date, reason and approving document, and publishing a whole list from a
file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_post, add_service_error
from gongkai.core.errors import DomainError
from gongkai.core.params import id_param, text_param

from .. import selectors as sel
from .. import services as s
from ..actions import TABLE
from ..forms import AddForm, ImportForm
from ..models import PowerItem
from ..permissions import POLICY
from ..states import ItemStatus


def _handling_agencies(user, action: str):
    return [a for a in agencies_visible_to(user=user) if POLICY.allows(user, action, a)]


def _chosen_agency(request, agencies):
    chosen = request.POST.get("agency") or request.GET.get("agency")
    return next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])


def _visible_item(request, pk: int) -> PowerItem:
    items = PowerItem.objects.visible_to(request.user).select_related("agency")
    return get_object_or_404(items, pk=pk)


@staff_required
def index(request):
    status = request.GET.get("status", "")
    if status not in ItemStatus.values:
        status = ""
    agency_id = id_param(request.GET, "agency", label="机关")
    text = text_param(request.GET)
    items = sel.office_items(request.user, agency_id=agency_id, status=status, text=text)
    return render(
        request,
        "powerlists/office/index.html",
        {
            "items": items[:500],
            "status": status,
            "statuses": ItemStatus.choices,
            "agency_id": agency_id,
            "agencies": agencies_visible_to(user=request.user),
            "q": text,
            "can_handle": bool(_handling_agencies(request.user, "add")),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    agencies = _handling_agencies(request.user, "add")
    if not agencies:
        raise PermissionDenied(_("您没有登记权责清单事项的岗位。"))
    agency = _chosen_agency(request, agencies)
    form = AddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = s.power_item_add(actor=request.user, agency=agency, **form.cleaned_data)
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已列入清单，编码 %(c)s。") % {"c": item.code})
            return redirect("powerlists_office:item", pk=item.pk)
    return render(
        request,
        "powerlists/office/edit.html",
        {"form": form, "agency": agency, "agencies": agencies, "title": _("新增事项")},
        status=400 if form.errors else 200,
    )


@staff_required
def detail(request, pk: int):
    item = _visible_item(request, pk)
    return render(
        request,
        "powerlists/office/item.html",
        {
            "item": item,
            "versions": sel.history(item),
            "actions": [(a.name, a.label) for a in TABLE.available(request.user, item)],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def adjust(request, pk: int, action: str):
    """The page of one adjustment of the item's table (change, remove, re-list)."""
    item = _visible_item(request, pk)
    if action not in TABLE:
        return redirect("powerlists_office:item", pk=pk)
    if action not in [a.name for a in TABLE.available(request.user, item)]:
        raise PermissionDenied(_("该事项当前不能执行此项调整，或您没有相应岗位。"))

    def context(form) -> dict:
        return {
            "form": form,
            "item": item,
            "agency": item.agency,
            "title": TABLE[action].label,
            "action": action,
        }

    if request.method == "POST":
        return action_post(
            request,
            table=TABLE,
            target=item,
            name=action,
            success_url=reverse("powerlists_office:item", args=[pk]),
            template="powerlists/office/edit.html",
            context=lambda bound: context(bound[1]),
        )
    return render(request, "powerlists/office/edit.html", context(TABLE.form(action, item)))


@staff_required
@require_http_methods(["GET", "POST"])
def import_list(request):
    agencies = _handling_agencies(request.user, "import")
    if not agencies:
        raise PermissionDenied(_("您没有导入权责清单的岗位。"))
    agency = _chosen_agency(request, agencies)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("data")
        try:
            rows = s.read_rows(upload.read(), upload.name)
            items = s.powerlist_import(
                actor=request.user, agency=agency, rows=rows, source_name=upload.name, **data
            )
        except s.ImportFailed as failure:
            form.add_error(None, failure.message)
            errors = failure.errors
        except DomainError as error:
            add_service_error(form, error)
        else:
            if data["dry_run"]:
                messages.success(request, _("检查通过：%(n)d行均可导入。") % {"n": len(rows)})
            else:
                messages.success(request, _("已列入清单%(n)d项。") % {"n": len(items)})
                return redirect(f"{reverse('powerlists_office:index')}?agency={agency.pk}")
    return render(
        request,
        "powerlists/office/import.html",
        {
            "form": form,
            "agency": agency,
            "agencies": agencies,
            "errors": errors,
            "columns": s.COLUMNS,
        },
        status=400 if form.errors else 200,
    )
