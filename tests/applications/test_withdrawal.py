"""撤回申请 is a confirmation step (issue 14, point 7): the applicant reads the consequence, ticks
我已确认 and may give a reason, on the page or through the API. The reason is kept with the step
and shown to staff and to the applicant; a refused request changes nothing. Time is frozen on
2026-03-10 (China time)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.states import Status
from gongkai.core.models import AuditEvent, StatusChange
from tests.accounts.factories import UserFactory
from tests.applications.fixtures import submit_online

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 10)
REASON = "已从政府网站找到所需文件，不再需要。"
QUESTION = "撤回后，本申请即终止办理，不能恢复；如仍需要这些信息，可以重新提出申请。确认撤回？"


@pytest.fixture(autouse=True)
def frozen():
    moment = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def online(applicant_user, dept_a):
    application = submit_online(applicant_user, dept_a)
    return application


@pytest.fixture
def approved(online, clerk_a, reviewer_a):
    """The same case once a reviewer approved its reply: too late to withdraw."""
    application = s.application_confirm_receipt(
        actor=clerk_a, application=online, confirmed_on=TODAY
    )
    application = s.application_start(actor=clerk_a, application=application)
    application = s.application_draft_decision(
        actor=clerk_a, application=application, outcome="granted", legal_basis="第三十六条"
    )
    return s.application_approve_decision(actor=reviewer_a, application=application)


def _withdraw(client, application, **data):
    fields = {f"withdraw-{name}": value for name, value in data.items()}
    return client.post(reverse("applications:withdraw", args=[application.pk]), fields)


def _status(application) -> str:
    return Application.objects.get(pk=application.pk).status


# The page ------------------------------------------------------------------------------------


def test_the_applicants_page_asks_for_a_reason_and_the_confirmation(client, online, applicant_user):
    client.force_login(applicant_user)
    page = client.get(reverse("applications:detail", args=[online.pk])).content.decode()
    form = page.split('id="withdraw-heading"')[1].split("</section>")[0]
    assert 'name="withdraw-reason"' in form and "撤回理由" in form
    assert 'type="checkbox" name="withdraw-confirm"' in form and "我已确认" in form
    assert QUESTION in form
    assert 'maxlength="500"' in form


def test_withdrawing_with_a_reason_records_it_for_staff_and_applicant(
    client, online, applicant_user, clerk_a
):
    client.force_login(applicant_user)
    response = _withdraw(client, online, reason=REASON, confirm="on")
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:detail", args=[online.pk])
    application = Application.objects.get(pk=online.pk)
    assert application.status == Status.WITHDRAWN and application.closed_on == TODAY
    step = StatusChange.objects.filter(action="withdraw", object_id=online.pk).get()
    assert step.note == REASON and step.actor == applicant_user
    audit = AuditEvent.objects.filter(action="application.withdraw", object_id=online.pk).get()
    assert audit.note == REASON

    mine = client.get(response["Location"]).content.decode()
    assert "申请已撤回。" in mine and "已撤回" in mine
    assert f"撤回理由：{REASON}" in mine
    assert 'id="withdraw-heading"' not in mine  # nothing left to withdraw

    client.force_login(clerk_a)
    case = client.get(reverse("applications_office:case", args=[online.pk])).content.decode()
    assert f"撤回理由：{REASON}" in case


def test_the_reason_is_optional(client, online, applicant_user):
    client.force_login(applicant_user)
    assert _withdraw(client, online, confirm="on").status_code == 302
    assert _status(online) == Status.WITHDRAWN
    step = StatusChange.objects.filter(action="withdraw", object_id=online.pk).get()
    assert step.note == ""


def test_without_the_confirmation_nothing_changes_and_the_box_is_named(
    client, online, applicant_user
):
    client.force_login(applicant_user)
    response = _withdraw(client, online, reason=REASON)
    assert response.status_code == 400
    page = response.content.decode()
    assert "此操作不可撤销，请先勾选“我已确认”。" in page
    assert REASON in page  # the reason typed is kept in the form, ready to confirm
    assert '<details class="action" open>' in page
    assert _status(online) == Status.SUBMITTED
    assert not StatusChange.objects.filter(action="withdraw").exists()


def test_a_reason_too_long_is_refused_in_chinese(client, online, applicant_user):
    client.force_login(applicant_user)
    response = _withdraw(client, online, reason="理" * 501, confirm="on")
    assert response.status_code == 400
    assert "请不要超过500个字（现有501个字）。" in response.content.decode()
    assert _status(online) == Status.SUBMITTED


def test_opening_the_withdrawal_address_changes_nothing(client, online, applicant_user):
    client.force_login(applicant_user)
    response = client.get(reverse("applications:withdraw", args=[online.pk]))
    assert response.status_code == 405
    assert _status(online) == Status.SUBMITTED


def test_another_person_cannot_withdraw_the_case(client, online, clerk_a):
    """Not even staff of the agency through the applicant's page: they record a withdrawal
    with their own step (登记申请人撤回)."""
    for user in (UserFactory(), clerk_a):
        client.force_login(user)
        assert _withdraw(client, online, confirm="on").status_code == 404
    assert _status(online) == Status.SUBMITTED


def test_after_approval_the_page_offers_no_withdrawal_and_refuses_one(
    client, approved, applicant_user
):
    client.force_login(applicant_user)
    page = client.get(reverse("applications:detail", args=[approved.pk])).content.decode()
    assert 'id="withdraw-heading"' not in page
    response = _withdraw(client, approved, reason=REASON, confirm="on")
    assert response.status_code == 400
    assert "不能“申请人撤回”" in response.content.decode()
    assert _status(approved) == Status.DECISION_APPROVED


def test_staff_record_a_withdrawal_with_the_same_form(client, online, clerk_a, applicant_user):
    client.force_login(clerk_a)
    url = reverse("applications_office:act", args=[online.pk, "withdraw"])
    response = client.post(url, {"withdraw-reason": "申请人来电撤回", "withdraw-confirm": "on"})
    assert response.status_code == 302
    client.force_login(applicant_user)
    page = client.get(reverse("applications:detail", args=[online.pk])).content.decode()
    assert "撤回理由：申请人来电撤回" in page


# The API -------------------------------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


def _url(application) -> str:
    return f"/api/applications/{application.number}/withdraw/"


def test_the_applicant_withdraws_over_the_api(api, online, applicant_user):
    api.force_authenticate(applicant_user)
    response = api.post(_url(online), {"reason": REASON, "confirm": True}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
    assert response.json()["status_label"] == "已撤回"
    step = StatusChange.objects.filter(action="withdraw", object_id=online.pk).get()
    assert step.note == REASON


def test_the_api_refuses_without_confirm_true(api, online, applicant_user):
    api.force_authenticate(applicant_user)
    for body in ({"reason": REASON}, {"reason": REASON, "confirm": False}):
        response = api.post(_url(online), body, format="json")
        assert response.status_code == 400
        assert response.json()["code"] == "invalid"
        assert response.json()["errors"]["confirm"] == ["此操作不可撤销，请先勾选“我已确认”。"]
    assert _status(online) == Status.SUBMITTED


def test_the_api_answers_404_for_a_case_not_ones_own(api, online, clerk_a):
    for user in (UserFactory(), clerk_a):
        api.force_authenticate(user)
        response = api.post(_url(online), {"confirm": True}, format="json")
        assert response.status_code == 404
    assert _status(online) == Status.SUBMITTED


def test_the_api_answers_409_once_a_decision_is_approved(api, approved, applicant_user):
    api.force_authenticate(applicant_user)
    response = api.post(_url(approved), {"confirm": True}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "invalid_transition"
    assert _status(approved) == Status.DECISION_APPROVED


def test_the_api_refuses_anonymous_requests(api, online):
    assert api.post(_url(online), {"confirm": True}, format="json").status_code == 403
    assert _status(online) == Status.SUBMITTED


def test_the_withdrawal_is_typed_in_the_openapi_schema(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/applications/{number}/withdraw/"]["post"]
    assert operation["operationId"] == "applications_withdraw"
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][body.rsplit("/", 1)[1]]
    assert set(fields["properties"]) == {"reason", "confirm"}
    assert fields["required"] == ["confirm"]
    assert {"200", "400", "403", "404", "409"} <= set(operation["responses"])
