"""Where items went out, how their 索引号 are made, and the versioned 政府信息公开指南."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency

from .items import Item

PATTERN_FIELDS = {"prefix", "category", "year", "serial"}
_PLACEHOLDER = re.compile(r"\{(\w+)(?::0?(\d+)d)?\}")


def validate_index_pattern(pattern: str) -> None:
    names = [m.group(1) for m in _PLACEHOLDER.finditer(pattern)]
    unknown = set(names) - PATTERN_FIELDS
    if unknown:
        raise ValidationError(
            _("索引号规则中有未知的占位符：%(names)s。可用：{prefix} {category} {year} {serial}。"),
            params={"names": "、".join(sorted(unknown))},
        )
    formatted = [m.group(1) for m in _PLACEHOLDER.finditer(pattern) if m.group(2)]
    if set(formatted) - {"serial", "year"}:
        raise ValidationError(_("只有 {serial} 和 {year} 可以指定位数，如 {serial:05d}。"))
    if "serial" not in names:
        raise ValidationError(_("索引号规则必须包含流水号 {serial}，否则索引号会重复。"))
    if re.search(r"[{}]", _PLACEHOLDER.sub("", pattern)):
        raise ValidationError(_("索引号规则中的花括号不成对。"))


class CatalogSettings(models.Model):
    """Per-agency catalogue settings: the 索引号 scheme and the guide's editable parts."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="catalog_settings")
    index_prefix = models.CharField(
        _("索引号前缀"),
        max_length=40,
        blank=True,
        help_text=_("留空则使用统一社会信用代码，没有时使用机关代码。"),
    )
    index_pattern = models.CharField(
        _("索引号规则"),
        max_length=80,
        default="{prefix}/{category}-{year}-{serial:05d}",
        validators=[validate_index_pattern],
        help_text=_(
            "占位符：{prefix} 前缀、{category} 分类代码、{year} 年份、{serial:05d} 流水号。"
        ),
    )

    class Meta:
        verbose_name = _("目录设置")
        verbose_name_plural = _("目录设置")

    def __str__(self):
        return str(self.agency)

    @property
    def audit_agency(self):
        return self.agency


class IndexSequence(models.Model):
    """The last serial used per agency and scope (year, or year and category)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    scope = models.CharField(max_length=40)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "scope"], name="index_sequence_unique")
        ]

    def __str__(self):
        return f"{self.agency_id} {self.scope} {self.last}"


class ChannelRecord(models.Model):
    """One channel an item was published on (Regulation 2019 Art. 23), counted in the report."""

    class Channel(models.TextChoices):
        AGENCY_WEBSITE = "agency_website", _("本机关网站")
        PORTAL = "portal", _("政府门户网站")
        WEIBO = "weibo", _("政务微博")
        WECHAT = "wechat", _("政务微信")
        GAZETTE = "gazette", _("政府公报")
        MEDIA = "media", _("报刊、广播、电视")
        OTHER = "other", _("其他")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices)
    published_on = models.DateField(_("发布日期"))
    # Absolute for other channels; for the agency website, the item page on this site.
    url = models.CharField(_("链接"), max_length=500, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("发布渠道")
        verbose_name_plural = _("发布渠道")
        ordering = ["published_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "channel"], name="channel_once_per_item")
        ]
        indexes = [models.Index(fields=["channel", "published_on"], name="channel_by_day")]

    def __str__(self):
        return f"{self.item.index_number} {self.get_channel_display()}"

    @property
    def audit_agency(self):
        return self.item.agency


class GuideVersion(models.Model):
    """One saved version of the agency's 政府信息公开指南. The newest is the one shown; older
    versions stay, since failing to keep the guide updated is itself sanctioned (Art. 53)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="guide_versions")
    version = models.PositiveIntegerField(_("版本"))
    # The editable parts; the office's name, address, hours and contacts come from the agency
    # record and the rendered text is frozen in `rendered` when the version is saved.
    arrangement = models.TextField(_("信息分类与编排体系"))
    how_to_obtain = models.TextField(_("获取方式"))
    other = models.TextField(_("其他说明"), blank=True)
    rendered = models.TextField(_("全文"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")
        ordering = ["agency", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "version"], name="guide_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="guide_version_positive"),
        ]

    def __str__(self):
        return f"{self.agency} 指南 v{self.version}"

    @property
    def audit_agency(self):
        return self.agency
