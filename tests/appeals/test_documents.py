"""Case files: PDF, Word or images, checked on upload, audited, for staff only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.appeals import services as s
from gongkai.appeals.models import AppealDocument
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from tests.appeals.fixtures import pdf

pytestmark = pytest.mark.django_db


def test_a_decision_is_filed_even_after_the_case_closed(clerk_a, closed_case):
    document = s.document_add(actor=clerk_a, case=closed_case, file=pdf(), kind="decision")
    assert document.title == "复议决定书.pdf" and document.content_type == "application/pdf"
    assert AuditEvent.objects.for_object(closed_case).filter(action="appeals.attach").exists()


def test_a_file_that_is_not_what_it_claims_is_refused(clerk_a, open_case):
    fake = SimpleUploadedFile("判决书.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(DomainError) as error:
        s.document_add(actor=clerk_a, case=open_case, file=fake, kind="decision")
    assert error.value.code == "upload_type" and not AppealDocument.objects.exists()


def test_spreadsheets_are_not_case_documents(clerk_a, open_case):
    import io

    import openpyxl

    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    sheet = SimpleUploadedFile("台账.xlsx", buffer.getvalue())
    with pytest.raises(DomainError):
        s.document_add(actor=clerk_a, case=open_case, file=sheet, kind="other")


def test_removing_a_document_is_audited(clerk_a, open_case):
    document = s.document_add(actor=clerk_a, case=open_case, file=pdf(), kind="filing")
    s.document_remove(actor=clerk_a, document=document)
    assert not AppealDocument.objects.exists()
    event = AuditEvent.objects.for_object(open_case).get(action="appeals.detach")
    assert event.changes == {"document": ["复议决定书.pdf", None]}


def test_a_reviewer_cannot_upload(appeals_reviewer_a, open_case):
    with pytest.raises(PermissionDenied):
        s.document_add(actor=appeals_reviewer_a, case=open_case, file=pdf(), kind="filing")


def test_a_case_file_is_kept_under_its_agency_and_case(clerk_a, open_case):
    """The shared stored-file path: appeals/<agency>/<case>/<random>/<name>."""
    document = s.document_add(actor=clerk_a, case=open_case, file=pdf(), kind="decision")
    prefix = f"appeals/{open_case.agency_id}/appealdocument/{open_case.pk}/"
    assert document.file.name.startswith(prefix) and document.file.name.endswith(".pdf")
    assert document.uploaded_by == clerk_a and document.size == len(b"%PDF-1.4\n%%EOF\n")


def test_case_files_are_not_searched_for_hidden_content(clerk_a, open_case):
    """Staff-only files, never released from here: nothing to find for a reviewer."""
    document = s.document_add(actor=clerk_a, case=open_case, file=pdf(), kind="filing")
    assert document.findings == []


def test_an_upload_is_audited_with_its_kind(clerk_a, open_case):
    s.document_add(actor=clerk_a, case=open_case, file=pdf(), kind="decision", title="判决书")
    event = AuditEvent.objects.for_object(open_case).get(action="appeals.attach")
    assert event.changes == {"document": [None, "判决书"]}
    assert event.note == "复议决定书、判决书、裁定书或处理意见"


def test_a_removed_files_bytes_go_once_the_removal_commits(
    clerk_a, open_case, django_capture_on_commit_callbacks
):
    document = s.document_add(actor=clerk_a, case=open_case, file=pdf(), kind="filing")
    storage, name = document.file.storage, document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        s.document_remove(actor=clerk_a, document=document)
    assert not storage.exists(name)
