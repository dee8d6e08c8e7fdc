"""The application pages as applicants and staff use them."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.states import Status
from tests.accounts.factories import UserFactory
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register

D = dt.date


def _apply(client, agency, **overrides):
    data = {
        "agency": agency.pk,
        "info_title": "2025年技术改造项目名单",
        "provision_form": "electronic",
        "delivery_method": "download",
        "identity_proof": png(),
    }
    data.update(overrides)
    return client.post(reverse("applications:new"), data)


def test_online_application_shows_the_query_code_once(client, applicant_user, dept_a):
    client.force_login(applicant_user)
    response = _apply(client, dept_a)
    application = Application.objects.get()
    assert response["Location"] == reverse("applications:detail", args=[application.pk])
    page = client.get(response["Location"]).content.decode()
    assert "查询码" in page and application.number in page
    again = client.get(response["Location"]).content.decode()
    assert "查询码只显示这一次" not in again


def test_missing_identity_proof_is_a_field_error_and_nothing_saved(client, applicant_user, dept_a):
    client.force_login(applicant_user)
    page = _apply(client, dept_a, identity_proof="").content.decode()
    assert "这个字段是必填项" in page or "该字段是必填项" in page
    assert not Application.objects.exists()


def test_wrong_type_upload_is_explained(client, applicant_user, dept_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(applicant_user)
    bad = SimpleUploadedFile("id.png", b"not an image at all", content_type="image/png")
    page = _apply(client, dept_a, identity_proof=bad).content.decode()
    assert "不是允许的文件类型" in page
    assert not Application.objects.exists()


def test_without_profile_the_applicant_is_sent_to_complete_it(client, db, dept_a):
    client.force_login(UserFactory())
    response = client.get(reverse("applications:new"))
    assert response["Location"] == reverse("accounts:profile")


def test_applicant_cannot_open_another_applicants_case(client, applicant_user, dept_a):
    client.force_login(applicant_user)
    _apply(client, dept_a)
    application = Application.objects.get()
    client.force_login(UserFactory())
    assert client.get(reverse("applications:detail", args=[application.pk])).status_code == 404
    document = application.documents.get()
    assert client.get(reverse("applications:download", args=[document.pk])).status_code == 404


def test_query_by_number_and_code_without_login(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    page = client.post(
        reverse("applications:query"),
        {"number": application.number, "code": application.query_code},
    ).content
    assert "已收到" in page.decode() and "答复期限" in page.decode()
    wrong = client.post(
        reverse("applications:query"), {"number": application.number, "code": "WRONGCODE2"}
    ).content.decode()
    assert "受理编号或查询码不正确" in wrong


def test_query_attempts_are_throttled(client, clerk_a, dept_a):
    from django.core.cache import cache

    cache.clear()
    application = register(clerk_a, dept_a)
    for _ in range(10):
        client.post(reverse("applications:query"), {"number": application.number, "code": "X" * 10})
    response = client.post(
        reverse("applications:query"),
        {"number": application.number, "code": application.query_code},
    )
    assert response.status_code == 429
    cache.clear()


def test_staff_case_page_runs_the_workflow(client, clerk_a, reviewer_a, dept_a):
    application = register(clerk_a, dept_a, received=D(2026, 3, 2))
    client.force_login(clerk_a)
    url = lambda action: reverse("applications_office:act", args=[application.pk, action])  # noqa: E731
    assert client.post(url("start")).status_code == 302
    response = client.post(
        url("draft_decision"),
        {
            "draft_decision-outcome": "partial",
            "draft_decision-legal_basis": "第三十七条",
            "draft_decision-withheld": "第二页涉及个人隐私的内容",
        },
    )
    assert response.status_code == 302
    client.force_login(reviewer_a)
    assert client.post(url("approve_decision")).status_code == 302
    client.force_login(clerk_a)
    client.post(
        url("serve"),
        {"serve-method": "post", "serve-served_on": "2026-03-20", "serve-confirm": "on"},
    )
    application.refresh_from_db()
    assert application.status == Status.SERVED and application.outcome == "partial"
    page = client.get(reverse("applications_office:case", args=[application.pk])).content.decode()
    assert "审核通过答复" in page and reviewer_a.username in page


def test_action_errors_are_shown_on_the_case_page(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    client.force_login(clerk_a)
    client.post(reverse("applications_office:act", args=[application.pk, "start"]))
    response = client.post(
        reverse("applications_office:act", args=[application.pk, "draft_decision"]),
        {"draft_decision-outcome": "granted", "draft_decision-legal_basis": ""},
    )
    assert response.status_code == 400
    assert (
        "这个字段是必填项" in response.content.decode()
        or "该字段是必填项" in response.content.decode()
    )


def test_staff_register_page(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        reverse("applications_office:register"),
        {
            "agency": dept_a.pk,
            "channel": "in_person",
            "submitted_on": "2026-03-02",
            "applicant_type": "commercial",
            "applicant_name": "商丘示例科技有限公司",
            "applicant_identifier": "91350100M000100Y43",
            "contact_phone": "0370-3000000",
            "info_title": "某项目环评批复",
            "provision_form": "paper",
            "delivery_method": "pickup",
        },
    )
    application = Application.objects.get()
    assert response["Location"] == reverse("applications_office:case", args=[application.pk])
    assert application.status == Status.RECEIVED


def test_queue_lists_only_the_users_agencies(client, clerk_a, dept_a, dept_b):
    mine = register(clerk_a, dept_a)
    other_clerk = MembershipFactory(agency=dept_b, role="clerk").user
    theirs = register(other_clerk, dept_b, info_title="乙局的申请")
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:queue")).content.decode()
    assert mine.number in page and theirs.number not in page


@pytest.mark.parametrize("name", ["applications_office:case", "applications_office:act"])
def test_clerk_of_a_gets_404_for_agency_b_cases(client, clerk_a, dept_b, name):
    other_clerk = MembershipFactory(agency=dept_b, role="clerk").user
    theirs = register(other_clerk, dept_b)
    client.force_login(clerk_a)
    args = [theirs.pk] if name.endswith("case") else [theirs.pk, "start"]
    response = (
        client.post(reverse(name, args=args))
        if name.endswith("act")
        else client.get(reverse(name, args=args))
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.RECEIVED


def test_date_inputs_are_prefilled_in_iso_format(client, clerk_a, dept_a):
    from django.utils import timezone

    application = register(clerk_a, dept_a)
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:case", args=[application.pk])).content.decode()
    assert 'type="date"' in page
    assert f'value="{timezone.localdate().isoformat()}"' in page
