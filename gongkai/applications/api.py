"""REST API (OpenAPI at /api/openapi.json), with the same permissions as the pages:
applicants submit, list and read their own applications and submit corrections; staff read
their agencies' queue and move cases through the same action table as the case page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.agencies.models import Agency
from gongkai.agencies.permissions import is_staff_member
from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.action_api import ActionAPIView
from gongkai.core.api import error_response, error_responses, form_error_response
from gongkai.core.errors import DomainError
from gongkai.core.form_schema import UploadField
from gongkai.core.paging import paginate
from gongkai.core.parsers import JSONObjectParser
from gongkai.deadlines.serializers import DeadlineShownSerializer
from gongkai.regimes import REGIMES
from gongkai.regimes.rules import Channel

from . import services as s
from .actions import APPLICANT_TABLE, TABLE
from .api_personal import ApplicantShownSerializer, applicant_data
from .filters import PAGE_SIZE as QUEUE_PAGE_SIZE
from .filters import SORTS, URGENCIES, QueueFilterForm, outcome_choices
from .listing import documents_by_case, reply_deadlines_explained
from .models import Application, DeliveryMethod, ProvisionForm
from .permissions import POLICY
from .selectors import (
    applications_of,
    applications_visible_to,
    documents_for,
    queue_cases,
    queue_rows,
    reply_deadline_explained,
)
from .states import Status


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


# Where a list's serializer leaves what it read for all its rows (the rows' serializer reads it).
REPLY_DEADLINES, DOCUMENTS = "_reply_deadlines", "_documents"


class ApplicationListSerializer(serializers.ListSerializer):
    """A list of cases reads their reply deadlines and files at once (listing.py), so that a
    page costs the same statements whatever the number of rows."""

    def to_representation(self, data):
        rows = list(data.all() if isinstance(data, models.manager.BaseManager) else data)
        user = self.context["request"].user
        self.context[REPLY_DEADLINES] = reply_deadlines_explained(rows)
        self.context[DOCUMENTS] = documents_by_case(user=user, applications=rows)
        return super().to_representation(rows)


class ApplicationSerializer(serializers.ModelSerializer):
    agency = AgencyRefSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display")
    reply_due = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta:
        model = Application
        list_serializer_class = ApplicationListSerializer
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
        listed = self.context.get(REPLY_DEADLINES, {})
        deadline = listed[obj.pk] if obj.pk in listed else reply_deadline_explained(obj)
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
        listed = self.context.get(DOCUMENTS, {})
        documents = (
            listed[obj.pk]
            if obj.pk in listed
            else documents_for(user=request.user, application=obj)
        )
        return [
            {
                "id": d.pk,
                "title": d.title,
                "kind": d.kind,
                "url": request.build_absolute_uri(reverse("applications:download", args=[d.pk])),
            }
            for d in documents
        ]


class SubmitSerializer(serializers.Serializer):
    agency = serializers.CharField(help_text="机关代码")
    info_title = serializers.CharField(max_length=300)
    doc_number = serializers.CharField(max_length=100, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    provision_form = serializers.ChoiceField(choices=ProvisionForm.choices)
    delivery_method = serializers.ChoiceField(choices=DeliveryMethod.choices)
    identity_proof = UploadField()


def _domain_response(error):
    return error_response(error)


class ApplicationListAPI(APIView):
    parser_classes = [MultiPartParser, FormParser, JSONObjectParser]

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
        text = request.data.get("text")
        text = text.strip() if isinstance(text, str) else ""  # a list or an object is no text
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


class AssigneeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class QueueApplicationSerializer(ApplicationSerializer):
    """A case in the staff queue: the case as read by its API, plus what staff sort by."""

    applicant_name = serializers.CharField()
    applicant = serializers.SerializerMethodField()
    assigned_to = serializers.SerializerMethodField()

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "applicant_name", "applicant", "assigned_to"]

    @extend_schema_field(ApplicantShownSerializer)
    def get_applicant(self, obj) -> dict:
        return applicant_data(self.context["request"].user, obj)

    @extend_schema_field(AssigneeSerializer(allow_null=True, help_text="承办人；待分配时为 null"))
    def get_assigned_to(self, obj) -> dict | None:
        user = obj.assigned_to
        if user is None:
            return None
        return {"id": user.pk, "name": user.get_full_name() or user.get_username()}


class QueuePageSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="符合条件的申请总数")
    page = serializers.IntegerField(help_text="本页页码（超过末页时为末页）")
    pages = serializers.IntegerField(help_text="总页数（至少为1）")
    page_size = serializers.IntegerField(help_text="每页件数")
    results = QueueApplicationSerializer(many=True)


def _enum(name: str, values, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, str, enum=[v for v in values if v], description=description)


QUEUE_PARAMETERS = [
    _enum(
        "status",
        ["open", "concluded", "all", *Status.values],
        "状态：open 未办结（默认）、concluded 已办结或已撤回、all 全部，或一个具体状态"
        "（closed 仅已办结、withdrawn 仅已撤回）",
    ),
    OpenApiParameter(
        "assignee", str, description="承办人：me 我承办的、none 待分配，或承办人的用户编号"
    ),
    _enum("channel", Channel.values, "申请渠道"),
    _enum("outcome", [code for code, _label in outcome_choices()], "答复类型"),
    _enum("regime", list(REGIMES), "适用条例"),
    OpenApiParameter("received_from", OpenApiTypes.DATE, description="收到日期自（YYYY-MM-DD）"),
    OpenApiParameter("received_to", OpenApiTypes.DATE, description="收到日期至（YYYY-MM-DD）"),
    OpenApiParameter(
        "q", str, description="受理编号、申请人姓名或名称、所需信息（空格分隔多个词）"
    ),
    _enum(
        "urgency",
        [code for code, _label in URGENCIES],
        "答复期限：overdue 已逾期、today 今日到期、soon 即将到期（提醒期限内）、"
        "provisional 暂定、pending 无法计算",
    ),
    OpenApiParameter("agency", int, description="机关编号"),
    _enum(
        "sort",
        [code for code, _label in SORTS],
        "排序：due 按答复期限（默认）、received、-received",
    ),
    OpenApiParameter("page", int, description=f"页码，从1开始，每页{QUEUE_PAGE_SIZE}件"),
]


class QueueAPI(APIView):
    @extend_schema(
        operation_id="office_queue",
        summary="工作队列（筛选、排序、分页，与办理页面相同）",
        parameters=QUEUE_PARAMETERS,
        responses={200: QueuePageSerializer, **error_responses(400, 403)},
    )
    def get(self, request):
        if not is_staff_member(request.user):
            # As the queue page (staff_required): not an empty list an applicant may query.
            raise PermissionDenied("工作队列仅对机关工作人员开放。")
        form = QueueFilterForm(request.query_params, user=request.user)
        if not form.is_valid():
            return form_error_response(form)
        pager = paginate(
            queue_cases(user=request.user, **form.filters),
            form.cleaned_data["page"],
            size=QUEUE_PAGE_SIZE,
            fetch=queue_rows,
        )
        rows = QueueApplicationSerializer(pager.items, many=True, context={"request": request})
        return Response(
            {
                "count": pager.count,
                "page": pager.number,
                "pages": pager.pages,
                "page_size": pager.size,
                "results": rows.data,
            }
        )


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


class WithdrawAPI(ActionAPI):
    """POST /api/applications/<number>/withdraw/: the applicant withdraws their own case, with
    the page's form (`reason` optional, `"confirm": true` required); 404 for anyone else's, 409
    once a decision is approved."""

    table = APPLICANT_TABLE
    action_name = "withdraw"
    operation_base = "applications"
    description = (
        "申请人撤回本人的申请（答复审核通过之前）。撤回后本申请终止办理，不能恢复；"
        "可以重新提出申请。须传 confirm 为 true；reason 为可选的撤回理由，记入办理过程。"
    )

    def get_target(self, request, number: str):
        return get_object_or_404(applications_of(applicant=request.user), number=number)
