"""Issue 14's office features tried by an attacker: what a read-only supervisor, an applicant or
a malformed request can get from the case page, the queue API and the action API. Each test
names the attack; the rule is the same throughout: no 500, no personal data beyond need, no
irreversible step without an explicit yes."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.applications.selectors import documents_for
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import PERSON_ID, register, submit_online

PHONE = "13800000001"  # the fixture applicant's contact phone


@pytest.fixture
def case(clerk_a, dept_a):
    return register(clerk_a, dept_a, contact_address="河南省商丘市文化路1号")


def _case_page(client, user, application):
    client.force_login(user)
    response = client.get(reverse("applications_office:case", args=[application.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_read_only_supervisor_sees_the_applicants_identity_number_and_phone_masked(
    client, supervisor, case
):
    """The city's supervisor may read every case of the subtree but handles none: the page
    shows the identity number and phone as 110***********002X, not in full (as the applicant's
    profile does for staff who do not handle their case), and no address."""
    page = _case_page(client, supervisor, case)
    assert PERSON_ID not in page and PHONE not in page and "文化路" not in page
    assert "110***********002X" in page and "138****0001" in page


@pytest.mark.parametrize("role", ["head", "admin", "reviewer"])
def test_staff_who_do_not_handle_the_case_see_the_number_and_contact_masked(
    client, dept_a, case, role
):
    """The reviewer too: reviewing the reply needs neither the number nor the phone."""
    user = MembershipFactory(agency=dept_a, role=role).user
    page = _case_page(client, user, case)
    assert PERSON_ID not in page and PHONE not in page and "文化路" not in page
    assert "110***********002X" in page and "138****0001" in page


def test_the_clerk_sees_the_contact_in_full_and_the_identity_number_masked(client, clerk_a, case):
    """The clerk calls and posts, so reads the phone and address; the identity number only
    by the audited 显示完整号码 (tests/security/test_identity_reveal.py)."""
    page = _case_page(client, clerk_a, case)
    assert PHONE in page and "文化路" in page
    assert PERSON_ID not in page and "110***********002X" in page


@pytest.mark.parametrize("body", ["[1, 2]", '"assign"', "42", "null", "true"])
def test_a_json_body_that_is_not_an_object_is_a_clear_400_not_a_500(clerk_a, case, body):
    """POST …/actions/assign/ with a JSON array, string, number or null: the API's JSON error,
    and the case is unchanged."""
    api = APIClient(raise_request_exception=True)
    api.force_authenticate(clerk_a)
    response = api.post(
        f"/api/office/applications/{case.number}/actions/assign/",
        body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error" and "JSON" in response.json()["message"]
    case.refresh_from_db()
    assert case.assigned_to_id is None


def test_an_applicants_correction_as_a_json_array_is_a_clear_400(applicant_user, case):
    Application.objects.filter(pk=case.pk).update(applicant=applicant_user)
    api = APIClient(raise_request_exception=True)
    api.force_authenticate(applicant_user)
    response = api.post(
        f"/api/applications/{case.number}/correction/", "[]", content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "parse_error"


def test_text_that_is_not_json_is_refused_in_chinese(clerk_a, case):
    api = APIClient()
    api.force_authenticate(clerk_a)
    response = api.post(
        f"/api/office/applications/{case.number}/actions/assign/",
        "{bad",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {"code": "parse_error", "message": "请求体不是有效的 JSON。"}


@pytest.mark.parametrize("answer", ["no", "false", "0", "off", "", "否", 0, False, None])
def test_an_irreversible_step_is_not_confirmed_by_anything_but_yes(clerk_a, case, answer):
    """`"confirm": "no"` is not a confirmation: the withdrawal is refused and nothing changes
    (a checkbox's value is a yes only when it says so: true, "true", "on", "1")."""
    api = APIClient()
    api.force_authenticate(clerk_a)
    response = api.post(
        f"/api/office/applications/{case.number}/actions/withdraw/",
        {"confirm": answer, "note": "电话撤回"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["confirm"] == ["此操作不可撤销，请先勾选“我已确认”。"]
    assert Application.objects.get(pk=case.pk).status == "received"


@pytest.mark.parametrize("answer", [True, "true", "on", "1"])
def test_an_explicit_yes_confirms(clerk_a, case, answer):
    api = APIClient()
    api.force_authenticate(clerk_a)
    response = api.post(
        f"/api/office/applications/{case.number}/actions/withdraw/",
        {"confirm": answer, "note": "电话撤回"},
        format="json",
    )
    assert response.status_code == 200
    assert Application.objects.get(pk=case.pk).status == "withdrawn"


def test_an_applicant_is_refused_the_staff_queue_api_as_the_page_refuses_them(
    client, applicant_user, case
):
    """The queue page answers an applicant 403; so does its API (not an empty 200 that says
    the endpoint is theirs to query)."""
    client.force_login(applicant_user)
    assert client.get(reverse("applications_office:queue")).status_code == 403
    api = APIClient()
    api.force_authenticate(applicant_user)
    response = api.get("/api/office/applications/", {"status": "all"})
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


@pytest.mark.parametrize("who", ["supervisor", "head_a", "reviewer_a"])
def test_who_does_not_handle_a_case_gets_no_identity_papers(
    request, client, who, clerk_a, dept_a, applicant_user
):
    """The identity papers follow the masking (the full number is on them): only those handling
    the case may open them; the others see the case without them, and their link answers 404."""
    application = submit_online(applicant_user, dept_a)
    proof = application.documents.get(kind=ApplicationDocument.Kind.IDENTITY_PROOF)
    reader = request.getfixturevalue(who)
    assert proof not in documents_for(user=reader, application=application)
    assert proof in documents_for(user=clerk_a, application=application)
    client.force_login(reader)
    assert client.get(reverse("applications:download", args=[proof.pk])).status_code == 404
    client.force_login(clerk_a)
    assert client.get(reverse("applications:download", args=[proof.pk])).status_code == 200
