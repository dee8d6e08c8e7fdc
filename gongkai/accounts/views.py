"""Public account pages. Each view parses the form, calls one service, and renders."""

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.agencies.permissions import is_staff_member
from gongkai.core.client import client_address
from gongkai.core.errors import DomainError

from . import services
from .forms import (
    ApplicantProfileForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    PhoneForm,
    RegisterForm,
)
from .models import SmsCode

SEND_CODE = "send_code"


def _add_error(form, error: Exception) -> None:
    if isinstance(error, DomainError):
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
    elif isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error("password1" if "password1" in form.fields else None, error)


def _send_code(request, form_class, purpose: str):
    """Handle the '获取验证码' button: validate only the phone, send, and re-show the form with
    what the user typed so far (never the passwords)."""
    phone_form = PhoneForm(request.POST)
    kept = {k: v for k, v in request.POST.items() if k in {"username", "phone"}}
    form = form_class(initial=kept)
    if phone_form.is_valid():
        try:
            services.sms_code_send(
                phone=phone_form.cleaned_data["phone"],
                purpose=purpose,
                ip=client_address(request),
            )
        except DomainError as error:
            form = form_class(initial=kept)
            form.send_error = error.message
        else:
            form.code_sent = True
            messages.success(request, _("验证码已发送，10分钟内有效。"))
    else:
        form.send_error = " ".join(phone_form.errors.get("phone", []))
    return form


@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("portal:home")
    if request.method == "POST" and SEND_CODE in request.POST:
        form = _send_code(request, RegisterForm, SmsCode.Purpose.REGISTER)
    elif request.method == "POST":
        form = RegisterForm(request.POST)
        if form.is_valid():
            try:
                user = services.user_register(
                    username=form.cleaned_data["username"],
                    phone=form.cleaned_data["phone"],
                    password=form.cleaned_data["password1"],
                    code=form.cleaned_data["code"],
                )
            except (DomainError, ValidationError) as error:
                _add_error(form, error)
            else:
                login(request, user, backend="gongkai.accounts.backends.UsernameOrPhoneBackend")
                messages.success(request, _("注册成功，欢迎使用。请完善申请人信息。"))
                return redirect("accounts:profile")
    else:
        form = RegisterForm()
    return render(request, "accounts/register.html", {"form": form})


@require_http_methods(["GET", "POST"])
def password_reset(request):
    if request.method == "POST" and SEND_CODE in request.POST:
        form = _send_code(request, PasswordResetForm, SmsCode.Purpose.RESET_PASSWORD)
    elif request.method == "POST":
        form = PasswordResetForm(request.POST)
        if form.is_valid():
            try:
                services.password_reset_by_sms(
                    phone=form.cleaned_data["phone"],
                    code=form.cleaned_data["code"],
                    new_password=form.cleaned_data["password1"],
                )
            except (DomainError, ValidationError) as error:
                _add_error(form, error)
            else:
                messages.success(request, _("密码已重置，请使用新密码登录。"))
                return redirect("accounts:login")
    else:
        form = PasswordResetForm()
    return render(request, "accounts/password_reset.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.password_change(
                user=request.user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["password1"],
                request=request,
            )
        except (DomainError, ValidationError) as error:
            _add_error(form, error)
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("密码已修改。"))
            return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    current = getattr(request.user, "applicant_profile", None)
    if request.method == "POST":
        form = ApplicantProfileForm(request.POST, instance=current)
        if form.is_valid():
            try:
                services.applicant_profile_save(
                    user=request.user,
                    **{name: form.cleaned_data[name] for name in ApplicantProfileForm.Meta.fields},
                )
            except ValidationError as error:
                _add_error(form, error)
            else:
                messages.success(request, _("申请人信息已保存。"))
                return redirect("accounts:profile")
        editing = True
    else:
        editing = current is None or request.GET.get("edit") == "1"
        if current is None:
            form = ApplicantProfileForm(initial={"kind": "person"})
        else:
            # The stored number is never sent back to the browser (see ApplicantProfileForm).
            form = ApplicantProfileForm(
                instance=current, initial={"id_number": "", "credit_code": ""}
            )
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "profile": current,
            "editing": editing,
            # Masked on the holder's own page too; staff reveal a case's number on the case
            # page, audited (applications.services.personal).
            "shown_identifier": current.masked_identifier if current else "",
        },
    )


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Staff land on their 工作台 (what waits for them today); the public on the portal.
        A `next` address, when given and safe, still wins (Django's own rule)."""
        if is_staff_member(self.request.user):
            return resolve_url("office:home")
        return super().get_default_redirect_url()


class LogoutView(auth_views.LogoutView):
    pass
