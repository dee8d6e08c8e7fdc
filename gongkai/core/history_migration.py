"""Used by migrations that moved an app's own history table into `core.StatusChange`: copies
the rows (same time, actor, action, statuses and note) in both directions."""

BATCH = 2000


def copy_into_core(app_label: str, model_name: str, owner_field: str, owner_model: str):
    """A RunPython pair (forwards, backwards) for the app's old history model."""

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        StatusChange = apps.get_model("core", "StatusChange")
        Old = apps.get_model(app_label, model_name)
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=owner_model.lower()
        )
        rows = []
        for old in Old.objects.order_by("pk").iterator(chunk_size=BATCH):
            rows.append(
                StatusChange(
                    content_type_id=content_type.pk,
                    object_id=getattr(old, f"{owner_field}_id"),
                    action=old.action,
                    old_status=old.old_status or "",
                    new_status=old.new_status or "",
                    actor_id=old.actor_id,
                    note=old.note,
                    at=old.at,
                )
            )
            if len(rows) >= BATCH:
                _insert(StatusChange, rows)
                rows = []
        _insert(StatusChange, rows)

    def backwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        StatusChange = apps.get_model("core", "StatusChange")
        Old = apps.get_model(app_label, model_name)
        content_type = ContentType.objects.filter(
            app_label=app_label, model=owner_model.lower()
        ).first()
        if content_type is None:
            return
        changes = StatusChange.objects.filter(content_type_id=content_type.pk)
        Old.objects.bulk_create(
            [
                Old(
                    **{f"{owner_field}_id": change.object_id},
                    action=change.action,
                    old_status=change.old_status,
                    new_status=change.new_status,
                    actor_id=change.actor_id,
                    note=change.note,
                    at=change.at,
                )
                for change in changes.order_by("pk").iterator(chunk_size=BATCH)
            ],
            batch_size=BATCH,
        )
        changes.delete()

    return forwards, backwards


def _insert(model, rows) -> None:
    """bulk_create keeping each row's own time: `at` is auto_now_add, which would stamp the
    moment of the migration instead (the historical model's field is switched off meanwhile)."""
    if not rows:
        return
    field = model._meta.get_field("at")
    field.auto_now_add = False
    try:
        model.objects.bulk_create(rows, batch_size=BATCH)
    finally:
        field.auto_now_add = True
