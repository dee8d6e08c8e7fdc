"""The engagement API's bodies, for the OpenAPI schema. The records (records.py) build the data;
these say its shape, and the contract test (tests/contract.py) holds the two together."""

from rest_framework import serializers

from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.form_schema import form_serializer

from .forms import CommentForm
from .models import Comment, ConcernResponse
from .states import CommentStatus, Phase


class EngagementFileSerializer(serializers.Serializer):
    title = serializers.CharField()
    size = serializers.IntegerField(help_text="字节数")
    url = serializers.URLField()


class ConsultationSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    agency = AgencyRefSerializer()
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    phase = serializers.ChoiceField(choices=Phase.choices)
    phase_label = serializers.CharField()
    allow_anonymous = serializers.BooleanField(help_text="是否允许未登录的公众匿名提交意见")
    url = serializers.URLField(help_text="门户网站上的页面")


class ConsultationPageSerializer(serializers.Serializer):
    results = ConsultationSummarySerializer(many=True)
    page = serializers.IntegerField()
    next_page = serializers.IntegerField(allow_null=True, help_text="没有下一页为空")


class PublicCommentSerializer(serializers.Serializer):
    """已公开的意见。机关公布采纳情况后（feedback 阶段）才有 adoption 和 adoption_reason。"""

    id = serializers.IntegerField()
    display_name = serializers.CharField(help_text="署名")
    text = serializers.CharField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    attachments = EngagementFileSerializer(many=True)
    answer = serializers.CharField(allow_null=True, help_text="机关的答复")
    answered_at = serializers.DateTimeField(allow_null=True)
    adoption = serializers.ChoiceField(
        choices=Comment.Adoption.choices, allow_null=True, required=False, help_text="采纳情况"
    )
    adoption_reason = serializers.CharField(allow_null=True, required=False)


class FinalDecisionRefSerializer(serializers.Serializer):
    index_number = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField()


class ConsultationDetailSerializer(ConsultationSummarySerializer):
    background = serializers.CharField(allow_blank=True)
    basis = serializers.CharField(allow_blank=True)
    draft_text = serializers.CharField(allow_blank=True)
    published_at = serializers.DateTimeField(allow_null=True)
    attachments = EngagementFileSerializer(many=True)
    feedback_summary = serializers.CharField(
        allow_null=True, help_text="意见采纳情况说明（公布后才有）"
    )
    feedback_published_at = serializers.DateTimeField(allow_null=True)
    final_decision = FinalDecisionRefSerializer(allow_null=True, help_text="最终文件（已公开的）")
    comments = PublicCommentSerializer(many=True)


class StaffCommentSerializer(PublicCommentSerializer):
    adoption = serializers.ChoiceField(choices=Comment.Adoption.choices, allow_null=True)
    adoption_reason = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=CommentStatus.choices)
    status_label = serializers.CharField()
    hidden_reason = serializers.CharField(allow_null=True)
    author = serializers.CharField(allow_null=True, help_text="提交意见的用户名（匿名为空）")


class CommentSubmittedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=CommentStatus.choices)


class ConcernResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    agency = AgencyRefSerializer()
    kind = serializers.ChoiceField(choices=ConcernResponse.Kind.choices)
    kind_label = serializers.CharField()
    topic = serializers.CharField()
    held_on = serializers.DateField()
    participants = serializers.CharField(allow_blank=True)
    principal_leader_took_part = serializers.BooleanField()
    link = serializers.CharField(allow_null=True)
    transcript = serializers.CharField(allow_blank=True)
    item = serializers.URLField(allow_null=True, help_text="相关的已公开目录条目")
    url = serializers.URLField(help_text="门户网站上的页面")


class ConcernResponsePageSerializer(serializers.Serializer):
    results = ConcernResponseSerializer(many=True)
    page = serializers.IntegerField()
    next_page = serializers.IntegerField(allow_null=True)


CommentInputSerializer = form_serializer(CommentForm, name="CommentInput")
