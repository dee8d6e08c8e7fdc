"""The audit trail: one append-only table written by every state-changing service."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
        )

    def update(self, **kwargs):
        raise TypeError("audit rows are append-only")

    def delete(self):
        raise TypeError("audit rows are append-only")


class AuditEvent(models.Model):
    """Who did what to which object, when, from where, with old and new values.

    Rows are never updated or deleted by the application: the model refuses it, the admin is
    read-only, and database triggers (see migration 0002) refuse UPDATE everywhere and DELETE
    on PostgreSQL.
    """

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    # PROTECT: a user or agency with history is deactivated, never deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_repr = models.CharField(_("操作人（记录时）"), max_length=200, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("对象类型"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("对象编号"), max_length=64)
    object_repr = models.CharField(_("对象（记录时）"), max_length=300)
    action = models.CharField(_("操作"), max_length=64)
    changes = models.JSONField(_("变更"), default=dict, blank=True)
    note = models.TextField(_("说明"), blank=True)
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_repr} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("audit rows are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("audit rows are append-only")

    def change_rows(self):
        """[(field, old, new), …] for templates."""
        return [(field, pair[0], pair[1]) for field, pair in sorted(self.changes.items())]


def tables_exist(*models_, using: str = "default") -> bool:
    """Whether the models' tables exist: post_migrate handlers run after any partial
    migrate (one app, or backwards), when other apps' tables may be missing."""
    from django.db import connections

    existing = set(connections[using].introspection.table_names())
    return all(model._meta.db_table in existing for model in models_)
