"""Bookkeeping for the full-text index. The index itself lives beside this table: an FTS5
virtual table on SQLite, a tsvector column with a GIN index on PostgreSQL (see backends/)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One indexed document (e.g. a published catalogue item: see sources.py)."""

    doc_id = models.BigIntegerField(_("文档编号"), unique=True)
    # Publication time and doc_id packed into one integer (see backends.base.sort_key): one
    # index gives newest-first order, and it is the FTS5 rowid on SQLite.
    sort_key = models.BigIntegerField(_("排序键"), unique=True)
    # ' ' + canonical text + ' ' (tokens.canonical): PostgreSQL rechecks matches against it.
    # Left empty on SQLite, whose phrase queries are exact on their own.
    canonical_text = models.TextField(_("规范化文本"), blank=True)
    indexed_at = models.DateTimeField(_("索引时间"), auto_now=True)

    class Meta:
        verbose_name = _("索引文档")
        verbose_name_plural = _("索引文档")

    def __str__(self):
        return f"#{self.doc_id}"
