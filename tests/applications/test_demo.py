"""The demo's applications: the seed's 2017 facts, and every state and outcome."""

import io

import pytest
from django.core.management import call_command

from gongkai.applications.models import Application
from gongkai.applications.states import Status
from gongkai.regimes import get_regime


@pytest.fixture
def demo(db, sms_outbox):
    call_command("demo", "--quiet-logins", "--without-catalog", stdout=io.StringIO())


def test_seed_agency_had_exactly_one_2017_application_answered_on_time(demo):
    (case,) = Application.objects.filter(agency__code="411400-gxw", received_on__year=2017)
    assert case.channel == "online"
    assert case.regime == "2008"
    assert case.outcome == "s3_rep_not_this_agency"
    assert case.on_time is True and case.status == Status.CLOSED


def test_every_state_and_every_outcome_appears(demo):
    assert set(Application.objects.values_list("status", flat=True)) == set(Status.values)
    used = set(Application.objects.exclude(outcome="").values_list("outcome", flat=True))
    for code in ("2008", "2019"):
        assert {o.code for o in get_regime(code).outcomes} <= used


def test_both_regimes_and_years_2019_to_2026(demo):
    years = set(
        Application.objects.exclude(received_on=None).values_list("received_on__year", flat=True)
    )
    assert {2017, *range(2019, 2027)} <= years
    assert not Application.objects.filter(regime="2019", received_on__lt="2019-05-15").exists()


def test_demo_sends_no_notifications_and_is_idempotent(demo, sms_outbox):
    assert sms_outbox == []
    count = Application.objects.count()
    call_command("demo", "--quiet-logins", "--without-catalog", stdout=io.StringIO())
    assert Application.objects.count() == count
