"""Staff pages of the catalogue: lists with the publication-period flag, the review queue,
drafting, the item page whose actions come from the item's action table (actions.TABLE), the
guide and settings (bulk import and its batches: batches.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post, add_service_error
from gongkai.core.errors import DomainError
from gongkai.core.files import file_response
from gongkai.core.next_steps import next_steps
from gongkai.core.paging import paginate
from gongkai.regimes import REGIMES

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..actions import TABLE
from ..batch_selectors import batches_awaiting_review
from ..models import CatalogSettings, Category, ChannelRecord, GuideVersion, Item
from ..permissions import POLICY
from ..services.guide import DEFAULT_ARRANGEMENT, DEFAULT_HOW_TO_OBTAIN, missing_office_facts
from ..states import EDITABLE


def _visible_item(request, pk: int) -> Item:
    return get_object_or_404(Item.objects.visible_to(request.user).select_related("agency"), pk=pk)


def _handling_agencies(user):
    return [a for a in agencies_visible_to(user=user) if can(user, Capability.HANDLE, a)]


def _overdue_heading(overdue) -> str:
    """The heading over the overdue items: the period and article of each regime they fall
    under (an item drafted before 2019-05-15 falls under the 2008 Regulation)."""
    codes = {item.publication_regime for item, _due in overdue}
    regimes = [regime for code, regime in REGIMES.items() if code in codes]
    limits = [regime.proactive_publication for regime in regimes]
    if len(regimes) == 1:
        articles = _("条例%(article)s") % {"article": limits[0].basis}
    else:
        articles = "；".join(f"{r.name}{r.proactive_publication.basis}" for r in regimes)
    if len({limit.workdays for limit in limits}) == 1:
        return _("超过%(n)d个工作日尚未发布（%(articles)s）") % {
            "n": limits[0].workdays,
            "articles": articles,
        }
    return _("超过规定期限尚未发布（%(articles)s）") % {"articles": articles}


OFFICE_PAGE_SIZE = 50


@staff_required
def index(request):
    """All items of the user's agencies, by the filters of OfficeItemFilterForm, in numbered
    pages; above them what is late or cannot be dated."""
    visible = agencies_visible_to(user=request.user)
    form = f.OfficeItemFilterForm(request.GET, agency_ids=visible)
    overdue = sel.overdue_unpublished(request.user)
    context = {
        "form": form,
        "overdue": overdue,
        "overdue_heading": _overdue_heading(overdue) if overdue else "",
        "publication_pending": sel.publication_pending(request.user),
        "review_count": sel.review_queue(request.user).count(),
        "can_create": bool(_handling_agencies(request.user)),
        # Clerks import new items; an agency's administrator imports a history migration.
        "can_import": any(
            can(request.user, Capability.HANDLE, a) or can(request.user, Capability.ADMINISTER, a)
            for a in visible
        ),
        "managed": [
            (
                a,
                can(request.user, Capability.HANDLE, a),
                can(request.user, Capability.ADMINISTER, a),
            )
            for a in visible
            if can(request.user, Capability.HANDLE, a)
            or can(request.user, Capability.ADMINISTER, a)
        ],
    }
    if not form.is_valid():
        return render(request, "catalog/office/index.html", context, status=400)
    pager = paginate(
        sel.office_items(request.user, **form.filters),
        form.cleaned_data["page"],
        size=OFFICE_PAGE_SIZE,
        fetch=sel.office_rows,
    )
    context.update(pager=pager, items=pager.items)
    return render(request, "catalog/office/index.html", context)


@staff_required
def review_queue(request):
    """Items waiting for this reviewer, one by one, and import batches to review as one."""
    return render(
        request,
        "catalog/office/review_queue.html",
        {
            "items": sel.review_queue(request.user).filter(import_batch__isnull=True),
            "batches": batches_awaiting_review(request.user),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    agencies = _handling_agencies(request.user)
    if not agencies:
        raise PermissionDenied(_("您没有起草目录条目的岗位。"))
    chosen = request.POST.get("agency") or request.GET.get("agency")
    agency = next((a for a in agencies if str(a.pk) == str(chosen)), agencies[0])
    form = f.ItemForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            item = s.item_create(actor=request.user, agency=agency, **data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存草稿，索引号 %(n)s。") % {"n": item.index_number})
            return redirect("catalog_office:item", pk=item.pk)
    return render(
        request, "catalog/office/edit.html", {"form": form, "agency": agency, "agencies": agencies}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    item = _visible_item(request, pk)
    form = f.ItemForm(request.POST or None, agency=item.agency, initial=f.ItemForm.initial_of(item))
    if request.method == "POST" and form.is_valid():
        try:
            s.item_update(actor=request.user, item=item, **form.cleaned_data)
        except (DomainError, ValidationError) as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("catalog_office:item", pk=item.pk)
    return render(
        request, "catalog/office/edit.html", {"form": form, "item": item, "agency": item.agency}
    )


# Actions on one file, offered on each attachment's line rather than among the item's actions:
# 脱敏处理, which gongkai/redaction registers on the table (its form chooses the attachment).
FILE_ACTIONS = frozenset({"redact"})


def _item_context(request, item, bound=None, upload_form=None):
    forms_ = action_forms(TABLE, request.user, item, bound=bound)
    attachments = list(item.attachments.all())
    return {
        "item": item,
        "attachments": attachments,
        # Originals a redacted copy was made from: downloaded (and recorded) only by those
        # who draft or review the agency's items.
        "can_see_originals": POLICY.allows(request.user, "view_original", item),
        "events": item.events.select_related("actor"),
        "channels": item.channels.all(),
        "categories": item.categories.all(),
        "publication": sel.publication_deadline(item),
        "action_forms": [entry for entry in forms_ if entry[0] not in FILE_ACTIONS],
        "file_actions": [entry for entry in forms_ if entry[0] in FILE_ACTIONS],
        # A file action refused (even one no longer offered: the item was submitted
        # meanwhile): (its label, its bound form), said above the files.
        "file_refusal": (TABLE[bound[0]].label, bound[1])
        if bound and bound[0] in FILE_ACTIONS
        else None,
        "next_step": next_steps(TABLE, item, user=request.user),
        "can_edit": item.status in EDITABLE and POLICY.allows(request.user, "edit", item),
        "upload_form": upload_form or f.UploadForm(),
        "findings_total": sum(len(a.findings) for a in attachments),
        "channel_choices": ChannelRecord.Channel.choices,
    }


@staff_required
def detail(request, pk: int):
    item = _visible_item(request, pk)
    return render(request, "catalog/office/item.html", _item_context(request, item))


@staff_required
@require_POST
def act(request, pk: int, action: str):
    item = _visible_item(request, pk)
    if action not in TABLE:
        return redirect("catalog_office:item", pk=pk)

    return action_post(
        request,
        table=TABLE,
        target=item,
        name=action,
        # An action whose result has a staff page of its own (another app's, registered on
        # this table: a redaction) leads to it; any other returns to the item.
        success_url=lambda result: (
            getattr(result, "office_url", None) or reverse("catalog_office:item", args=[pk])
        ),
        template="catalog/office/item.html",
        context=lambda bound: _item_context(request, item, bound=bound),
    )


@staff_required
@require_POST
def upload(request, pk: int):
    item = _visible_item(request, pk)
    form = f.UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = s.attachment_add(actor=request.user, item=item, **form.cleaned_data)
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            if attachment.findings:
                messages.warning(
                    request,
                    _("“%(t)s”含有%(n)d项隐藏内容或文档属性，审查人将看到这些提示。")
                    % {"t": attachment.title, "n": len(attachment.findings)},
                )
            else:
                messages.success(request, _("已上传。"))
            return redirect("catalog_office:item", pk=pk)
    context = _item_context(request, item, upload_form=form)
    return render(request, "catalog/office/item.html", context, status=400)


@staff_required
@require_GET
def attachment_download(request, pk: int, attachment_pk: int):
    """A file of an item for its agency's staff; an original a redacted copy was made from only
    for those who draft or review the agency's items, each download recorded (the service)."""
    item = _visible_item(request, pk)
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    attachment = s.attachment_open(actor=request.user, attachment=attachment)
    response = file_response(attachment, inline=attachment.content_type.startswith("image/"))
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_POST
def remove_attachment(request, pk: int, attachment_pk: int):
    item = _visible_item(request, pk)
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    try:
        s.attachment_remove(actor=request.user, attachment=attachment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已删除附件。"))
    return redirect("catalog_office:item", pk=pk)


@staff_required
@require_POST
def remove_channel(request, pk: int, channel_pk: int):
    item = _visible_item(request, pk)
    record = get_object_or_404(item.channels, pk=channel_pk)
    try:
        s.channel_remove(actor=request.user, record=record)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("catalog_office:item", pk=pk)


def _managed_agency(request, code: str, action: str):
    agency = get_object_or_404(agencies_visible_to(user=request.user), code=code)
    if not POLICY.allows(request.user, action, agency):
        raise PermissionDenied(_("您没有管理该机关此项内容的岗位。"))
    return agency


@staff_required
@require_http_methods(["GET", "POST"])
def guide(request, code: str):
    agency = _managed_agency(request, code, "guide")
    latest = GuideVersion.objects.filter(agency=agency).first()
    initial = (
        {
            "arrangement": latest.arrangement,
            "how_to_obtain": latest.how_to_obtain,
            "other": latest.other,
        }
        if latest
        else {"arrangement": DEFAULT_ARRANGEMENT, "how_to_obtain": DEFAULT_HOW_TO_OBTAIN}
    )
    form = f.GuideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            version = s.guide_save(actor=request.user, agency=agency, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("已保存为第%(v)d版。") % {"v": version.version})
            return redirect("catalog_office:guide", code=code)
    return render(
        request,
        "catalog/office/guide.html",
        {
            "agency": agency,
            "form": form,
            "versions": GuideVersion.objects.filter(agency=agency),
            "missing": missing_office_facts(agency),
        },
    )


class SettingsForm(forms.ModelForm):
    class Meta:
        model = CatalogSettings
        fields = ["index_prefix", "index_pattern"]


class CategoryForm(forms.Form):
    facet = forms.ChoiceField(label=_l("分类方式"), choices=Category.Facet.choices)
    code = forms.CharField(label=_l("代码"), max_length=16)
    name = forms.CharField(label=_l("名称"), max_length=100)
    is_active = forms.BooleanField(label=_l("在用"), required=False, initial=True)


@staff_required
@require_http_methods(["GET", "POST"])
def catalog_settings(request, code: str):
    """The agency's 索引号 scheme and its own categories."""
    agency = _managed_agency(request, code, "settings")
    instance = CatalogSettings.objects.filter(agency=agency).first() or CatalogSettings(
        agency=agency
    )
    posted = request.method == "POST"
    form = SettingsForm(
        request.POST if posted and "index_pattern" in request.POST else None, instance=instance
    )
    category_form = CategoryForm(
        request.POST if posted and "category-facet" in request.POST else None, prefix="category"
    )
    try:
        if form.is_bound and form.is_valid():
            s.catalog_settings_save(actor=request.user, agency=agency, **form.cleaned_data)
            messages.success(request, _("已保存。"))
            return redirect("catalog_office:settings", code=code)
        if category_form.is_bound and category_form.is_valid():
            s.category_save(actor=request.user, agency=agency, **category_form.cleaned_data)
            messages.success(request, _("已保存分类。"))
            return redirect("catalog_office:settings", code=code)
    except DomainError as error:
        (form if form.is_bound else category_form).add_error(None, error.message)
    return render(
        request,
        "catalog/office/settings.html",
        {
            "agency": agency,
            "form": form,
            "category_form": category_form,
            "own_categories": Category.objects.filter(agency=agency),
        },
        status=400 if posted else 200,
    )
