"""Forms of the appeal pages and API. They parse input; the services decide (so a closed case
without a closing date is refused by the service, with the same message everywhere)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Application

from .models import AppealCase, AppealDocument
from .selectors import reconsiderations_of
from .states import CLOSED, AppealKind, Outcome


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationNumberField(forms.CharField):
    """An application of the case's agency, typed by its 受理编号."""

    agency = None

    def clean(self, value):
        value = (super().clean(value) or "").strip()
        if not value:
            return None
        found = Application.objects.filter(agency=self.agency, number=value).first()
        if found is None:
            raise forms.ValidationError(
                _("本机关没有受理编号为“%(n)s”的申请。"), params={"n": value}
            )
        return found


class CaseForm(forms.Form):
    """What the case is about (editable while it is open)."""

    kind = forms.ChoiceField(label=_("类型"), choices=AppealKind.choices)
    application = ApplicationNumberField(
        label=_("所涉申请的受理编号"),
        max_length=60,
        required=False,
        help_text=_("针对依申请公开答复的案件填写；针对主动公开等其他行为的可不填。"),
    )
    reconsideration = forms.ModelChoiceField(
        label=_("前置的行政复议"),
        queryset=AppealCase.objects.none(),
        required=False,
        help_text=_("仅“复议后起诉”填写。"),
    )
    appellant_name = forms.CharField(
        label=_("申请人、原告或举报人"),
        max_length=200,
        help_text=_("仅工作人员可见，门户网站不显示。"),
    )
    reviewing_body = forms.CharField(label=_("复议机关、人民法院或受理机关"), max_length=200)
    case_number = forms.CharField(label=_("案号"), max_length=100, required=False)
    filed_on = forms.DateField(label=_("立案（收到）日期"), widget=DateInput())
    summary = forms.CharField(
        label=_("案情摘要"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("将在门户网站匿名公开，请勿写入当事人姓名、证件号码或联系方式。"),
    )

    def __init__(self, *args, agency=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].agency = agency
        self.fields["reconsideration"].queryset = reconsiderations_of(agency)

    @classmethod
    def initial_of(cls, case: AppealCase) -> dict:
        initial = {
            name: getattr(case, name) for name in cls.base_fields if name != "correction_reason"
        }
        initial["application"] = case.application.number if case.application else ""
        initial["reconsideration"] = case.reconsideration_id
        return initial


class RecordedCaseForm(CaseForm):
    """A case with its outcome: recording one learnt of late, or correcting a closed one."""

    outcome = forms.ChoiceField(label=_("结果"), choices=Outcome.choices, initial=Outcome.PENDING)
    closed_on = forms.DateField(
        label=_("审结日期"), widget=DateInput(), required=False, help_text=_("已审结的必填。")
    )
    outcome_note = forms.CharField(
        label=_("结果说明"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class CorrectionForm(RecordedCaseForm):
    correction_reason = forms.CharField(
        label=_("更正理由"),
        max_length=500,
        help_text=_("案件已审结，修改即为更正，将记入操作记录。"),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("审结结果"), choices=[c for c in Outcome.choices if c[0] in CLOSED]
    )
    closed_on = forms.DateField(label=_("审结日期"), widget=DateInput(), required=False)
    note = forms.CharField(
        label=_("结果说明"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("如：复议决定撤销原答复、责令重新答复；原告撤诉等。"),
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("材料类型"), choices=AppealDocument.Kind.choices)
    file = forms.FileField(label=_("文件"), help_text=_("PDF、Word（.docx）或图片，50MB以内。"))
    title = forms.CharField(label=_("名称"), max_length=200, required=False)


class FilterForm(forms.Form):
    """The office list's filters (GET)."""

    kind = forms.ChoiceField(
        label=_("类型"), choices=[("", _("全部")), *AppealKind.choices], required=False
    )
    year = forms.IntegerField(label=_("立案年份"), min_value=2000, max_value=2100, required=False)
    outcome = forms.ChoiceField(
        label=_("结果"), choices=[("", _("全部")), *Outcome.choices], required=False
    )
    q = forms.CharField(label=_("当事人、案号、机关或受理编号"), max_length=100, required=False)
