"""The agency's dated records of its disclosure work: bodies, reading points, staff, budget,
meetings and trainings. A year's figures are computed from them, never typed in as totals.

Periods (bodies, reading points, staff) run from their start date to their end date, both
days included; an empty end date means the record is still in effect.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel

# Annual reports exist from the 2008 Regulation on.
MIN_YEAR = 2008
MAX_YEAR = 2100


def _ends_after_start(start: str, end: str, name: str, message) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=message,
    )


class DisclosureBody(AgencyScopedModel):
    """A 政府信息公开工作专门机构 (the legacy table's 八(一))."""

    name = models.CharField(_("机构名称"), max_length=200)
    established_on = models.DateField(_("设立日期"))
    dissolved_on = models.DateField(
        _("撤销日期"), null=True, blank=True, help_text=_("存续的最后一天；仍存续的留空。")
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("政府信息公开工作机构")
        verbose_name_plural = _("政府信息公开工作机构")
        ordering = ["agency", "established_on", "id"]
        constraints = [
            _ends_after_start(
                "established_on",
                "dissolved_on",
                "body_dissolved_after_established",
                _("撤销日期不能早于设立日期。"),
            )
        ]

    def __str__(self):
        return self.name


class ReadingPoint(AgencyScopedModel):
    """A 政府信息公开查阅点 (the legacy table's 八(二))."""

    name = models.CharField(_("查阅点名称"), max_length=200)
    address = models.CharField(_("地址"), max_length=300)
    opened_on = models.DateField(_("设立日期"))
    closed_on = models.DateField(
        _("撤销日期"), null=True, blank=True, help_text=_("开放的最后一天；仍开放的留空。")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("政府信息公开查阅点")
        verbose_name_plural = _("政府信息公开查阅点")
        ordering = ["agency", "opened_on", "id"]
        constraints = [
            _ends_after_start(
                "opened_on",
                "closed_on",
                "reading_point_closed_after_opened",
                _("撤销日期不能早于设立日期。"),
            )
        ]

    def __str__(self):
        return self.name


class StaffAssignment(AgencyScopedModel):
    """One person's post in the disclosure work, full- or part-time, for a period."""

    person_name = models.CharField(_("姓名"), max_length=50)
    position = models.CharField(
        _("岗位或职务"), max_length=100, help_text=_("公开页面只显示岗位和人数，不显示姓名。")
    )
    full_time = models.BooleanField(
        _("专职"),
        default=False,
        help_text=_("专职人员不包括政府公报及政府网站工作人员；其余为兼职。"),
    )
    started_on = models.DateField(_("到岗日期"))
    ended_on = models.DateField(
        _("离岗日期"), null=True, blank=True, help_text=_("在岗的最后一天；仍在岗的留空。")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("平台账号"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("信息公开工作人员")
        verbose_name_plural = _("信息公开工作人员")
        ordering = ["agency", "started_on", "id"]
        constraints = [
            _ends_after_start(
                "started_on",
                "ended_on",
                "staff_ended_after_started",
                _("离岗日期不能早于到岗日期。"),
            )
        ]

    def __str__(self):
        return f"{self.person_name}（{self.position}）"


class BudgetAllocation(AgencyScopedModel):
    """Money for the disclosure work in one year. Only the dedicated budget counts in the
    legacy table's 八(四), which excludes the costs of the 政府公报 and the government website."""

    year = models.PositiveSmallIntegerField(_("年度"))
    amount = models.DecimalField(_("金额（万元）"), max_digits=12, decimal_places=4)
    purpose = models.CharField(_("用途"), max_length=200)
    dedicated = models.BooleanField(
        _("政府信息公开专项经费"),
        default=True,
        help_text=_("用于政府公报编辑管理、政府网站建设维护的经费不是专项经费，不要勾选。"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("工作经费")
        verbose_name_plural = _("工作经费")
        ordering = ["agency", "year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budget_amount_not_negative",
                violation_error_message=_("金额不能为负数。"),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR),
                name="budget_year_in_range",
                violation_error_message=_("年度超出范围。"),
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.purpose} {self.amount.normalize():f}万元"


class Meeting(AgencyScopedModel):
    """A 政府信息公开工作会议 or 专题会议 (the legacy table's 九(一))."""

    class Kind(models.TextChoices):
        WORK = "work", _("工作会议")
        SPECIAL = "special", _("专题会议")

    held_on = models.DateField(_("会议日期"))
    topic = models.CharField(_("会议主题"), max_length=200)
    kind = models.CharField(_("会议类型"), max_length=16, choices=Kind.choices, default=Kind.WORK)
    attendees = models.PositiveIntegerField(_("参会人数"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("信息公开工作会议")
        verbose_name_plural = _("信息公开工作会议")
        ordering = ["agency", "held_on", "id"]
        indexes = [models.Index(fields=["agency", "held_on"], name="meeting_by_day")]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.topic}"


class Training(AgencyScopedModel):
    """A training session on disclosure work. Sessions the agency held count as 举办的培训班
    (九(二)); the trainees of every session, held here or attended elsewhere, count as
    接受培训人员 (九(三), 人次)."""

    held_on = models.DateField(_("培训日期"))
    topic = models.CharField(_("培训主题"), max_length=200)
    organiser = models.CharField(_("主办单位"), max_length=200)
    hosted = models.BooleanField(
        _("本机关举办"), default=True, help_text=_("参加上级或其他单位举办的培训时不要勾选。")
    )
    trainees = models.PositiveIntegerField(_("受训人数（人次）"))
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("信息公开培训")
        verbose_name_plural = _("信息公开培训")
        ordering = ["agency", "held_on", "id"]
        indexes = [models.Index(fields=["agency", "held_on"], name="training_by_day")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gte=0),
                name="training_hours_not_negative",
                violation_error_message=_("学时不能为负数。"),
            )
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.topic}"
