"""The release check on a reply (core.release): a file to be released with something that must
not go out (here a hidden sheet) stops the reviewer's approval until the reviewer writes why it
may go anyway; every finding must be confirmed as seen; the decision is kept, audited, and holds
only for the file it was made on."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from gongkai.applications import services as s
from gongkai.applications.states import Status as ApplicationStatus
from gongkai.core import release
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, ReleaseClearance

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REASON = "内部测算表系本机关依法应当公开的测算依据，同意公开。"


def _workbook(*, hidden: bool) -> bytes:
    book = Workbook()
    book.properties.creator = None  # openpyxl names itself the author otherwise
    book.active["A1"] = "项目名称"
    if hidden:
        book.create_sheet("内部测算").sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _drafted(clerk, application, *, hidden=True):
    upload = SimpleUploadedFile("项目名单.xlsx", _workbook(hidden=hidden), XLSX_TYPE)
    document = s.application_attach(
        actor=clerk, application=application, kind="released", upload=upload, title="项目名单"
    )
    s.application_draft_decision(
        actor=clerk, application=application, outcome="granted", legal_basis="第三十六条第（二）项"
    )
    application.refresh_from_db()
    return application, document


def test_a_refusing_finding_stops_the_approval_and_changes_nothing(
    in_progress, clerk_a, reviewer_a
):
    application, _document = _drafted(clerk_a, in_progress)
    with pytest.raises(DomainError) as refused:
        s.application_approve_decision(
            actor=reviewer_a, application=application, findings_seen=True
        )
    assert refused.value.code == "release_blocked"
    assert "项目名单" in refused.value.message and "内部测算" in refused.value.message
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_DRAFTED
    assert not ReleaseClearance.objects.exists()


def test_the_findings_must_be_confirmed_as_seen_even_with_a_reason(
    in_progress, clerk_a, reviewer_a
):
    application, _document = _drafted(clerk_a, in_progress)
    with pytest.raises(DomainError) as refused:
        s.application_approve_decision(
            actor=reviewer_a, application=application, release_override=REASON
        )
    assert refused.value.code == "findings_unconfirmed"


def test_the_reviewers_reason_releases_it_and_is_kept_and_audited(in_progress, clerk_a, reviewer_a):
    application, document = _drafted(clerk_a, in_progress)
    application = s.application_approve_decision(
        actor=reviewer_a, application=application, findings_seen=True, release_override=REASON
    )
    assert application.status == ApplicationStatus.DECISION_APPROVED
    [decision] = ReleaseClearance.objects.all()
    assert decision.reviewer == reviewer_a and decision.reason == REASON and decision.overrides
    assert decision.key == document.file.name
    assert {f["kind"] for f in decision.findings} >= {"hidden_sheet"}
    audit = AuditEvent.objects.for_object(application).get(action="release.override")
    assert audit.note == REASON and audit.changes == {"files": ["项目名单"]}


def test_a_clean_file_needs_no_confirmation(in_progress, clerk_a, reviewer_a):
    application, document = _drafted(clerk_a, in_progress, hidden=False)
    assert document.findings == []
    application = s.application_approve_decision(actor=reviewer_a, application=application)
    assert application.status == ApplicationStatus.DECISION_APPROVED


def test_a_decision_holds_only_for_the_file_it_was_made_on(in_progress, clerk_a, reviewer_a):
    upload = SimpleUploadedFile("项目名单.xlsx", _workbook(hidden=True), XLSX_TYPE)
    document = s.application_attach(
        actor=clerk_a, application=in_progress, kind="released", upload=upload, title="项目名单"
    )
    release.release_check(
        actor=reviewer_a,
        releases=[release.stored(document)],
        agency=in_progress.agency,
        owner=in_progress,
        findings_seen=True,
        reason=REASON,
        can_override=True,
    )
    assert release.pending([release.stored(document)], agency=in_progress.agency) == []
    # The file changes (here: its properties cleared): the decision does not cover the new one.
    document = s.application_strip_metadata(actor=clerk_a, document=document)
    [still] = release.pending([release.stored(document)], agency=in_progress.agency)
    assert [f["kind"] for f in still.blocking] == ["hidden_sheet"]


def test_only_a_reviewer_may_give_a_reason(in_progress, clerk_a):
    upload = SimpleUploadedFile("项目名单.xlsx", _workbook(hidden=True), XLSX_TYPE)
    document = s.application_attach(
        actor=clerk_a, application=in_progress, kind="released", upload=upload, title="项目名单"
    )
    with pytest.raises(DomainError) as refused:
        release.release_check(
            actor=clerk_a,
            releases=[release.stored(document)],
            agency=in_progress.agency,
            owner=in_progress,
            findings_seen=True,
            reason=REASON,
            can_override=False,
        )
    assert refused.value.code == "override_not_allowed" and "内部测算" in refused.value.message


def test_the_case_page_form_shows_the_refusal_and_the_finding(
    client, in_progress, clerk_a, reviewer_a
):
    application, _document = _drafted(clerk_a, in_progress)
    client.force_login(reviewer_a)
    url = reverse("applications_office:act", args=[application.pk, "approve_decision"])
    page = client.post(url, {"approve_decision-findings_seen": "on"}, follow=True)
    text = page.content.decode()
    assert "发布前检查未通过" in text and "内部测算" in text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_DRAFTED
    client.post(
        url,
        {"approve_decision-findings_seen": "on", "approve_decision-release_override": REASON},
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECISION_APPROVED


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


def test_the_api_answers_the_refusal_with_its_code(api, in_progress, clerk_a, reviewer_a):
    application, _document = _drafted(clerk_a, in_progress)
    api.force_authenticate(reviewer_a)
    url = f"/api/office/applications/{application.number}/actions/approve_decision/"
    response = api.post(url, {"findings_seen": True}, format="json")
    assert response.status_code in (400, 409)
    assert response.json()["code"] == "release_blocked"
    response = api.post(url, {"findings_seen": True, "release_override": REASON}, format="json")
    assert response.json()["status"] == "decision_approved"
