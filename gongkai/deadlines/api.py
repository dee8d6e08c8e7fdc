from django.utils.datastructures import MultiValueDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.core.api import error_responses, form_error_response

from .forms import DeadlineQueryForm
from .serializers import ReplyDeadlineSerializer


class DeadlineCalculatorAPI(APIView):
    """The reply deadline of a disclosure application, in Chinese working days, explained."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="deadline_calculate",
        summary="计算答复期限",
        parameters=[
            OpenApiParameter(
                "received", OpenApiTypes.DATE, required=True, description="收到申请之日"
            ),
            OpenApiParameter(
                "regime", str, enum=["2008", "2019"], description="条例版本，缺省按收到申请之日确定"
            ),
            OpenApiParameter("extended", OpenApiTypes.BOOL, description="同时计算延长后的期限"),
            OpenApiParameter("restart", OpenApiTypes.DATE, description="补正后重新起算之日"),
            OpenApiParameter(
                "pause", str, many=True, description="不计入期限的区间 START:END，可重复"
            ),
        ],
        responses={200: ReplyDeadlineSerializer, **error_responses(400, 429)},
    )
    def get(self, request):
        params = request.query_params
        data = MultiValueDict({k: params.getlist(k) for k in params})
        data.setlist("pauses", ["\n".join(params.getlist("pause"))])
        if "extended" in params:
            data.setlist("extended", [params["extended"] in {"1", "true", "on", "yes"}])
        form = DeadlineQueryForm(data)
        if not form.is_valid():
            return form_error_response(form)
        return Response(form.reply_deadline().as_dict())
