"""Open statutory deadlines of any case or item, kept so that they can be listed, explained,
and recomputed when the holiday table changes."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel, AgencyScopedQuerySet
from gongkai.regimes import REGIMES

# The urgency of an open deadline on a given day (gongkai.deadlines.urgency has the labels).
OVERDUE, TODAY, SOON, LATER, PENDING, PROVISIONAL = (
    "overdue",
    "today",
    "soon",
    "later",
    "pending",
    "provisional",
)
URGENCY_FILTERS = (OVERDUE, TODAY, SOON, PENDING, PROVISIONAL)


# Windows the office may use but need not: once the 补正 window has passed there is nothing
# left to do about it (补正 is simply refused: 2019 Art. 30), so it matters only while open.
OPTIONAL_KINDS = frozenset({"correction_notice"})


class DeadlineQuerySet(AgencyScopedQuerySet):
    """Filters by urgency, the same ones gongkai.deadlines.urgency.urgency_of decides for one
    deadline (for the queue, the 工作台 counts and the reminders): D the due date, T today,
    H the reminder horizon (deadlines.selectors.reminder_horizon)."""

    def open(self):
        return self.filter(is_open=True)

    def overdue(self, *, today):
        """D < T."""
        return self.filter(due__lt=today)

    def due_today(self, *, today):
        """D == T."""
        return self.filter(due=today)

    def due_soon(self, *, today, horizon):
        """T < D <= H."""
        return self.filter(due__gt=today, due__lte=horizon)

    def pending(self):
        """No date yet (the reason is in pending_reason)."""
        return self.filter(due__isnull=True)

    def provisional(self):
        """The date assumed the statutory holidays of a year whose notice is missing."""
        return self.filter(provisional=True)

    def needing_attention(self, *, today, horizon):
        """D <= H: due soon, today or already passed (a lapse, a missing answer or a late reply
        to record), except the windows the office may use but need not (OPTIONAL_KINDS),
        which matter only until they pass."""
        return self.filter(due__lte=horizon).exclude(kind__in=OPTIONAL_KINDS, due__lt=today)

    def urgency(self, code: str, *, today, horizon=None):
        """The deadlines of one urgency filter (URGENCY_FILTERS); `horizon` for "soon"."""
        if code == OVERDUE:
            return self.overdue(today=today)
        if code == TODAY:
            return self.due_today(today=today)
        if code == SOON:
            return self.due_soon(today=today, horizon=horizon)
        if code == PENDING:
            return self.pending()
        if code == PROVISIONAL:
            return self.provisional()
        raise ValueError(f"unknown urgency {code!r}")


class Deadline(AgencyScopedModel):
    class Kind(models.TextChoices):
        REPLY = "reply", _("答复期限")
        CORRECTION_NOTICE = "correction_notice", _("补正告知期限")
        CONSULTATION = "consultation", _("征求意见答复期限")
        FEE_PAYMENT = "fee_payment", _("缴纳信息处理费期限")
        PUBLICATION = "publication", _("主动公开期限")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    subject_repr = models.CharField(_("对象"), max_length=300)
    kind = models.CharField(_("期限类型"), max_length=20, choices=Kind.choices)
    regime = models.CharField(
        _("适用条例"), max_length=8, choices=[(code, r.name) for code, r in REGIMES.items()]
    )
    start = models.DateField(
        _("起算日"), help_text=_("计算从这一天之后开始（默认规则下当日不计入）。")
    )
    extended = models.BooleanField(_("已延长"), default=False)
    pauses = models.JSONField(_("暂停区间"), default=list, blank=True)
    due = models.DateField(_("届满日"), null=True, blank=True, db_index=True)
    # The count assumed the statutory holidays of a year whose notice is not loaded (the
    # trace's "assumption" says which years and days); cleared when the notice is loaded.
    provisional = models.BooleanField(
        _("暂定"),
        default=False,
        help_text=_("届满日按法定节假日推算，以国务院办公厅公布的节假日安排为准。"),
    )
    pending_reason = models.TextField(_("无法计算的原因"), blank=True)
    trace = models.JSONField(_("计算过程"), default=dict, blank=True)
    is_open = models.BooleanField(_("进行中"), default=True)
    opened_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("法定期限")
        verbose_name_plural = _("法定期限")
        ordering = ["due", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            # The open ones (a few hundred among every deadline ever opened): what the 工作台
            # counts per agency, kind and due date, and the banner's provisional dates.
            models.Index(
                fields=["agency", "kind", "due"], condition=Q(is_open=True), name="deadline_open"
            ),
            # The unsettled ones: recomputed when a notice is loaded, counted on the 工作台.
            models.Index(
                fields=["due"],
                condition=Q(provisional=True) | Q(due__isnull=True),
                name="deadline_unsettled",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind"],
                condition=Q(is_open=True),
                name="deadline_one_open_per_subject_and_kind",
            ),
            # Either a date, or the reason there is none yet (a year with no holiday notice).
            models.CheckConstraint(
                condition=Q(due__isnull=False) | ~Q(pending_reason=""),
                name="deadline_due_or_reason",
            ),
            models.CheckConstraint(
                condition=Q(is_open=True) | Q(closed_at__isnull=False),
                name="deadline_closed_has_time",
            ),
            # A provisional deadline has a date (what is provisional is the date).
            models.CheckConstraint(
                condition=Q(provisional=False) | Q(due__isnull=False),
                name="deadline_provisional_has_date",
            ),
        ]

    def __str__(self):
        due = f"{self.due}{'（暂定）' if self.provisional else ''}" if self.due else "待定"
        return f"{self.subject_repr} · {self.get_kind_display()} · {due}"

    @property
    def regime_obj(self):
        return REGIMES[self.regime]


class ReminderDigest(models.Model):
    """The daily reminder one person was sent on one day: at most one per person and day, so
    that a retried task, or Celery beat and cron both running, never nags twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("收件人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    day = models.DateField(_("日期"))
    channels = models.CharField(_("发送方式"), max_length=20, blank=True)  # "sms,email"
    item_count = models.PositiveIntegerField(_("事项数"))
    text = models.TextField(_("内容"))
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("期限提醒")
        verbose_name_plural = _("期限提醒")
        ordering = ["-day", "recipient_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "day"], name="reminder_digest_one_per_person_and_day"
            )
        ]

    def __str__(self):
        return f"{self.recipient} · {self.day.isoformat()}"
