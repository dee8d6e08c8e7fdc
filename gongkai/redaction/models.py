"""A redaction of one file to be given out — a case's file to be released or a catalogue
item's attachment — : the working PDF staff draw on, its boxes (each with the ground it is
withheld on), and, once applied, the redacted copy that is given out."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.catalog.models import Attachment, Item
from gongkai.core.models import StoredFile

# Exactly one owner and its files: a case's (application, source, output) or a catalogue
# item's (item, source_attachment, output_attachment).
_OF_A_CASE = Q(
    application__isnull=False,
    source__isnull=False,
    item__isnull=True,
    source_attachment__isnull=True,
    output_attachment__isnull=True,
)
_OF_AN_ITEM = Q(
    application__isnull=True,
    source__isnull=True,
    output__isnull=True,
    item__isnull=False,
    source_attachment__isnull=False,
)


class Redaction(StoredFile):
    """The working copy (a PDF: the original itself or converted from Word, Excel or an image)
    of one version of a redaction of a file: a case's file to be released (`source`, its case
    `application`, the redacted copy `output`) or a catalogue item's attachment
    (`source_attachment`, `item`, `output_attachment`). Staff only, like the original: it is
    never given out; the output is the redacted copy that is. `owner`, `source_file` and
    `output_file` read whichever is set."""

    owner_field = "application"  # or "item": see owner_fields and owner
    audit_key = "redaction"

    class Status(models.TextChoices):
        DRAFT = "draft", _("处理中")
        APPLIED = "applied", _("已生成脱敏文件")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="redactions"
    )
    source = models.ForeignKey(
        ApplicationDocument,
        verbose_name=_("原件"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="redactions",
    )
    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, null=True, blank=True, related_name="redactions"
    )
    source_attachment = models.ForeignKey(
        Attachment,
        verbose_name=_("原件（目录附件）"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
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
    output_attachment = models.OneToOneField(
        Attachment,
        verbose_name=_("脱敏文件（目录附件）"),
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
            models.CheckConstraint(
                condition=_OF_A_CASE | _OF_AN_ITEM, name="redaction_of_a_case_or_an_item_file"
            ),
            models.UniqueConstraint(fields=["source", "version"], name="redaction_one_version"),
            models.UniqueConstraint(
                fields=["source"],
                condition=Q(status="draft"),
                name="redaction_one_draft_per_source",
            ),
            models.UniqueConstraint(
                fields=["source_attachment", "version"], name="redaction_one_version_attachment"
            ),
            models.UniqueConstraint(
                fields=["source_attachment"],
                condition=Q(status="draft"),
                name="redaction_one_draft_per_attachment",
            ),
        ]

    def __str__(self):
        return f"{self.source_file.title}（脱敏第{self.version}版）"

    @classmethod
    def owner_fields(cls, owner) -> dict:
        return {"item": owner} if isinstance(owner, Item) else {"application": owner}

    @property
    def owner(self):
        """The case or the catalogue item whose file this redacts."""
        return self.application if self.application_id is not None else self.item

    @property
    def source_file(self):
        return self.source if self.source_id is not None else self.source_attachment

    @property
    def output_file(self):
        return self.output if self.application_id is not None else self.output_attachment

    @property
    def office_url(self) -> str:
        from django.urls import reverse

        return reverse("redaction:edit", args=[self.pk])

    @property
    def agency_id(self):
        return self.owner.agency_id

    @property
    def audit_agency(self):
        return self.owner.agency


class RedactionBox(models.Model):
    """A rectangle on a page of the working copy, in PDF points from the page's top left; what
    lies under it is removed, for the ground it names. A proposal (found by the search) is
    removed only once staff accept it."""

    class Origin(models.TextChoices):
        DRAWN = "drawn", _("手工标注")
        ID_NUMBER = "id_number", _("身份证号码")
        MOBILE = "mobile", _("手机号码")
        CREDIT_CODE = "credit_code", _("个体工商户代码")
        TERM = "term", _("检索词")

    redaction = models.ForeignKey(Redaction, on_delete=models.CASCADE, related_name="boxes")
    page = models.PositiveIntegerField(_("页码"))
    x0 = models.FloatField()
    y0 = models.FloatField()
    x1 = models.FloatField()
    y1 = models.FloatField()
    ground = models.CharField(_("不予公开的理由"), max_length=40, blank=True)
    origin = models.CharField(_("来源"), max_length=12, choices=Origin.choices)
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
