"""Users (staff and public alike), applicant profiles, and SMS verification codes."""

from django.conf import settings
from django.contrib.auth import models as auth_models
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core import identifiers
from gongkai.core.identifiers import mask_identifier

from .phones import looks_like_phone, normalize_phone


class UserManager(auth_models.UserManager):
    def find_for_login(self, identifier: str) -> "User | None":
        """The user a login name means: a verified mobile number first, then the username.
        Other apps reach it through get_user_model(), so they need not import accounts."""
        identifier = (identifier or "").strip()
        if not identifier:
            return None
        if looks_like_phone(identifier):
            user = self.filter(phone=normalize_phone(identifier)).first()
            if user is not None:
                return user
        return self.filter(username=identifier).first()


class User(AbstractUser):
    """A person who logs in. Staff are users with agency memberships; everyone else is public."""

    phone = models.CharField(
        _("手机号码"),
        max_length=11,
        null=True,
        blank=True,
        unique=True,
        help_text=_("已验证的中国大陆手机号码，可用于登录和找回密码。"),
    )
    phone_verified_at = models.DateTimeField(_("手机验证时间"), null=True, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            models.CheckConstraint(
                condition=Q(phone__isnull=True) | Q(phone__regex=r"^1[3-9][0-9]{9}$"),
                name="user_phone_is_mainland_mobile",
            ),
        ]

    def __str__(self):
        return self.get_username()

    @property
    def masked_phone(self) -> str:
        return f"{self.phone[:3]}****{self.phone[-4:]}" if self.phone else ""


class ApplicantType(models.TextChoices):
    """The annual report's applicant columns (2019/2021 formats, table 三)."""

    NATURAL_PERSON = "natural_person", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    SOCIAL_WELFARE = "social_welfare", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他")


class ApplicantProfile(models.Model):
    """Identity the 2019 Regulation (Art. 29) requires of an applicant, kept with the account."""

    class Kind(models.TextChoices):
        PERSON = "person", _("公民（自然人）")
        ORGANISATION = "organisation", _("法人或其他组织")

    class IdType(models.TextChoices):
        RESIDENT_ID = "resident_id", _("居民身份证")
        RESIDENCE_PERMIT = "residence_permit", _("港澳台居民居住证")
        HK_MACAU_PERMIT = "hk_macau_permit", _("港澳居民来往内地通行证")
        TAIWAN_PERMIT = "taiwan_permit", _("台湾居民来往大陆通行证")
        PASSPORT = "passport", _("护照")

    class OrgType(models.TextChoices):
        COMMERCIAL = ApplicantType.COMMERCIAL.value, ApplicantType.COMMERCIAL.label
        RESEARCH = ApplicantType.RESEARCH.value, ApplicantType.RESEARCH.label
        SOCIAL_WELFARE = ApplicantType.SOCIAL_WELFARE.value, ApplicantType.SOCIAL_WELFARE.label
        LEGAL_SERVICE = ApplicantType.LEGAL_SERVICE.value, ApplicantType.LEGAL_SERVICE.label
        OTHER_ORG = ApplicantType.OTHER_ORG.value, ApplicantType.OTHER_ORG.label

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applicant_profile"
    )
    kind = models.CharField(_("申请人类型"), max_length=16, choices=Kind.choices)
    # Natural person
    person_name = models.CharField(_("姓名"), max_length=100, blank=True)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=20, blank=True)
    # Legal person or other organisation
    org_name = models.CharField(_("名称"), max_length=200, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    org_type = models.CharField(_("组织类型"), max_length=20, choices=OrgType.choices, blank=True)
    legal_representative = models.CharField(_("法定代表人或负责人"), max_length=100, blank=True)
    # Contact
    contact_name = models.CharField(_("联系人"), max_length=100, blank=True)
    contact_phone = models.CharField(
        _("联系电话"),
        max_length=30,
        validators=[RegexValidator(r"^\+?[0-9][0-9\- ]{5,28}$", _("请输入有效的电话号码。"))],
    )
    address = models.CharField(_("通信地址"), max_length=300)
    postcode = models.CharField(
        _("邮政编码"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("邮政编码应为6位数字。"))],
    )
    email = models.EmailField(_("电子邮箱"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("申请人信息")
        verbose_name_plural = _("申请人信息")
        constraints = [
            # A person has a name and an identity document; an organisation a name, a credit
            # code and a type. The report's applicant columns depend on it.
            models.CheckConstraint(
                name="applicant_profile_identity_complete",
                condition=(
                    Q(kind="person") & ~Q(person_name="") & ~Q(id_type="") & ~Q(id_number="")
                )
                | (Q(kind="organisation") & ~Q(org_name="") & ~Q(credit_code="") & ~Q(org_type="")),
            ),
        ]

    def __str__(self):
        return self.display_name

    ID_VALIDATORS = {
        IdType.RESIDENT_ID: identifiers.validate_resident_id,
        IdType.RESIDENCE_PERMIT: identifiers.validate_residence_permit,
        IdType.HK_MACAU_PERMIT: identifiers.validate_hk_macau_permit,
        IdType.TAIWAN_PERMIT: identifiers.validate_taiwan_permit,
        IdType.PASSPORT: identifiers.validate_passport,
    }

    def clean(self):
        required = (
            ("person_name", "id_type", "id_number")
            if self.kind == self.Kind.PERSON
            else ("org_name", "credit_code", "org_type")
        )
        errors = {
            name: ValidationError(_("此项为必填项。"), code="required")
            for name in required
            if not getattr(self, name)
        }
        try:
            if self.kind == self.Kind.PERSON and self.id_type and self.id_number:
                self.id_number = self.ID_VALIDATORS[self.id_type](self.id_number)
            elif self.kind == self.Kind.ORGANISATION and self.credit_code:
                self.credit_code = identifiers.validate_credit_code(self.credit_code)
        except ValidationError as error:
            errors["id_number" if self.kind == self.Kind.PERSON else "credit_code"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def display_name(self) -> str:
        return self.person_name if self.kind == self.Kind.PERSON else self.org_name

    @property
    def applicant_type(self) -> str:
        """The report column this applicant is counted in."""
        if self.kind == self.Kind.PERSON:
            return ApplicantType.NATURAL_PERSON
        return self.org_type

    @property
    def identifier(self) -> str:
        return self.id_number if self.kind == self.Kind.PERSON else self.credit_code

    @property
    def masked_identifier(self) -> str:
        return mask_identifier(self.identifier)


class SmsCode(models.Model):
    """A one-time 6-digit code sent to a phone. Only a keyed hash of the code is stored."""

    class Purpose(models.TextChoices):
        REGISTER = "register", _("注册")
        RESET_PASSWORD = "reset_password", _("找回密码")

    phone = models.CharField(_("手机号码"), max_length=11, db_index=True)
    purpose = models.CharField(_("用途"), max_length=20, choices=Purpose.choices)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("发送时间"), db_index=True)
    expires_at = models.DateTimeField(_("失效时间"))
    used_at = models.DateTimeField(_("使用时间"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("错误次数"), default=0)
    ip = models.GenericIPAddressField(_("请求 IP"), null=True, blank=True)
    # False when a reset code was "sent" to a number with no account: nothing went out, but
    # the request still counts against the limits so the form cannot be used to probe numbers.
    delivered = models.BooleanField(_("已发送"), default=True)

    class Meta:
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["ip", "created_at"])]

    def __str__(self):
        return f"{self.phone[:3]}****{self.phone[-4:]} {self.get_purpose_display()}"
