"""The reports API's bodies, for the OpenAPI schema. The API builds the data (api.report_data);
these say its shape, and the contract test (tests/contract.py) holds the two together."""

from rest_framework import serializers

from gongkai.agencies.serializers import AgencyRefSerializer

from .states import ReportStatus

WARNING_KINDS = {
    "empty_section": "正文某一节（或其中的小标题）没有内容",
    "failed_check": "检查不成立且尚未说明理由（阻止定稿）",
    "overridden_check": "检查不成立，审核人已说明理由",
    "check_hints": "其余检查提示的数量",
    "late": "已超过法定公布期限",
}


class AnnualReportWarningSerializer(serializers.Serializer):
    """定稿或发布前的提示。提示不阻止操作；blocks 非空时表示按现有规则该操作会被拒绝。"""

    kind = serializers.ChoiceField(
        choices=list(WARNING_KINDS.items()),
        help_text="；".join(f"{key}：{text}" for key, text in WARNING_KINDS.items()),
    )
    message = serializers.CharField()
    blocks = serializers.CharField(help_text="被阻止的操作（finalise），空字符串表示不阻止")


class AnnualReportDueSerializer(serializers.Serializer):
    """法定公布期限（按下一年1月1日施行的条例）。"""

    date = serializers.DateField()
    basis = serializers.CharField(help_text="依据，如：条例第四十九条、第五十条")
    days_late = serializers.IntegerField(help_text="今天已逾期的天数，未逾期为0")
    message = serializers.CharField()


class StaffAnnualReportSerializer(serializers.Serializer):
    """年度报告（工作人员）：状态、法定公布期限、定稿或发布前的提示和可执行的操作。"""

    pk = serializers.IntegerField()
    agency = AgencyRefSerializer()
    year = serializers.IntegerField()
    subtree = serializers.BooleanField(help_text="汇总本机关及下级机关")
    version = serializers.IntegerField()
    format = serializers.CharField()
    status = serializers.ChoiceField(choices=ReportStatus.choices)
    status_label = serializers.CharField()
    title = serializers.CharField()
    due = AnnualReportDueSerializer()
    warnings = AnnualReportWarningSerializer(many=True, help_text="草稿和已定稿的报告才有")
    actions = serializers.ListField(
        child=serializers.CharField(), help_text="当前用户现在可以执行的操作"
    )
    preview = serializers.CharField(help_text="预览页面（发布后公众看到的内容）的地址")
    public_url = serializers.CharField(allow_null=True, help_text="已发布时公开页面的地址")
