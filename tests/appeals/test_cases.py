"""Recording cases, their outcome, edits and corrections: the rules, the refusals, the audit."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404

from gongkai.appeals import services as s
from gongkai.appeals.models import AppealCase
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from tests.appeals.fixtures import closed, record
from tests.applications.fixtures import register

pytestmark = pytest.mark.django_db


def test_a_clerk_records_an_open_case(clerk_a, dept_a):
    case = record(clerk_a, dept_a, case_number="测政复〔2026〕7号")
    assert case.outcome == "pending" and case.closed_on is None
    assert case.created_by == clerk_a
    event = AuditEvent.objects.for_object(case).get()
    assert event.action == "appeals.create" and event.changes["kind"] == [None, "reconsideration"]


def test_a_case_learnt_of_late_is_recorded_closed_in_one_step(clerk_a, dept_a):
    case = closed(clerk_a, dept_a, outcome="corrected", closed_on=dt.date(2026, 4, 1))
    assert case.is_closed and case.outcome == "corrected"


def test_an_outcome_without_a_closing_date_is_refused_and_nothing_is_saved(clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, outcome="upheld", closed_on=None)
    assert error.value.code == "closed_on_required" and error.value.field == "closed_on"
    assert "审结日期" in error.value.message
    assert (
        not AppealCase.objects.exists()
        and not AuditEvent.objects.filter(action__startswith="appeals.").exists()
    )


def test_recording_the_outcome_of_an_open_case_needs_a_closing_date(clerk_a, open_case):
    with pytest.raises(DomainError) as error:
        s.appeal_record_outcome(actor=clerk_a, case=open_case, outcome="upheld", closed_on=None)
    assert error.value.code == "closed_on_required"
    open_case.refresh_from_db()
    assert open_case.outcome == "pending"


def test_recording_the_outcome_closes_the_case_and_is_audited(clerk_a, open_case):
    s.appeal_record_outcome(
        actor=clerk_a,
        case=open_case,
        outcome="corrected",
        closed_on=dt.date(2026, 5, 8),
        note="复议决定撤销原答复",
    )
    open_case.refresh_from_db()
    assert (open_case.outcome, open_case.closed_on) == ("corrected", dt.date(2026, 5, 8))
    event = AuditEvent.objects.for_object(open_case).get(action="appeals.record_outcome")
    assert event.changes["outcome"] == ["pending", "corrected"]


def test_pending_is_not_an_outcome_to_record(clerk_a, open_case):
    with pytest.raises(DomainError) as error:
        s.appeal_record_outcome(
            actor=clerk_a, case=open_case, outcome="pending", closed_on=dt.date(2026, 5, 8)
        )
    assert error.value.code == "outcome_required"


def test_a_closed_case_cannot_be_closed_again(clerk_a, closed_case):
    with pytest.raises(InvalidTransition):
        s.appeal_record_outcome(
            actor=clerk_a, case=closed_case, outcome="other", closed_on=dt.date(2026, 6, 1)
        )


def test_closing_before_filing_is_refused(clerk_a, open_case):
    with pytest.raises(DomainError) as error:
        s.appeal_record_outcome(
            actor=clerk_a, case=open_case, outcome="upheld", closed_on=dt.date(2026, 3, 1)
        )
    assert error.value.code == "closed_before_filed"


@time_machine.travel(dt.datetime(2026, 6, 1, 9, 0), tick=False)
def test_closing_in_the_future_is_refused(clerk_a, open_case):
    with pytest.raises(DomainError) as error:
        s.appeal_record_outcome(
            actor=clerk_a, case=open_case, outcome="upheld", closed_on=dt.date(2026, 6, 2)
        )
    assert error.value.code == "closed_in_future"


@time_machine.travel(dt.datetime(2026, 6, 1, 9, 0), tick=False)
def test_filing_in_the_future_is_refused(clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, filed_on=dt.date(2026, 6, 2))
    assert error.value.code == "filed_in_future"


def test_a_pending_case_cannot_have_a_closing_date(clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, closed_on=dt.date(2026, 4, 1))
    assert error.value.code == "closed_on_without_outcome"


def test_the_database_refuses_a_closed_case_without_a_date(open_case):
    with pytest.raises(IntegrityError):
        AppealCase.objects.filter(pk=open_case.pk).update(outcome="upheld")


def test_the_database_refuses_closing_before_filing(closed_case):
    with pytest.raises(IntegrityError):
        AppealCase.objects.filter(pk=closed_case.pk).update(closed_on=dt.date(2026, 1, 1))


def test_the_linked_application_must_be_the_same_agencys(clerk_a, dept_a, dept_b):
    from tests.agencies.factories import MembershipFactory

    other = register(MembershipFactory(agency=dept_b, role="clerk").user, dept_b)
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, application=other)
    assert error.value.code == "application_other_agency"


def test_a_case_cannot_be_filed_before_its_application(clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=dt.date(2026, 3, 10))
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, application=application, filed_on=dt.date(2026, 3, 2))
    assert error.value.code == "filed_before_application"


def test_a_suit_after_reconsideration_takes_the_reconsiderations_application(clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=dt.date(2026, 1, 5))
    earlier = closed(clerk_a, dept_a, application=application, filed_on=dt.date(2026, 2, 2))
    suit = record(
        clerk_a,
        dept_a,
        kind="litigation_after_reconsideration",
        reconsideration=earlier,
        reviewing_body="测试市中级人民法院",
        filed_on=dt.date(2026, 5, 20),
    )
    assert suit.application == application
    assert list(earlier.later_suits.all()) == [suit]


def test_only_a_suit_after_reconsideration_may_point_at_one(clerk_a, dept_a, closed_case):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, kind="litigation_direct", reconsideration=closed_case)
    assert error.value.code == "reconsideration_not_allowed"


def test_a_suit_cannot_point_at_a_complaint(clerk_a, dept_a):
    complaint = record(clerk_a, dept_a, kind="complaint")
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, kind="litigation_after_reconsideration", reconsideration=complaint)
    assert error.value.code == "bad_reconsideration"


def test_the_public_summary_may_not_name_the_appellant(clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, summary="张三不服答复，申请行政复议。")
    assert error.value.code == "summary_names_person" and not AppealCase.objects.exists()


def test_missing_parties_are_refused(clerk_a, dept_a):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, appellant_name="  ")
    assert error.value.code == "appellant_required"
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, reviewing_body="")
    assert error.value.code == "reviewing_body_required"


def test_a_case_number_is_recorded_once_per_reviewing_body(clerk_a, dept_a, open_case):
    with pytest.raises(DomainError) as error:
        record(clerk_a, dept_a, case_number=open_case.case_number)
    assert error.value.code == "case_number_taken"
    record(clerk_a, dept_a, case_number=open_case.case_number, reviewing_body="测试省人民政府")


def test_an_open_case_is_edited_freely(clerk_a, open_case):
    s.appeal_update(actor=clerk_a, case=open_case, reviewing_body="测试省工业和信息化厅")
    open_case.refresh_from_db()
    assert open_case.reviewing_body == "测试省工业和信息化厅"
    assert AuditEvent.objects.for_object(open_case).filter(action="appeals.edit").exists()


def test_an_open_case_is_not_closed_by_an_edit(clerk_a, open_case):
    with pytest.raises(DomainError) as error:
        s.appeal_update(
            actor=clerk_a, case=open_case, outcome="upheld", closed_on=dt.date(2026, 5, 1)
        )
    assert error.value.code == "use_record_outcome"


def test_a_closed_case_is_only_corrected_with_a_reason(clerk_a, closed_case):
    with pytest.raises(DomainError) as error:
        s.appeal_update(actor=clerk_a, case=closed_case, case_number="测政复〔2026〕22号")
    assert error.value.code == "correction_reason_required"
    s.appeal_update(
        actor=clerk_a,
        case=closed_case,
        correction_reason="决定书载明的结果为纠正",
        outcome="corrected",
    )
    closed_case.refresh_from_db()
    assert closed_case.outcome == "corrected"
    event = AuditEvent.objects.for_object(closed_case).get(action="appeals.correct")
    assert event.note == "决定书载明的结果为纠正"
    assert event.changes == {"outcome": ["upheld", "corrected"]}


def test_a_correction_cannot_drop_the_closing_date(clerk_a, closed_case):
    with pytest.raises(DomainError) as error:
        s.appeal_update(actor=clerk_a, case=closed_case, correction_reason="误填", closed_on=None)
    assert error.value.code == "closed_on_required"
    closed_case.refresh_from_db()
    assert closed_case.closed_on == dt.date(2026, 5, 6)


def test_a_reviewer_reads_but_does_not_record(appeals_reviewer_a, dept_a):
    with pytest.raises(PermissionDenied):
        record(appeals_reviewer_a, dept_a)


def test_staff_of_another_agency_get_not_found(appeals_clerk_b, open_case):
    with pytest.raises(Http404):
        s.appeal_update(actor=appeals_clerk_b, case=open_case, summary="改")


def test_a_supervisor_cannot_write(supervisor, dept_a):
    with pytest.raises(PermissionDenied):
        record(supervisor, dept_a)
