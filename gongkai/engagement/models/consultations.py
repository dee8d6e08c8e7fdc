"""Drafts of decisions put out for public comment (重大决策预公开 / 征求意见) and the comments."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel
from gongkai.core.models import StatusChange, StoredFile

from ..states import CommentStatus, ConsultationStatus, Phase, phase_of


class Consultation(AgencyScopedModel):
    title = models.CharField(_("标题"), max_length=300)
    background = models.TextField(_("起草背景"), blank=True)
    basis = models.TextField(_("起草依据"), blank=True)
    draft_text = models.TextField(
        _("征求意见稿"), blank=True, help_text=_("保存前自动清理为安全的HTML。")
    )
    opens_on = models.DateField(_("征求意见开始日期"))
    closes_on = models.DateField(_("征求意见截止日期"))
    allow_anonymous = models.BooleanField(_("允许未登录的公众匿名提交意见"), default=False)
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    # The 采纳情况 as a whole; each comment carries its own assessment.
    feedback_summary = models.TextField(_("意见采纳情况说明"), blank=True)
    feedback_published_at = models.DateTimeField(_("采纳情况公布时间"), null=True, blank=True)
    final_decision = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("最终决定"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("起草人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Its timeline: drafted, edited, published, extended, 采纳情况 published, decision linked.
    status_changes = GenericRelation(StatusChange, related_query_name="engagement_consultation")

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        ordering = ["-opens_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "status", "-opens_on"], name="consultation_public"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="consultation_window_ordered"
            ),
            models.CheckConstraint(
                condition=Q(status=ConsultationStatus.DRAFT) | Q(published_at__isnull=False),
                name="consultation_published_is_dated",
            ),
            models.CheckConstraint(
                condition=~Q(status=ConsultationStatus.FEEDBACK_PUBLISHED)
                | (Q(feedback_published_at__isnull=False) & ~Q(feedback_summary="")),
                name="consultation_feedback_has_summary",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("engagement:consultation", args=[self.agency.code, self.pk])

    def phase(self, today: datetime.date | None = None) -> str:
        return phase_of(self.status, self.opens_on, self.closes_on, today or timezone.localdate())

    @property
    def current_phase(self) -> str:
        return self.phase()

    @property
    def phase_label(self) -> str:
        return Phase(self.phase()).label

    @property
    def is_draft(self) -> bool:
        return self.status == ConsultationStatus.DRAFT

    @property
    def feedback_is_public(self) -> bool:
        """The 采纳情况 (overall and per comment) has been published."""
        return self.status == ConsultationStatus.FEEDBACK_PUBLISHED


class ConsultationAttachment(StoredFile):
    """A file of the draft (the draft itself, an explanation, a table), public once the
    consultation is."""

    owner_field = "consultation"
    audit_key = "attachment"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta(StoredFile.Meta):
        verbose_name = _("征求意见附件")
        verbose_name_plural = _("征求意见附件")


class Comment(models.Model):
    class Adoption(models.TextChoices):
        ADOPTED = "adopted", _("采纳")
        PARTLY = "partly", _("部分采纳")
        NOT_ADOPTED = "not_adopted", _("未采纳")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    # Null for an anonymous comment (only where the consultation allows them).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_comments",
    )
    display_name = models.CharField(_("署名"), max_length=40)
    text = models.TextField(_("意见内容"))
    submitted_at = models.DateTimeField(_("提交时间"), db_index=True)
    # Kept for throttling and abuse reports; never shown publicly.
    ip = models.GenericIPAddressField(null=True, blank=True)
    status = models.CharField(
        _("审核状态"),
        max_length=16,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
    )
    hidden_reason = models.CharField(_("屏蔽理由"), max_length=300, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    answer = models.TextField(_("答复"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    adoption = models.CharField(_("采纳情况"), max_length=16, choices=Adoption.choices, blank=True)
    adoption_reason = models.TextField(_("采纳情况说明"), blank=True)
    # Its timeline: submitted, published or hidden (and again), answered, assessed.
    status_changes = GenericRelation(StatusChange, related_query_name="engagement_comment")

    class Meta:
        verbose_name = _("意见")
        verbose_name_plural = _("意见")
        ordering = ["submitted_at", "id"]
        indexes = [
            models.Index(fields=["consultation", "status", "submitted_at"], name="comment_list"),
            models.Index(fields=["author", "submitted_at"], name="comment_by_author"),
            models.Index(fields=["ip", "submitted_at"], name="comment_by_ip"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=CommentStatus.HIDDEN) | ~Q(hidden_reason=""),
                name="comment_hidden_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(adoption__in=["partly", "not_adopted"]) | ~Q(adoption_reason=""),
                name="comment_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(answer="") | Q(answered_at__isnull=False),
                name="comment_answer_is_dated",
            ),
            models.CheckConstraint(condition=~Q(display_name=""), name="comment_has_signature"),
        ]

    def __str__(self):
        return f"{self.display_name}：{self.text[:30]}"

    @property
    def audit_agency(self):
        return self.consultation.agency

    @property
    def is_public(self) -> bool:
        return self.status == CommentStatus.PUBLISHED


class CommentAttachment(StoredFile):
    """A file the public attached to a comment: public once the comment is published."""

    owner_field = "comment"
    audit_key = "attachment"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("意见附件")
        verbose_name_plural = _("意见附件")
