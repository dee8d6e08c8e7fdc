"""The power-list API's bodies, for the OpenAPI schema. The records (records.py) build the data;
these say its shape, and the contract test (tests/contract.py) holds the two together."""

from rest_framework import serializers

from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.form_schema import form_serializer

from .forms import AddForm, ImportForm
from .models import PowerType
from .states import ChangeKind, ItemStatus


class PowerItemContentSerializer(serializers.Serializer):
    """清单事项的内容（某一版本）。"""

    power_type = serializers.ChoiceField(choices=PowerType.choices)
    power_type_label = serializers.CharField()
    name = serializers.CharField()
    legal_basis = serializers.CharField(allow_blank=True)
    responsible_unit = serializers.CharField(allow_blank=True)
    process = serializers.CharField(allow_blank=True)
    responsibilities = serializers.CharField(allow_blank=True)
    accountability = serializers.CharField(allow_blank=True)
    supervision = serializers.CharField(allow_blank=True)


class PowerListAdjustmentSerializer(serializers.Serializer):
    """一次调整：何时生效、为什么、依据哪个批准文件。"""

    version = serializers.IntegerField()
    change_kind = serializers.ChoiceField(choices=ChangeKind.choices)
    change_kind_label = serializers.CharField()
    effective_on = serializers.DateField()
    reason = serializers.CharField()
    document = serializers.CharField(help_text="批准文件")
    changed_fields = serializers.ListField(
        child=serializers.CharField(), help_text="变更的字段（变更时才有）"
    )


class PowerItemVersionSerializer(PowerItemContentSerializer):
    code = serializers.CharField(help_text="事项编码")
    in_force_since = PowerListAdjustmentSerializer(help_text="这一内容所依据的调整")
    url = serializers.URLField(help_text="门户网站上的页面")


class PowerListSerializer(serializers.Serializer):
    agency = AgencyRefSerializer()
    as_of = serializers.DateField()
    count = serializers.IntegerField()
    results = PowerItemVersionSerializer(many=True)


class PowerItemStateSerializer(PowerItemContentSerializer):
    version = serializers.IntegerField()


class PowerItemHistoryEntrySerializer(PowerListAdjustmentSerializer):
    content = PowerItemContentSerializer()


class PowerItemHistorySerializer(serializers.Serializer):
    code = serializers.CharField()
    agency = AgencyRefSerializer()
    as_of = serializers.DateField(allow_null=True)
    in_force = serializers.BooleanField(help_text="该日期是否在清单上")
    state = PowerItemStateSerializer(allow_null=True, help_text="该日期的内容（不在清单上为空）")
    history = PowerItemHistoryEntrySerializer(many=True)


class PowerListAdjustmentRowSerializer(PowerListAdjustmentSerializer):
    code = serializers.CharField()
    name = serializers.CharField()


class StaffPowerItemSerializer(PowerItemHistorySerializer):
    pk = serializers.IntegerField(help_text="工作人员接口中使用的编号")
    status = serializers.ChoiceField(choices=ItemStatus.choices)
    last_version = serializers.IntegerField()
    last_effective_on = serializers.DateField(allow_null=True)
    latest = PowerItemContentSerializer(help_text="最新版本的内容")


class PowerListImportedSerializer(serializers.Serializer):
    imported = serializers.IntegerField()
    codes = serializers.ListField(child=serializers.CharField())


AddInputSerializer = form_serializer(
    AddForm, name="PowerItemInput", extra={"agency": serializers.CharField(help_text="机关代码")}
)
ImportInputSerializer = form_serializer(
    ImportForm,
    name="PowerListImportInput",
    extra={"agency": serializers.CharField(help_text="机关代码")},
)
