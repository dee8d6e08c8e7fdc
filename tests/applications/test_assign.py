"""Sharing the work: a case is assigned or reassigned from its page and the API, to a clerk who
holds HANDLE in its agency, by one who does; the step is in the timeline and the audit trail,
and the new assignee is told."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.selectors import timeline
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import register


@pytest.fixture
def colleague(dept_a):
    """A second clerk of dept_a, reachable by SMS and e-mail."""
    user = MembershipFactory(agency=dept_a, role="clerk").user
    get_user_model().objects.filter(pk=user.pk).update(
        phone="13911112222", email="colleague@example.cn"
    )
    user.refresh_from_db()
    return user


def _act(client, application, data):
    return client.post(
        reverse("applications_office:act", args=[application.pk, "assign"]),
        {f"assign-{key}": value for key, value in data.items()},
    )


def test_a_clerk_assigns_from_the_case_page(
    client, clerk_a, colleague, in_progress, sms_outbox, django_capture_on_commit_callbacks
):
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:case", args=[in_progress.pk]))
    assert "分配承办人" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _act(client, in_progress, {"assignee": colleague.pk, "note": "请优先办理"})
    assert response.status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.assigned_to == colleague
    step = timeline(in_progress).last()
    assert step.action == "assign" and step.actor == clerk_a
    assert colleague.get_username() in step.note and "请优先办理" in step.note
    event = AuditEvent.objects.get(object_id=str(in_progress.pk), action="application.assign")
    assert event.changes["assigned_to"] == [str(clerk_a.pk), str(colleague.pk)]
    assert in_progress.number in sms_outbox[-1].text and sms_outbox[-1].phone == "13911112222"
    assert mail.outbox[-1].to == ["colleague@example.cn"]


def test_assignment_keeps_the_status_and_is_hidden_from_the_applicant(
    clerk_a, colleague, in_progress
):
    application = s.application_assign(actor=clerk_a, application=in_progress, assignee=colleague)
    assert application.status == "in_progress"
    assert timeline(application).filter(action="assign").exists()
    assert not timeline(application, for_applicant=True).filter(action="assign").exists()


def test_an_unconfirmed_case_can_be_given_to_a_clerk(clerk_a, colleague, dept_a):
    submitted = register(clerk_a, dept_a, channel="email")
    assert submitted.status == "submitted"
    assigned = s.application_assign(actor=clerk_a, application=submitted, assignee=colleague)
    assert assigned.assigned_to == colleague


def test_a_concluded_case_offers_no_assignment(client, clerk_a, colleague, in_progress):
    withdrawn = s.application_withdraw(actor=clerk_a, application=in_progress, note="撤回")
    client.force_login(clerk_a)
    page = client.get(reverse("applications_office:case", args=[withdrawn.pk]))
    assert "分配承办人" not in page.content.decode()
    assert _act(client, withdrawn, {"assignee": colleague.pk}).status_code == 400


def test_the_assignee_must_handle_cases_of_that_agency(
    client, clerk_a, in_progress, dept_a, dept_b, reviewer_a
):
    """Only the agency's clerks are offered; a reviewer there or a clerk elsewhere is refused
    by the form and by the service."""
    clerk_b = MembershipFactory(agency=dept_b, role="clerk").user
    client.force_login(clerk_a)
    for outsider in (clerk_b, reviewer_a):
        response = _act(client, in_progress, {"assignee": outsider.pk})
        assert response.status_code == 400
        assert "选择一个有效的选项" in response.content.decode()
        with pytest.raises(DomainError) as refused:
            s.application_assign(actor=clerk_a, application=in_progress, assignee=outsider)
        assert refused.value.code == "assignee_not_clerk"
    assert Application.objects.get(pk=in_progress.pk).assigned_to == clerk_a


def test_reassigning_to_the_same_clerk_is_refused(clerk_a, in_progress):
    with pytest.raises(DomainError) as refused:
        s.application_assign(actor=clerk_a, application=in_progress, assignee=clerk_a)
    assert refused.value.code == "assignee_same"


@pytest.mark.parametrize("who", ["clerk_b", "supervisor", "reviewer_a"])
def test_who_may_not_assign(request, client, who, colleague, in_progress, dept_b):
    """A clerk of another agency does not see the case (404); a supervisor or a reviewer sees
    it but may not share the work (403)."""
    user = (
        MembershipFactory(agency=dept_b, role="clerk").user
        if who == "clerk_b"
        else request.getfixturevalue(who)
    )
    client.force_login(user)
    expected = 404 if who == "clerk_b" else 403
    assert _act(client, in_progress, {"assignee": colleague.pk}).status_code == expected
    api = APIClient()
    api.force_authenticate(user)
    url = f"/api/office/applications/{in_progress.number}/actions/assign/"
    assert api.post(url, {"assignee": colleague.pk}, format="json").status_code == expected
    if who != "clerk_b":
        page = client.get(reverse("applications_office:case", args=[in_progress.pk]))
        assert "分配承办人" not in page.content.decode()
    assert Application.objects.get(pk=in_progress.pk).assigned_to != colleague


def test_a_clerk_reassigns_over_the_api(clerk_a, colleague, in_progress):
    api = APIClient()
    api.force_authenticate(clerk_a)
    url = f"/api/office/applications/{in_progress.number}/actions/assign/"
    response = api.post(url, {"assignee": colleague.pk, "note": "轮岗"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "in_progress"
    assert Application.objects.get(pk=in_progress.pk).assigned_to == colleague
    refused = api.post(url, {"assignee": 999999}, format="json")
    assert refused.status_code == 400 and "assignee" in refused.json()["errors"]


def test_a_failing_sms_does_not_stop_the_email_or_the_assignment(
    clerk_a, colleague, in_progress, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise RuntimeError("SMS gateway down")

    monkeypatch.setattr("gongkai.applications.notifications.send_sms", broken)
    with django_capture_on_commit_callbacks(execute=True):
        s.application_assign(actor=clerk_a, application=in_progress, assignee=colleague)
    assert Application.objects.get(pk=in_progress.pk).assigned_to == colleague
    assert mail.outbox[-1].to == ["colleague@example.cn"]


def test_taking_a_case_oneself_sends_no_message(
    clerk_a, dept_a, sms_outbox, django_capture_on_commit_callbacks
):
    case = register(clerk_a, dept_a)
    sms_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        s.application_assign(actor=clerk_a, application=case, assignee=clerk_a)
    assert sms_outbox == [] and mail.outbox == []


def test_the_head_of_the_office_shares_out_the_work(client, head_a, colleague, in_progress):
    """The 负责人 may assign too (distributing the casework is the office head's job), though
    they handle no case themselves: only clerks are offered as assignees."""
    client.force_login(head_a)
    page = client.get(reverse("applications_office:case", args=[in_progress.pk])).content
    assert "分配承办人" in page.decode()
    response = _act(client, in_progress, {"assignee": colleague.pk, "note": ""})
    assert response.status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.assigned_to == colleague
    assert timeline(in_progress).last().actor == head_a
    refused = _act(client, in_progress, {"assignee": head_a.pk, "note": ""})
    assert refused.status_code == 400
    in_progress.refresh_from_db()
    assert in_progress.assigned_to == colleague
