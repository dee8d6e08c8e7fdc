"""The deadline calculator's answer (compute.ReplyDeadline.as_dict), for the OpenAPI schema."""

from rest_framework import serializers

from gongkai.regimes import REGIMES


class TraceDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    counted = serializers.IntegerField(
        allow_null=True, help_text="计入期限的第几个工作日；不计入为空"
    )
    reason = serializers.CharField(help_text="计入或不计入的原因：工作日、周六、春节放假…")


class ReplyDeadlineSerializer(serializers.Serializer):
    regime = serializers.ChoiceField(
        choices=[(code, r.name) for code, r in REGIMES.items()], help_text="适用的条例版本"
    )
    received = serializers.DateField()
    restart = serializers.DateField(allow_null=True)
    pauses = serializers.ListField(
        child=serializers.ListField(child=serializers.DateField(), min_length=2, max_length=2),
        help_text="不计入期限的区间 [开始, 结束]",
    )
    due = serializers.DateField(help_text="答复期限")
    extended_due = serializers.DateField(allow_null=True, help_text="延长后的期限（如计算）")
    reply_workdays = serializers.IntegerField()
    extension_workdays = serializers.IntegerField()
    trace = TraceDaySerializer(many=True, help_text="逐日说明")
    explanation = serializers.ListField(child=serializers.CharField())
