"""Staff pages: list and filters, recording, outcome, correction, files, scoping."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.appeals import services as s
from gongkai.appeals.models import AppealCase
from tests.appeals.fixtures import closed, pdf, record
from tests.applications.fixtures import register

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "kind": "reconsideration",
        "appellant_name": "李四",
        "reviewing_body": "测试市人民政府",
        "case_number": "测政复〔2026〕9号",
        "filed_on": "2026-03-02",
        "summary": "申请人不服答复。",
        "outcome": "pending",
    }
    data.update(overrides)
    return data


def test_a_clerk_records_a_case_linked_to_an_application(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=dt.date(2026, 1, 5))
    client.force_login(clerk_a)
    response = client.post(
        reverse("appeals_office:create"),
        _form(agency=dept_a.pk, application=application.number),
    )
    case = AppealCase.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("appeals_office:case", args=[case.pk])
    assert case.application == application and case.appellant_name == "李四"


def test_an_outcome_without_a_closing_date_is_explained_and_nothing_saved(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        reverse("appeals_office:create"), _form(agency=dept_a.pk, outcome="upheld")
    )
    assert response.status_code == 200
    assert "已审结的案件须填写审结日期" in response.content.decode()
    assert not AppealCase.objects.exists()


def test_an_unknown_application_number_is_explained(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        reverse("appeals_office:create"), _form(agency=dept_a.pk, application="dept-a-2026-99999")
    )
    assert "本机关没有受理编号为" in response.content.decode()
    assert not AppealCase.objects.exists()


def test_the_list_filters_by_kind_year_and_outcome(client, clerk_a, dept_a):
    record(clerk_a, dept_a, appellant_name="甲某人", filed_on=dt.date(2025, 3, 1))
    closed(clerk_a, dept_a, appellant_name="乙某人", kind="complaint")
    record(clerk_a, dept_a, appellant_name="丙某人")
    client.force_login(clerk_a)
    url = reverse("appeals_office:index")
    assert "乙某人" not in client.get(url, {"kind": "reconsideration"}).content.decode()
    by_year = client.get(url, {"year": "2025"}).content.decode()
    assert "甲某人" in by_year and "丙某人" not in by_year
    pending = client.get(url, {"outcome": "pending"}).content.decode()
    assert "丙某人" in pending and "乙某人" not in pending


def test_the_outcome_form_refuses_a_missing_date_and_then_closes(client, clerk_a, open_case):
    client.force_login(clerk_a)
    url = reverse("appeals_office:record_outcome", args=[open_case.pk])
    refused = client.post(url, {"outcome": "corrected", "closed_on": ""})
    assert refused.status_code == 400 and "已审结的案件须填写审结日期" in refused.content.decode()
    open_case.refresh_from_db()
    assert open_case.outcome == "pending"
    done = client.post(url, {"outcome": "corrected", "closed_on": "2026-05-08", "note": "撤销"})
    assert done.status_code == 302
    open_case.refresh_from_db()
    assert open_case.outcome == "corrected"


def test_editing_a_closed_case_asks_for_a_correction_reason(client, clerk_a, closed_case):
    client.force_login(clerk_a)
    url = reverse("appeals_office:edit", args=[closed_case.pk])
    page = client.get(url).content.decode()
    assert "更正理由" in page
    data = _form(
        case_number=closed_case.case_number,
        outcome="other",
        closed_on="2026-05-06",
        correction_reason="",
    )
    assert client.post(url, data).status_code == 200  # the reason is required
    closed_case.refresh_from_db()
    assert closed_case.outcome == "upheld"
    data["correction_reason"] = "复议机关终止审理，应为其他结果"
    assert client.post(url, data).status_code == 302
    closed_case.refresh_from_db()
    assert closed_case.outcome == "other"


def test_files_are_uploaded_and_downloaded_by_staff_only(
    client, clerk_a, open_case, public_user, appeals_clerk_b
):
    client.force_login(clerk_a)
    response = client.post(
        reverse("appeals_office:upload", args=[open_case.pk]),
        {"kind": "filing", "file": pdf("复议申请书.pdf")},
    )
    assert response.status_code == 302
    document = open_case.documents.get()
    url = reverse("appeals_office:document", args=[open_case.pk, document.pk])
    assert client.get(url).status_code == 200
    client.force_login(appeals_clerk_b)
    assert client.get(url).status_code == 404
    client.force_login(public_user)
    assert client.get(url).status_code == 403


def test_a_bad_upload_is_explained(client, clerk_a, open_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(clerk_a)
    response = client.post(
        reverse("appeals_office:upload", args=[open_case.pk]),
        {"kind": "filing", "file": SimpleUploadedFile("a.pdf", b"not a pdf")},
    )
    assert response.status_code == 400 and "不是允许的文件类型" in response.content.decode()


def test_the_case_page_shows_its_history(client, clerk_a, open_case):
    s.appeal_update(actor=clerk_a, case=open_case, reviewing_body="测试省人民政府")
    client.force_login(clerk_a)
    page = client.get(reverse("appeals_office:case", args=[open_case.pk])).content.decode()
    assert "appeals.create" in page and "appeals.edit" in page and "张三" in page


def test_staff_of_another_agency_get_404_and_a_reviewer_reads_only(
    client, open_case, appeals_clerk_b, appeals_reviewer_a
):
    url = reverse("appeals_office:case", args=[open_case.pk])
    client.force_login(appeals_clerk_b)
    assert client.get(url).status_code == 404
    client.force_login(appeals_reviewer_a)
    page = client.get(url)
    form = reverse("appeals_office:act", args=[open_case.pk, "record_outcome"])
    assert page.status_code == 200 and form not in page.content.decode()
    assert "下一步：登记审结结果，由承办人办理。" in page.content.decode()
    refused = client.post(
        reverse("appeals_office:record_outcome", args=[open_case.pk]),
        {"outcome": "upheld", "closed_on": "2026-05-08"},
    )
    assert refused.status_code == 403


def test_a_supervisor_sees_the_subtrees_cases(client, supervisor, open_case):
    client.force_login(supervisor)
    assert "张三" in client.get(reverse("appeals_office:index")).content.decode()
    assert client.get(reverse("appeals_office:create")).status_code == 403


def test_the_case_page_links_the_application_and_the_later_suit(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=dt.date(2026, 1, 5))
    earlier = closed(clerk_a, dept_a, application=application, filed_on=dt.date(2026, 2, 2))
    suit = record(
        clerk_a,
        dept_a,
        kind="litigation_after_reconsideration",
        reconsideration=earlier,
        reviewing_body="测试市中级人民法院",
    )
    client.force_login(clerk_a)
    page = client.get(reverse("appeals_office:case", args=[earlier.pk])).content.decode()
    assert application.number in page
    assert reverse("appeals_office:case", args=[suit.pk]) in page
    suit_page = client.get(reverse("appeals_office:case", args=[suit.pk])).content.decode()
    assert reverse("applications_office:case", args=[application.pk]) in suit_page


def test_a_document_downloads_as_an_attachment_and_an_image_inline(client, clerk_a, open_case):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
        b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = s.document_add(actor=clerk_a, case=open_case, file=pdf(), kind="decision")
    photo = s.document_add(
        actor=clerk_a, case=open_case, file=SimpleUploadedFile("现场.png", png), kind="other"
    )
    client.force_login(clerk_a)
    pdf_response = client.get(reverse("appeals_office:document", args=[open_case.pk, document.pk]))
    assert pdf_response["Content-Type"] == "application/pdf"
    assert pdf_response["Content-Disposition"].startswith("attachment")
    image = client.get(reverse("appeals_office:document", args=[open_case.pk, photo.pk]))
    assert image["Content-Type"] == "image/png"
    assert image["Content-Disposition"].startswith("inline")


def test_a_closed_case_page_offers_uploads_but_not_the_outcome(client, clerk_a, closed_case):
    client.force_login(clerk_a)
    page = client.get(reverse("appeals_office:case", args=[closed_case.pk])).content.decode()
    assert reverse("appeals_office:act", args=[closed_case.pk, "attach"]) in page
    assert reverse("appeals_office:act", args=[closed_case.pk, "record_outcome"]) not in page
