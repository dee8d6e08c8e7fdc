"""Open statutory deadlines of any case or item, kept so that they can be listed, explained,
and recomputed when the holiday table changes."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel
from gongkai.regimes import REGIMES


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
    pending_reason = models.TextField(_("无法计算的原因"), blank=True)
    trace = models.JSONField(_("计算过程"), default=dict, blank=True)
    is_open = models.BooleanField(_("进行中"), default=True)
    opened_at = models.DateTimeField(_("开始时间"), auto_now_add=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("法定期限")
        verbose_name_plural = _("法定期限")
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
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
        ]

    def __str__(self):
        return f"{self.subject_repr} · {self.get_kind_display()} · {self.due or '待定'}"

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
