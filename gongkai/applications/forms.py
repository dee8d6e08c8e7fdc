"""Forms of the application pages. They parse input; the services decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.models import ApplicantProfile, ApplicantType
from gongkai.agencies.models import Agency
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import users_with
from gongkai.core.release_forms import ReleaseDecisionForm
from gongkai.regimes.fees import BY_PIECE, BY_VOLUME
from gongkai.regimes.rules import Channel

from .models import Consultation, DeliveryMethod, ProvisionForm, ServiceMethod

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what <input type=date> reads
# 审核意见 and 审批意见: a reviewer's or head's opinion, kept with the step in the case's history
# and in the audit. Internal: the applicant's timeline never shows it (states.NOTES_FOR_APPLICANT).
OPINION_LENGTH = 1000
WITHDRAW_REASON_LENGTH = 500
TOO_LONG = _("请不要超过%(limit_value)d个字（现有%(show_value)d个字）。")


class RequestFieldsMixin(forms.Form):
    info_title = forms.CharField(label=_("所需政府信息的名称"), max_length=300)
    doc_number = forms.CharField(label=_("文号"), max_length=100, required=False)
    description = forms.CharField(
        label=_("所需信息的其他特征描述"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("如发布机关、大致时间、所属项目等，便于检索。"),
    )
    provision_form = forms.ChoiceField(
        label=_("提供形式"), choices=ProvisionForm.choices, widget=forms.RadioSelect
    )
    delivery_method = forms.ChoiceField(
        label=_("获取方式"), choices=DeliveryMethod.choices, widget=forms.RadioSelect
    )


class OnlineApplicationForm(RequestFieldsMixin):
    agency = forms.ModelChoiceField(label=_("向哪个机关申请"), queryset=Agency.objects.none())
    identity_proof = forms.FileField(
        label=_("身份证明"), help_text=_("证件照片或扫描件，PDF、JPG 或 PNG，不超过10MB。")
    )
    field_order = [
        "agency",
        "info_title",
        "doc_number",
        "description",
        "provision_form",
        "delivery_method",
        "identity_proof",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True).order_by("path")


class StaffRegisterForm(RequestFieldsMixin):
    channel = forms.ChoiceField(
        label=_("申请渠道"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE]
    )
    submitted_on = forms.DateField(label=_("提交日期"), widget=DATE)
    signed_on = forms.DateField(
        label=_("签收日期（挂号信、特快专递）"), required=False, widget=DATE
    )
    confirmed_on = forms.DateField(
        label=_("与申请人确认之日（平信、传真、电子邮件）"), required=False, widget=DATE
    )
    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    applicant_name = forms.CharField(label=_("申请人姓名或名称"), max_length=200)
    applicant_id_type = forms.ChoiceField(
        label=_("证件类型（自然人）"),
        required=False,
        choices=[("", "—"), *ApplicantProfile.IdType.choices],
    )
    applicant_identifier = forms.CharField(label=_("证件号码或统一社会信用代码"), max_length=20)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30)
    contact_address = forms.CharField(label=_("通信地址"), max_length=300, required=False)
    contact_email = forms.EmailField(label=_("电子邮箱"), required=False)
    scan = forms.FileField(label=_("申请书扫描件"), required=False)
    field_order = [
        "channel",
        "submitted_on",
        "signed_on",
        "confirmed_on",
        "applicant_type",
        "applicant_name",
        "applicant_id_type",
        "applicant_identifier",
        "contact_phone",
        "contact_address",
        "contact_email",
        "info_title",
        "doc_number",
        "description",
        "provision_form",
        "delivery_method",
        "scan",
    ]


class QueryForm(forms.Form):
    number = forms.CharField(label=_("受理编号"), max_length=60)
    code = forms.CharField(label=_("查询码"), max_length=20)


# Action forms of the staff case page (one per transition that needs input).
class _ClerkChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AssignForm(forms.Form):
    """Give the case to a clerk: the choices are the people who hold HANDLE in its agency."""

    assignee = _ClerkChoice(
        label=_("承办人"),
        queryset=get_user_model().objects.none(),
        help_text=_("本机关的信息公开工作人员；分配后将以短信和电子邮件通知。"),
    )
    note = forms.CharField(
        label=_("说明"), required=False, max_length=200, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        if application is not None:
            self.fields["assignee"].queryset = users_with(
                capability=Capability.HANDLE, agency=application.agency
            )


class ConfirmReceiptForm(forms.Form):
    confirmed_on = forms.DateField(label=_("确认（或签收）日期"), widget=DATE)


class CorrectionRequestForm(forms.Form):
    instructions = forms.CharField(
        label=_("需要补正的事项"), widget=forms.Textarea(attrs={"rows": 3})
    )
    requested_on = forms.DateField(label=_("告知日期"), widget=DATE)
    correction_due_on = forms.DateField(label=_("补正期限"), widget=DATE)


class CorrectionSubmitForm(forms.Form):
    text = forms.CharField(label=_("补正内容"), widget=forms.Textarea(attrs={"rows": 4}))
    corrected_on = forms.DateField(label=_("收到补正之日"), widget=DATE, required=False)


class ConsultationStartForm(forms.Form):
    party_kind = forms.ChoiceField(label=_("征求对象"), choices=Consultation.PartyKind.choices)
    party_name = forms.CharField(label=_("名称"), max_length=200)
    party_contact = forms.CharField(label=_("联系方式"), max_length=200, required=False)
    started_on = forms.DateField(label=_("发出征求意见书之日"), widget=DATE)
    letter_received_on = forms.DateField(label=_("对方收到之日"), widget=DATE)
    jointly_produced = forms.BooleanField(
        label=_("该政府信息由本机关与该机关共同制作"),
        required=False,
        help_text=_("仅适用于征求其他机关意见：共同制作的，对方逾期未提出意见视为同意公开。"),
    )


class ConsultationFinishForm(forms.Form):
    answered_on = forms.DateField(label=_("收到意见之日"), widget=DATE)
    opinion = forms.ChoiceField(label=_("意见"), choices=Consultation.Opinion.choices)
    opinion_text = forms.CharField(
        label=_("意见内容"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtensionRequestForm(forms.Form):
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtensionDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("审批结果"),
        coerce=lambda v: v == "1",
        choices=[("1", _("批准延期")), ("0", _("不批准"))],
    )
    note = forms.CharField(
        label=_("审批意见"),
        required=False,
        max_length=OPINION_LENGTH,
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("不批准的，应写明理由。审批意见仅工作人员可见。"),
    )

    def clean(self):
        data = super().clean()
        if data.get("approve") is False and not (data.get("note") or "").strip():
            self.add_error("note", _("不批准延期的，请写明理由。"))
        return data


MAX_FEE_UNITS = 100_000


class FeeNoticeForm(forms.Form):
    method = forms.ChoiceField(
        label=_("收费方式"), choices=[(BY_PIECE, _("按件")), (BY_VOLUME, _("按量"))]
    )
    # The fee is summed unit by unit (regimes/fees.py): a bound keeps that quick.
    units = forms.IntegerField(label=_("件数或页数"), min_value=1, max_value=MAX_FEE_UNITS)
    notice_received_on = forms.DateField(label=_("申请人收到收费通知之日"), widget=DATE)


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("缴费日期"), widget=DATE)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("答复类型"))
    legal_basis = forms.CharField(label=_("法律依据"), widget=forms.Textarea(attrs={"rows": 2}))
    reasons = forms.CharField(
        label=_("理由"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    withheld = forms.CharField(
        label=_("不予公开的部分及理由"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "公开的文件已作脱敏处理的，各遮盖区域的页码和理由自动列入答复书，此处可不填写。"
        ),
    )
    referral_procedure = forms.CharField(
        label=_("依照有关法律、行政法规办理的途径"),
        required=False,
        max_length=300,
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        regime = application.regime_obj
        if regime is None:  # not received yet: no regime, no outcome to choose from
            self.fields["outcome"].choices = []
            return
        self.fields["outcome"].choices = [
            (o.code, f"{o.group} · {o.label}") for o in regime.outcomes if not o.automatic
        ]
        # The example is the regime's own: its first outcome that discloses, with its article.
        example = next(o for o in regime.outcomes if o.discloses)
        self.fields["legal_basis"].help_text = _("如：%(citation)s%(basis)s") % {
            "citation": regime.citation,
            "basis": example.basis,
        }
        # Only a referral (2019 Art. 36(7), 行政查询事项) names the special law's procedure.
        referral = next((o for o in regime.outcomes if o.referral), None)
        if referral is None:
            del self.fields["referral_procedure"]
        else:
            self.fields["referral_procedure"].help_text = _(
                "仅用于“%(label)s”（%(basis)s）：如“向不动产登记机构申请查询不动产登记资料”。"
                "填写的，答复书告知申请人通过该途径办理。"
            ) % {"label": referral.label.lstrip("0123456789."), "basis": referral.basis}


class ApprovalForm(ReleaseDecisionForm):
    note = forms.CharField(
        label=_("审核意见"),
        required=False,
        max_length=OPINION_LENGTH,
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("可不填。审核意见记入办理过程，仅工作人员可见。"),
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("审核意见"),
        max_length=OPINION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("写明退回的理由和需要修改之处。审核意见记入办理过程，仅工作人员可见。"),
        error_messages={
            "required": _("退回答复稿，请写明审核意见（退回的理由）。"),
            "max_length": TOO_LONG,
        },
    )


class ServeForm(forms.Form):
    method = forms.ChoiceField(label=_("送达方式"), choices=ServiceMethod.choices)
    served_on = forms.DateField(
        label=_("送达日期"),
        widget=DATE,
        help_text=_("直接送达以签收日期为准，邮寄送达以交邮日期为准。"),
    )


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("办结日期"), widget=DATE)


class WithdrawForm(forms.Form):
    """The withdrawal, whether the applicant withdraws online or staff record a letter or call:
    the reason is optional and is shown in the timeline, to staff and to the applicant."""

    reason = forms.CharField(
        label=_("撤回理由"),
        required=False,
        max_length=WITHDRAW_REASON_LENGTH,
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("可不填。填写的理由记入办理过程，申请人和工作人员都能看到。"),
    )


class AttachForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("材料类型"),
        choices=[
            ("released", _("公开的政府信息")),
            ("application_scan", _("申请书扫描件")),
            ("correction", _("补正材料")),
            ("other", _("其他材料")),
        ],
    )
    title = forms.CharField(label=_("名称"), max_length=200, required=False)
    upload = forms.FileField(label=_("文件"))


class DocumentForm(forms.Form):
    document = forms.ModelChoiceField(label=_("文件"), queryset=None)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = application.documents.filter(kind="released")


class SplitForm(forms.Form):
    titles = forms.CharField(
        label=_("拆分出的其他申请事项"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("每行一项，写明所需信息名称。本申请保留第一项。"),
    )
