"""REST API of the appeals app (OpenAPI at /api/openapi.json): public per-year counts (no
names), staff reads and writes of cases through the same forms and services as the pages."""

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.core.action_views import action_api
from gongkai.core.api import error_responses, form_error_response
from gongkai.core.errors import DomainError
from gongkai.core.params import int_param
from gongkai.core.parsers import JSONObjectParser

from . import selectors as sel
from . import serializers as api
from . import services as s
from .actions import TABLE
from .forms import CaseForm, CorrectionForm, FilterForm, RecordedCaseForm
from .models import AppealCase
from .permissions import POLICY
from .states import AppealKind, Outcome


class CountsAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="appeals_counts",
        summary="行政复议、行政诉讼和举报投诉的年度统计（不含当事人信息）",
        description=(
            "按立案年度统计，结果为当年12月31日的状态（次年审结的计为尚未审结）。"
            "t4 为年度报告表四（rc_/ld_/la_ 加 upheld、corrected、other、pending、total），"
            "legacy 为旧统计表第四至六项（s4…s6，尚未审结计入其他情形）。"
        ),
        parameters=[
            OpenApiParameter("year", int, description="只返回这一年"),
            OpenApiParameter("subtree", bool, description="包括下级机关"),
        ],
        responses={200: api.AppealCountsSerializer, **error_responses(400, 404)},
    )
    def get(self, request, code: str):
        agency = Agency.objects.filter(code=code, is_active=True).first()
        if agency is None:
            raise NotFound("没有这个机关代码。")
        subtree = request.query_params.get("subtree", "").lower() in {"1", "true", "yes"}
        ids = sel.agency_ids_for(agency, subtree=subtree)
        year = int_param(request.query_params.get("year", ""), minimum=sel.FIRST_YEAR, maximum=2100)
        if request.query_params.get("year", "") and year is None:
            return Response(
                {"code": "bad_year", "message": f"年份应为{sel.FIRST_YEAR}至2100之间的整数。"},
                status=400,
            )
        years = [year] if year else sel.public_years(ids)
        return Response(
            {
                "agency": {"code": agency.code, "name": agency.name},
                "subtree": subtree,
                "years": [
                    {"year": row["year"], "t4": row["t4"], "legacy": row["legacy"]}
                    for row in sel.year_rows(ids, years)
                ],
            }
        )


# Staff ------------------------------------------------------------------------------------------


def case_data(case: AppealCase) -> dict:
    return {
        "pk": case.pk,
        "agency": {"code": case.agency.code, "name": case.agency.name},
        "kind": case.kind,
        "kind_label": case.get_kind_display(),
        "application": case.application.number if case.application else None,
        "reconsideration": case.reconsideration_id,
        "appellant_name": case.appellant_name,
        "reviewing_body": case.reviewing_body,
        "case_number": case.case_number,
        "filed_on": case.filed_on.isoformat(),
        "summary": case.summary,
        "outcome": case.outcome,
        "outcome_label": case.get_outcome_display(),
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
        "outcome_note": case.outcome_note,
        "documents": [
            {"id": d.pk, "kind": d.kind, "title": d.title, "size": d.size}
            for d in case.documents.all()
        ],
    }


def _staff_case(request, pk: int) -> AppealCase:
    queryset = AppealCase.objects.visible_to(request.user).select_related("agency", "application")
    return get_object_or_404(queryset, pk=pk)


class OfficeCasesAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_appeals_list",
        summary="本机关复议、诉讼和投诉案件",
        parameters=[
            OpenApiParameter("kind", str, enum=AppealKind.values, description="案件类型"),
            OpenApiParameter("year", int, description="立案年份"),
            OpenApiParameter("outcome", str, enum=Outcome.values, description="结果"),
            OpenApiParameter("q", str, description="当事人、案号、机关或受理编号"),
        ],
        responses={200: api.AppealCaseSerializer(many=True), **error_responses(400, 403)},
    )
    def get(self, request):
        filters = FilterForm(request.query_params)
        if not filters.is_valid():
            return form_error_response(filters)
        data = filters.cleaned_data
        cases = sel.office_cases(
            request.user,
            kind=data["kind"],
            year=data["year"],
            outcome=data["outcome"],
            text=data["q"].strip(),
        ).prefetch_related("documents")[:200]
        return Response([case_data(c) for c in cases])

    @extend_schema(
        operation_id="office_appeals_create",
        summary="登记案件",
        description="字段与登记页面相同，另加 agency（机关代码）；application 为受理编号。"
        "已审结的案件须同时填写 outcome 和 closed_on。",
        request=api.CaseCreateSerializer,
        responses={201: api.AppealCaseSerializer, **error_responses(400, 403)},
    )
    def post(self, request):
        agency = Agency.objects.filter(code=request.data.get("agency", "")).first()
        if agency is None or not POLICY.allows(request.user, "create", agency):
            raise PermissionDenied("您不能在该机关登记案件。")
        form = RecordedCaseForm(request.data, agency=agency)
        if not form.is_valid():
            return form_error_response(form)
        case = s.appeal_create(actor=request.user, agency=agency, **form.cleaned_data)
        return Response(case_data(case), status=201)


class OfficeCaseAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_appeals_read",
        summary="案件（工作人员）",
        responses={200: api.AppealCaseSerializer, **error_responses(403, 404)},
    )
    def get(self, request, pk: int):
        return Response(case_data(_staff_case(request, pk)))

    @extend_schema(
        operation_id="office_appeals_update",
        summary="修改未审结的案件，或更正已审结的案件",
        description="只需提交要改的字段。已审结的案件须提交 correction_reason，可同时更正结果。",
        request=api.CaseUpdateSerializer,
        responses={200: api.AppealCaseSerializer, **error_responses(400, 403, 404)},
    )
    def patch(self, request, pk: int):
        case = _staff_case(request, pk)
        if not case.is_closed and set(request.data) & {"outcome", "closed_on", "outcome_note"}:
            raise DomainError(
                "尚未审结的案件请通过 outcome 接口登记结果。", code="use_record_outcome"
            )
        form_class = CorrectionForm if case.is_closed else CaseForm
        data = form_class.initial_of(case)
        data.update(request.data.items() if hasattr(request.data, "items") else {})
        form = form_class(data, agency=case.agency)
        if not form.is_valid():
            return form_error_response(form)
        case = s.appeal_update(actor=request.user, case=case, **form.cleaned_data)
        return Response(case_data(case))


class OfficeOutcomeAPI(APIView):
    parser_classes = [JSONObjectParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="office_appeals_outcome",
        summary="登记审结结果",
        description="outcome：upheld / corrected / other；closed_on 必填，不早于立案日期、不晚于今天。",
        request=api.OutcomeInputSerializer,
        responses={200: api.AppealCaseSerializer, **error_responses(400, 403, 404, 409)},
    )
    def post(self, request, pk: int):
        case = _staff_case(request, pk)

        def respond(target):
            target.refresh_from_db()
            return Response(case_data(target))

        return action_api(request, table=TABLE, target=case, name="record_outcome", respond=respond)


class OfficeDocumentsAPI(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="office_appeals_attach",
        summary="上传案件材料（PDF、Word或图片）",
        request={"multipart/form-data": api.DocumentInputSerializer},
        responses={201: api.AppealDocumentAddedSerializer, **error_responses(400, 403, 404)},
    )
    def post(self, request, pk: int):
        case = _staff_case(request, pk)
        # The table's action, run here rather than by action_api: the answer is the new file.
        form = TABLE.form("attach", case, request.data, request.FILES, prefix=None)
        if not form.is_valid():
            return form_error_response(form)
        document = TABLE.perform(request.user, "attach", case, form.cleaned_data)
        return Response({"id": document.pk, "kind": document.kind, "title": document.title}, 201)


urlpatterns = [
    path("appeals/<str:code>/counts/", CountsAPI.as_view(), name="appeals-counts"),
    path("office/appeals/cases/", OfficeCasesAPI.as_view(), name="office-appeals-cases"),
    path("office/appeals/cases/<int:pk>/", OfficeCaseAPI.as_view(), name="office-appeals-case"),
    path(
        "office/appeals/cases/<int:pk>/outcome/",
        OfficeOutcomeAPI.as_view(),
        name="office-appeals-outcome",
    ),
    path(
        "office/appeals/cases/<int:pk>/documents/",
        OfficeDocumentsAPI.as_view(),
        name="office-appeals-documents",
    ),
]
