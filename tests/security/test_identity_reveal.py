"""Issue 16, point 2: only the staff handling a case see the applicant's full identity number,
and only by the explicit, audited 显示完整号码 (a POST on the case page, or the API's
reveal-identity); every other reader, and the clerk by default, sees 110***********002X. The
contact (phone, address, e-mail) is the clerk's to read (they call and post), masked for the
others; the identity papers are the clerk's to open, each look recorded."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.core.identifiers import credit_code_check_char
from gongkai.core.models import AuditEvent
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import PERSON_ID, register, submit_online

MASKED = "110***********002X"
PHONE = "13800000001"
OTHER_ID = "110105198001010032"  # a second applicant's, valid (GB 11643)


@pytest.fixture
def case(clerk_a, dept_a):
    return register(
        clerk_a, dept_a, contact_address="河南省商丘市文化路1号", contact_email="zs@example.com"
    )


def _page(client, user, application) -> str:
    client.force_login(user)
    response = client.get(reverse("applications_office:case", args=[application.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _reveal(client, user, application):
    client.force_login(user)
    return client.post(reverse("applications_office:reveal_identity", args=[application.pk]))


def _reveals():
    return AuditEvent.objects.filter(action="application.reveal_identity")


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


# The case page -------------------------------------------------------------------------------


def test_the_clerk_sees_the_number_masked_with_a_button_to_show_it(client, clerk_a, case):
    page = _page(client, clerk_a, case)
    assert PERSON_ID not in page and MASKED in page
    assert "显示完整号码" in page
    assert reverse("applications_office:reveal_identity", args=[case.pk]) in page


def test_the_clerk_sees_the_full_number_for_that_page_view_only(client, clerk_a, case):
    """The answer to the POST is the case page with the number in full (not cached); the
    next view of the page shows it masked again: nothing is kept."""
    response = _reveal(client, clerk_a, case)
    assert response.status_code == 200
    page = response.content.decode()
    assert PERSON_ID in page and "完整号码仅本次显示，已记入审计记录" in page
    assert response["Cache-Control"] == "no-store"
    again = _page(client, clerk_a, case)
    assert PERSON_ID not in again and MASKED in again


def test_each_reveal_writes_who_revealed_whose_number_when_but_not_the_number(
    client, clerk_a, case
):
    _reveal(client, clerk_a, case)
    _reveal(client, clerk_a, case)
    rows = list(_reveals())
    assert len(rows) == 2
    row = rows[0]
    assert row.actor == clerk_a and row.object_id == str(case.pk)
    assert row.content_type.model == "application" and row.agency_id == case.agency_id
    assert row.note == "显示申请人“张三”的完整居民身份证号码" and row.at is not None
    assert PERSON_ID not in f"{row.note}{row.changes}{row.object_repr}"


def test_the_reveal_is_listed_in_the_cases_audit_trail(client, clerk_a, case, supervisor):
    """The supervisor sees that the clerk looked, and when; not the number."""
    _reveal(client, clerk_a, case)
    client.force_login(supervisor)
    page = client.get(
        reverse("office:history", args=["applications.application", case.pk])
    ).content.decode()
    assert "application.reveal_identity" in page and clerk_a.get_username() in page
    assert PERSON_ID not in page


@pytest.mark.parametrize("who", ["reviewer_a", "supervisor", "head_a", "admin_a"])
def test_who_does_not_handle_the_case_is_offered_no_button_and_refused(request, client, case, who):
    user = request.getfixturevalue(who)
    page = _page(client, user, case)
    assert "显示完整号码" not in page and MASKED in page
    response = _reveal(client, user, case)
    assert response.status_code == 403
    assert PERSON_ID not in response.content.decode()
    assert not _reveals().exists()


def test_a_clerk_of_another_agency_cannot_find_the_case(client, case, dept_b):
    """Reveal is per case, within the agency: another agency's clerk gets 404, as for the page."""
    other = MembershipFactory(agency=dept_b, role="clerk").user
    assert _reveal(client, other, case).status_code == 404
    assert (
        _api(other).post(f"/api/office/applications/{case.number}/reveal-identity/").status_code
        == 404
    )
    assert not _reveals().exists()


def test_a_reveal_shows_that_cases_number_and_no_other(client, clerk_a, dept_a, case):
    other = register(clerk_a, dept_a, applicant_name="李四", applicant_identifier=OTHER_ID)
    page = _reveal(client, clerk_a, case).content.decode()
    assert PERSON_ID in page and OTHER_ID not in page
    assert OTHER_ID not in _page(client, clerk_a, other)
    assert [row.object_id for row in _reveals()] == [str(case.pk)]


def test_the_reveal_is_a_post_and_never_a_link(client, clerk_a, case):
    client.force_login(clerk_a)
    url = reverse("applications_office:reveal_identity", args=[case.pk])
    assert client.get(url).status_code == 405
    assert not _reveals().exists()


def test_a_companys_credit_code_is_masked_and_revealed_the_same_way(client, clerk_a, dept_a):
    code = "91411400MA4000001" + credit_code_check_char("91411400MA4000001")
    company = register(
        clerk_a,
        dept_a,
        applicant_type="commercial",
        applicant_id_type="",
        applicant_name="商丘示例科技有限公司",
        applicant_identifier=code,
    )
    assert code not in _page(client, clerk_a, company)
    assert code in _reveal(client, clerk_a, company).content.decode()
    assert _reveals().get().note == "显示申请人“商丘示例科技有限公司”的完整统一社会信用代码号码"


# The API ------------------------------------------------------------------------------------


def _queue_row(user, application) -> dict:
    response = _api(user).get("/api/office/applications/", {"status": "all"})
    assert response.status_code == 200
    return next(r for r in response.json()["results"] if r["number"] == application.number)


def test_the_queue_api_masks_the_number_for_the_clerk_too(clerk_a, case):
    applicant = _queue_row(clerk_a, case)["applicant"]
    assert applicant == {
        "name": "张三",
        "id_label": "居民身份证",
        "identifier": MASKED,
        "phone": PHONE,
        "address": "河南省商丘市文化路1号",
        "email": "zs@example.com",
        "contact_masked": False,
        "can_reveal": True,
    }


@pytest.mark.parametrize("who", ["reviewer_a", "supervisor"])
def test_the_queue_api_masks_the_contact_for_who_does_not_handle_the_case(request, case, who):
    applicant = _queue_row(request.getfixturevalue(who), case)["applicant"]
    assert applicant == {
        "name": "张三",
        "id_label": "居民身份证",
        "identifier": MASKED,
        "phone": "138****0001",
        "address": "河南省商丘****",
        "email": "z***@example.com",
        "contact_masked": True,
        "can_reveal": False,
    }


def test_the_reveal_api_answers_the_full_number_to_the_clerk_and_records_it(clerk_a, case):
    response = _api(clerk_a).post(f"/api/office/applications/{case.number}/reveal-identity/")
    assert response.status_code == 200
    assert response.json() == {
        "number": case.number,
        "id_label": "居民身份证",
        "identifier": PERSON_ID,
    }
    assert response["Cache-Control"] == "no-store"
    assert _reveals().get().actor == clerk_a


@pytest.mark.parametrize("who", ["reviewer_a", "supervisor", "head_a", "admin_a"])
def test_the_reveal_api_refuses_who_does_not_handle_the_case(request, case, who):
    response = _api(request.getfixturevalue(who)).post(
        f"/api/office/applications/{case.number}/reveal-identity/"
    )
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "只有承办本申请的工作人员可以显示完整证件号码。",
    }
    assert not _reveals().exists()


def test_the_applicant_cannot_use_the_staff_reveal(applicant_user, dept_a):
    application = submit_online(applicant_user, dept_a)
    response = _api(applicant_user).post(
        f"/api/office/applications/{application.number}/reveal-identity/"
    )
    assert response.status_code == 404


# The identity papers ------------------------------------------------------------------------


def test_the_api_lists_the_identity_papers_only_to_the_clerk(
    applicant_user, dept_a, clerk_a, supervisor
):
    application = submit_online(applicant_user, dept_a)
    for user, listed in ((clerk_a, True), (supervisor, False)):
        kinds = {d["kind"] for d in _queue_row(user, application)["documents"]}
        assert ("identity_proof" in kinds) is listed


def test_opening_the_identity_papers_is_recorded(client, applicant_user, dept_a, clerk_a):
    application = submit_online(applicant_user, dept_a)
    proof = application.documents.get(kind=ApplicationDocument.Kind.IDENTITY_PROOF)
    client.force_login(applicant_user)
    assert client.get(reverse("applications:download", args=[proof.pk])).status_code == 200
    assert not AuditEvent.objects.filter(action="application.view_identity_papers").exists()
    client.force_login(clerk_a)
    assert client.get(reverse("applications:download", args=[proof.pk])).status_code == 200
    row = AuditEvent.objects.get(action="application.view_identity_papers")
    assert row.actor == clerk_a and row.object_id == str(application.pk)
    assert Application.objects.get(pk=application.pk).applicant_identifier not in row.note
