"""Reconsideration, litigation and complaint cases about an agency's disclosure work, and their
documents. Staff-only records: the public sees counts and anonymised summaries, never names."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel
from gongkai.core.models import StatusChange, StoredFile

from .states import CLOSED, AppealKind, Outcome


class AppealCase(AgencyScopedModel):
    """One case in which the agency's disclosure act (a reply, a failure to reply or to
    publish) is challenged. Recorded under the agency whose act is challenged: when a
    reconsideration body is only co-defendant, it does not record the suit (国办公开办函〔2016〕201号)."""

    kind = models.CharField(_("类型"), max_length=40, choices=AppealKind.choices)
    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("所涉申请"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals",
    )
    # A suit after reconsideration points at that reconsideration (when it is recorded here).
    reconsideration = models.ForeignKey(
        "self",
        verbose_name=_("前置的行政复议"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_suits",
    )
    # Staff only: never shown on public pages or in the public API.
    appellant_name = models.CharField(_("申请人、原告或举报人"), max_length=200)
    reviewing_body = models.CharField(_("复议机关、人民法院或受理机关"), max_length=200)
    case_number = models.CharField(_("案号"), max_length=100, blank=True)
    filed_on = models.DateField(_("立案（收到）日期"), db_index=True)
    summary = models.TextField(
        _("案情摘要"),
        blank=True,
        help_text=_("将在门户网站匿名公开，请勿写入当事人姓名、证件号码或联系方式。"),
    )
    outcome = models.CharField(
        _("结果"), max_length=16, choices=Outcome.choices, default=Outcome.PENDING
    )
    closed_on = models.DateField(_("审结日期"), null=True, blank=True)
    outcome_note = models.TextField(_("结果说明"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登记人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    # Every step of the workflow (recorded, edited, closed, corrected) with actor, time and note.
    status_changes = GenericRelation(StatusChange, related_query_name="appeal_case")

    class Meta:
        verbose_name = _("复议诉讼投诉案件")
        verbose_name_plural = _("复议诉讼投诉案件")
        ordering = ["-filed_on", "-id"]
        indexes = [models.Index(fields=["agency", "filed_on"], name="appeal_agency_filed")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome=Outcome.PENDING) & Q(closed_on__isnull=True))
                | (~Q(outcome=Outcome.PENDING) & Q(closed_on__isnull=False)),
                name="appeal_closed_iff_outcome",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("filed_on")),
                name="appeal_closed_not_before_filed",
            ),
            models.CheckConstraint(
                condition=Q(reconsideration__isnull=True)
                | Q(kind="litigation_after_reconsideration"),
                name="appeal_reconsideration_only_for_later_suit",
            ),
            models.CheckConstraint(
                condition=~Q(reconsideration=F("id")), name="appeal_not_its_own_reconsideration"
            ),
            models.CheckConstraint(
                condition=~Q(appellant_name="") & ~Q(reviewing_body=""),
                name="appeal_has_parties",
            ),
            models.UniqueConstraint(
                fields=["agency", "reviewing_body", "case_number"],
                condition=~Q(case_number=""),
                name="appeal_case_number_unique",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.case_number or self.filed_on.isoformat()}"

    @property
    def is_closed(self) -> bool:
        return self.outcome in CLOSED


class AppealDocument(StoredFile):
    """A file of the case (staff only): the appeal itself, the agency's reply, the decision."""

    owner_field = "case"
    audit_key = "document"

    class Kind(models.TextChoices):
        FILING = "filing", _("复议申请书、起诉状或举报投诉材料")
        REPLY = "reply", _("答复书、答辩状")
        DECISION = "decision", _("复议决定书、判决书、裁定书或处理意见")
        OTHER = "other", _("其他材料")

    case = models.ForeignKey(AppealCase, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)

    class Meta(StoredFile.Meta):
        verbose_name = _("案件材料")
        verbose_name_plural = _("案件材料")
