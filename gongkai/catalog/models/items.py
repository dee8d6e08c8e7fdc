"""Catalogue items (目录条目), their files, categories, history and the normative register."""

import datetime
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, AgencyScopedModel
from gongkai.core.models import StatusChange, StoredFile

from ..states import PUBLIC, REVIEWED, WAS_PUBLISHED, ItemStatus


class Category(models.Model):
    """A value of one of the catalogue's facets. Agency null: available to every agency."""

    class Facet(models.TextChoices):
        STATUTORY = "statutory", _("法定主动公开内容")
        TOPIC = "topic", _("主题分类")
        GENRE = "genre", _("体裁分类")
        ORGAN = "organ", _("机构分类")

    agency = models.ForeignKey(
        Agency, verbose_name=_("机关"), on_delete=models.CASCADE, null=True, blank=True
    )
    facet = models.CharField(_("分类方式"), max_length=16, choices=Facet.choices)
    # Short code used in 索引号 schemes, e.g. "A01".
    code = models.CharField(_("代码"), max_length=16)
    name = models.CharField(_("名称"), max_length=100)
    basis = models.CharField(_("依据"), max_length=100, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("在用"), default=True)

    class Meta:
        verbose_name = _("目录分类")
        verbose_name_plural = _("目录分类")
        ordering = ["facet", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "facet", "code"], name="category_code_unique_per_agency"
            ),
            models.UniqueConstraint(
                fields=["facet", "code"],
                condition=Q(agency__isnull=True),
                name="category_code_unique_global",
            ),
        ]

    def __str__(self):
        return f"{self.get_facet_display()}·{self.name}"


class Item(AgencyScopedModel):
    """One piece of government information in the agency's 目录 (Regulation 2019 Art. 12)."""

    class Disclosure(models.TextChoices):
        ACTIVE = "active", _("主动公开")
        ON_REQUEST = "on_request", _("依申请公开")
        NOT_DISCLOSED = "not_disclosed", _("不予公开")

    class Validity(models.TextChoices):
        VALID = "valid", _("有效")
        EXPIRED = "expired", _("失效")
        ABOLISHED = "abolished", _("废止")
        REVISED = "revised", _("已修订")

    class InterpretationForm(models.TextChoices):
        TEXT = "text", _("文字解读")
        GRAPHIC = "graphic", _("图解")
        VIDEO = "video", _("视频解读")
        OTHER = "other", _("其他形式")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    index_number = models.CharField(_("索引号"), max_length=80, unique=True)
    title = models.CharField(_("名称"), max_length=300)
    doc_number = models.CharField(_("发文字号"), max_length=100, blank=True)
    issuer = models.ForeignKey(
        Agency, verbose_name=_("发布机构"), on_delete=models.PROTECT, related_name="issued_items"
    )
    co_issuers = models.CharField(
        _("联合发文机关"), max_length=300, blank=True, help_text=_("多个机关用顿号分隔。")
    )
    created_on = models.DateField(_("生成日期"))
    summary = models.TextField(_("内容概述"), blank=True)
    body = models.TextField(_("正文"), blank=True, help_text=_("保存前自动清理为安全的HTML。"))
    categories = models.ManyToManyField(Category, verbose_name=_("分类"), blank=True)
    disclosure = models.CharField(
        _("公开属性"), max_length=16, choices=Disclosure.choices, default=Disclosure.ACTIVE
    )
    non_disclosure_reason = models.CharField(
        _("不主动公开的理由和依据"), max_length=300, blank=True
    )
    validity = models.CharField(
        _("有效性"), max_length=16, choices=Validity.choices, default=Validity.VALID
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("替代文件"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )
    # A 政策解读 is itself an item, linked to the policy it interprets.
    interprets = models.ForeignKey(
        "self",
        verbose_name=_("所解读的政策"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interpretations",
    )
    interpretation_form = models.CharField(
        _("解读形式"), max_length=16, choices=InterpretationForm.choices, blank=True
    )
    video_url = models.URLField(_("视频链接"), blank=True)

    status = models.CharField(
        _("状态"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("起草人"),
        on_delete=models.PROTECT,
        null=True,
        related_name="authored_items",
    )
    # The 保密审查 that approved the item (reviews.ItemReview): required once it is approved,
    # and the database checks that it approves this item and is by someone not its author.
    review = models.OneToOneField(
        "catalog.ItemReview",
        verbose_name=_("保密审查"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_item",
    )
    # The latest opinion of a review (an approval's, or why it was returned), for the author.
    review_opinion = models.TextField(_("审查意见"), blank=True)
    scheduled_for = models.DateTimeField(_("定时发布时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布日期"), null=True, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("撤回理由"), max_length=300, blank=True)
    # Where an imported item came from (file name), and its batch.
    imported_from = models.CharField(_("导入来源"), max_length=200, blank=True)
    import_batch = models.ForeignKey(
        "catalog.ImportBatch",
        verbose_name=_("导入批次"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
    )
    # A row of a history migration: {"published_on": "YYYY-MM-DD", "channels": [[channel,
    # "YYYY-MM-DD"], …]}, what the former system recorded. Applied when the item's 保密审查
    # approves it (it is then published on that date); kept afterwards as the record.
    migrated = models.JSONField(_("原系统发布记录"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The item's own history (drafted, submitted, returned …), shown on its page; written by
    # the workflow (states.WORKFLOW). The audit trail has the field changes.
    events = GenericRelation(StatusChange, related_query_name="catalog_item")

    class Meta:
        verbose_name = _("目录条目")
        verbose_name_plural = _("目录条目")
        ordering = ["-published_at", "-id"]
        indexes = [
            # The public catalogue: an agency's published items, newest first, by keyset.
            models.Index(fields=["agency", "status", "-published_at", "-id"], name="item_public"),
            models.Index(fields=["status", "-published_at", "-id"], name="item_public_all"),
            models.Index(fields=["status", "scheduled_for"], name="item_scheduled"),
            # The office's list: an agency's items, last changed first, paged by key.
            models.Index(fields=["agency", "-updated_at", "-id"], name="item_office"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(disclosure="active") | ~Q(non_disclosure_reason=""),
                name="item_non_disclosure_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(WAS_PUBLISHED))
                | (Q(published_at__isnull=False) & Q(disclosure="active")),
                name="item_published_is_active_and_dated",
            ),
            # And a trigger (migration 0004) checks the review row: an approval of this item
            # by someone other than its author.
            models.CheckConstraint(
                condition=~Q(status__in=sorted(REVIEWED)) | Q(review__isnull=False),
                name="item_released_has_review",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | ~Q(withdrawal_reason=""),
                name="item_withdrawal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(interprets__isnull=True) | ~Q(interpretation_form=""),
                name="item_interpretation_has_form",
            ),
            models.CheckConstraint(
                condition=~Q(replaced_by=F("id")), name="item_not_replaced_by_itself"
            ),
        ]

    def __str__(self):
        return f"{self.index_number} {self.title}"

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC

    @property
    def is_interpretation(self) -> bool:
        return self.interprets_id is not None

    @property
    def migrated_published_on(self) -> datetime.date | None:
        """The 发布日期 a history migration brought from the former system, if any."""
        day = self.migrated.get("published_on")
        return datetime.date.fromisoformat(day) if day else None


class AttachmentQuerySet(models.QuerySet):
    def public(self):
        """What the public may see of an item's files (its page, downloads, search, the API
        and exports): every file but an original a redacted copy was made from."""
        return self.filter(is_original=False)

    def originals(self):
        return self.filter(is_original=True)


class Attachment(StoredFile):
    """A file of a catalogue item: checked for hidden content before the 保密审查, its text
    kept for full-text search once the item is published. An original that a redacted copy
    was made from (gongkai/redaction) stays inside: staff only, never listed, served or
    indexed for the public; the redacted copy is the item's published file."""

    owner_field = "item"
    audit_key = "attachment"

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    # Text extracted for full-text search (PDF, DOCX, XLSX; images have none).
    text = models.TextField(blank=True)
    metadata_stripped = models.BooleanField(_("已清除文档属性"), default=False)
    is_graphic = models.BooleanField(_("图解图片"), default=False)
    is_original = models.BooleanField(_("脱敏前原件（仅内部可见）"), default=False)

    objects = AttachmentQuerySet.as_manager()

    class Meta(StoredFile.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        constraints = [
            # An original keeps nothing that reaches the public by itself: no text for search
            # and no place among the item's 图解 shown on its page.
            models.CheckConstraint(
                condition=Q(is_original=False) | (Q(text="") & Q(is_graphic=False)),
                name="attachment_original_not_indexed_or_shown",
            ),
        ]


class NormativeRecord(models.Model):
    """The 规范性文件 register entry of an item (the 2021 report's table 二 counts these)."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="normative")
    registration_number = models.CharField(_("登记号"), max_length=80, blank=True)
    issued_on = models.DateField(_("印发日期"))
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    expires_on = models.DateField(_("有效期至"), null=True, blank=True)
    abolished_on = models.DateField(_("废止日期"), null=True, blank=True)
    abolition_note = models.CharField(_("废止依据"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("规范性文件登记")
        verbose_name_plural = _("规范性文件登记")
        constraints = [
            models.CheckConstraint(
                condition=Q(abolished_on__isnull=True) | Q(abolished_on__gte=F("issued_on")),
                name="normative_abolished_after_issue",
            ),
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~Q(registration_number=""),
                name="normative_registration_unique",
            ),
        ]

    def __str__(self):
        return self.registration_number or str(self.item)

    @property
    def audit_agency(self):
        return self.item.agency

    def in_force_on(self, day) -> bool:
        if self.issued_on > day or (self.abolished_on and self.abolished_on <= day):
            return False
        return not (self.expires_on and self.expires_on < day)
