"""Responses to public concerns (回应关切): dated records of how the agency answered the public."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel


class ConcernResponse(AgencyScopedModel):
    class Kind(models.TextChoices):
        PRESS_CONFERENCE = "press_conference", _("新闻发布会")
        ONLINE_INTERVIEW = "online_interview", _("政府网站在线访谈")
        HOTLINE = "hotline", _("做客热线节目")
        HOT_TOPIC = "hot_topic", _("回应热点或舆情")
        WEIBO_WEIXIN = "weibo_weixin", _("政务微博、微信回应")
        OTHER = "other", _("其他方式回应")

    # Only these kinds have a "主要负责同志参加" line in the statistics table.
    LEADER_KINDS = (Kind.PRESS_CONFERENCE, Kind.ONLINE_INTERVIEW)

    kind = models.CharField(_("回应方式"), max_length=20, choices=Kind.choices)
    topic = models.CharField(_("主题"), max_length=300)
    held_on = models.DateField(_("日期"))
    participants = models.CharField(
        _("参加人员"), max_length=300, blank=True, help_text=_("如：市工信委主任 刘明亮")
    )
    principal_leader_took_part = models.BooleanField(
        _("主要负责同志参加"),
        default=False,
        help_text=_("仅新闻发布会和在线访谈填写，计入统计表“其中：主要负责同志参加”一行。"),
    )
    link = models.URLField(_("链接"), max_length=500, blank=True)
    transcript = models.TextField(_("内容摘要或文字实录"), blank=True)
    # The catalogue item that reported it (a news item, a statement), when there is one.
    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("相关公开信息"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concern_responses",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("回应关切")
        verbose_name_plural = _("回应关切")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["agency", "held_on"], name="response_by_day")]
        constraints = [
            models.CheckConstraint(
                condition=Q(principal_leader_took_part=False)
                | Q(kind__in=["press_conference", "online_interview"]),
                name="response_leader_flag_only_for_events",
            ),
            models.CheckConstraint(condition=~Q(topic=""), name="response_has_topic"),
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}：{self.topic}"

    def get_absolute_url(self):
        return reverse("engagement:response", args=[self.agency.code, self.pk])
