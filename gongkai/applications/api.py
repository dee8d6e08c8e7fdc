"""REST API (OpenAPI at /api/openapi.json), with the same permissions as the pages:
applicants submit, list and read their own applications and submit corrections; staff read
their agencies' queue and move cases through the same action table as the case page."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import is_staff_member
from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.action_api import ActionAPIView
from gongkai.core.api import error_response, error_responses
from gongkai.core.errors import DomainError
from gongkai.deadlines.serializers import DeadlineShownSerializer

from . import services as s
from .actions import TABLE
from .models import Application, DeliveryMethod, ProvisionForm
from .permissions import POLICY
from .selectors import (
    applications_of,
    applications_visible_to,
    documents_for,
    reply_deadline_explained,
    work_queue,
)


class ApplicationOutcomeSerializer(serializers.Serializer):
    code = serializers.CharField()
    group = serializers.CharField()
    label = serializers.CharField()
    legal_basis = serializers.CharField(allow_blank=True)


class ApplicationDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    url = serializers.URLField()


class ApplicationSerializer(serializers.ModelSerializer):
    agency = AgencyRefSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display")
    reply_due = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "number",
            "status",
            "status_label",
            "agency",
            "channel",
            "info_title",
            "doc_number",
            "description",
            "provision_form",
            "delivery_method",
            "submitted_on",
            "received_on",
            "regime",
            "extended",
            "reply_due",
            "outcome",
            "documents",
        ]

    @extend_schema_field(
        DeadlineShownSerializer(
            allow_null=True, help_text="未结束的答复期限：届满日、是否暂定、紧迫程度、计算说明"
        )
    )
    def get_reply_due(self, obj) -> dict | None:
        deadline = reply_deadline_explained(obj)
        return deadline.as_dict() if deadline else None

    @extend_schema_field(
        ApplicationOutcomeSerializer(
            allow_null=True, help_text="办理结果；申请人只在决定生效后看到，工作人员随时可见"
        )
    )
    def get_outcome(self, obj) -> dict | None:
        staff = is_staff_member(self.context["request"].user)
        if not obj.outcome or not (obj.decision_is_final or staff):
            return None
        outcome = obj.outcome_obj
        return {
            "code": outcome.code,
            "group": outcome.group,
            "label": outcome.label,
            "legal_basis": obj.legal_basis,
        }

    @extend_schema_field(ApplicationDocumentSerializer(many=True))
    def get_documents(self, obj) -> list[dict]:
        request = self.context["request"]
        return [
            {
                "id": d.pk,
                "title": d.title,
                "kind": d.kind,
                "url": request.build_absolute_uri(reverse("applications:download", args=[d.pk])),
            }
            for d in documents_for(user=request.user, application=obj)
        ]


class SubmitSerializer(serializers.Serializer):
    agency = serializers.CharField(help_text="机关代码")
    info_title = serializers.CharField(max_length=300)
    doc_number = serializers.CharField(max_length=100, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    provision_form = serializers.ChoiceField(choices=ProvisionForm.choices)
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    identity_proof = serializers.FileField()


def _domain_response(error):
    return error_response(error)


class ApplicationListAPI(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        operation_id="applications_mine",
        summary="我的申请",
        responses={200: ApplicationSerializer(many=True), **error_responses(403)},
    )
    def get(self, request):
        rows = applications_of(applicant=request.user)
        return Response(ApplicationSerializer(rows, many=True, context={"request": request}).data)

    @extend_schema(
        operation_id="applications_submit",
        summary="在线提出申请",
        request={"multipart/form-data": SubmitSerializer},
        responses={
            201: inline_serializer(
                "Submitted",
                {
                    "number": serializers.CharField(help_text="受理编号"),
                    "query_code": serializers.CharField(help_text="查询码"),
                },
            ),
            **error_responses(400, 403),
        },
    )
    def post(self, request):
        data = SubmitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        agency = Agency.objects.filter(code=values.pop("agency"), is_active=True).first()
        if agency is None:
            return Response({"code": "unknown_agency", "message": "没有这个机关代码。"}, status=400)
        try:
            application, code = s.application_submit_online(
                applicant=request.user,
                agency=agency,
                identity_proof=values.pop("identity_proof"),
                **values,
            )
        except (DomainError, ValidationError) as error:
            return _domain_response(error)
        return Response({"number": application.number, "query_code": code}, status=201)


def _visible(request, number: str) -> Application:
    application = Application.objects.select_related("agency").filter(number=number).first()
    if application is None or not POLICY.can_view(request.user, application):
        raise NotFound("没有找到这件申请。")
    return application


class ApplicationDetailAPI(APIView):
    @extend_schema(
        operation_id="applications_read",
        summary="查看申请",
        responses={200: ApplicationSerializer, **error_responses(403, 404)},
    )
    def get(self, request, number: str):
        return Response(
            ApplicationSerializer(_visible(request, number), context={"request": request}).data
        )


class CorrectionAPI(APIView):
    @extend_schema(
        operation_id="applications_correct",
        summary="提交补正",
        request=inline_serializer("Correction", {"text": serializers.CharField()}),
        responses={200: ApplicationSerializer, **error_responses(400, 403, 404, 409)},
    )
    def post(self, request, number: str):
        application = get_object_or_404(applications_of(applicant=request.user), number=number)
        text = (request.data.get("text") or "").strip()
        if not text:
            return Response(
                {
                    "code": "invalid",
                    "message": "请填写补正内容。",
                    "errors": {"text": ["请填写补正内容。"]},
                },
                status=400,
            )
        try:
            application = s.application_submit_correction(
                actor=request.user, application=application, text=text
            )
        except (DomainError, ValidationError) as error:
            return _domain_response(error)
        return Response(ApplicationSerializer(application, context={"request": request}).data)


class QueueAPI(APIView):
    @extend_schema(
        operation_id="office_queue",
        summary="工作队列（按答复期限排序）",
        responses={200: ApplicationSerializer(many=True), **error_responses(403)},
    )
    def get(self, request):
        rows = work_queue(user=request.user)
        return Response(ApplicationSerializer(rows, many=True, context={"request": request}).data)


class ActionAPI(ActionAPIView):
    """The case page's actions (actions.TABLE), one typed path each."""

    table = TABLE
    operation_base = "office_act"
    description = "办理操作（与办理页面相同的表单、规则和拒绝理由）。"
    response_serializer = ApplicationSerializer

    def get_target(self, request, number: str):
        return get_object_or_404(applications_visible_to(user=request.user), number=number)

    def respond(self, request, target):
        target.refresh_from_db()
        return Response(ApplicationSerializer(target, context={"request": request}).data)
