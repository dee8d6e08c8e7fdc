"""Annual reports: one row per version of one agency's (or subtree's) report for one year."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, AgencyScopedModel
from gongkai.core.models import StatusChange

from .states import ReportStatus


class ReportSettings(models.Model):
    """Per-agency report settings."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="report_settings")
    # Old form (gb2008) channel rows: {our channel: row}, over the defaults
    # (sources/catalog.py DEFAULT_CHANNEL_MAP). E.g. {"agency_website": "website"}.
    channel_map = models.JSONField(_("统计表渠道对应关系"), default=dict, blank=True)
    # Roll-up: an agency's figure that moves by more than this share from last year is listed.
    jump_ratio = models.DecimalField(
        _("同比变动提示阈值"), max_digits=5, decimal_places=2, default=1
    )

    class Meta:
        verbose_name = _("年报设置")
        verbose_name_plural = _("年报设置")

    def __str__(self):
        return str(self.agency)


class AnnualReport(AgencyScopedModel):
    year = models.PositiveSmallIntegerField(_("年度"))
    format = models.CharField(_("格式"), max_length=16)
    subtree = models.BooleanField(_("含下级机关（汇总）"), default=False)
    version = models.PositiveSmallIntegerField(_("版本"), default=1)
    status = models.CharField(
        _("状态"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    revision_reason = models.TextField(_("修订理由"), blank=True)
    # Figures no record holds (gb2019's project counts), typed in on the report.
    entered = models.JSONField(_("填报数"), default=dict, blank=True)
    # Frozen at finalising (or the imported report): document JSON with provenance.
    snapshot = models.JSONField(_("定稿数据"), null=True, blank=True)
    imported = models.BooleanField(_("导入的历史年报"), default=False)
    source_file = models.FileField(
        _("原始文件"), upload_to="reports/imported/%Y/", max_length=300, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finalised_at = models.DateTimeField(_("定稿时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    # The report's history: every step with actor, time and note (core.workflow), on its page.
    status_changes = GenericRelation(StatusChange, related_query_name="annual_report")

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        ordering = ["-year", "agency__path", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "subtree", "version"], name="report_one_per_version"
            ),
            models.UniqueConstraint(
                fields=["agency", "year", "subtree"],
                condition=Q(status=ReportStatus.DRAFT),
                name="report_one_open_draft",
            ),
            models.UniqueConstraint(
                fields=["agency", "year", "subtree"],
                condition=Q(status=ReportStatus.PUBLISHED),
                name="report_one_published",
            ),
            models.CheckConstraint(
                name="report_locked_has_snapshot",
                condition=Q(status=ReportStatus.DRAFT) | Q(snapshot__isnull=False),
            ),
            models.CheckConstraint(
                name="report_revision_has_reason", condition=Q(version=1) | ~Q(revision_reason="")
            ),
        ]

    def __str__(self):
        scope = "（汇总）" if self.subtree else ""
        return f"{self.agency}{self.year}年政府信息公开工作年度报告{scope} 第{self.version}版"

    @property
    def title(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"


class Narrative(models.Model):
    """One saved version of the report's text, section by section ({section key: text})."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="narratives")
    number = models.PositiveIntegerField(_("稿次"))
    sections = models.JSONField(_("正文"), default=dict)
    prefilled = models.BooleanField(_("系统预填"), default=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="narrative_number_unique")
        ]

    def __str__(self):
        return f"{self.report} 正文第{self.number}稿"


class CheckOverride(models.Model):
    """A reviewer's written reason to finalise although a check fails; kept with the report."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="overrides")
    problem = models.CharField(_("问题"), max_length=200)  # Problem.key(): identity + where
    message = models.TextField(_("问题说明"))
    reason = models.TextField(_("理由"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "at"]
        constraints = [
            models.UniqueConstraint(fields=["report", "problem"], name="override_once_per_problem"),
            models.CheckConstraint(name="override_has_reason", condition=~Q(reason="")),
        ]

    def __str__(self):
        return f"{self.problem}: {self.reason}"
