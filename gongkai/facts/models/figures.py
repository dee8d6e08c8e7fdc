"""Figures the agency's other systems hold (the 2021 report's table 二) and the year locks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, AgencyScopedModel

from .records import MAX_YEAR, MIN_YEAR


class FigureKey(models.TextChoices):
    LICENSING = "licensing", _("行政许可（本年处理决定数量）")
    PUNISHMENT = "punishment", _("行政处罚（本年处理决定数量）")
    COERCION = "coercion", _("行政强制（本年处理决定数量）")
    ADMIN_FEES = "admin_fees", _("行政事业性收费（本年收费金额）")
    REGULATIONS_MADE = "regulations_made", _("规章（本年制发件数）")
    REGULATIONS_REPEALED = "regulations_repealed", _("规章（本年废止件数）")
    REGULATIONS_VALID = "regulations_valid", _("规章（现行有效件数）")


# Where each figure goes in report_formats.json gb2021 table t2: (row key, column key, unit).
FIGURE_CELLS: dict[str, tuple[str, str, str]] = {
    FigureKey.REGULATIONS_MADE: ("regulations", "made", "件"),
    FigureKey.REGULATIONS_REPEALED: ("regulations", "repealed", "件"),
    FigureKey.REGULATIONS_VALID: ("regulations", "valid", "件"),
    FigureKey.LICENSING: ("licensing", "decisions", "件"),
    FigureKey.PUNISHMENT: ("punishment", "decisions", "件"),
    FigureKey.COERCION: ("coercion", "decisions", "件"),
    FigureKey.ADMIN_FEES: ("admin_fees", "fee_amount", "万元"),
}
# Every agency reports these (0 when it had none); only rule-making governments report 规章.
REQUIRED_KEYS = (
    FigureKey.LICENSING,
    FigureKey.PUNISHMENT,
    FigureKey.COERCION,
    FigureKey.ADMIN_FEES,
)
AMOUNT_KEYS = frozenset({FigureKey.ADMIN_FEES})


class OtherSystemFigure(AgencyScopedModel):
    """One figure for one agency and year, with where it came from and who entered it."""

    year = models.PositiveSmallIntegerField(_("年度"))
    key = models.CharField(_("指标"), max_length=32, choices=FigureKey.choices)
    # Counts are whole numbers; the fee amount is in 万元, exact to the 元.
    value = models.DecimalField(_("数值"), max_digits=14, decimal_places=4)
    unit = models.CharField(_("单位"), max_length=8)
    source = models.CharField(
        _("来源"),
        max_length=200,
        help_text=_("数据来自哪个系统或台账，如“河南省行政执法信息平台”。"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("录入时间"))

    class Meta:
        verbose_name = _("其他系统数据")
        verbose_name_plural = _("其他系统数据")
        ordering = ["agency", "year", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "key"], name="figure_once_per_agency_year"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="figure_value_not_negative",
                violation_error_message=_("数值不能为负数。"),
            ),
            models.CheckConstraint(condition=Q(key__in=FigureKey.values), name="figure_key_known"),
            models.CheckConstraint(condition=~Q(source=""), name="figure_has_source"),
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR), name="figure_year_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.get_key_display()} {self.value.normalize():f}{self.unit}"


class YearLock(models.Model):
    """The agency's year is final (its annual report is): its facts and figures stay as
    reported. Only an administrator may lift a lock, giving a reason."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("机关"), on_delete=models.CASCADE, related_name="facts_year_locks"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    locked_at = models.DateTimeField(_("锁定时间"), auto_now_add=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("锁定人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("锁定原因"), max_length=300)

    class Meta:
        verbose_name = _("年度锁定")
        verbose_name_plural = _("年度锁定")
        ordering = ["agency", "year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="year_lock_once"),
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR), name="year_lock_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.agency} {self.year}年度已锁定"

    @property
    def audit_agency(self):
        return self.agency
