"""A case moves through one declared workflow (appeals.states.WORKFLOW): each step — recorded,
edited, closed, corrected — leaves a history row (core.StatusChange) with its actor, the outcome
before and after, and the correction's reason; the case page offers what the table allows."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.appeals import services as s
from gongkai.appeals.actions import TABLE
from gongkai.appeals.states import WORKFLOW
from gongkai.core.errors import InvalidTransition
from tests.appeals.fixtures import closed, record

pytestmark = pytest.mark.django_db


def steps(case):
    return [(c.action, c.old_status, c.new_status) for c in case.status_changes.all()]


def test_recording_an_open_case_is_its_first_history_row(clerk_a, dept_a):
    case = record(clerk_a, dept_a)
    (change,) = case.status_changes.all()
    assert (change.action, change.old_status, change.new_status) == ("create", "", "pending")
    assert change.actor == clerk_a


def test_a_case_recorded_closed_starts_its_history_closed(clerk_a, dept_a):
    case = closed(clerk_a, dept_a, outcome="corrected")
    assert steps(case) == [("create", "", "corrected")]


def test_each_step_of_a_case_is_a_history_row(clerk_a, open_case):
    s.appeal_update(actor=clerk_a, case=open_case, reviewing_body="测试省人民政府")
    s.appeal_record_outcome(
        actor=clerk_a, case=open_case, outcome="upheld", closed_on=dt.date(2026, 5, 8)
    )
    s.appeal_update(
        actor=clerk_a, case=open_case, correction_reason="决定书载明为纠正", outcome="corrected"
    )
    assert steps(open_case) == [
        ("create", "", "pending"),
        ("edit", "pending", "pending"),
        ("record_outcome", "pending", "upheld"),
        ("correct", "upheld", "corrected"),
    ]
    assert open_case.status_changes.last().note == "决定书载明为纠正"


def test_a_correction_may_reopen_a_case_recorded_closed_by_mistake(clerk_a, closed_case):
    """As before the workflow: a correction may set any outcome, 尚未审结 included."""
    s.appeal_update(
        actor=clerk_a,
        case=closed_case,
        correction_reason="复议尚未作出决定，误登为已审结",
        outcome="pending",
        closed_on=None,
    )
    closed_case.refresh_from_db()
    assert (closed_case.outcome, closed_case.closed_on) == ("pending", None)
    assert steps(closed_case)[-1] == ("correct", "upheld", "pending")


def test_a_refused_step_leaves_no_history_row(clerk_a, closed_case):
    with pytest.raises(InvalidTransition) as refused:
        s.appeal_record_outcome(
            actor=clerk_a, case=closed_case, outcome="other", closed_on=dt.date(2026, 6, 1)
        )
    assert refused.value.message == "案件当前为“结果维持”，不能登记审结结果。"
    assert steps(closed_case) == [("create", "", "upheld")]


def test_history_rows_are_labelled_by_the_workflow(clerk_a, open_case):
    s.appeal_record_outcome(
        actor=clerk_a, case=open_case, outcome="corrected", closed_on=dt.date(2026, 5, 8)
    )
    change = open_case.status_changes.last()
    assert str(change.action_label) == "登记审结结果"
    assert (str(change.old_status_label), str(change.new_status_label)) == ("尚未审结", "结果纠正")


def test_only_an_open_case_may_be_closed_and_a_closed_one_only_corrected():
    assert WORKFLOW.actions_from("pending") == ["edit", "record_outcome"]
    assert WORKFLOW.actions_from("upheld") == ["correct"]


def test_the_case_page_offers_the_outcome_only_while_the_case_is_open(
    clerk_a, open_case, closed_case
):
    assert [a.name for a in TABLE.available(clerk_a, open_case)] == ["record_outcome", "attach"]
    assert [a.name for a in TABLE.available(clerk_a, closed_case)] == ["attach"]


def test_a_reviewer_is_offered_nothing(appeals_reviewer_a, open_case):
    assert TABLE.available(appeals_reviewer_a, open_case) == []


def test_an_action_the_table_does_not_know_is_not_found(client, clerk_a, open_case):
    client.force_login(clerk_a)
    url = reverse("appeals_office:act", args=[open_case.pk, "correct"])
    assert client.post(url, {}).status_code == 404


def test_the_outcome_is_recorded_through_the_tables_address_too(client, clerk_a, open_case):
    client.force_login(clerk_a)
    url = reverse("appeals_office:act", args=[open_case.pk, "record_outcome"])
    response = client.post(url, {"outcome": "other", "closed_on": "2026-05-08", "note": "撤诉"})
    assert response.status_code == 302
    open_case.refresh_from_db()
    assert (open_case.outcome, open_case.outcome_note) == ("other", "撤诉")
