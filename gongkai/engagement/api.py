"""REST API of the engagement app (mounted under /api/; OpenAPI at /api/openapi.json): public
reads of consultations and responses, comment submission for signed-in users, and staff
moderation through the same action table as the office pages."""

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.core.action_api import ActionAPIView, action_paths
from gongkai.core.api import error_responses, form_error_response
from gongkai.core.client import client_address
from gongkai.core.params import page_param, year_param
from gongkai.core.parsers import JSONObjectParser

from . import selectors as sel
from . import serializers as api
from . import services as s
from .actions import COMMENT_TABLE
from .forms import CommentForm
from .models import Comment, ConcernResponse, Consultation
from .permissions import POLICY
from .records import (
    comment_staff_record,
    consultation_detail,
    consultation_summary,
    response_record,
)
from .states import CommentStatus, Phase

PAGE_SIZE = 50
AGENCY = OpenApiParameter("agency", str, description="机关代码")
YEAR = OpenApiParameter("year", int, description="年份")
PAGE = OpenApiParameter("page", int, description="页码，从1开始，每页50条")


def _agency(request) -> Agency | None:
    code = request.query_params.get("agency", "")
    if not code:
        return None
    agency = Agency.objects.filter(code=code, is_active=True).first()
    if agency is None:
        raise NotFound("没有这个机关代码。")
    return agency


def _paged(rows, request, shape) -> dict:
    page = page_param(request.query_params) or 1
    start = (page - 1) * PAGE_SIZE
    chunk = list(rows[start : start + PAGE_SIZE + 1])
    return {
        "results": [shape(row) for row in chunk[:PAGE_SIZE]],
        "page": page,
        "next_page": page + 1 if len(chunk) > PAGE_SIZE else None,
    }


class ConsultationListAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="engagement_consultations",
        summary="征求意见列表（按开始日期倒序）",
        parameters=[
            AGENCY,
            YEAR,
            OpenApiParameter(
                "phase", str, enum=["scheduled", "open", "closed", "feedback"], description="阶段"
            ),
            PAGE,
        ],
        responses={200: api.ConsultationPageSerializer, **error_responses(400, 404)},
    )
    def get(self, request):
        rows = sel.public_consultations(
            agency=_agency(request), year=year_param(request.query_params)
        )
        phase = request.query_params.get("phase", "")
        if phase in Phase.values:
            rows = [c for c in rows if c.phase() == phase]
        return Response(_paged(rows, request, lambda c: consultation_summary(c, request)))


class ConsultationDetailAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="engagement_consultation",
        summary="征求意见（含公开的意见、答复和采纳情况）",
        responses={200: api.ConsultationDetailSerializer, **error_responses(404)},
    )
    def get(self, request, pk: int):
        consultation = _public(pk)
        comments = sel.public_comments(consultation)
        return Response(consultation_detail(consultation, comments, request))


def _public(pk: int) -> Consultation:
    consultation = (
        sel.public_consultations().filter(pk=pk).select_related("final_decision__agency").first()
    )
    if consultation is None:
        raise NotFound("没有找到这个征求意见。")
    return consultation


class CommentSubmitAPI(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONObjectParser]

    @extend_schema(
        operation_id="engagement_comment_submit",
        summary="提交意见（须登录；经审核后公开）",
        description="字段：text（必填，5–5000字）、display_name（署名，可选）、files（附件，"
        "multipart，最多3个）。征求意见期外提交返回 400（window_closed / window_not_open），"
        "过于频繁返回 429（comment_rate_limited）。",
        request={"multipart/form-data": api.CommentInputSerializer},
        responses={201: api.CommentSubmittedSerializer, **error_responses(400, 403, 404, 429)},
    )
    def post(self, request, pk: int):
        consultation = _public(pk)
        form = CommentForm(request.data, request.FILES)
        if not form.is_valid():
            return form_error_response(form)
        comment = s.comment_submit(
            consultation=consultation,
            author=request.user,
            ip=client_address(request),
            **form.cleaned_data,
        )
        return Response({"id": comment.pk, "status": comment.status}, status=201)


class ResponseListAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="engagement_responses",
        summary="回应关切记录（按日期倒序）",
        parameters=[
            OpenApiParameter("agency", str, required=True, description="机关代码"),
            YEAR,
            OpenApiParameter("kind", str, enum=ConcernResponse.Kind.values, description="回应方式"),
            PAGE,
        ],
        responses={200: api.ConcernResponsePageSerializer, **error_responses(400, 404)},
    )
    def get(self, request):
        agency = _agency(request)
        if agency is None:
            return Response({"code": "agency_required", "message": "请指定机关代码。"}, status=400)
        rows = sel.public_responses(
            agency=agency,
            year=year_param(request.query_params),
            kind=request.query_params.get("kind", ""),
        )
        return Response(_paged(rows, request, lambda r: response_record(r, request)))


class ResponseDetailAPI(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="engagement_response",
        summary="回应关切记录",
        responses={200: api.ConcernResponseSerializer, **error_responses(404)},
    )
    def get(self, request, pk: int):
        record = ConcernResponse.objects.select_related("agency", "item__agency").filter(pk=pk)
        found = record.first()
        if found is None:
            raise NotFound("没有找到这条记录。")
        return Response(response_record(found, request))


# Staff ------------------------------------------------------------------------------------------


class OfficeCommentsAPI(APIView):
    @extend_schema(
        operation_id="office_engagement_comments",
        summary="征求意见的全部意见（工作人员，含待审核和已屏蔽）",
        parameters=[
            OpenApiParameter("status", str, enum=CommentStatus.values, description="只列这一状态")
        ],
        responses={200: api.StaffCommentSerializer(many=True), **error_responses(403, 404)},
    )
    def get(self, request, pk: int):
        consultation = get_object_or_404(
            Consultation.objects.visible_to(request.user).select_related("agency"), pk=pk
        )
        rows = sel.office_comments(consultation, status=request.query_params.get("status", ""))
        return Response([comment_staff_record(c, request) for c in rows])


class OfficeCommentActionAPI(ActionAPIView):
    """Moderation, answers and the 采纳情况 of a comment (actions.COMMENT_TABLE)."""

    table = COMMENT_TABLE
    operation_base = "office_engagement_comment_act"
    description = "审核、答复意见，填写采纳情况（与征求意见页面相同的表单、规则和拒绝理由）。"
    response_serializer = api.StaffCommentSerializer

    def get_target(self, request, pk: int):
        comment = get_object_or_404(Comment.objects.select_related("consultation__agency"), pk=pk)
        POLICY.require_view(request.user, comment)
        return comment

    def respond(self, request, target):
        target.refresh_from_db()
        return Response(comment_staff_record(target, request))


urlpatterns = [
    path(
        "engagement/consultations/",
        ConsultationListAPI.as_view(),
        name="engagement-consultations",
    ),
    path(
        "engagement/consultations/<int:pk>/",
        ConsultationDetailAPI.as_view(),
        name="engagement-consultation",
    ),
    path(
        "engagement/consultations/<int:pk>/comments/",
        CommentSubmitAPI.as_view(),
        name="engagement-comment-submit",
    ),
    path("engagement/responses/", ResponseListAPI.as_view(), name="engagement-responses"),
    path("engagement/responses/<int:pk>/", ResponseDetailAPI.as_view(), name="engagement-response"),
    path(
        "office/engagement/consultations/<int:pk>/comments/",
        OfficeCommentsAPI.as_view(),
        name="office-engagement-comments",
    ),
    *action_paths(
        "office/engagement/comments/<int:pk>/actions/",
        OfficeCommentActionAPI,
        name="office-engagement-comment-act",
    ),
]
