"""The case file: PDF, Word or image uploads (type sniffed, size-limited), staff only."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.uploads import DOCX, JPEG, PDF, PNG, check_upload

from ..models import AppealCase, AppealDocument
from ..permissions import require_action

DOCUMENT_KINDS = (PDF, DOCX, JPEG, PNG)


@transaction.atomic
def document_add(*, actor, case: AppealCase, file, kind: str, title: str = "") -> AppealDocument:
    """Add a file at any time: decisions and judgments often arrive after the case is closed."""
    case = AppealCase.objects.select_for_update().get(pk=case.pk)
    require_action(actor, case.agency_id, "attach")
    if kind not in AppealDocument.Kind.values:
        raise DomainError("请选择材料类型。", code="bad_document_kind", field="kind")
    checked = check_upload(
        file, allowed=DOCUMENT_KINDS, max_bytes=settings.GONGKAI_MAX_ATTACHMENT_BYTES
    )
    data = file.read()
    name = (getattr(file, "name", "") or f"材料.{checked.extension}").rsplit("/", 1)[-1]
    document = AppealDocument(
        case=case,
        kind=kind,
        title=((title or "").strip() or name)[:200],
        content_type=checked.content_type,
        size=len(data),
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    audit_record(
        actor=actor,
        action="appeals.attach",
        obj=case,
        changes={"document": [None, document.title]},
        note=document.get_kind_display(),
    )
    return document


@transaction.atomic
def document_remove(*, actor, document: AppealDocument) -> None:
    case = AppealCase.objects.select_for_update().get(pk=document.case_id)
    require_action(actor, case.agency_id, "detach")
    audit_record(
        actor=actor,
        action="appeals.detach",
        obj=case,
        changes={"document": [document.title, None]},
    )
    storage, name = document.file.storage, document.file.name
    document.delete()
    # The file goes only once the removal is committed, so a rollback loses nothing.
    transaction.on_commit(lambda: storage.delete(name))
