"""The public 政府信息公开 column: the agency's column page, the guide, the catalogue by facet and
year, item pages, attachments, search, and the JSON export. All GET, all work without JS."""

import json

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.agencies.models import Agency
from gongkai.core.files import file_response
from gongkai.core.params import id_param, page_param, year_param

from .. import listing
from .. import selectors as sel
from ..forms import SearchForm
from ..models import Attachment, Category, GuideVersion, Item
from ..records import item_summary
from ..states import PUBLIC, ItemStatus


def _agency(code: str) -> Agency:
    return get_object_or_404(Agency, code=code, is_active=True)


@require_GET
def column(request, code: str):
    """The agency's 政府信息公开 column with its standard sub-columns."""
    agency = _agency(code)
    return render(
        request,
        "catalog/column.html",
        {
            "agency": agency,
            "guide": GuideVersion.objects.filter(agency=agency).first(),
            "sections": sel.statutory_sections(agency),
            "latest": listing.catalogue_page(agency=agency, size=10).items,
            "years": sel.years_with_items(agency),
            "form": SearchForm(initial={"agency": agency.code}),
        },
    )


@require_GET
def guide(request, code: str):
    agency = _agency(code)
    versions = GuideVersion.objects.filter(agency=agency)
    chosen = versions.first()
    version = id_param(request.GET, "version", label="版本号")
    if version is not None:
        chosen = get_object_or_404(versions, version=version)
    return render(
        request, "catalog/guide.html", {"agency": agency, "guide": chosen, "versions": versions}
    )


@require_GET
def catalogue(request, code: str):
    """The 目录, by facet and year, newest first, in numbered pages (a `cursor` from an old
    link: the page that follows it)."""
    agency = _agency(code)
    category = None
    category_id = id_param(request.GET, "category", label="分类")
    if category_id is not None:
        category = sel.categories_for(agency).filter(pk=category_id).first()
    year = year_param(request.GET)
    validity = request.GET.get("validity", "")
    if validity not in Item.Validity.values:
        validity = ""
    page = listing.catalogue_numbered(
        agency=agency,
        category=category,
        year=year,
        validity=validity,
        number=page_param(request.GET),
        cursor=request.GET.get("cursor", "")[:200],
    )
    return render(
        request,
        "catalog/catalogue.html",
        {
            "agency": agency,
            "page": page,
            "pager": page,
            "category": category,
            "year": year,
            "validity": validity,
            "years": sel.years_with_items(agency),
            "facets": [
                (facet.label, sel.categories_for(agency, facet.value)) for facet in Category.Facet
            ],
            "validities": Item.Validity.choices,
        },
    )


@require_GET
def item(request, code: str, public_id):
    found = sel.public_item(code, public_id)
    if found is None:
        raise Http404
    if found.status == ItemStatus.WITHDRAWN:
        return render(request, "catalog/withdrawn.html", {"item": found}, status=410)
    return render(
        request,
        "catalog/item.html",
        {
            "item": found,
            "agency": found.agency,
            # Never an original a redacted copy was made from (staff only).
            "attachments": found.attachments.public(),
            "categories": found.categories.all(),
            "interpretations": sel.public_items().filter(interprets=found),
            "channels": found.channels.all(),
        },
    )


@require_GET
def attachment(request, code: str, public_id, pk: int):
    found = sel.public_item(code, public_id)
    if found is None or found.status not in PUBLIC:
        raise Http404
    # An original a redacted copy was made from answers as a file that does not exist.
    file = get_object_or_404(Attachment.objects.public(), item=found, pk=pk)
    # Images (图解) are shown on the item's page; other files are downloaded.
    return file_response(file, inline=file.content_type.startswith("image/"))


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "result": None, "agencies": Agency.objects.filter(is_active=True)}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        agency = Agency.objects.filter(code=data["agency"]).first() if data["agency"] else None
        category = (
            Category.objects.filter(pk=data["category"]).first() if data["category"] else None
        )
        result, pager = sel.search_page(
            number=data["page"],
            text=data["q"],
            agency=agency,
            category=category,
            year=data["year"],
            validity=data["validity"],
            order=data["order"] or "relevance",
        )
        if not result.phrases:
            form.add_error("q", _("请输入至少一个汉字、字母或数字。"))
        context.update(result=result, agency=agency, category=category, pager=pager)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "catalog/search.html", context, status=status)


@require_GET
def export_json(request, code: str):
    """The agency's whole public catalogue as one JSON array, streamed (no size limit)."""
    agency = _agency(code)
    items = (
        sel.public_items()
        .filter(agency=agency)
        .select_related("agency")
        .order_by("-published_at", "-pk")
    )

    def chunks():
        yield "["
        for position, row in enumerate(items.iterator(chunk_size=1000)):
            yield ("," if position else "") + json.dumps(
                item_summary(row, request), ensure_ascii=False
            )
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{agency.code}-catalog.json"'
    return response
