"""The yearly facts API's bodies, for the OpenAPI schema. The API builds the data
(api._public_year, api._figure); these say its shape, and the contract test
(tests/contract.py) holds the two together. Keys that come from declarations (the s8_*/s9_*
figures, the table 二 cells, the kinds of record) are read from those declarations."""

from rest_framework import serializers

from gongkai.agencies.serializers import AgencyRefSerializer
from gongkai.core.form_schema import UploadField, form_serializer

from .forms import FigureForm
from .kinds import KINDS
from .models import FIGURE_CELLS, FigureKey
from .models.figures import AMOUNT_KEYS
from .models.records import BudgetAllocation, DisclosureBody, Meeting, ReadingPoint, Training

# Amounts are decimals written as strings ("0.3", "100"); counts are integers.
AMOUNT = {"max_digits": 14, "decimal_places": 4}


def _serializer(name: str, fields: dict, doc: str = "") -> type[serializers.Serializer]:
    return type(name, (serializers.Serializer,), {**fields, "__doc__": doc})


def _model_rows(name: str, model, fields, *, with_id=False) -> type[serializers.Serializer]:
    meta = type("Meta", (), {"model": model, "fields": ["id", *fields] if with_id else fields})
    return type(name, (serializers.ModelSerializer,), {"Meta": meta})


YearFiguresSerializer = _serializer(
    "LegacyYearFiguresSerializer",
    {
        **{
            key: serializers.IntegerField()
            for key in (
                "s8_units",
                "s8_reading_points",
                "s8_staff",
                "s8_staff_fulltime",
                "s8_staff_parttime",
                "s9_meetings",
                "s9_trainings",
                "s9_trainees",
            )
        },
        "s8_budget": serializers.DecimalField(help_text="专项经费（万元）", **AMOUNT),
    },
    "旧统计表第八、九部分（人员按12月31日在岗统计）。",
)


def _t2_rows() -> dict:
    rows: dict[str, dict] = {}
    for key, (row, column, unit) in FIGURE_CELLS.items():
        rows.setdefault(row, {})[column] = (
            serializers.DecimalField(help_text=unit, **AMOUNT)
            if key in AMOUNT_KEYS
            else serializers.IntegerField(help_text=unit)
        )
    return {
        row: _serializer(f"OtherSystems{row.title().replace('_', '')}Serializer", columns)()
        for row, columns in rows.items()
    }


OtherSystemsSerializer = _serializer(
    "OtherSystemsSerializer",
    _t2_rows(),
    "2021年格式表二中来自其他系统的数据（行键、列键同 report_formats.json；未录入的计为0）。",
)


class StaffByPositionSerializer(serializers.Serializer):
    position = serializers.CharField()
    full_time = serializers.IntegerField()
    part_time = serializers.IntegerField()


class PublicYearSerializer(serializers.Serializer):
    agency = AgencyRefSerializer()
    year = serializers.IntegerField()
    locked = serializers.BooleanField(help_text="年度数据已锁定")
    figures = YearFiguresSerializer()
    other_systems = OtherSystemsSerializer()
    other_systems_entered = serializers.ListField(
        child=serializers.ChoiceField(choices=FigureKey.choices),
        help_text="已录入的其他系统数据指标",
    )
    bodies = _model_rows("PublicBodySerializer", DisclosureBody, ["name", "established_on"])(
        many=True
    )
    reading_points = _model_rows(
        "PublicReadingPointSerializer", ReadingPoint, ["name", "address", "opened_on"]
    )(many=True)
    staff_by_position = StaffByPositionSerializer(many=True)
    budgets = _model_rows(
        "PublicBudgetSerializer", BudgetAllocation, ["amount", "purpose", "dedicated"]
    )(many=True)
    meetings = _model_rows(
        "PublicMeetingSerializer", Meeting, ["held_on", "topic", "kind", "attendees"]
    )(many=True)
    trainings = _model_rows(
        "PublicTrainingSerializer",
        Training,
        ["held_on", "topic", "organiser", "hosted", "trainees", "hours"],
    )(many=True)


class FigureSerializer(serializers.Serializer):
    agency = serializers.CharField(help_text="机关代码")
    year = serializers.IntegerField()
    key = serializers.ChoiceField(choices=FigureKey.choices)
    label = serializers.CharField()
    value = serializers.DecimalField(**AMOUNT)
    unit = serializers.CharField()
    source = serializers.CharField()
    entered_by = serializers.CharField(allow_null=True, help_text="录入人的用户名")
    entered_at = serializers.DateTimeField()


RecordsSerializer = _serializer(
    "YearRecordsSerializer",
    {
        slug: _model_rows(
            f"{kind.model.__name__}RecordSerializer",
            kind.model,
            [n for n in kind.fields if n != "user"],
            with_id=True,
        )(many=True)
        for slug, kind in KINDS.items()
    },
    "该年度涉及的各类记录（键为记录类型）。",
)


class OfficeYearSerializer(PublicYearSerializer):
    records = RecordsSerializer()
    other_system_figures = FigureSerializer(many=True)


FigureInputSerializer = form_serializer(FigureForm, name="FigureInput")


class FigureRowSerializer(serializers.Serializer):
    agency = serializers.CharField(required=False, help_text="机关代码；缺省为 agency 参数的机关")
    year = serializers.IntegerField()
    key = serializers.ChoiceField(choices=FigureKey.choices)
    value = serializers.CharField(help_text="数值")
    unit = serializers.CharField(required=False)
    source = serializers.CharField(required=False, help_text="缺省为 source 参数")


class FiguresImportJSONSerializer(serializers.Serializer):
    agency = serializers.CharField(help_text="机关代码")
    source = serializers.CharField(required=False, allow_blank=True)
    dry_run = serializers.BooleanField(required=False, help_text="只检查，不导入")
    rows = FigureRowSerializer(many=True)


class FiguresImportUploadSerializer(serializers.Serializer):
    agency = serializers.CharField(help_text="机关代码")
    file = UploadField(help_text="CSV（UTF-8）")
    source = serializers.CharField(required=False, allow_blank=True)
    dry_run = serializers.BooleanField(required=False, help_text="只检查，不导入")


class FiguresImportedSerializer(serializers.Serializer):
    rows = serializers.IntegerField(help_text="文件中的行数")
    saved = serializers.IntegerField(help_text="保存的行数（只检查时为0）")
    dry_run = serializers.BooleanField()
