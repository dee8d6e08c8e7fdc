"""The full lifecycle for every outcome of each regime: draft → approve → serve → close."""

import datetime as dt

import pytest

from gongkai.applications import services as s
from gongkai.applications.states import Status
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent, StatusChange
from gongkai.deadlines.models import Deadline
from gongkai.regimes import get_regime
from tests.applications.fixtures import register

D = dt.date
CHOOSABLE_2019 = [o for o in get_regime("2019").outcomes if not o.automatic]
CHOOSABLE_2008 = [o for o in get_regime("2008").outcomes if not o.automatic]


def _decide_and_close(application, outcome, clerk, reviewer, served_on):
    application = s.application_draft_decision(
        actor=clerk,
        application=application,
        outcome=outcome.code,
        legal_basis=f"《政府信息公开条例》{outcome.basis}",
        reasons="经检索，依法答复如下。",
        withheld="第三页个人信息" if outcome.withholds else "",
    )
    application = s.application_approve_decision(actor=reviewer, application=application)
    application = s.application_serve(
        actor=clerk, application=application, method="post", served_on=served_on
    )
    return s.application_close(actor=clerk, application=application, closed_on=served_on)


@pytest.mark.parametrize("outcome", CHOOSABLE_2019, ids=lambda o: o.code)
def test_2019_lifecycle_for_every_outcome(outcome, in_progress, clerk_a, reviewer_a):
    application = _decide_and_close(in_progress, outcome, clerk_a, reviewer_a, D(2026, 3, 20))
    assert application.status == Status.CLOSED
    assert application.outcome == outcome.code
    assert application.on_time is True
    actions = list(
        StatusChange.objects.filter(application=application).values_list("action", flat=True)
    )
    assert actions == [
        "submit",
        "confirm_receipt",
        "start",
        "draft_decision",
        "approve_decision",
        "serve",
        "close",
    ]
    assert not Deadline.objects.filter(object_id=str(application.pk), is_open=True).exists()
    assert AuditEvent.objects.filter(
        object_id=str(application.pk), action="application.approve_decision"
    ).exists()


@pytest.mark.parametrize("outcome", CHOOSABLE_2008, ids=lambda o: o.code)
def test_2008_lifecycle_for_every_reply_type(outcome, clerk_a, reviewer_a, dept_a):
    application = register(clerk_a, dept_a, received=D(2017, 6, 1))
    assert application.regime == "2008"
    application = s.application_start(actor=clerk_a, application=application)
    application = _decide_and_close(application, outcome, clerk_a, reviewer_a, D(2017, 6, 22))
    assert application.on_time is True  # 15th working day after 2017-06-01


def test_serving_after_the_due_date_is_recorded_as_late(in_progress, clerk_a, reviewer_a):
    outcome = get_regime("2019").outcome("granted")
    application = _decide_and_close(in_progress, outcome, clerk_a, reviewer_a, D(2026, 3, 31))
    assert application.on_time is False


def test_decision_without_legal_basis_is_refused_and_nothing_changes(in_progress, clerk_a):
    with pytest.raises(DomainError) as info:
        s.application_draft_decision(
            actor=clerk_a, application=in_progress, outcome="granted", legal_basis=" "
        )
    assert info.value.field == "legal_basis"
    in_progress.refresh_from_db()
    assert in_progress.status == Status.IN_PROGRESS and in_progress.outcome == ""


def test_partial_disclosure_must_say_what_is_withheld(in_progress, clerk_a):
    with pytest.raises(DomainError) as info:
        s.application_draft_decision(
            actor=clerk_a, application=in_progress, outcome="partial", legal_basis="第三十七条"
        )
    assert info.value.code == "withheld_missing"


def test_automatic_outcomes_cannot_be_chosen(in_progress, clerk_a):
    with pytest.raises(DomainError):
        s.application_draft_decision(
            actor=clerk_a, application=in_progress, outcome="other_overdue_fee", legal_basis="x"
        )


def test_outcome_of_the_other_regime_is_refused(in_progress, clerk_a):
    with pytest.raises(DomainError) as info:
        s.application_draft_decision(
            actor=clerk_a, application=in_progress, outcome="s3_rep_agree", legal_basis="x"
        )
    assert info.value.code == "unknown_outcome"


def test_drafter_cannot_approve_own_draft(in_progress, dept_a):
    """Four eyes on the reply: one person may be both clerk and reviewer (a small office), but
    never reviews the reply they drafted; the page and API do not offer them the review."""
    from django.core.exceptions import PermissionDenied

    from gongkai.agencies.services import membership_grant
    from gongkai.applications.actions import TABLE
    from tests.agencies.factories import MembershipFactory

    both = MembershipFactory(agency=dept_a, role="clerk").user
    membership_grant(actor=None, agency=dept_a, user=both, role="reviewer")
    application = s.application_draft_decision(
        actor=both, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    for review in (
        lambda: s.application_approve_decision(actor=both, application=application),
        lambda: s.application_return_draft(actor=both, application=application, note="自己退回"),
    ):
        with pytest.raises(PermissionDenied) as info:
            review()
        assert str(info.value) == "不能审核自己拟定的答复，请由其他审核人审核。"
    offered = [action.name for action in TABLE.available(both, application)]
    assert "approve_decision" not in offered and "return_draft" not in offered
    application.refresh_from_db()
    assert application.status == Status.DECISION_DRAFTED and application.approved_by is None


def test_reviewer_returns_a_draft(in_progress, clerk_a, reviewer_a):
    application = s.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    application = s.application_return_draft(
        actor=reviewer_a, application=application, note="法律依据引用不完整"
    )
    assert application.status == Status.IN_PROGRESS


def test_invalid_transition_through_a_service(clerk_a, dept_a):
    application = register(clerk_a, dept_a)
    with pytest.raises(InvalidTransition):
        s.application_serve(
            actor=clerk_a, application=application, method="post", served_on=D(2026, 3, 5)
        )
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_withdrawal_closes_every_deadline(in_progress, clerk_a):
    application = s.application_withdraw(
        actor=clerk_a, application=in_progress, note="申请人来函撤回"
    )
    assert application.status == Status.WITHDRAWN
    assert not Deadline.objects.filter(object_id=str(application.pk), is_open=True).exists()


def test_applicant_withdraws_own_application(applicant_user, dept_a, clerk_a):
    from tests.applications.fixtures import png

    application, _code = s.application_submit_online(
        applicant=applicant_user,
        agency=dept_a,
        identity_proof=png(),
        info_title="某文件",
        provision_form="paper",
        delivery_method="post",
    )
    assert s.application_withdraw(actor=applicant_user, application=application).status == (
        Status.WITHDRAWN
    )


def test_split_into_linked_applications(in_progress, clerk_a):
    parts = s.application_split(
        actor=clerk_a,
        application=in_progress,
        parts=[{"info_title": "另一项信息"}, {"info_title": "第三项信息"}],
    )
    assert [p.parent_id for p in parts] == [in_progress.pk] * 2
    assert {p.received_on for p in parts} == {in_progress.received_on}
    for part in parts:
        assert Deadline.objects.get(object_id=str(part.pk), kind="reply").due == D(2026, 3, 30)
