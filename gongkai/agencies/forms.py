from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Agency
from .permissions import can, membership_refusal
from .roles import SUBTREE_ROLES, Capability, Role
from .services import AGENCY_SELF_SERVICE_FIELDS


class AgencyOfficeForm(forms.ModelForm):
    """What an agency administrator maintains: the facts its 政府信息公开指南 shows."""

    office_website = forms.URLField(
        label=Agency._meta.get_field("office_website").verbose_name,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Agency
        fields = list(AGENCY_SELF_SERVICE_FIELDS)


class MembershipGrantForm(forms.Form):
    """Grant a role in the agency of the page, or a subtree role (督导) in an agency below it.
    Every role is accepted as input; the rule (permissions.membership_refusal) refuses in words
    what this actor may not grant, and the list offers only what it accepts."""

    user = forms.CharField(label=_("用户名或手机号码"), max_length=150)
    role = forms.ChoiceField(label=_("岗位"), choices=Role.choices)

    def __init__(self, *args, actor, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor, self.home = actor, agency
        offered = [
            (role, label)
            for role, label in Role.choices
            if membership_refusal(actor, agency=agency, role=role, user=None) is None
        ]
        below = Agency.objects.none()
        if actor.is_superuser or can(actor, Capability.ADMINISTER, agency):
            below = Agency.objects.subtree_of(agency).exclude(pk=agency.pk)
        if below.exists():
            self.fields["agency"] = forms.ModelChoiceField(
                label=_("授予岗位的机关"),
                queryset=Agency.objects.subtree_of(agency),
                initial=agency.pk,
                help_text=_("督导岗位由上级机关的管理员授予下级机关；其他岗位只能授予本机关。"),
            )
            offered += [
                (role, label)
                for role, label in Role.choices
                if role in SUBTREE_ROLES and (role, label) not in offered
            ]
        self.fields["role"].widget.choices = offered

    def clean_user(self):
        # The user model's own lookup (username or mobile), as at login: agencies sits below
        # accounts and does not import it.
        user = get_user_model().objects.find_for_login(self.cleaned_data["user"])
        if user is None or not user.is_active:
            raise forms.ValidationError(
                _("没有找到该用户，请先请其注册账户。"), code="unknown_user"
            )
        return user

    def clean(self):
        data = super().clean()
        if "user" in data and "role" in data:
            data["agency"] = data.get("agency") or self.home
            refusal = membership_refusal(
                self.actor, agency=data["agency"], role=data["role"], user=data["user"]
            )
            if refusal is not None:
                raise forms.ValidationError(refusal, code="refused")
        return data
