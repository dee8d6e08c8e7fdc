from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.actions import with_confirmation

from .models import Access, ApiToken


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=ApiToken._meta.get_field("name").verbose_name,
        max_length=100,
        help_text=ApiToken._meta.get_field("name").help_text,
    )
    access = forms.ChoiceField(
        label=_("权限"),
        choices=Access.choices,
        widget=forms.RadioSelect,
        initial=Access.READ,
        help_text=_(
            "只读：查看本机关的申请、目录、报告等；读写：另可办理（登记、起草、分配等），"
            "但不能审核、批准延期或管理本机关。"
        ),
    )
    subtree = forms.BooleanField(
        label=_("包括全部下级机关（只读）"),
        required=False,
        help_text=_("仅限能查看全部下级机关的管理员，如市级政务公开办。"),
    )
    expires_on = forms.DateField(
        label=ApiToken._meta.get_field("expires_on").verbose_name,
        required=False,
        help_text=ApiToken._meta.get_field("expires_on").help_text,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class _RevokeForm(forms.Form):
    reason = forms.CharField(label=_("撤销原因"), max_length=500, required=False)


TokenRevokeForm = with_confirmation(
    _RevokeForm,
    _("撤销立即生效，使用该令牌的系统将无法再调用接口；撤销后不能恢复，只能另建新令牌。"),
)
