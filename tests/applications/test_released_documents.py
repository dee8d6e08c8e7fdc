"""Files to be released are checked for hidden content; the reviewer sees it before approving."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from gongkai.applications import services as s

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook_with_hidden_sheet() -> bytes:
    book = Workbook()
    book.active.title = "公开数据"
    book.active["A1"] = "项目名称"
    hidden = book.create_sheet("内部测算")
    hidden.sheet_state = "hidden"
    book.properties.creator = "王瑞"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _attach(clerk, application):
    upload = SimpleUploadedFile("项目名单.xlsx", _workbook_with_hidden_sheet(), XLSX_TYPE)
    return s.application_attach(
        actor=clerk, application=application, kind="released", upload=upload, title="项目名单"
    )


def test_hidden_sheet_and_author_are_found_on_upload(in_progress, clerk_a):
    document = _attach(clerk_a, in_progress)
    kinds = {f["kind"] for f in document.findings}
    assert "hidden_sheet" in kinds and "metadata_person" in kinds
    assert any("内部测算" in f["message"] for f in document.findings)


def test_reviewer_sees_the_warning_on_the_case_page(client, in_progress, clerk_a, reviewer_a):
    _attach(clerk_a, in_progress)
    client.force_login(reviewer_a)
    page = client.get(reverse("applications_office:case", args=[in_progress.pk])).content.decode()
    assert "发布前检查" in page and "须说明理由" in page and "内部测算" in page


def test_strip_metadata_removes_the_author_but_keeps_the_hidden_sheet_warning(in_progress, clerk_a):
    document = _attach(clerk_a, in_progress)
    document = s.application_strip_metadata(actor=clerk_a, document=document)
    kinds = {f["kind"] for f in document.findings}
    assert "metadata_person" not in kinds and "hidden_sheet" in kinds
    with document.file.open("rb") as handle:
        assert "王瑞".encode() not in handle.read()


def test_released_files_become_visible_to_the_applicant_only_when_served(
    in_progress, clerk_a, reviewer_a
):
    import datetime as dt

    document = _attach(clerk_a, in_progress)
    assert not document.visible_to_applicant
    application = s.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    application = s.application_approve_decision(
        actor=reviewer_a,
        application=application,
        findings_seen=True,
        release_override="内部测算表为本机关公开的测算依据，同意一并公开。",
    )
    s.application_serve(
        actor=clerk_a, application=application, method="electronic", served_on=dt.date(2026, 3, 10)
    )
    document.refresh_from_db()
    assert document.visible_to_applicant
