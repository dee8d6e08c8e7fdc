"""What every app shares in the database: the append-only audit trail, the history of workflow
objects, and the abstract stored file."""

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


class StatusChange(models.Model):
    """One step of a workflow object's own history, shown on its page (the audit trail has the
    field-level changes): written by `Workflow.execute` for every workflow of the platform."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField()
    action = models.CharField(_("操作"), max_length=40)
    old_status = models.CharField(_("原状态"), max_length=24, blank=True)
    new_status = models.CharField(_("新状态"), max_length=24, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.action} {self.old_status}→{self.new_status}"

    @property
    def _workflow(self):
        from .workflow import workflow_of

        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return workflow_of(model) if model is not None else None

    @property
    def action_label(self):
        workflow = self._workflow
        return workflow.label(self.action) if workflow else self.action

    @property
    def new_status_label(self):
        workflow = self._workflow
        return workflow.state_label(self.new_status) if workflow else self.new_status

    @property
    def old_status_label(self):
        workflow = self._workflow
        return workflow.state_label(self.old_status) if workflow else self.old_status


def stored_file_path(instance, filename: str) -> str:
    """<app>/<agency>/<kind>/<owner>/<random>/<name>: an unguessable folder per file, the
    agency first so that an agency's files can be found (and backed up or removed) together,
    the kind of file and its owner next (a consultation and a comment with the same number
    never share a folder); the name made safe for every file system."""
    import uuid

    from django.utils.text import get_valid_filename

    owner = instance.owner
    name = get_valid_filename(filename.replace("\\", "/").rsplit("/", 1)[-1]) or "file"
    return (
        f"{instance._meta.app_label}/{instance.owner_agency_id}/"
        f"{instance._meta.model_name}/{owner.pk}/"
        f"{uuid.uuid4().hex}/{name[-150:]}"
    )


class StoredFile(models.Model):
    """What every stored file of the platform is: a case document, a catalogue attachment, a
    consultation's or comment's attachment, an appeal document. Stored and removed only by
    `core.files` (real type sniffed, size limited, hidden content checked, safe path), and
    downloaded only through `core.files.file_response` after the owner's permission check.

    A concrete model adds the foreign key named by `owner_field` and its own fields."""

    owner_field: str = ""  # the ForeignKey to the object the file belongs to
    audit_key: str = "file"  # the name of the change in the owner's audit rows

    title = models.CharField(_("名称"), max_length=200)
    file = models.FileField(_("文件"), upload_to=stored_file_path, max_length=300)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    # Hidden content found when the file was stored: [{"kind", "where", "message"}], shown to
    # the reviewer before anything is released.
    findings = models.JSONField(_("隐藏内容检查"), default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.title

    @classmethod
    def owner_fields(cls, owner) -> dict:
        """The fields that tie a new file to `owner` (`core.files.file_store`): its
        `owner_field`. A kind of file whose owner may be of several kinds (a redaction's working
        copy: a case's or a catalogue item's) names the field for each."""
        return {cls.owner_field: owner}

    @property
    def owner(self):
        return getattr(self, self.owner_field)

    @property
    def owner_agency_id(self) -> int:
        owner = self.owner
        agency_id = getattr(owner, "agency_id", None)
        return agency_id if agency_id is not None else owner.audit_agency.pk

    @property
    def audit_agency(self):
        owner = self.owner
        return getattr(owner, "audit_agency", None) or owner.agency

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class ReleaseClearance(models.Model):
    """A reviewer's decision that a file (or a generated export) may be released although the
    release check found something in it: the findings then seen, and for a finding that
    refuses release (text under a box, an ID number, a hidden sheet …) the reason for releasing
    it anyway. Valid only for the content it was given on: `key` names the stored bytes (a
    stored file's path, which changes whenever the file does; an export's digest), so a
    replaced file needs a new decision. Written only by `core.release`."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    key = models.CharField(max_length=300)
    title = models.CharField(_("文件"), max_length=200)
    findings = models.JSONField(_("检查结果"), default=list)
    # Whether any finding refused release: then the reason is required (database check too).
    overrides = models.BooleanField(_("说明理由后公开"), default=False)
    reason = models.TextField(_("仍予公开的理由"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("发布前检查确认")
        verbose_name_plural = _("发布前检查确认")
        indexes = [models.Index(fields=["content_type", "object_id"], name="release_clear_object")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(overrides=False) | ~models.Q(reason=""),
                name="release_override_has_reason",
            )
        ]

    def __str__(self):
        return f"{self.title}（{self.created_at:%Y-%m-%d}）"


class ReleaseAllowedCode(models.Model):
    """A 统一社会信用代码 of a 个体工商户 that an agency may publish (a licence or penalty it
    must disclose by law, with the holder named): the release check does not refuse it."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="release_allowed_codes"
    )
    code = models.CharField(_("统一社会信用代码"), max_length=18)
    note = models.CharField(_("可以公开的依据"), max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("可公开的个体工商户代码")
        verbose_name_plural = _("可公开的个体工商户代码")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="release_allowed_code_once")
        ]

    def __str__(self):
        return self.code
