from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Agency
from .roles import Role
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
    user = forms.CharField(label=_("用户名或手机号码"), max_length=150)
    role = forms.ChoiceField(label=_("岗位"), choices=Role.choices)

    def clean_user(self):
        # The user model's own lookup (username or mobile), as at login: agencies sits below
        # accounts and does not import it.
        user = get_user_model().objects.find_for_login(self.cleaned_data["user"])
        if user is None or not user.is_active:
            raise forms.ValidationError(
                _("没有找到该用户，请先请其注册账户。"), code="unknown_user"
            )
        return user
