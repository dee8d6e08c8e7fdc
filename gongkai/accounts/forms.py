from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import ApplicantProfile, User
from .phones import validate_mobile

username_validator = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9_]{3,29}$",
    _("用户名须以字母开头，由4至30位字母、数字或下划线组成。"),
)


class MobileField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("手机号码"))
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean(self, value):
        return validate_mobile(super().clean(value))


class SmsCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("短信验证码"))
        kwargs.setdefault("max_length", 6)
        kwargs.setdefault("min_length", 6)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]{6}"}
        )


class NewPasswordMixin(forms.Form):
    password1 = forms.CharField(
        label=_("密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("确认密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError(_("两次输入的密码不一致。"), code="password_mismatch")
        return second


class PhoneForm(forms.Form):
    """The 'send me a code' step shared by registration and password reset."""

    phone = MobileField()


class RegisterForm(NewPasswordMixin):
    """Only the shape of each field is checked here: whether the username or the number is
    taken is answered by user_register once the SMS code checks out (no enumeration)."""

    username = forms.CharField(
        label=_("用户名"),
        max_length=30,
        validators=[username_validator],
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    phone = MobileField()
    code = SmsCodeField()
    field_order = ["username", "phone", "code", "password1", "password2"]

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password:
            probe = User(username=cleaned.get("username") or "", phone=cleaned.get("phone"))
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class PasswordResetForm(NewPasswordMixin):
    phone = MobileField()
    code = SmsCodeField()
    field_order = ["phone", "code", "password1", "password2"]


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("用户名或手机号码"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _("用户名/手机号码或密码不正确。连续输错5次，账户将被锁定15分钟。"),
        "inactive": _("该账户已停用。"),
    }


class PasswordChangeForm(NewPasswordMixin):
    old_password = forms.CharField(
        label=_("原密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ["old_password", "password1", "password2"]


class ApplicantProfileForm(forms.ModelForm):
    class Meta:
        model = ApplicantProfile
        fields = [
            "kind",
            "person_name",
            "id_type",
            "id_number",
            "org_name",
            "credit_code",
            "org_type",
            "legal_representative",
            "contact_name",
            "contact_phone",
            "address",
            "postcode",
            "email",
        ]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The stored number is never echoed back into the page; blank keeps it.
            for name in ("id_number", "credit_code"):
                self.fields[name].help_text = _("已保存（%(masked)s），留空则保持不变。") % {
                    "masked": self.instance.masked_identifier
                }

    def clean(self):
        cleaned = super().clean()
        stored = self.instance
        if stored.pk and cleaned.get("kind") == stored.kind:
            for name in ("id_number", "credit_code"):
                if not cleaned.get(name):
                    cleaned[name] = getattr(stored, name)
        return cleaned
