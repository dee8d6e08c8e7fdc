"""The holiday table: which years are loaded (and from which notice), and their exceptions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    """A year whose State Council holiday notice is loaded. Deadlines may only be computed
    into loaded years."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(
        _("来源"),
        max_length=300,
        help_text=_("通知名称与文号，或 chinese-calendar 软件包及其版本。"),
    )
    notice_text = models.TextField(_("通知原文"), blank=True)
    loaded_at = models.DateTimeField(_("载入时间"), auto_now=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("载入人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("节假日安排年度")
        verbose_name_plural = _("节假日安排年度")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="calendar_year_sane"
            )
        ]

    def __str__(self):
        return f"{self.year}年（{self.source}）"


class CalendarDay(models.Model):
    """One exception to Monday–Friday: a holiday (放假) or a make-up working day (调休上班)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("放假")
        WORKDAY = "workday", _("调休上班")

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("节日"), max_length=50)
    # The notice that set this day. A notice can reach into the previous year (the 2023 notice
    # sets 2022-12-31), so this is not always date.year.
    calendar_year = models.ForeignKey(
        CalendarYear,
        verbose_name=_("所属通知"),
        on_delete=models.CASCADE,
        related_name="days",
    )

    class Meta:
        verbose_name = _("节假日或调休日")
        verbose_name_plural = _("节假日或调休日")
        ordering = ["date"]
        constraints = [
            # A make-up working day is by definition a Saturday or Sunday.
            # (Django's __week_day: 1 = Sunday, 7 = Saturday.)
            models.CheckConstraint(
                condition=~models.Q(kind="workday") | models.Q(date__week_day__in=[1, 7]),
                name="calendar_makeup_day_is_weekend",
            )
        ]

    def __str__(self):
        return f"{self.date} {self.name}{self.get_kind_display()}"
