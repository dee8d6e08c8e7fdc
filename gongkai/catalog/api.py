"""REST API of the catalogue (OpenAPI at /api/openapi.json): public reads of the catalogue and
search; staff writes through the same forms and action table as the office pages."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.core.action_api import ActionAPIView, action_paths
from gongkai.core.api import error_responses, form_error_response
from gongkai.core.params import id_param, year_param
from gongkai.core.parsers import JSONObjectParser

from . import listing
from . import selectors as sel
from . import serializers as api
from . import services as s
from .actions import BATCH_TABLE, TABLE
from .batch_selectors import flagged_in_review, status_counts
from .forms import ItemForm, SearchForm, UploadForm
from .models import Category, ImportBatch, Item
from .records import item_detail, item_summary
from .states import ItemStatus

FILTERS = [
    OpenApiParameter("agency", str, description="机关代码"),
    OpenApiParameter("subtree", bool, description="包括下级机关"),
    OpenApiParameter("category", int, description="分类编号"),
    OpenApiParameter("year", int, description="发布年份"),
    OpenApiParameter("validity", str, enum=Item.Validity.values, description="有效性"),
]


def _filters(request):
    params = request.query_params
    agency = None
    if params.get("agency"):
        agency = Agency.objects.filter(code=params["agency"], is_active=True).first()
        if agency is None:
            raise NotFound("没有这个机关代码。")
    category = None
    category_id = id_param(params, "category", label="分类")
    if category_id is not None:
        category = Category.objects.filter(pk=category_id).first()
    year = year_param(params)
    validity = params.get("validity", "")
    return {
        "agency": agency,
        "subtree": params.get("subtree", "").lower() in {"1", "true", "yes"},
        "category": category,
        "year": year,
        "validity": validity if validity in Item.Validity.values else "",
    }


class CatalogueAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="catalog_list",
        summary="主动公开目录（按发布日期倒序，游标分页）",
        parameters=[
            *FILTERS,
            OpenApiParameter("cursor", str, description="上一页返回的 next_cursor"),
        ],
        responses={200: api.CataloguePageSerializer, **error_responses(400, 404)},
    )
    def get(self, request):
        page = listing.catalogue_page(
            **_filters(request), cursor=request.query_params.get("cursor", "")[:200]
        )
        return Response(
            {
                "results": [item_summary(i, request) for i in page.items],
                "next_cursor": page.next_cursor,
                "total": page.total,
                "total_capped": page.total_capped,
            }
        )


class CatalogueItemAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="catalog_read",
        summary="目录条目",
        responses={200: api.CatalogItemSerializer, **error_responses(404)},
    )
    def get(self, request, public_id):
        item = (
            sel.public_items()
            .filter(public_id=public_id)
            .select_related("agency", "issuer")
            .first()
        )
        if item is None:
            raise NotFound("没有找到这条信息（可能已撤回）。")
        return Response(item_detail(item, request))


class SearchAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="catalog_search",
        summary="全文检索",
        parameters=[
            OpenApiParameter("q", str, required=True, description="关键词，空格分隔多个词"),
            *FILTERS,
            OpenApiParameter(
                "order", str, enum=["relevance", "date"], description="relevance（默认）或 date"
            ),
            OpenApiParameter("page", int, description="页码，1–50；超过末页时返回末页"),
        ],
        responses={200: api.CatalogSearchPageSerializer, **error_responses(400, 404)},
    )
    def get(self, request):
        form = SearchForm(request.query_params)
        if not form.is_valid():
            return form_error_response(form)
        if not form.cleaned_data["q"].strip():
            return Response({"code": "query_required", "message": "请输入关键词。"}, status=400)
        filters = _filters(request)
        result, pager = sel.search_page(
            number=form.cleaned_data["page"],
            text=form.cleaned_data["q"],
            agency=filters["agency"],
            # Search covers the agency's whole subtree unless subtree=0 is asked for.
            subtree=request.query_params.get("subtree", "1").lower() in {"1", "true", "yes"},
            category=filters["category"],
            year=filters["year"],
            validity=filters["validity"],
            order=form.cleaned_data["order"] or "relevance",
        )
        return Response(
            {
                "results": [
                    {
                        **item_summary(h.item, request),
                        "title_html": h.title,
                        "snippet_html": h.snippet,
                    }
                    for h in result.hits
                ],
                "total": result.total,
                "total_capped": result.total_capped,
                "page": pager.number,
            }
        )


# Staff ------------------------------------------------------------------------------------------


def _staff_item(request, pk: int) -> Item:
    return get_object_or_404(Item.objects.visible_to(request.user).select_related("agency"), pk=pk)


def _staff_view(item: Item, request) -> dict:
    data = item_detail(item, request)
    data.update(
        pk=item.pk,
        status=item.status,
        status_label=item.get_status_display(),
        disclosure=item.disclosure,
        review_opinion=item.review_opinion,
        # Staff see what their item points at, published or not (the public record hides it).
        interprets=item.interprets.index_number if item.interprets else None,
        findings={a.title: a.findings for a in item.attachments.public() if a.findings},
    )
    return data


class OfficeItemsAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_catalog_list",
        summary="本机关目录条目（最多200条）",
        parameters=[
            OpenApiParameter("status", str, enum=ItemStatus.values, description="只列这一状态")
        ],
        responses={200: api.StaffCatalogItemSerializer(many=True), **error_responses(403)},
    )
    def get(self, request):
        status = request.query_params.get("status", "")
        rows = sel.office_items(request.user, status=status)[:200]
        return Response([_staff_view(i, request) for i in rows])

    @extend_schema(
        operation_id="office_catalog_create",
        summary="起草目录条目",
        description="字段与起草页面相同，另加 agency（机关代码）；categories 为分类编号数组。",
        request=api.ItemCreateSerializer,
        responses={201: api.StaffCatalogItemSerializer, **error_responses(400, 403)},
    )
    def post(self, request):
        agency = Agency.objects.filter(code=request.data.get("agency", "")).first()
        if agency is None or not can(request.user, Capability.HANDLE, agency):
            raise PermissionDenied("您不能在该机关起草目录条目。")
        form = ItemForm(request.data, agency=agency)
        if not form.is_valid():
            return form_error_response(form)
        item = s.item_create(actor=request.user, agency=agency, **form.cleaned_data)
        return Response(_staff_view(item, request), status=201)


class OfficeItemAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_catalog_read",
        summary="目录条目（工作人员）",
        responses={200: api.StaffCatalogItemSerializer, **error_responses(403, 404)},
    )
    def get(self, request, pk: int):
        return Response(_staff_view(_staff_item(request, pk), request))

    @extend_schema(
        operation_id="office_catalog_update",
        summary="修改草稿",
        description="只需提交要改的字段。",
        request=api.ItemInputSerializer,
        responses={200: api.StaffCatalogItemSerializer, **error_responses(400, 403, 404, 409)},
    )
    def patch(self, request, pk: int):
        item = _staff_item(request, pk)
        data = ItemForm.initial_of(item)
        data["categories"] = [c.pk for c in data["categories"]]
        data.update(request.data.items() if hasattr(request.data, "items") else {})
        if hasattr(request.data, "getlist") and "categories" in request.data:
            data["categories"] = request.data.getlist("categories")
        form = ItemForm(data, agency=item.agency)
        if not form.is_valid():
            return form_error_response(form)
        item = s.item_update(actor=request.user, item=item, **form.cleaned_data)
        return Response(_staff_view(item, request))


class OfficeAttachmentAPI(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="office_catalog_attach",
        summary="上传附件（检查隐藏内容）",
        request={"multipart/form-data": api.AttachmentInputSerializer},
        responses={
            201: api.CatalogAttachmentAddedSerializer,
            **error_responses(400, 403, 404, 409),
        },
    )
    def post(self, request, pk: int):
        item = _staff_item(request, pk)
        form = UploadForm(request.data, request.FILES)
        if not form.is_valid():
            return form_error_response(form)
        attachment = s.attachment_add(actor=request.user, item=item, **form.cleaned_data)
        return Response(
            {"id": attachment.pk, "title": attachment.title, "findings": attachment.findings},
            status=201,
        )


class OfficeActionAPI(ActionAPIView):
    """The item page's actions (actions.TABLE): 保密审查, publication, withdrawal, register."""

    table = TABLE
    operation_base = "office_catalog_act"
    description = "审查、发布、撤回等操作（与条目页面相同的表单、规则和拒绝理由）。"
    response_serializer = api.StaffCatalogItemSerializer

    def get_target(self, request, pk: int):
        return _staff_item(request, pk)

    def respond(self, request, target):
        target.refresh_from_db()
        return Response(_staff_view(target, request))


def _batch_view(batch, request) -> dict:
    flagged = flagged_in_review(batch).prefetch_related("attachments")
    return {
        "id": batch.pk,
        "agency": {"code": batch.agency.code, "name": batch.agency.name},
        "kind": batch.kind,
        "kind_label": str(batch.get_kind_display()),
        "source_name": batch.source_name,
        "imported_by": batch.imported_by.get_username(),
        "created_at": timezone.localtime(batch.created_at).isoformat(),
        "counts": {status: n for status, _label, n in status_counts(batch)},
        "flagged": [
            {
                "pk": item.pk,
                "index_number": item.index_number,
                "title": item.title,
                "findings": {a.title: a.findings for a in item.attachments.public() if a.findings},
            }
            for item in flagged
        ],
    }


def _staff_batch(request, pk: int) -> ImportBatch:
    return get_object_or_404(
        ImportBatch.objects.visible_to(request.user).select_related("agency", "imported_by"),
        pk=pk,
    )


class OfficeBatchAPI(APIView):
    @extend_schema(
        operation_id="office_catalog_batch_read",
        summary="导入批次（批量审查）",
        responses={200: api.StaffImportBatchSerializer, **error_responses(403, 404)},
    )
    def get(self, request, pk: int):
        return Response(_batch_view(_staff_batch(request, pk), request))


class OfficeBatchActionAPI(ActionAPIView):
    """An import batch's actions (actions.BATCH_TABLE): submit its drafts, approve or return
    its items under review at once (not by the importer)."""

    table = BATCH_TABLE
    operation_base = "office_catalog_batch_act"
    description = "导入批次的提交、批量审查和退回（与批次页面相同的表单、规则和拒绝理由）。"
    response_serializer = api.StaffImportBatchSerializer

    def get_target(self, request, pk: int):
        return _staff_batch(request, pk)

    def respond(self, request, target):
        return Response(_batch_view(target, request))


urlpatterns = [
    path("catalog/items/", CatalogueAPI.as_view(), name="catalog-items"),
    path("catalog/items/<uuid:public_id>/", CatalogueItemAPI.as_view(), name="catalog-item"),
    path("catalog/search/", SearchAPI.as_view(), name="catalog-search"),
    path("office/catalog/items/", OfficeItemsAPI.as_view(), name="office-catalog-items"),
    path("office/catalog/items/<int:pk>/", OfficeItemAPI.as_view(), name="office-catalog-item"),
    path(
        "office/catalog/items/<int:pk>/attachments/",
        OfficeAttachmentAPI.as_view(),
        name="office-catalog-attach",
    ),
    *action_paths(
        "office/catalog/items/<int:pk>/actions/", OfficeActionAPI, name="office-catalog-act"
    ),
    path("office/catalog/batches/<int:pk>/", OfficeBatchAPI.as_view(), name="office-catalog-batch"),
    *action_paths(
        "office/catalog/batches/<int:pk>/actions/",
        OfficeBatchActionAPI,
        name="office-catalog-batch-act",
    ),
]
