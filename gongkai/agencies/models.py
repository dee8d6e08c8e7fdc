"""Agencies (a tree of any depth), staff memberships, and the base for agency-owned records."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.identifiers import validate_credit_code

from .roles import Role

agency_code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$",
    _("机关代码只能包含字母、数字、点、横线和下划线，2至40位。"),
)


class AgencyQuerySet(models.QuerySet):
    def subtree_of(self, agency: "Agency"):
        """The agency and all its descendants (materialised path prefix match)."""
        return self.filter(path__startswith=agency.path)


class Agency(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", _("国家级")
        PROVINCE = "province", _("省级")
        CITY = "city", _("市级")
        COUNTY = "county", _("县级")
        TOWNSHIP = "township", _("乡镇级")

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("人民政府")
        DEPARTMENT = "department", _("政府部门")
        OTHER = "other", _("其他机关或单位")

    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级机关"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # "/1/4/17/": ancestors' ids then our own; a subtree is a prefix match on an indexed column.
    path = models.CharField(_("路径"), max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("层级深度"), default=0, editable=False)
    code = models.CharField(
        _("机关代码"),
        max_length=40,
        unique=True,
        validators=[agency_code_validator],
        help_text=_("系统内唯一的简短代码，如 411400-gxw，用于命令行和导入。"),
    )
    name = models.CharField(_("机关全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
    )
    level = models.CharField(_("行政层级"), max_length=16, choices=Level.choices)
    kind = models.CharField(_("机关类型"), max_length=16, choices=Kind.choices)
    is_active = models.BooleanField(_("在用"), default=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    # The disclosure office: what the 政府信息公开指南 must show (Regulation 2019 Art. 12).
    office_name = models.CharField(_("政府信息公开工作机构名称"), max_length=100, blank=True)
    office_address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_postcode = models.CharField(
        _("邮政编码"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("邮政编码应为6位数字。"))],
    )
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    office_phone = models.CharField(_("联系电话"), max_length=50, blank=True)
    office_fax = models.CharField(_("传真"), max_length=50, blank=True)
    office_email = models.EmailField(_("电子邮箱"), blank=True)
    office_website = models.URLField(_("网址"), blank=True)

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("机关")
        verbose_name_plural = _("机关")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~Q(credit_code=""),
                name="agency_credit_code_unique_when_set",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="agency_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def audit_agency(self):
        return self

    OFFICE_FIELDS = (
        "office_name",
        "office_address",
        "office_postcode",
        "office_hours",
        "office_phone",
        "office_fax",
        "office_email",
        "office_website",
    )

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]

    def is_in_subtree_of(self, other: "Agency") -> bool:
        return self.path.startswith(other.path)


class Membership(models.Model):
    """A user's role in an agency. One user may hold several roles in several agencies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("机关"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("岗位"), max_length=16, choices=Role.choices)
    granted_at = models.DateTimeField(_("授予时间"), auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("授予人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("岗位授权")
        verbose_name_plural = _("岗位授权")
        ordering = ["agency__path", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="membership_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.agency} · {self.get_role_display()}"

    @property
    def audit_agency(self):
        return self.agency


class AgencyScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .permissions import agency_ids_with
        from .roles import Capability

        return self.filter(agency_id__in=agency_ids_with(user, Capability.VIEW))


class AgencyScopedModel(models.Model):
    """Base for every record an agency owns: a NOT NULL agency key and scoped queries."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
    )

    objects = AgencyScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def audit_agency(self):
        return self.agency
