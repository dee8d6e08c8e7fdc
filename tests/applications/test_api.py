"""The REST API: the same rules as the pages, errors as JSON with a code."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from gongkai.applications.models import Application
from tests.accounts.factories import UserFactory
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register

D = dt.date


@pytest.fixture
def api():
    return APIClient()


def _submit(api, target, **overrides):
    data = {
        "agency": target.code,
        "info_title": "某项目批复文件",
        "provision_form": "electronic",
        "delivery_method": "email",
        "identity_proof": png(),
    }
    data.update(overrides)
    return api.post("/api/applications/", data, format="multipart")


def test_applicant_submits_lists_and_reads_own(api, applicant_user, dept_a):
    api.force_authenticate(applicant_user)
    response = _submit(api, dept_a)
    assert response.status_code == 201
    number = response.json()["number"]
    assert len(response.json()["query_code"]) == 10
    assert [a["number"] for a in api.get("/api/applications/").json()] == [number]
    body = api.get(f"/api/applications/{number}/").json()
    assert body["status"] == "submitted" and body["agency"]["code"] == dept_a.code
    assert body["documents"][0]["kind"] == "identity_proof"


def test_bad_submission_is_json_and_saves_nothing(api, applicant_user, dept_a):
    api.force_authenticate(applicant_user)
    response = _submit(api, dept_a, info_title="")
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    response = _submit(api, dept_a, agency="no-such")
    assert response.json()["code"] == "unknown_agency"
    response = _submit(api, dept_a, identity_proof=png("id.pdf"))
    assert response.json()["code"] == "upload_extension"
    assert not Application.objects.exists()


def test_anonymous_requests_are_refused(api, db):
    response = api.get("/api/applications/")
    assert response.status_code == 403 and response.json()["code"] == "not_authenticated"


def test_another_applicants_case_is_404(api, applicant_user, dept_a):
    api.force_authenticate(applicant_user)
    number = _submit(api, dept_a).json()["number"]
    api.force_authenticate(UserFactory())
    assert api.get(f"/api/applications/{number}/").status_code == 404
    assert api.post(f"/api/applications/{number}/correction/", {"text": "x"}).status_code == 404


def test_staff_queue_and_transitions(api, clerk_a, reviewer_a, dept_a):
    application = register(clerk_a, dept_a)
    api.force_authenticate(clerk_a)
    queue = api.get("/api/office/applications/").json()
    assert [a["number"] for a in queue["results"]] == [application.number]
    url = f"/api/office/applications/{application.number}/actions/"
    assert api.post(url + "start/", {}, format="json").json()["status"] == "in_progress"
    body = api.post(
        url + "draft_decision/",
        {"outcome": "granted", "legal_basis": "第三十六条第（二）项"},
        format="json",
    )
    assert body.json()["status"] == "decision_drafted"
    refused = api.post(url + "approve_decision/", {}, format="json")
    assert refused.status_code == 403
    api.force_authenticate(reviewer_a)
    assert api.post(url + "approve_decision/", {}, format="json").json()["status"] == (
        "decision_approved"
    )


def test_invalid_transition_and_bad_input_over_the_api(api, clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    api.force_authenticate(clerk_a)
    url = f"/api/office/applications/{application.number}/actions/"
    response = api.post(
        url + "serve/",
        {"method": "post", "served_on": "2026-03-05", "confirm": True},
        format="json",
    )
    assert response.status_code == 409 and response.json()["code"] == "invalid_transition"
    response = api.post(url + "start/", {}, format="json")
    response = api.post(url + "draft_decision/", {"outcome": "granted"}, format="json")
    assert response.json()["errors"]["legal_basis"]
    assert api.post(url + "fly/", {}, format="json").json()["code"] == "unknown_action"


def test_staff_of_another_agency_get_404(api, clerk_a, dept_b):
    other = MembershipFactory(agency=dept_b, role="clerk").user
    theirs = register(other, dept_b)
    api.force_authenticate(clerk_a)
    url = f"/api/office/applications/{theirs.number}/actions/start/"
    assert api.post(url, {}, format="json").status_code == 404
    assert api.get(f"/api/applications/{theirs.number}/").status_code == 404


def test_applicant_corrects_over_the_api(api, applicant_user, dept_a, clerk_a):
    from gongkai.applications import services as s

    api.force_authenticate(applicant_user)
    number = _submit(api, dept_a).json()["number"]
    application = Application.objects.get(number=number)
    application = s.application_confirm_receipt(
        actor=clerk_a, application=application, confirmed_on=application.submitted_on
    )
    application = s.application_start(actor=clerk_a, application=application)
    s.application_request_correction(
        actor=clerk_a,
        application=application,
        instructions="补充文号",
        requested_on=application.received_on,
        correction_due_on=application.received_on + dt.timedelta(days=10),
    )
    response = api.post(
        f"/api/applications/{number}/correction/", {"text": "文号为X"}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "in_progress"


def test_openapi_lists_the_application_endpoints(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/applications/",
        "/api/applications/{number}/",
        "/api/applications/{number}/correction/",
        "/api/office/applications/",
        "/api/office/applications/{number}/actions/{action}/",
    ):
        assert path in paths
