"""Applicants see only their own cases; staff only their agency's; roles gate each action."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.applications import services as s
from gongkai.applications.permissions import POLICY
from gongkai.applications.selectors import application_by_query_code, applications_visible_to
from tests.accounts.factories import UserFactory
from tests.applications.fixtures import png, register


@pytest.fixture
def online(applicant_user, dept_a):
    application, code = s.application_submit_online(
        applicant=applicant_user,
        agency=dept_a,
        identity_proof=png(),
        info_title="某文件",
        provision_form="electronic",
        delivery_method="email",
    )
    application.query_code = code
    return application


def test_applicant_sees_own_case_only(online, applicant_user):
    assert POLICY.can_view(applicant_user, online)
    stranger = UserFactory()
    assert not POLICY.can_view(stranger, online)
    with pytest.raises(Http404):
        POLICY.require_view(stranger, online)


def test_clerk_of_another_agency_never_sees_the_case(online, dept_b):
    from tests.agencies.factories import MembershipFactory

    other = MembershipFactory(agency=dept_b, role="clerk").user
    assert not POLICY.can_view(other, online)
    assert online not in applications_visible_to(user=other)
    with pytest.raises(Http404):
        s.application_start(actor=other, application=online)


def test_supervisor_reads_but_cannot_act(online, supervisor):
    assert POLICY.can_view(supervisor, online)
    with pytest.raises(PermissionDenied):
        s.application_confirm_receipt(
            actor=supervisor, application=online, confirmed_on=online.submitted_on
        )


def test_applicant_cannot_do_staff_actions(online, applicant_user):
    with pytest.raises(PermissionDenied):
        s.application_confirm_receipt(
            actor=applicant_user, application=online, confirmed_on=online.submitted_on
        )


def test_reviewer_only_approves(in_progress, clerk_a, reviewer_a):
    application = s.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    with pytest.raises(PermissionDenied):
        s.application_approve_decision(actor=clerk_a, application=application)
    assert s.application_approve_decision(
        actor=reviewer_a, application=application
    ).approved_by == (reviewer_a)


def test_query_code_finds_the_case_and_guesses_do_not(online):
    assert application_by_query_code(number=online.number, code=online.query_code) == online
    assert application_by_query_code(number=online.number, code=online.query_code.lower()) == online
    assert application_by_query_code(number=online.number, code="ABCDEFGHJK") is None
    assert application_by_query_code(number="nope", code=online.query_code) is None


def test_the_profile_page_shows_the_identity_number_masked_to_its_holder(
    client, online, applicant_user
):
    """No page shows a stored profile's number in full, not even its holder's own; staff
    reveal a case's number on the case page, audited (tests/security/test_identity_masking)."""
    profile = applicant_user.applicant_profile
    client.force_login(applicant_user)
    page = client.get("/accounts/profile/").content.decode()
    assert profile.id_number not in page and profile.masked_identifier in page


def test_staff_register_is_scoped(clerk_a, dept_a, dept_b):
    assert register(clerk_a, dept_a).agency == dept_a
    with pytest.raises(Http404):
        register(clerk_a, dept_b)


def test_work_queue_orders_by_due_date_and_marks_urgency(clerk_a, dept_a):
    import datetime as dt

    from gongkai.applications.selectors import work_queue

    later = register(clerk_a, dept_a, received=dt.date(2026, 3, 9))
    earlier = register(clerk_a, dept_a, received=dt.date(2026, 3, 2))
    queue = work_queue(user=clerk_a, today=dt.date(2026, 3, 26))
    assert [c.pk for c in queue] == [earlier.pk, later.pk]
    assert queue[0].reply_due == dt.date(2026, 3, 30) and queue[0].due_soon
    assert not queue[1].due_soon
    overdue = work_queue(user=clerk_a, today=dt.date(2026, 3, 31))
    assert overdue[0].overdue
