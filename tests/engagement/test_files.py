"""Files of drafts and of comments are the platform's stored files (core.StoredFile): stored
under the agency and their owner, looked into for hidden content (shown to staff before they
publish), removed only once the removal commits, and served after the visibility check."""

import importlib
import io

import docx
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.engagement import services as s
from gongkai.engagement.models import CommentAttachment
from tests.agencies.factories import MembershipFactory
from tests.engagement.fixtures import DURING, draft, frozen, png, submit

pytestmark = pytest.mark.django_db


def signed_docx(name: str, author: str) -> SimpleUploadedFile:
    """A Word file whose properties name its author, as Word leaves them."""
    document = docx.Document()
    document.core_properties.author = author
    document.core_properties.comments = ""
    document.add_paragraph("第一条　为规范技术改造项目管理，制定本办法。")
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def test_a_drafts_file_is_stored_under_its_agency_and_consultation(clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a)
    attachment = s.consultation_attach(
        actor=clerk_a, consultation=consultation, file=png("草案.png")
    )
    assert attachment.file.name.startswith(
        f"engagement/{dept_a.pk}/consultationattachment/{consultation.pk}/"
    )
    assert attachment.uploaded_by == clerk_a and attachment.content_type == "image/png"
    audit = AuditEvent.objects.get(action="engagement.attach")
    assert audit.changes == {"attachment": [None, "草案.png"]}


def test_a_comments_file_records_who_uploaded_it_and_when(consultation, citizen):
    with frozen(DURING):
        comment = submit(consultation, citizen, files=[png()])
    attachment = comment.attachments.get()
    assert attachment.uploaded_by == citizen and attachment.uploaded_at == DURING
    assert attachment.file.name.startswith(
        f"engagement/{consultation.agency_id}/commentattachment/{comment.pk}/"
    )


def test_hidden_content_of_a_drafts_file_is_found_and_shown_to_staff_only(client, clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a)
    attachment = s.consultation_attach(
        actor=clerk_a, consultation=consultation, file=signed_docx("草案.docx", "王瑞")
    )
    assert any("王瑞" in finding["message"] for finding in attachment.findings)
    client.force_login(clerk_a)
    page = client.get(reverse("engagement_office:consultation", args=[consultation.pk]))
    assert "王瑞" in page.content.decode()


def test_a_comments_file_loses_its_authors_name_on_arrival(client, consultation, citizen, clerk_a):
    with frozen(DURING):
        comment = submit(consultation, citizen, files=[signed_docx("意见.docx", "张三")])
        # Nothing left to decide on: the moderator publishes it as any comment.
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
        public_page = client.get(consultation.get_absolute_url())
    attachment = comment.attachments.get()
    assert attachment.findings == []
    with attachment.file.open("rb") as handle:
        assert "张三".encode() not in handle.read()
    assert "意见.docx" in public_page.content.decode()


def docx_with_comment(name: str, note: str) -> SimpleUploadedFile:
    """A Word file with a reviewer's comment (批注) on its first paragraph."""
    document = docx.Document()
    document.core_properties.author = ""
    paragraph = document.add_paragraph("第一条　为规范技术改造项目管理，制定本办法。")
    document.add_comment(paragraph.runs, text=note, author="", initials="")
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def test_a_comments_file_that_refuses_release_needs_a_reviewers_reason(
    client, consultation, citizen, clerk_a, dept_a
):
    # In a small office one person moderates and reviews: a clerk who also holds the reviewer role.
    moderating_reviewer = MembershipFactory(agency=dept_a, role="clerk").user
    MembershipFactory(agency=dept_a, role="reviewer", user=moderating_reviewer)
    with frozen(DURING):
        comment = submit(
            consultation, citizen, files=[docx_with_comment("意见.docx", "联系人电话13912345678")]
        )
        with pytest.raises(DomainError) as refused:
            s.comment_moderate(
                actor=clerk_a, comment=comment, decision="publish", findings_seen=True
            )
        assert refused.value.code == "override_not_allowed" and "意见.docx" in refused.value.message
        client.force_login(clerk_a)
        office_page = client.get(reverse("engagement_office:consultation", args=[consultation.pk]))
        assert "批注" in office_page.content.decode()
        s.comment_moderate(
            actor=moderating_reviewer,
            comment=comment,
            decision="publish",
            findings_seen=True,
            release_override="批注为提出意见者本人所写，同意公开。",
        )
    comment.refresh_from_db()
    assert comment.is_public


def test_staff_open_a_drafts_file_the_public_cannot(client, clerk_a, dept_a, clerk_b):
    consultation = draft(clerk_a, dept_a)
    attachment = s.consultation_attach(
        actor=clerk_a, consultation=consultation, file=png("草案.png")
    )
    url = reverse("engagement:file", args=[dept_a.code, consultation.pk, attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(clerk_b)
    assert client.get(url).status_code == 404
    client.force_login(clerk_a)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


def test_a_published_drafts_document_is_downloaded_with_its_name(client, clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a)
    attachment = s.consultation_attach(
        actor=clerk_a, consultation=consultation, file=signed_docx("草案.docx", "")
    )
    with frozen(DURING.replace(month=3, day=1)):
        s.consultation_publish(actor=clerk_a, consultation=consultation)
    url = reverse("engagement:file", args=[dept_a.code, consultation.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_a_removed_file_goes_from_storage_once_the_removal_commits(
    clerk_a, dept_a, django_capture_on_commit_callbacks
):
    consultation = draft(clerk_a, dept_a)
    attachment = s.consultation_attach(
        actor=clerk_a, consultation=consultation, file=png("草案.png")
    )
    name = attachment.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        s.consultation_detach(actor=clerk_a, attachment=attachment)
    assert not consultation.attachments.exists() and default_storage.exists(name)
    for callback in callbacks:
        callback()
    assert not default_storage.exists(name)
    audit = AuditEvent.objects.get(action="engagement.detach")
    assert audit.changes == {"attachment": ["草案.png", None]}


def test_files_stored_before_keep_their_comments_author_and_time(consultation, citizen):
    """Migration 0002: comment files had no uploader or upload time; they take the comment's."""
    with frozen(DURING):
        comment = submit(consultation, citizen, files=[png()])
    CommentAttachment.objects.update(uploaded_by=None, uploaded_at=DURING.replace(year=2030))
    migration = importlib.import_module(
        "gongkai.engagement.migrations.0002_attachments_are_stored_files"
    )
    from django.apps import apps

    migration.uploader_from_comment(apps, None)
    attachment = comment.attachments.get()
    assert attachment.uploaded_by == citizen and attachment.uploaded_at == DURING
