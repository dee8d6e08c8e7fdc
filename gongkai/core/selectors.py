from django.db.models import QuerySet

from .models import AuditEvent


def audit_history(*, obj) -> QuerySet[AuditEvent]:
    """An object's audit rows, newest first."""
    return AuditEvent.objects.for_object(obj).select_related("actor", "agency")
