"""The appeals API's bodies, for the OpenAPI schema. The API builds the data (api.case_data,
selectors.year_rows); these say its shape, and the contract test (tests/contract.py) holds the
two together."""

from rest_framework import serializers

from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.form_schema import form_serializer

from .forms import CorrectionForm, DocumentForm, OutcomeForm, RecordedCaseForm
from .models import AppealDocument
from .selectors import T4_COLUMNS, T4_GROUPS
from .states import AppealKind, Outcome


def _counts(name: str, keys: list[str], doc: str) -> type[serializers.Serializer]:
    fields = {key: serializers.IntegerField() for key in keys}
    return type(name, (serializers.Serializer,), {**fields, "__doc__": doc})


T4Serializer = _counts(
    "AppealsTable4Serializer",
    [
        f"{prefix}_{column}"
        for prefix in T4_GROUPS.values()
        for column in [*T4_COLUMNS.values(), "total"]
    ],
    "年度报告表四：rc_ 行政复议，ld_ 未经复议直接起诉，la_ 复议后起诉。",
)
LegacySerializer = _counts(
    "AppealsLegacyRowsSerializer",
    [
        *(
            f"{row}{suffix}"
            for row in ("s4", "s5")
            for suffix in ("", "_upheld", "_corrected", "_other", "_other_pending")
        ),
        "s6",
    ],
    "旧统计表第四至六项；尚未审结的计入其他情形（*_other_pending 为其中尚未审结的数量）。",
)


class YearCountsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    t4 = T4Serializer()
    legacy = LegacySerializer()


class AppealCountsSerializer(serializers.Serializer):
    agency = AgencyRefSerializer()
    subtree = serializers.BooleanField(help_text="是否包括下级机关")
    years = YearCountsSerializer(many=True)


class AppealDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=AppealDocument.Kind.choices)
    title = serializers.CharField()
    size = serializers.IntegerField(help_text="字节数")


class AppealDocumentAddedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=AppealDocument.Kind.choices)
    title = serializers.CharField()


class AppealCaseSerializer(serializers.Serializer):
    pk = serializers.IntegerField()
    agency = AgencyRefSerializer()
    kind = serializers.ChoiceField(choices=AppealKind.choices)
    kind_label = serializers.CharField()
    application = serializers.CharField(allow_null=True, help_text="所涉申请的受理编号")
    reconsideration = serializers.IntegerField(
        allow_null=True, help_text="前置的行政复议案件（复议后起诉）"
    )
    appellant_name = serializers.CharField()
    reviewing_body = serializers.CharField()
    case_number = serializers.CharField(allow_blank=True)
    filed_on = serializers.DateField()
    summary = serializers.CharField(allow_blank=True)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    outcome_label = serializers.CharField()
    closed_on = serializers.DateField(allow_null=True)
    outcome_note = serializers.CharField(allow_blank=True)
    documents = AppealDocumentSerializer(many=True)


CaseCreateSerializer = form_serializer(
    RecordedCaseForm,
    name="AppealCaseCreate",
    extra={"agency": serializers.CharField(help_text="机关代码")},
)
CaseUpdateSerializer = form_serializer(CorrectionForm, name="AppealCaseUpdate")
CaseUpdateSerializer.__doc__ = (
    "未审结的案件可改 kind 至 summary；已审结的案件须同时提交 correction_reason，"
    "并可更正 outcome、closed_on、outcome_note。"
)
OutcomeInputSerializer = form_serializer(OutcomeForm, name="AppealOutcomeInput")
DocumentInputSerializer = form_serializer(DocumentForm, name="AppealDocumentInput")
