"""Power-list items (权力清单 with each power's 责任清单) and their append-only history.

One item is one administrative power together with the responsibilities that go with it, as the
lists are published in practice (“权力清单和相应的责任清单”): the 权力清单 shows its type, legal
basis and responsible unit; the 责任清单 shows the same item's duties, accountability and
supervision. An item's content lives in its versions; `PowerItem` mirrors the latest one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel

from .states import ChangeKind, ItemStatus


class PowerType(models.TextChoices):
    """The ten kinds of power, in the order lists are published."""

    LICENSING = "licensing", _("行政许可")
    PUNISHMENT = "punishment", _("行政处罚")
    COERCION = "coercion", _("行政强制")
    LEVY = "levy", _("行政征收")
    PAYMENT = "payment", _("行政给付")
    INSPECTION = "inspection", _("行政检查")
    CONFIRMATION = "confirmation", _("行政确认")
    REWARD = "reward", _("行政奖励")
    RULING = "ruling", _("行政裁决")
    OTHER = "other", _("其他行政权力")


TYPE_ORDER = {value: position for position, value in enumerate(PowerType.values)}
# The fields every adjustment records in full; the item mirrors its latest version's values.
CONTENT_FIELDS = (
    "power_type",
    "name",
    "legal_basis",
    "responsible_unit",
    "process",
    "responsibilities",
    "accountability",
    "supervision",
)


class PowerContent(models.Model):
    power_type = models.CharField(_("权力类型"), max_length=16, choices=PowerType.choices)
    name = models.CharField(_("事项名称"), max_length=200)
    legal_basis = models.TextField(_("实施依据"))
    responsible_unit = models.CharField(_("承办机构"), max_length=100)
    process = models.TextField(_("办理流程"), blank=True)
    responsibilities = models.TextField(_("责任事项"), blank=True)
    accountability = models.TextField(_("追责情形"), blank=True)
    supervision = models.TextField(_("监督方式"), blank=True)

    class Meta:
        abstract = True

    def content(self) -> dict:
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


class PowerItem(AgencyScopedModel, PowerContent):
    code = models.CharField(
        _("事项编码"), max_length=40, help_text=_("本机关内唯一且不再改变，如 行政许可-001。")
    )
    status = models.CharField(_("状态"), max_length=16, choices=ItemStatus.choices)
    last_version = models.PositiveIntegerField(_("最新版本"), default=0)
    last_effective_on = models.DateField(_("最近调整生效日期"), null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("权责清单事项")
        verbose_name_plural = _("权责清单事项")
        ordering = ["agency", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="power_item_code_per_agency"),
            models.CheckConstraint(condition=~Q(code=""), name="power_item_has_code"),
            models.CheckConstraint(
                condition=Q(status__in=ItemStatus.values), name="power_item_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(power_type__in=PowerType.values), name="power_item_type_valid"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class AppendOnlyQuerySet(models.QuerySet):
    """History is never rewritten: a correction is a new version with its own reason."""

    def update(self, **kwargs):
        raise TypeError("PowerItemVersion is append-only.")

    def delete(self):
        raise TypeError("PowerItemVersion is append-only.")


class PowerItemVersion(PowerContent):
    """One adjustment (动态调整): what changed, from when, why, on whose approval, and the item's
    full content from then on. The item's state on a date is its latest version effective by
    then (none before it was added, or after it was removed)."""

    item = models.ForeignKey(PowerItem, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("版本"))
    change_kind = models.CharField(_("调整类型"), max_length=16, choices=ChangeKind.choices)
    effective_on = models.DateField(_("生效日期"))
    reason = models.TextField(_("调整理由"))
    document = models.CharField(
        _("批准文件"), max_length=200, help_text=_("批准调整的文件名称或文号。")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("权责清单调整记录")
        verbose_name_plural = _("权责清单调整记录")
        ordering = ["item", "number"]
        indexes = [models.Index(fields=["effective_on"], name="power_version_effective")]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="power_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="power_version_positive"),
            models.CheckConstraint(
                condition=~Q(number=1) | Q(change_kind=ChangeKind.ADDED),
                name="power_version_first_is_added",
            ),
            models.CheckConstraint(
                condition=Q(change_kind__in=ChangeKind.values), name="power_version_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(power_type__in=PowerType.values), name="power_version_type_valid"
            ),
            models.CheckConstraint(
                condition=~Q(reason="") & ~Q(document=""), name="power_version_is_justified"
            ),
        ]

    def __str__(self):
        return f"{self.item.code} v{self.number} {self.get_change_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("PowerItemVersion is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("PowerItemVersion is append-only.")

    @property
    def audit_agency(self):
        return self.item.agency

    @property
    def is_relisting(self) -> bool:
        return self.change_kind == ChangeKind.ADDED and self.number > 1
