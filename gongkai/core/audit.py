"""The one helper every state-changing service uses to write the audit trail."""

import datetime
import decimal
import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .middleware import current_client_ip
from .models import AuditEvent


def _plain(value):
    """A JSON-safe rendering of a field value, stable enough to compare old and new."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """The current values of `fields` on `obj`, ready to be diffed after a change."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for every field whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model,
    agency=None,
    changes: dict | None = None,
    note: str = "",
    ip: str | None = None,
) -> AuditEvent:
    """Append one audit row. Call it inside the service's transaction, after the save."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if agency is None:
        agency = getattr(obj, "audit_agency", None)
    return AuditEvent.objects.create(
        actor=actor,
        actor_repr=(actor.get_username() if actor is not None else "系统")[:200],
        agency=agency,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        changes=changes or {},
        note=note,
        ip=ip or current_client_ip(),
    )
