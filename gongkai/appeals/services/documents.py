"""The case file: PDF, Word or image uploads (type sniffed, size-limited), staff only."""

from django.db import transaction

from gongkai.core.errors import DomainError
from gongkai.core.files import FileRules, file_remove, file_store
from gongkai.core.uploads import DOCX, JPEG, PDF, PNG

from ..models import AppealCase, AppealDocument
from ..permissions import POLICY
from ..states import WORKFLOW

DOCUMENT_KINDS = (PDF, DOCX, JPEG, PNG)
# Case files are staff-only and never released, so they are not searched for hidden content
# (comments, tracked changes, properties): nobody outside the agency receives them from here.
DOCUMENT_RULES = FileRules(allowed=DOCUMENT_KINDS, check_hidden=False, fallback_title="材料")


@transaction.atomic
def document_add(*, actor, case: AppealCase, file, kind: str, title: str = "") -> AppealDocument:
    """Add a file at any time: decisions and judgments often arrive after the case is closed."""
    case = WORKFLOW.lock(case)
    POLICY.require(actor, "attach", case)
    if kind not in AppealDocument.Kind.values:
        raise DomainError("请选择材料类型。", code="bad_document_kind", field="kind")
    return file_store(
        model=AppealDocument,
        owner=case,
        upload=file,
        actor=actor,
        rules=DOCUMENT_RULES,
        title=title,
        audit_action="appeals.attach",
        audit_note=str(AppealDocument.Kind(kind).label),
        kind=kind,
    )


@transaction.atomic
def document_remove(*, actor, document: AppealDocument) -> None:
    case = WORKFLOW.lock(document.case)
    POLICY.require(actor, "detach", case)
    file_remove(stored=document, actor=actor, audit_action="appeals.detach")
