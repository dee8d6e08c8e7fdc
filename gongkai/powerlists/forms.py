"""Forms of the power-list pages and API. They parse input; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CONTENT_FIELDS, PowerItem, PowerType
from .states import ChangeKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _text(label, rows=4, required=False, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        max_length=5000,
    )


class AdjustmentForm(forms.Form):
    """When, why and on whose approval: asked of every adjustment."""

    effective_on = forms.DateField(label=_("生效日期"), widget=DateInput())
    reason = _text(_("调整理由"), rows=2, required=True)
    document = forms.CharField(
        label=_("批准文件"),
        max_length=200,
        help_text=_("批准调整的文件名称或文号，如 商政办〔2017〕12号。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effective_on"].initial = timezone.localdate()


class ContentForm(AdjustmentForm):
    power_type = forms.ChoiceField(label=_("权力类型"), choices=PowerType.choices)
    name = forms.CharField(label=_("事项名称"), max_length=200)
    legal_basis = _text(_("实施依据"), required=True, help_text=_("法律、法规、规章名称和条款。"))
    responsible_unit = forms.CharField(label=_("承办机构"), max_length=100)
    process = _text(_("办理流程"))
    responsibilities = _text(
        _("责任事项"), rows=6, help_text=_("受理、审查、决定、送达、事后监管等各环节的责任。")
    )
    accountability = _text(_("追责情形"))
    supervision = _text(_("监督方式"), rows=2, help_text=_("监督电话、受理投诉举报的机关等。"))

    field_order = [*CONTENT_FIELDS, "effective_on", "reason", "document"]

    @classmethod
    def initial_of(cls, item: PowerItem) -> dict:
        return item.content()


class AddForm(ContentForm):
    code = forms.CharField(
        label=_("事项编码"),
        max_length=40,
        required=False,
        help_text=_("留空则按类型自动编号，如 行政许可-005。编码确定后不再改变。"),
    )

    field_order = ["code", *ContentForm.field_order]


class ImportForm(AdjustmentForm):
    data = forms.FileField(
        label=_("清单文件"), help_text=_("CSV（UTF-8）或Excel（.xlsx），列名见下方说明。")
    )
    dry_run = forms.BooleanField(label=_("只检查，不导入"), required=False)

    field_order = ["data", "effective_on", "reason", "document", "dry_run"]


class AsOfForm(forms.Form):
    """?date= on the public pages (as_of in the API)."""

    date = forms.DateField(label=_("查看日期"), required=False, widget=DateInput())

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date.year < 1990:
            raise forms.ValidationError(_("日期过早。"))
        return date


class AdjustmentFilterForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), required=False, min_value=1990, max_value=2100)
    kind = forms.ChoiceField(
        label=_("调整类型"), choices=[("", _("全部")), *ChangeKind.choices], required=False
    )
