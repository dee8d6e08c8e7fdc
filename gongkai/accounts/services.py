"""Writes for accounts: SMS codes, registration, password reset and change, applicant profile."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError, RateLimited

from .models import ApplicantProfile, SmsCode, User
from .sms import send_sms


class InvalidCode(DomainError):
    code = "sms_code_invalid"


class WrongCode(InvalidCode):
    """A guess that did not match: counted, and the code dies after too many."""

    code = "sms_code_wrong"


class UsernameTaken(DomainError):
    """Told only to someone holding a valid code, and counted as one of its attempts: usernames
    cannot be tried faster than codes can be obtained (per number and per address)."""

    code = "username_taken"


def _hash_code(phone: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{phone}:{code}".encode(), hashlib.sha256).hexdigest()


def _check_send_limits(*, phone: str, ip: str | None, now) -> None:
    limits = settings.GONGKAI_SMS_LIMITS
    recent = SmsCode.objects.filter(phone=phone)
    last = recent.order_by("-created_at").values_list("created_at", flat=True).first()
    interval = limits["per_phone_interval_seconds"]
    if last and (now - last).total_seconds() < interval:
        wait = int(interval - (now - last).total_seconds()) + 1
        raise RateLimited(f"验证码发送过于频繁，请{wait}秒后再试。", code="sms_too_soon")
    if (
        recent.filter(created_at__gte=now - timedelta(hours=1)).count()
        >= limits["per_phone_per_hour"]
    ):
        raise RateLimited(
            "该手机号一小时内获取验证码次数已达上限，请稍后再试。", code="sms_phone_hourly_limit"
        )
    if (
        recent.filter(created_at__gte=now - timedelta(days=1)).count()
        >= limits["per_phone_per_day"]
    ):
        raise RateLimited(
            "该手机号今日获取验证码次数已达上限，请明天再试。", code="sms_phone_daily_limit"
        )
    if (
        ip
        and SmsCode.objects.filter(ip=ip, created_at__gte=now - timedelta(hours=1)).count()
        >= (limits["per_ip_per_hour"])
    ):
        raise RateLimited("您所在网络获取验证码过于频繁，请一小时后再试。", code="sms_ip_limit")


def sms_code_send(*, phone: str, purpose: str, ip: str | None = None) -> SmsCode:
    """Send a fresh 6-digit code (valid 10 minutes, single use), within the rate limits.

    The answer never tells whether the number has an account. The limits are checked first and
    count every request alike; then a code is recorded either way, but sent only where it can be
    used: to a free number for registration, to an account's number for a password reset. A
    registered number asking to register is told so by SMS instead (its owner learns it, nobody
    else does); an unknown number asking for a reset gets nothing. A code that was not sent
    answers every guess like a code nobody knows (see _consume_code).
    """
    now = timezone.now()
    _check_send_limits(phone=phone, ip=ip, now=now)
    if purpose == SmsCode.Purpose.REGISTER:
        taken = User.objects.filter(phone=phone).exists()
        deliver = not taken
    else:
        taken = False
        deliver = User.objects.filter(phone=phone, is_active=True).exists()
    code = f"{secrets.randbelow(1_000_000):06d}"
    with transaction.atomic():
        # A new code supersedes any earlier unused one for the same number and purpose.
        SmsCode.objects.filter(phone=phone, purpose=purpose, used_at__isnull=True).update(
            expires_at=now
        )
        record = SmsCode.objects.create(
            phone=phone,
            purpose=purpose,
            code_hash=_hash_code(phone, code),
            created_at=now,
            expires_at=now + settings.GONGKAI_SMS_CODE_TTL,
            ip=ip,
            delivered=deliver,
        )
    if deliver:
        minutes = int(settings.GONGKAI_SMS_CODE_TTL.total_seconds() // 60)
        label = SmsCode.Purpose(purpose).label
        send_sms(
            phone,
            f"【政府信息公开平台】您的{label}验证码是{code}，{minutes}分钟内有效。请勿告诉他人。",
        )
    elif taken:
        send_sms(
            phone,
            "【政府信息公开平台】有人正在用本手机号注册账户。本号码已注册，请直接登录；"
            "忘记密码可通过短信验证码找回。如非本人操作，请忽略本短信。",
        )
    return record


def _consume_code(*, phone: str, purpose: str, code: str) -> SmsCode:
    """Mark the matching code used, or raise InvalidCode. Runs inside the caller's transaction;
    see _with_code for why wrong guesses are counted outside it.

    A code that was recorded but not sent (a registered number asking to register, an unknown
    one asking for a reset) goes through the same checks and answers every guess "验证码错误",
    so this step does not tell who has an account either."""
    now = timezone.now()
    record = (
        SmsCode.objects.select_for_update()
        .filter(phone=phone, purpose=purpose, used_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if record is None:
        raise InvalidCode("验证码无效或已使用，请重新获取。", field="code")
    if record.expires_at <= now:
        raise InvalidCode("验证码已过期，请重新获取。", code="sms_code_expired", field="code")
    if record.failed_attempts >= settings.GONGKAI_SMS_CODE_MAX_ATTEMPTS:
        raise InvalidCode("验证码错误次数过多，请重新获取。", code="sms_code_locked", field="code")
    matches = hmac.compare_digest(record.code_hash, _hash_code(phone, (code or "").strip()))
    if not (matches and record.delivered):
        raise WrongCode("验证码错误。", field="code")
    record.used_at = now
    record.save(update_fields=["used_at"])
    return record


def _with_code(*, phone: str, purpose: str, code: str, then):
    """Spend the code and run `then()` in one transaction: if `then` fails (weak password,
    username taken) the code stays usable. A wrong guess, and a taken username, is counted as
    one of the code's attempts after the rollback, so the attempt limit cannot be dodged by
    making the transaction fail."""
    try:
        with transaction.atomic():
            _consume_code(phone=phone, purpose=purpose, code=code)
            return then()
    except (WrongCode, UsernameTaken):
        record = (
            SmsCode.objects.filter(phone=phone, purpose=purpose, used_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if record is not None:
            SmsCode.objects.filter(pk=record.pk).update(failed_attempts=F("failed_attempts") + 1)
        raise


def user_register(*, username: str, phone: str, password: str, code: str) -> User:
    """Create a public account once the phone's code checks out. Whether the username or the
    number is taken is answered only after that (the form asks neither), so neither can be
    looked up without a code sent to a free number."""

    def create() -> User:
        if User.objects.filter(phone=phone).exists():
            raise DomainError("该手机号已注册。", code="phone_taken", field="phone")
        if User.objects.filter(username__iexact=username).exists():
            raise UsernameTaken("该用户名已被使用，请换一个。", field="username")
        user = User(username=username, phone=phone, phone_verified_at=timezone.now())
        password_validation.validate_password(password, user)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        audit_record(
            actor=user,
            action="user.register",
            obj=user,
            changes={"username": [None, username], "phone": [None, user.masked_phone]},
        )
        return user

    return _with_code(phone=phone, purpose=SmsCode.Purpose.REGISTER, code=code, then=create)


def password_reset_by_sms(*, phone: str, code: str, new_password: str) -> User:
    def reset() -> User:
        user = User.objects.select_for_update().filter(phone=phone, is_active=True).first()
        if user is None:  # deactivated since the code was sent
            raise InvalidCode("验证码无效或已使用，请重新获取。", field="code")
        password_validation.validate_password(new_password, user)
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit_record(actor=user, action="user.password_reset", obj=user, note="短信验证码找回密码")
        return user

    return _with_code(phone=phone, purpose=SmsCode.Purpose.RESET_PASSWORD, code=code, then=reset)


def _old_password_matches(*, user: User, password: str, request) -> bool:
    if request is None:
        return user.check_password(password)
    # Checked like a login, through django-axes: a wrong password counts as a failed login for
    # this account from this address, and while the pair is locked even the right one fails
    # (AxesMiddleware then answers with the lockout page).
    found = authenticate(request, username=user.get_username(), password=password)
    return found is not None and found.pk == user.pk


def password_change(*, user: User, old_password: str, new_password: str, request=None) -> User:
    """Set a new password for a signed-in user who knows the old one.

    With the request (the web page), old-password guesses are limited exactly like logins: five
    wrong ones from one address lock the account there for 15 minutes (AXES_* settings), so a
    session left open cannot be used to find the password. The check runs outside the change's
    transaction, so a refused change cannot roll the count back. Without a request (a shell),
    the password is simply checked.
    """
    if not _old_password_matches(user=user, password=old_password, request=request):
        raise DomainError("原密码不正确。", code="wrong_password", field="old_password")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        password_validation.validate_password(new_password, user)
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit_record(actor=user, action="user.password_change", obj=user)
    return user


PROFILE_FIELDS = (
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
)
_MASKED_IN_AUDIT = {"id_number", "credit_code"}


@transaction.atomic
def applicant_profile_save(*, user: User, **fields) -> ApplicantProfile:
    """Create or update the user's applicant profile. Fields not of the chosen kind are cleared,
    so a profile never mixes a person's and an organisation's identity."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    profile = ApplicantProfile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if created:
        profile = ApplicantProfile(user=user)
    before = snapshot(profile, PROFILE_FIELDS) if not created else {}
    for name, value in fields.items():
        setattr(profile, name, value)
    person_only = ("person_name", "id_type", "id_number")
    org_only = ("org_name", "credit_code", "org_type", "legal_representative")
    for name in org_only if profile.kind == ApplicantProfile.Kind.PERSON else person_only:
        setattr(profile, name, "")
    profile.full_clean()
    profile.save()
    changes = diff(before, snapshot(profile, PROFILE_FIELDS))
    for name in _MASKED_IN_AUDIT & set(changes):
        # The audit trail is read by staff of any agency: keep identity numbers out of it.
        changes[name] = ["（已隐藏）" if v else v for v in changes[name]]
    if changes:
        audit_record(
            actor=user,
            action="applicant_profile.create" if created else "applicant_profile.update",
            obj=profile,
            changes=changes,
        )
    return profile
