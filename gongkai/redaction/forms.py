from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import ApplicationDocument

from .selectors import grounds_of


def _ground_field():
    return forms.ChoiceField(label=_("不予公开的理由"))


class StartForm(forms.Form):
    document = forms.ModelChoiceField(label=_("拟公开的文件"), queryset=None)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = application.documents.filter(
            kind__in=[ApplicationDocument.Kind.RELEASED, ApplicationDocument.Kind.ORIGINAL]
        )


class AttachmentStartForm(forms.Form):
    """A catalogue item's attachment to redact (the original, or its redacted copy: a new
    version from the original)."""

    attachment = forms.ModelChoiceField(label=_("附件"), queryset=None)

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].queryset = item.attachments.all()


class BoxForm(forms.Form):
    """A box by its coordinates, in PDF points from the page's top left corner: what the page
    image's drawing fills in, or what a keyboard user types."""

    page = forms.IntegerField(label=_("页码"), min_value=1)
    x0 = forms.FloatField(label=_("左边距（磅）"), min_value=0)
    y0 = forms.FloatField(label=_("上边距（磅）"), min_value=0)
    x1 = forms.FloatField(label=_("右边界（磅）"), min_value=0)
    y1 = forms.FloatField(label=_("下边界（磅）"), min_value=0)
    ground = _ground_field()

    def __init__(self, *args, redaction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", "—"), *grounds_of(redaction.owner)]


class ProposeForm(forms.Form):
    terms = forms.CharField(
        label=_("检索词"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("每行一个，如姓名、单位名称。"),
    )
    ids = forms.BooleanField(label=_("查找身份证号码"), required=False, initial=True)
    mobiles = forms.BooleanField(label=_("查找手机号码"), required=False, initial=True)

    def clean_terms(self):
        return [line.strip() for line in self.cleaned_data["terms"].splitlines() if line.strip()]


class AcceptBoxForm(forms.Form):
    box = forms.ModelChoiceField(label=_("遮盖区域"), queryset=None)
    ground = _ground_field()

    def __init__(self, *args, redaction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["box"].queryset = redaction.boxes.filter(accepted=False)
        self.fields["ground"].choices = [("", "—"), *grounds_of(redaction.owner)]


class DeleteBoxForm(forms.Form):
    box = forms.ModelChoiceField(label=_("遮盖区域"), queryset=None)

    def __init__(self, *args, redaction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["box"].queryset = redaction.boxes.all()
