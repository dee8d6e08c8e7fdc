"""The applicant's personal data in the staff API, as on the case page (personal.py): the
identity number masked for everyone, the contact masked for those who do not handle the case,
and POST /api/office/applications/<number>/reveal-identity/ for the staff handling it, which
answers the full number once and records who revealed whose number, when."""

from django.core.exceptions import PermissionDenied as RefusedByPolicy
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.core.api import error_responses
from gongkai.core.parsers import JSONObjectParser

from . import services as s
from .personal import applicant_shown, id_label
from .selectors import applications_visible_to


class ApplicantShownSerializer(serializers.Serializer):
    """申请人的个人信息：证件号码一律遮盖（承办人可调用 reveal-identity 显示完整号码，每次记入审计记录）；
    联系方式对承办人完整显示，对其他工作人员（审核人、督导、负责人、管理员）遮盖。"""

    name = serializers.CharField(help_text="姓名或名称")
    id_label = serializers.CharField(
        help_text="证件类型，如“居民身份证”，法人等为“统一社会信用代码”"
    )
    identifier = serializers.CharField(help_text="证件号码（遮盖，如 110***********002X）")
    phone = serializers.CharField(help_text="联系电话（非承办人遮盖）")
    address = serializers.CharField(allow_blank=True, help_text="通信地址（非承办人只显示到地区）")
    email = serializers.CharField(allow_blank=True, help_text="电子邮箱（非承办人遮盖）")
    contact_masked = serializers.BooleanField(help_text="联系方式是否已遮盖（本人不承办此申请）")
    can_reveal = serializers.BooleanField(help_text="本人能否显示完整证件号码")


def applicant_data(user, application) -> dict:
    shown = applicant_shown(user, application)
    return {
        "name": application.applicant_name,
        "id_label": shown.id_label,
        "identifier": shown.identifier,
        "phone": shown.phone,
        "address": shown.address,
        "email": shown.email,
        "contact_masked": shown.contact_masked,
        "can_reveal": shown.can_reveal,
    }


class RevealedIdentitySerializer(serializers.Serializer):
    number = serializers.CharField(help_text="受理编号")
    id_label = serializers.CharField(help_text="证件类型")
    identifier = serializers.CharField(help_text="完整的证件号码或统一社会信用代码")


class RevealIdentityAPI(APIView):
    parser_classes = [JSONObjectParser]

    @extend_schema(
        operation_id="office_reveal_identity",
        summary="显示申请人的完整证件号码（仅承办人，记入审计记录）",
        description=(
            "证件号码在页面和接口中一律遮盖。承办本申请的工作人员（本机关的信息公开工作人员）"
            "可以调用本接口取得完整号码；每次调用记入审计记录（操作人、时间、申请），号码本身"
            "不写入记录。审核人、督导、负责人、管理员返回 403；看不到这件申请的返回 404。"
            "请求体为空。"
        ),
        request=None,
        responses={200: RevealedIdentitySerializer, **error_responses(403, 404)},
    )
    def post(self, request, number: str):
        application = get_object_or_404(applications_visible_to(user=request.user), number=number)
        try:
            identifier = s.application_reveal_identity(actor=request.user, application=application)
        except RefusedByPolicy as refusal:
            raise PermissionDenied(str(refusal)) from None
        response = Response(
            {
                "number": application.number,
                "id_label": id_label(application),
                "identifier": identifier,
            }
        )
        response["Cache-Control"] = "no-store"
        return response
