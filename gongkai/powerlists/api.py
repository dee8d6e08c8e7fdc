"""REST API of the power lists (OpenAPI at /api/openapi.json): public reads of any agency's list
as it stood on any date, with each item's history and the adjustment record; staff writes
through the same forms and services as the office pages."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.core.action_api import ActionAPIView, action_paths
from gongkai.core.api import IMPORT_REFUSED, error_responses, form_error_response
from gongkai.core.parsers import JSONObjectParser

from . import selectors as sel
from . import serializers as api
from . import services as s
from .actions import TABLE
from .forms import AddForm, AdjustmentFilterForm, AsOfForm, ImportForm
from .models import PowerItem, PowerType
from .permissions import POLICY
from .records import adjustment_of, item_history, staff_item, version_summary
from .states import ChangeKind

AS_OF = OpenApiParameter("as_of", OpenApiTypes.DATE, description="查看日期 YYYY-MM-DD，默认今天")


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code, is_active=True).first()
    if agency is None:
        raise NotFound("没有这个机关代码。")
    return agency


def _as_of(request):
    """The as_of date, or a form whose errors are the answer."""
    form = AsOfForm({"date": request.query_params.get("as_of", "")})
    if not form.is_valid():
        return None, form
    return form.cleaned_data["date"] or timezone.localdate(), form


class ListAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="powerlists_list",
        summary="机关的权力清单和责任清单（某一日期的状态）",
        parameters=[
            AS_OF,
            OpenApiParameter("type", str, enum=PowerType.values, description="只列这一权力类型"),
        ],
        responses={200: api.PowerListSerializer, **error_responses(400, 404)},
    )
    def get(self, request, code: str):
        agency = _agency(code)
        date, form = _as_of(request)
        if date is None:
            return form_error_response(form)
        power_type = request.query_params.get("type", "")
        if power_type and power_type not in PowerType.values:
            return Response(
                {"code": "invalid", "message": f"未知的权力类型“{power_type}”。"}, status=400
            )
        versions = sel.list_as_of(agency, date, power_type=power_type)
        return Response(
            {
                "agency": {"code": agency.code, "name": agency.name},
                "as_of": date.isoformat(),
                "count": len(versions),
                "results": [version_summary(v, request) for v in versions],
            }
        )


class ItemAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="powerlists_item",
        summary="清单事项在某一日期的内容及全部调整记录",
        parameters=[AS_OF],
        responses={200: api.PowerItemHistorySerializer, **error_responses(400, 404)},
    )
    def get(self, request, code: str, item_code: str):
        agency = _agency(code)
        item = sel.public_item(agency, item_code)
        if item is None:
            raise NotFound("没有这个事项编码。")
        date, form = _as_of(request)
        if date is None:
            return form_error_response(form)
        state = sel.item_as_of(item, date)
        return Response(item_history(item, sel.history(item), request, state=state, as_of=date))


class AdjustmentsAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="powerlists_adjustments",
        summary="清单调整记录（按生效日期倒序）",
        parameters=[
            OpenApiParameter("year", int, description="生效年份"),
            OpenApiParameter("kind", str, enum=ChangeKind.values, description="调整类型"),
        ],
        responses={
            200: api.PowerListAdjustmentRowSerializer(many=True),
            **error_responses(400, 404),
        },
    )
    def get(self, request, code: str):
        agency = _agency(code)
        form = AdjustmentFilterForm(request.query_params)
        if not form.is_valid():
            return form_error_response(form)
        versions = sel.adjustments(
            agency, year=form.cleaned_data["year"], change_kind=form.cleaned_data["kind"]
        )
        return Response(
            [{"code": v.item.code, "name": v.name, **adjustment_of(v)} for v in versions]
        )


# Staff -----------------------------------------------------------------------------------------


def _staff_item(request, pk: int) -> PowerItem:
    items = PowerItem.objects.visible_to(request.user).select_related("agency")
    return get_object_or_404(items, pk=pk)


def _staff_view(item: PowerItem, request) -> dict:
    return staff_item(item, sel.history(item), request)


def _handling_agency(request, action: str, what: str) -> Agency:
    agency = Agency.objects.filter(code=request.data.get("agency", "")).first()
    if agency is None or not POLICY.allows(request.user, action, agency):
        raise PermissionDenied(f"您不能{what}该机关的权责清单。")
    return agency


class OfficeItemsAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_powerlists_list",
        summary="本人可见机关的清单事项",
        parameters=[OpenApiParameter("agency", str, description="机关代码")],
        responses={200: api.StaffPowerItemSerializer(many=True), **error_responses(403)},
    )
    def get(self, request):
        items = sel.office_items(request.user)
        if request.query_params.get("agency"):
            items = items.filter(agency__code=request.query_params["agency"])
        return Response([_staff_view(item, request) for item in items[:500]])

    @extend_schema(
        operation_id="office_powerlists_add",
        summary="新增清单事项",
        description="字段与新增页面相同，另加 agency（机关代码）。",
        request=api.AddInputSerializer,
        responses={201: api.StaffPowerItemSerializer, **error_responses(400, 403)},
    )
    def post(self, request):
        agency = _handling_agency(request, "add", "登记")
        form = AddForm(request.data)
        if not form.is_valid():
            return form_error_response(form)
        item = s.power_item_add(actor=request.user, agency=agency, **form.cleaned_data)
        return Response(_staff_view(item, request), status=201)


class OfficeItemAPI(APIView):
    @extend_schema(
        operation_id="office_powerlists_read",
        summary="清单事项（工作人员）",
        responses={200: api.StaffPowerItemSerializer, **error_responses(403, 404)},
    )
    def get(self, request, pk: int):
        return Response(_staff_view(_staff_item(request, pk), request))


class OfficeAdjustAPI(ActionAPIView):
    """Adjustments of an item (actions.TABLE): 变更, 取消, 重新列入. Each needs effective_on,
    reason and document; content fields not given stay as they are."""

    table = TABLE
    operation_base = "office_powerlists_adjust"
    description = "登记调整（与事项页面相同的表单、规则和拒绝理由）；未给出的内容字段保持不变。"
    response_serializer = api.StaffPowerItemSerializer

    def get_target(self, request, pk: int):
        return _staff_item(request, pk)

    def input_data(self, request, target):
        return {**target.content(), **_plain(request.data)}

    def respond(self, request, target):
        target.refresh_from_db()
        return Response(_staff_view(target, request))


def _plain(data) -> dict:
    return {key: data.get(key) for key in data} if hasattr(data, "get") else {}


class OfficeImportAPI(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="office_powerlists_import",
        summary="批量公布清单（CSV 或 XLSX，全部无误才导入）",
        description="dry_run 为真时只检查，返回 200，不导入；否则导入后返回 201。",
        request={"multipart/form-data": api.ImportInputSerializer},
        responses={
            200: api.PowerListImportedSerializer,
            201: api.PowerListImportedSerializer,
            400: IMPORT_REFUSED,
            **error_responses(403),
        },
    )
    def post(self, request):
        agency = _handling_agency(request, "import", "公布")
        form = ImportForm(request.data, request.FILES)
        if not form.is_valid():
            return form_error_response(form)
        data = dict(form.cleaned_data)
        upload = data.pop("data")
        rows = s.read_rows(upload.read(), upload.name)
        try:
            items = s.powerlist_import(
                actor=request.user, agency=agency, rows=rows, source_name=upload.name, **data
            )
        except s.ImportFailed as failure:
            return Response(
                {
                    "code": failure.code,
                    "message": failure.message,
                    "errors": [e.__dict__ for e in failure.errors],
                },
                status=400,
            )
        status = 200 if data["dry_run"] else 201
        return Response({"imported": len(items), "codes": [i.code for i in items]}, status=status)


urlpatterns = [
    path("powerlists/<str:code>/items/", ListAPI.as_view(), name="powerlists-list"),
    path(
        "powerlists/<str:code>/items/<str:item_code>/",
        ItemAPI.as_view(),
        name="powerlists-item",
    ),
    path(
        "powerlists/<str:code>/adjustments/",
        AdjustmentsAPI.as_view(),
        name="powerlists-adjustments",
    ),
    path("office/powerlists/items/", OfficeItemsAPI.as_view(), name="office-powerlists-items"),
    path(
        "office/powerlists/items/<int:pk>/",
        OfficeItemAPI.as_view(),
        name="office-powerlists-item",
    ),
    *action_paths(
        "office/powerlists/items/<int:pk>/", OfficeAdjustAPI, name="office-powerlists-adjust"
    ),
    path("office/powerlists/import/", OfficeImportAPI.as_view(), name="office-powerlists-import"),
]
