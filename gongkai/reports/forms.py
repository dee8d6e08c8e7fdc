from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formats import OFFICIAL


class StartForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None)
    year = forms.IntegerField(label=_("年度"), min_value=2008)
    format = forms.ChoiceField(label=_("格式"), required=False)
    subtree = forms.BooleanField(label=_("汇总本机关及全部下级机关"), required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["format"].choices = [("", _("按年度自动选择"))] + [
            (f.id, f"{f.name}（{f.document}）") for f in OFFICIAL.values()
        ]
        self.fields["year"].max_value = timezone.localdate().year
        self.fields["year"].initial = timezone.localdate().year - 1


class RevisionForm(forms.Form):
    reason = forms.CharField(label=_("修订理由"), widget=forms.Textarea(attrs={"rows": 2}))


class OverrideForm(forms.Form):
    """One failed check (its key, hidden) and the reviewer's reason to finalise all the same."""

    problem = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("允许定稿的理由"))


def narrative_form(fmt, initial: dict):
    fields = {
        section.key: forms.CharField(
            label=section.heading,
            required=False,
            initial=initial.get(section.key, ""),
            widget=forms.Textarea(attrs={"rows": 12 if section.key == "overview" else 5}),
        )
        for section in fmt.sections
    }
    return type("NarrativeForm", (forms.Form,), fields)


def entered_field(key: str) -> str:
    """The form field of an entered cell ("art20_5.licensing.change" → "art20_5__licensing__change")."""
    return key.replace(".", "__")


def entered_key(field: str) -> str:
    return field.replace("__", ".")


class EnteredForm(forms.Form):
    """The figures typed in for the cells no record holds: one field per cell ({key: label})."""

    def __init__(self, *args, cells: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in cells.items():
            self.fields[entered_field(key)] = forms.CharField(label=label, required=False)


LEGACY_ROW_LABELS = {
    "gazette": _("1.政府公报"),
    "website": _("2.政府网站"),
    "weibo": _("3.政务微博"),
    "weixin": _("4.政务微信"),
    "other": _("5.其他方式"),
}


def settings_form(channel_labels: dict, current: dict, jump_ratio):
    fields = {
        channel: forms.ChoiceField(
            label=label,
            choices=list(LEGACY_ROW_LABELS.items()),
            initial=current[channel],
            help_text=_("旧格式统计表中计入的行"),
        )
        for channel, label in channel_labels.items()
    }
    fields["jump_ratio"] = forms.DecimalField(
        label=_("同比变动提示阈值"),
        min_value=Decimal("0.01"),
        max_value=Decimal("100"),
        initial=jump_ratio,
        help_text=_("汇总页列出比上年变动超过这个比例的机关（1表示100%）。"),
    )
    return type("ReportSettingsForm", (forms.Form,), fields)


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StatisticsForm(forms.Form):
    """统计条件: a period and an agency the reader may see, alone or with its subtree. Read
    from the query string (the page and its XLSX share one address); missing values take the
    defaults (this year to today, the reader's first agency)."""

    agency = forms.ModelChoiceField(label=_("机关"), queryset=None, empty_label=None)
    subtree = forms.BooleanField(label=_("含下级机关"), required=False)
    start = forms.DateField(label=_("起始日期"), widget=_date_input())
    end = forms.DateField(label=_("截止日期"), widget=_date_input())

    FIELDS = ("agency", "subtree", "start", "end")

    def __init__(self, query, *, agencies, today):
        data = {
            "agency": agencies[0].pk if agencies else "",
            "start": today.replace(month=1, day=1).isoformat(),
            "end": today.isoformat(),
        }
        data.update({name: query[name] for name in self.FIELDS if name in query})
        super().__init__(data)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].error_messages["invalid_choice"] = _("请选择您有权查看的机关。")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("截止日期不能早于起始日期。"))
        return cleaned
