"""REST API of the yearly facts (OpenAPI at /api/openapi.json): public reads of an agency's
yearly figures; staff reads of the records, and staff writes and imports of other-system
figures through the same services as the pages."""

from django.http import Http404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.core.api import IMPORT_REFUSED, error_responses, form_error_response
from gongkai.core.errors import DomainError
from gongkai.core.params import int_param
from gongkai.core.parsers import JSONObjectParser

from . import selectors as sel
from . import serializers as api
from . import services as s
from .forms import FigureForm
from .kinds import KINDS
from .services.importer import read_rows
from .views.common import staff_agency, valid_year


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "as_tuple"):  # Decimal
        return str(sel.plain_decimal(value))
    return value


def _row(record, names) -> dict:
    return {name: _plain(getattr(record, name)) for name in names}


def _public_year(agency: Agency, year: int) -> dict:
    data = sel.public_year(agency, year)
    return {
        "agency": {"code": agency.code, "name": agency.name},
        "year": year,
        "locked": data["locked"],
        "figures": {k: _plain(v) for k, v in data["facts"].items()},
        "other_systems": {
            row: {column: _plain(v) for column, v in cells.items()}
            for row, cells in data["t2"].items()
        },
        "other_systems_entered": data["entered"],
        "bodies": [_row(b, ("name", "established_on")) for b in data["bodies"]],
        "reading_points": [
            _row(p, ("name", "address", "opened_on")) for p in data["reading_points"]
        ],
        "staff_by_position": data["staff"],
        "budgets": [_row(b, ("amount", "purpose", "dedicated")) for b in data["budgets"]],
        "meetings": [_row(m, ("held_on", "topic", "kind", "attendees")) for m in data["meetings"]],
        "trainings": [
            _row(t, ("held_on", "topic", "organiser", "hosted", "trainees", "hours"))
            for t in data["trainings"]
        ],
    }


def _year(year: int) -> int:
    try:
        return valid_year(year)
    except Http404:
        raise NotFound("没有这个年度的数据。") from None


class YearFactsAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="facts_year",
        summary="机关年度工作情况（公开）",
        description="figures 为旧统计表第八、九部分（键名 s8_*、s9_*，人员按12月31日在岗统计）；"
        "other_systems 为2021年格式表二中来自其他系统的数据（行键、列键同 report_formats.json）。"
        "工作人员只按岗位统计人数，不公开姓名。",
        responses={200: api.PublicYearSerializer, **error_responses(404)},
    )
    def get(self, request, code: str, year: int):
        agency = Agency.objects.filter(code=code, is_active=True).first()
        if agency is None:
            raise NotFound("没有这个机关代码。")
        return Response(_public_year(agency, _year(year)))


class OfficeYearAPI(APIView):
    @extend_schema(
        operation_id="office_facts_year",
        summary="机关年度工作记录（工作人员，含姓名和录入来源）",
        responses={200: api.OfficeYearSerializer, **error_responses(403, 404)},
    )
    def get(self, request, code: str, year: int):
        agency = staff_agency(request, code)
        year = _year(year)
        data = _public_year(agency, year)
        data["records"] = {
            slug: [
                {"id": r.pk, **_row(r, [n for n in kind.fields if n != "user"])}
                for r in sel.records_touching(agency, kind, year)
            ]
            for slug, kind in KINDS.items()
        }
        data["other_system_figures"] = [_figure(f) for f in sel.figures_of(agency, year).values()]
        return Response(data)


def _figure(figure) -> dict:
    return {
        "agency": figure.agency.code,
        "year": figure.year,
        "key": figure.key,
        "label": figure.get_key_display(),
        "value": _plain(figure.value),
        "unit": figure.unit,
        "source": figure.source,
        "entered_by": figure.entered_by.get_username() if figure.entered_by else None,
        "entered_at": figure.entered_at.isoformat(),
    }


class OfficeFiguresAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_facts_figures_list",
        summary="其他系统数据（某机关某年度）",
        parameters=[
            OpenApiParameter("agency", str, required=True, description="机关代码"),
            OpenApiParameter("year", int, required=True, description="年度"),
        ],
        responses={200: api.FigureSerializer(many=True), **error_responses(403, 404)},
    )
    def get(self, request):
        agency = staff_agency(request, request.query_params.get("agency", ""))
        year = _year(int_param(request.query_params.get("year", "")) or 0)
        return Response([_figure(f) for f in sel.figures_of(agency, year).values()])

    @extend_schema(
        operation_id="office_facts_figure_save",
        summary="录入或更正一项其他系统数据",
        description="字段：agency（机关代码）、year、key（licensing、punishment、coercion、"
        "admin_fees、regulations_made、regulations_repealed、regulations_valid）、value、source。"
        "年度已锁定时返回 400，code 为 year_locked。",
        request=api.FigureInputSerializer,
        responses={200: api.FigureSerializer, **error_responses(400, 403, 404)},
    )
    def post(self, request):
        form = FigureForm(request.data)
        if not form.is_valid():
            return form_error_response(form)
        data = form.cleaned_data
        agency = staff_agency(request, data.pop("agency"), "figures")
        figure = s.figure_save(actor=request.user, agency=agency, **data)
        return Response(_figure(figure))


class OfficeFiguresImportAPI(APIView):
    parser_classes = [JSONObjectParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="office_facts_figures_import",
        summary="导入其他系统数据（全部导入或全部不导入）",
        description="multipart：file（CSV）、agency、source、dry_run；或 JSON："
        '{"agency": "机关代码", "source": "…", "dry_run": false, "rows": [{"agency", "year", '
        '"key", "value", "unit", "source"}]}。有错误时返回 400，code 为 import_failed，'
        "errors 列出每行每列的问题。",
        request={
            "application/json": api.FiguresImportJSONSerializer,
            "multipart/form-data": api.FiguresImportUploadSerializer,
        },
        responses={
            200: api.FiguresImportedSerializer,
            400: IMPORT_REFUSED,
            **error_responses(403, 404),
        },
    )
    def post(self, request):
        agency = staff_agency(request, str(request.data.get("agency", "")), "figures")
        upload = request.FILES.get("file")
        if upload is not None:
            rows = read_rows(upload.read(), upload.name)
            name = upload.name
        else:
            rows = request.data.get("rows")
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise DomainError(
                    "rows 应为对象数组，或上传 CSV 文件 file。", code="import_bad_rows"
                )
            name = "API"
        dry_run = str(request.data.get("dry_run", "")).lower() in {"1", "true", "yes", "on"}
        try:
            saved = s.figures_import(
                actor=request.user,
                agency=agency,
                rows=rows,
                source_name=name,
                source=str(request.data.get("source", "")),
                dry_run=dry_run,
            )
        except s.ImportFailed as failure:
            return Response(
                {
                    "code": failure.code,
                    "message": failure.message,
                    "errors": [e.as_dict() for e in failure.errors],
                },
                status=400,
            )
        return Response({"rows": len(rows), "saved": saved, "dry_run": dry_run})


urlpatterns = [
    path("facts/<str:code>/<int:year>/", YearFactsAPI.as_view(), name="facts-year"),
    path(
        "office/facts/figures/",
        OfficeFiguresAPI.as_view(),
        name="office-facts-figures",
    ),
    path(
        "office/facts/figures/import/",
        OfficeFiguresImportAPI.as_view(),
        name="office-facts-figures-import",
    ),
    path("office/facts/<str:code>/<int:year>/", OfficeYearAPI.as_view(), name="office-facts-year"),
]
