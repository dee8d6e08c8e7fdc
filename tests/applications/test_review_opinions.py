"""审核意见 (issue 14, point 7): the reviewer may add an opinion on approving a drafted reply and
must give one on returning it; the head must say why an extension is refused. Each opinion is kept
with its step (timeline) and in the audit, shown to staff and never to the applicant. Time is
frozen on 2026-03-10 (China time)."""

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
from tests.applications.fixtures import submit_online

pytestmark = pytest.mark.django_db

OPINION = "法律依据引用准确，同意按部分公开答复。"
RETURN = "第二页的个人信息未说明不予公开的理由，请补充后再报。"


@pytest.fixture(autouse=True)
def frozen():
    moment = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def drafted(applicant_user, dept_a, clerk_a):
    """An online application whose reply the clerk drafted: it awaits the reviewer."""
    submitted = submit_online(applicant_user, dept_a)
    application = s.application_confirm_receipt(
        actor=clerk_a, application=submitted, confirmed_on=dt.date(2026, 3, 10)
    )
    application = s.application_start(actor=clerk_a, application=application)
    application = s.application_draft_decision(
        actor=clerk_a,
        application=application,
        outcome="partial",
        legal_basis="第三十七条",
        withheld="第二页中的个人信息",
    )
    application.query_code = submitted.query_code
    return application


def _act(client, application, action, **data):
    url = reverse("applications_office:act", args=[application.pk, action])
    return client.post(url, {f"{action}-{name}": value for name, value in data.items()})


def _case_page(client, application) -> str:
    return client.get(reverse("applications_office:case", args=[application.pk])).content.decode()


def _applicant_page(client, application) -> str:
    return client.get(reverse("applications:detail", args=[application.pk])).content.decode()


def _textarea(form: str, name: str) -> str:
    """The opening tag of the form's textarea `name`."""
    return form.split(f'<textarea name="{name}"')[1].split(">")[0]


def _step(application, action) -> StatusChange:
    return StatusChange.objects.get(object_id=application.pk, action=action)


def test_the_approval_and_return_forms_ask_for_the_opinion(client, drafted, reviewer_a):
    client.force_login(reviewer_a)
    page = _case_page(client, drafted)
    approve = page.split("act/approve_decision/")[1].split("</form>")[0]
    assert "审核意见" in approve
    assert " required" not in _textarea(approve, "approve_decision-note")  # optional
    back = page.split("act/return_draft/")[1].split("</form>")[0]
    assert "审核意见" in back
    assert " required" in _textarea(back, "return_draft-note")


def test_an_approval_keeps_its_opinion_for_staff_only(
    client, drafted, reviewer_a, clerk_a, applicant_user
):
    client.force_login(reviewer_a)
    assert _act(client, drafted, "approve_decision", note=OPINION).status_code == 302
    assert Application.objects.get(pk=drafted.pk).status == Status.DECISION_APPROVED
    assert _step(drafted, "approve_decision").note == OPINION
    audit = AuditEvent.objects.get(object_id=drafted.pk, action="application.approve_decision")
    assert audit.note == OPINION

    client.force_login(clerk_a)
    assert f"审核意见：{OPINION}" in _case_page(client, drafted)
    client.force_login(applicant_user)
    mine = _applicant_page(client, drafted)
    assert "审核通过答复" in mine  # the step is shown, its internal opinion is not
    assert OPINION not in mine and "审核意见" not in mine


def test_an_approval_needs_no_opinion(client, drafted, reviewer_a):
    client.force_login(reviewer_a)
    assert _act(client, drafted, "approve_decision").status_code == 302
    assert _step(drafted, "approve_decision").note == ""


def test_a_return_without_an_opinion_is_refused_and_changes_nothing(client, drafted, reviewer_a):
    client.force_login(reviewer_a)
    response = _act(client, drafted, "return_draft", note="  ")
    assert response.status_code == 400
    assert "退回答复稿，请写明审核意见（退回的理由）。" in response.content.decode()
    assert Application.objects.get(pk=drafted.pk).status == Status.DECISION_DRAFTED
    assert not StatusChange.objects.filter(object_id=drafted.pk, action="return_draft").exists()


def test_a_return_says_why_to_staff_and_not_to_the_applicant(
    client, drafted, reviewer_a, clerk_a, applicant_user
):
    client.force_login(reviewer_a)
    assert _act(client, drafted, "return_draft", note=RETURN).status_code == 302
    assert Application.objects.get(pk=drafted.pk).status == Status.IN_PROGRESS
    assert _step(drafted, "return_draft").note == RETURN
    audit = AuditEvent.objects.get(object_id=drafted.pk, action="application.return_draft")
    assert audit.note == RETURN

    client.force_login(clerk_a)
    assert f"审核意见：{RETURN}" in _case_page(client, drafted)
    client.force_login(applicant_user)
    assert RETURN not in _applicant_page(client, drafted)
    client.logout()
    lookup = {"number": drafted.number, "code": drafted.query_code}
    query = client.post(reverse("applications:query"), lookup).content.decode()
    assert "退回答复稿" in query and RETURN not in query


def test_the_api_takes_the_opinion_as_note(drafted, reviewer_a):
    api = APIClient()
    api.force_authenticate(reviewer_a)
    url = f"/api/office/applications/{drafted.number}/actions/"
    refused = api.post(url + "return_draft/", {}, format="json")
    assert refused.status_code == 400
    assert refused.json()["errors"]["note"] == ["退回答复稿，请写明审核意见（退回的理由）。"]
    done = api.post(url + "approve_decision/", {"note": OPINION}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "decision_approved"
    assert _step(drafted, "approve_decision").note == OPINION


def test_an_opinion_too_long_is_refused(client, drafted, reviewer_a):
    client.force_login(reviewer_a)
    response = _act(client, drafted, "approve_decision", note="意" * 1001)
    assert response.status_code == 400
    assert "请不要超过1000个字（现有1001个字）。" in response.content.decode()
    assert Application.objects.get(pk=drafted.pk).status == Status.DECISION_DRAFTED


# The head's extension decision -----------------------------------------------------------------


@pytest.fixture
def extension_asked(in_progress, clerk_a):
    s.application_request_extension(actor=clerk_a, application=in_progress, reason="需调取档案")
    return in_progress


def test_refusing_an_extension_must_say_why(client, extension_asked, head_a):
    client.force_login(head_a)
    response = _act(client, extension_asked, "decide_extension", approve="0")
    assert response.status_code == 400
    assert "不批准延期的，请写明理由。" in response.content.decode()
    assert extension_asked.extension_requests.get().approved is None


def test_a_refusal_with_its_reason_is_on_the_timeline(client, extension_asked, head_a):
    client.force_login(head_a)
    response = _act(
        client, extension_asked, "decide_extension", approve="0", note="原期限内可以答复"
    )
    assert response.status_code == 302
    assert extension_asked.extension_requests.get().decision_note == "原期限内可以答复"
    assert _step(extension_asked, "decide_extension").note == "不批准延期：原期限内可以答复"


def test_the_service_refuses_a_refusal_without_reason(extension_asked, head_a):
    from gongkai.core.errors import DomainError

    with pytest.raises(DomainError, match="不批准延期的，请写明理由。"):
        s.application_decide_extension(
            actor=head_a, application=extension_asked, approve=False, note=" "
        )
    assert extension_asked.extension_requests.get().approved is None
