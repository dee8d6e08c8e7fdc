"""Forms of the facts pages. They parse input; the services decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS, Kind
from .models import FIGURE_CELLS, FigureKey
from .selectors import plain_decimal


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _formfield(field, **kwargs):
    if field.get_internal_type() == "DateField":
        kwargs["widget"] = DateInput()
    return field.formfield(**kwargs)


class RecordForm(forms.Form):
    """Base of the six record forms; `user` (staff only) lists the agency's own members."""

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(memberships__agency=agency)
                .distinct()
                .order_by("username")
            )
            self.fields["user"].help_text = _("可选：该人员在本平台的账号。")


def record_form_class(kind: Kind) -> type[RecordForm]:
    fields = forms.fields_for_model(kind.model, fields=kind.fields, formfield_callback=_formfield)
    return type(f"{kind.model.__name__}Form", (RecordForm,), fields)


RECORD_FORMS = {slug: record_form_class(kind) for slug, kind in KINDS.items()}


def record_initial(record) -> dict:
    kind = next(k for k in KINDS.values() if isinstance(record, k.model))
    return {name: getattr(record, name) for name in kind.fields}


class FiguresForm(forms.Form):
    """All other-system figures of one agency and year: a value and a source for each.
    A blank value means “not entered” (and removes a figure entered before)."""

    def __init__(self, *args, figures=None, **kwargs):
        super().__init__(*args, **kwargs)
        figures = figures or {}
        for key, label in FigureKey.choices:
            unit = FIGURE_CELLS[key][2]
            existing = figures.get(key)
            self.fields[key] = forms.DecimalField(
                label=f"{label}（{unit}）",
                required=False,
                min_value=0,
                decimal_places=4 if unit == "万元" else 0,
                initial=plain_decimal(existing.value) if existing else None,
            )
            self.fields[f"{key}_source"] = forms.CharField(
                label=_("来源"),
                max_length=200,
                required=False,
                initial=existing.source if existing else "",
            )

    def entries(self) -> dict:
        data = self.cleaned_data
        return {key: (data[key], data[f"{key}_source"]) for key in FigureKey.values}

    def pairs(self):
        """(value field, source field) per key, for the template's table."""
        return [(self[key], self[f"{key}_source"]) for key in FigureKey.values]


class FigureForm(forms.Form):
    """One figure, through the API."""

    agency = forms.CharField(label=_("机关代码"), max_length=40)
    year = forms.IntegerField(label=_("年度"))
    key = forms.ChoiceField(label=_("指标"), choices=FigureKey.choices)
    value = forms.CharField(label=_("数值"), max_length=30)
    source = forms.CharField(label=_("来源"), max_length=200)


class ImportForm(forms.Form):
    data = forms.FileField(label=_("数据文件"), help_text=_("CSV（UTF-8），列名见下方说明。"))
    source = forms.CharField(
        label=_("来源"),
        max_length=200,
        required=False,
        help_text=_("文件中未填写来源的行使用此来源，如“河南省行政执法信息平台导出”。"),
    )
    dry_run = forms.BooleanField(label=_("只检查，不导入"), required=False)


class LockForm(forms.Form):
    reason = forms.CharField(
        label=_("锁定原因"), max_length=300, required=False, initial="年度报告已定稿"
    )


class UnlockForm(forms.Form):
    reason = forms.CharField(
        label=_("解除锁定的原因"), max_length=300, help_text=_("将记入操作日志。")
    )
