from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .formats import FORMATS


class StartForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("机关"), queryset=None)
    year = forms.IntegerField(label=_("年度"), min_value=2008)
    format = forms.ChoiceField(label=_("格式"), required=False)
    subtree = forms.BooleanField(label=_("汇总本机关及全部下级机关"), required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["format"].choices = [("", _("按年度自动选择"))] + [
            (f.id, f"{f.name}（{f.document}）") for f in FORMATS.values()
        ]
        self.fields["year"].max_value = timezone.localdate().year
        self.fields["year"].initial = timezone.localdate().year - 1


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}))


class OverrideForm(ReasonForm):
    problem = forms.CharField(widget=forms.HiddenInput)


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


def entered_form(cells: dict, initial: dict):
    fields = {
        key.replace(".", "__"): forms.CharField(
            label=label, required=False, initial=initial.get(key, "")
        )
        for key, label in cells.items()
    }
    return type("EnteredForm", (forms.Form,), fields)
