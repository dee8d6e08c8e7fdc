"""Dated records: bad input is refused with a clear error and changes nothing; writes are
permission-checked and audited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.facts import services as s
from gongkai.facts.models import Meeting, StaffAssignment
from tests.agencies.factories import MembershipFactory
from tests.facts.fixtures import record, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]

D = dt.date


def refused(code, call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    return caught.value


def test_a_clerk_records_a_staff_post_and_it_is_audited(clerk_a, dept_a):
    post = staff(clerk_a, dept_a, "张敏", True, D(2020, 3, 2))
    event = AuditEvent.objects.get(action="facts.staffassignment_create")
    assert event.actor == clerk_a and event.agency == dept_a
    assert event.changes["person_name"] == [None, "张敏"]
    assert str(post) == "张敏（信息公开工作人员）"


def test_an_end_before_the_start_is_refused_and_nothing_saved(clerk_a, dept_a):
    error = refused(
        "ends_before_start", staff, clerk_a, dept_a, "张敏", True, D(2020, 3, 2), D(2020, 3, 1)
    )
    assert error.field == "ended_on" and "离岗日期不能早于到岗日期" in error.message
    assert not StaffAssignment.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="facts.").exists()


def test_the_database_also_refuses_an_end_before_the_start(dept_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffAssignment.objects.create(
            agency=dept_a,
            person_name="张敏",
            position="专职",
            started_on=D(2020, 3, 2),
            ended_on=D(2020, 3, 1),
        )


def test_negative_counts_are_refused(clerk_a, dept_a):
    refused("negative", record, clerk_a, dept_a, "meetings", attendees=-1)
    refused("negative", record, clerk_a, dept_a, "trainings", trainees=-5)
    assert not Meeting.objects.exists()


def test_a_meeting_in_the_future_is_refused(clerk_a, dept_a, facts_today):
    error = refused(
        "date_in_future",
        record,
        clerk_a,
        dept_a,
        "meetings",
        held_on=facts_today + dt.timedelta(days=1),
    )
    assert error.field == "held_on"


def test_a_budget_year_out_of_range_is_refused(clerk_a, dept_a):
    refused("bad_year", record, clerk_a, dept_a, "budgets", year=2007)
    refused("bad_year", record, clerk_a, dept_a, "budgets", year=2030)


def test_the_same_person_cannot_hold_two_overlapping_posts(clerk_a, dept_a):
    staff(clerk_a, dept_a, "张敏", True, D(2020, 3, 2), D(2022, 6, 30))
    refused("overlapping_period", staff, clerk_a, dept_a, "张敏", False, D(2022, 6, 1))
    # Back-to-back is fine: a new post from the day after.
    staff(clerk_a, dept_a, "张敏", False, D(2022, 7, 1))
    assert StaffAssignment.objects.count() == 2


def test_a_platform_account_must_belong_to_the_agency(clerk_a, dept_a, admin_b):
    error = refused(
        "user_not_member",
        record,
        clerk_a,
        dept_a,
        "staff",
        user=admin_b,
    )
    assert error.field == "user"
    post = record(clerk_a, dept_a, "staff", user=clerk_a)
    assert post.user == clerk_a


def test_updating_a_record_keeps_other_fields_and_audits_the_change(clerk_a, dept_a):
    post = staff(clerk_a, dept_a, "张敏", True, D(2020, 3, 2))
    s.record_update(actor=clerk_a, record=post, values={"ended_on": D(2025, 6, 30)})
    post.refresh_from_db()
    assert post.ended_on == D(2025, 6, 30) and post.person_name == "张敏"
    event = AuditEvent.objects.get(action="facts.staffassignment_update")
    assert event.changes == {"ended_on": [None, "2025-06-30"]}


def test_deleting_a_record_is_audited_with_its_values(clerk_a, dept_a):
    meeting = record(clerk_a, dept_a, "meetings")
    s.record_delete(actor=clerk_a, record=meeting)
    assert not Meeting.objects.exists()
    event = AuditEvent.objects.get(action="facts.meeting_delete")
    assert event.changes["topic"] == ["政务公开工作部署会议", None]


def test_staff_of_another_agency_get_404(admin_b, dept_a):
    clerk_b = MembershipFactory(agency=admin_b.memberships.get().agency, role="clerk").user
    with pytest.raises(Http404):
        record(clerk_b, dept_a, "meetings")


def test_a_reviewer_or_supervisor_may_not_write(facts_reviewer_a, supervisor, dept_a):
    with pytest.raises(PermissionDenied):
        record(facts_reviewer_a, dept_a, "meetings")
    with pytest.raises(PermissionDenied):
        record(supervisor, dept_a, "meetings")
    assert not Meeting.objects.exists()
