"""The deadline calculator's answer (compute.ReplyDeadline.as_dict), and a stored deadline as
the API shows it (display.DeadlineShown.as_dict): the one field set every endpoint uses."""

from rest_framework import serializers

from gongkai.regimes import REGIMES


class TraceDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    counted = serializers.IntegerField(
        allow_null=True, help_text="计入期限的第几个工作日；不计入为空"
    )
    reason = serializers.CharField(help_text="计入或不计入的原因：工作日、周六、春节放假…")


class AssumedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    name = serializers.CharField(help_text="节日：元旦、春节…")
    basis = serializers.CharField(help_text="《全国年节及纪念日放假办法》的条款")
    makeup_for = serializers.DateField(
        allow_null=True, help_text="补假的：适逢周六、周日的那一天放假日；否则为空"
    )


class AssumptionSerializer(serializers.Serializer):
    years = serializers.ListField(
        child=serializers.IntegerField(), help_text="节假日安排尚未公布、按法定节假日推算的年份"
    )
    measures = serializers.CharField(help_text="推算所依据的《全国年节及纪念日放假办法》版本")
    holidays_basis = serializers.CharField(help_text="规定放假节日的条款")
    makeup_basis = serializers.CharField(help_text="规定补假的条款")
    makeup_text = serializers.CharField(help_text="补假条款原文")
    days = AssumedDaySerializer(many=True, help_text="计算中按推算放假的日子")


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
    provisional = serializers.BooleanField(
        help_text="暂定：计算用到了节假日安排尚未公布的年份（按法定节假日推算，见 assumption）"
    )
    extended_due = serializers.DateField(allow_null=True, help_text="延长后的期限（如计算）")
    extended_provisional = serializers.BooleanField(
        allow_null=True, help_text="延长后的期限是否暂定（未计算延长的为空）"
    )
    reply_workdays = serializers.IntegerField()
    extension_workdays = serializers.IntegerField()
    trace = TraceDaySerializer(many=True, help_text="逐日说明；推算的日子注明“（暂定）”")
    assumption = AssumptionSerializer(
        allow_null=True, help_text="暂定日期推算时的假定：哪些年份、依据什么、哪些日子放假"
    )
    explanation = serializers.ListField(child=serializers.CharField())


class UrgencySerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=["overdue", "today", "soon", "later", "pending"],
        help_text="overdue 已逾期；today 今日到期；soon 提醒期内到期；later 更晚；pending 期限待定",
    )
    label = serializers.CharField(
        allow_blank=True, help_text="已逾期N个工作日 / 今日到期 / N个工作日内到期 / 期限待定"
    )
    workdays = serializers.IntegerField(
        allow_null=True, help_text="已逾期或距届满的工作日数（overdue、soon）"
    )
    provisional = serializers.BooleanField(help_text="届满日为暂定")


class DeadlineShownSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="reply、correction_notice、consultation …")
    label = serializers.CharField(help_text="答复期限、主动公开期限 …")
    due = serializers.DateField(allow_null=True, help_text="届满日（已延长的为延长后的）；待定为空")
    provisional = serializers.BooleanField(
        help_text="暂定：届满日所涉年份的节假日安排尚未公布，按法定节假日推算"
    )
    provisional_reason = serializers.CharField(
        allow_blank=True, help_text="暂定的原因与推算方法；非暂定为空"
    )
    extended = serializers.BooleanField(help_text="已延长")
    urgency = UrgencySerializer(allow_null=True, help_text="今天的紧迫程度；期限已结束为空")
    pending_reason = serializers.CharField(allow_blank=True, help_text="期限待定的原因")
    explanation = serializers.ListField(
        child=serializers.CharField(), help_text="期限如何计算：跳过了哪些日子、为什么"
    )
