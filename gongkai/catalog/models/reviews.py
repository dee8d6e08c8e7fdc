"""The 保密审查 record of catalogue items, and the import batches reviewed as one.

Every decision of a 保密审查 is a row of its own (`ItemReview`), never changed afterwards; an
item that is approved, published or withdrawn points at the row that approved it, and the
database refuses such an item unless that row is an approval of this item by someone other than
its author (triggers in migration 0004, on SQLite and PostgreSQL alike). No route — the office
form, the API, a bulk import, scheduled publication — can release an item any other way.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyScopedModel


class ImportBatch(AgencyScopedModel):
    """One bulk import (a CSV or JSON file): its items are drafts of the importer, and the
    items waiting for the 保密审查 can be reviewed together on the batch's page (批量审查), by a
    reviewer who is not the importer."""

    class Kind(models.TextChoices):
        NEW = "new", _("新条目")
        # Rows already published in the system the agency used before: each keeps its
        # 发布日期 and channels, applied when its 保密审查 here approves it.
        HISTORY = "history", _("历史迁移")

    kind = models.CharField(_("导入类型"), max_length=16, choices=Kind.choices, default=Kind.NEW)
    source_name = models.CharField(_("导入文件"), max_length=200)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        on_delete=models.PROTECT,
        related_name="catalog_import_batches",
    )
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("导入批次")
        verbose_name_plural = _("导入批次")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.source_name}（{self.created_at:%Y-%m-%d}）"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("catalog_office:batch", args=[self.pk])


class ItemReview(models.Model):
    """One 保密审查 decision on one item. Rows are only ever added (a trigger refuses changes)."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("审查通过")
        RETURNED = "returned", _("退回修改")

    item = models.ForeignKey(
        "catalog.Item", verbose_name=_("条目"), on_delete=models.PROTECT, related_name="reviews"
    )
    # Null only on the rows migration 0004 wrote for items released before reviews were
    # recorded here (`legacy`); the database refuses any new row without a reviewer.
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("保密审查人"),
        on_delete=models.PROTECT,
        null=True,
        related_name="catalog_reviews",
    )
    decision = models.CharField(_("审查结论"), max_length=16, choices=Decision.choices)
    opinion = models.TextField(_("审查意见"), blank=True)
    # {attachment title: [finding, …]}: the hidden-content findings the reviewer acknowledged.
    findings = models.JSONField(_("已确认的隐藏内容"), default=dict, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("导入批次"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
    )
    legacy = models.BooleanField(_("升级前的记录"), default=False)
    at = models.DateTimeField(_("审查时间"), default=timezone.now)

    class Meta:
        verbose_name = _("保密审查记录")
        verbose_name_plural = _("保密审查记录")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reviewer__isnull=False) | Q(legacy=True, decision="approved"),
                name="itemreview_has_reviewer",
            ),
        ]

    def __str__(self):
        return f"{self.item_id} {self.get_decision_display()} {self.reviewer or ''}"
