"""Every write to appeal cases. Each is one atomic service: lock, check the permission and the
state table, validate, save, audit."""

from .cases import appeal_create, appeal_record_outcome, appeal_update
from .documents import document_add, document_remove

__all__ = [
    "appeal_create",
    "appeal_record_outcome",
    "appeal_update",
    "document_add",
    "document_remove",
]
