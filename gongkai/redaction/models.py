"""A redaction of one file to be released: the working PDF staff draw on, its boxes (each with
the ground it is withheld on), and, once applied, the redacted copy that is released."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.core.models import StoredFile


class Redaction(StoredFile):
    """The working copy (a PDF: the original itself or converted from Word, Excel or an image)
    of one version of a redaction of `source`. Staff only, like the original: it is never
    given out; `output` is the redacted copy that is."""

    owner_field = "application"
    audit_key = "redaction"

    class Status(models.TextChoices):
        DRAFT = "draft", _("处理中")
        APPLIED = "applied", _("已生成脱敏文件")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="redactions"
    )
    source = models.ForeignKey(
        ApplicationDocument,
        verbose_name=_("原件"),
        on_delete=models.CASCADE,
        related_name="redactions",
    )
    version = models.PositiveIntegerField(_("版本"), default=1)
    pages = models.PositiveIntegerField(_("页数"))
    # The page sizes in PDF points [[width, height], …]: boxes are checked against them.
    page_sizes = models.JSONField(default=list)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    output = models.OneToOneField(
        ApplicationDocument,
        verbose_name=_("脱敏文件"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="redacted_from",
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta(StoredFile.Meta):
        verbose_name = _("脱敏处理")
        verbose_name_plural = _("脱敏处理")
        constraints = [
            models.UniqueConstraint(fields=["source", "version"], name="redaction_one_version"),
            models.UniqueConstraint(
                fields=["source"],
                condition=Q(status="draft"),
                name="redaction_one_draft_per_source",
            ),
        ]

    def __str__(self):
        return f"{self.source.title}（脱敏第{self.version}版）"

    @property
    def office_url(self) -> str:
        from django.urls import reverse

        return reverse("redaction:edit", args=[self.pk])

    @property
    def agency_id(self):
        return self.application.agency_id

    @property
    def audit_agency(self):
        return self.application.agency


class RedactionBox(models.Model):
    """A rectangle on a page of the working copy, in PDF points from the page's top left; what
    lies under it is removed, for the ground it names. A proposal (found by the search) is
    removed only once staff accept it."""

    class Origin(models.TextChoices):
        DRAWN = "drawn", _("手工标注")
        ID_NUMBER = "id_number", _("身份证号码")
        MOBILE = "mobile", _("手机号码")
        TERM = "term", _("检索词")

    redaction = models.ForeignKey(Redaction, on_delete=models.CASCADE, related_name="boxes")
    page = models.PositiveIntegerField(_("页码"))
    x0 = models.FloatField()
    y0 = models.FloatField()
    x1 = models.FloatField()
    y1 = models.FloatField()
    ground = models.CharField(_("不予公开的理由"), max_length=40, blank=True)
    origin = models.CharField(_("来源"), max_length=10, choices=Origin.choices)
    accepted = models.BooleanField(_("已确认"), default=False)
    # The text under the box when it was drawn: the redacted file is read back and refused if
    # any of it can still be extracted. Staff only, like the original.
    text = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("遮盖区域")
        verbose_name_plural = _("遮盖区域")
        ordering = ["page", "y0", "x0", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(page__gte=1) & Q(x1__gt=F("x0")) & Q(y1__gt=F("y0")),
                name="redactionbox_on_a_page_with_area",
            ),
            models.CheckConstraint(
                condition=Q(accepted=False) | ~Q(ground=""),
                name="redactionbox_accepted_has_ground",
            ),
        ]

    def __str__(self):
        return f"第{self.page}页 ({self.x0:.0f},{self.y0:.0f})–({self.x1:.0f},{self.y1:.0f})"
