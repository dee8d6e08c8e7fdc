"""The consultation pause (2019 Art. 33(3)) ends with the answer and never after the party's 15
working days (Arts. 32, 34): a late answer does not stop the reply clock any longer."""

import datetime as dt

from gongkai.applications import services as s
from gongkai.applications.services import application_start
from gongkai.deadlines.models import Deadline
from tests.applications.fixtures import register

D = dt.date


def _reply(application):
    return Deadline.objects.get(object_id=str(application.pk), kind="reply", is_open=True)


def _consulted(clerk, agency, answered_on, **extra):
    application = application_start(actor=clerk, application=register(clerk, agency))
    consultation = s.application_start_consultation(
        actor=clerk,
        application=application,
        party_kind="third_party",
        party_name="商丘示例科技有限公司",
        started_on=D(2026, 3, 9),
        letter_received_on=D(2026, 3, 10),
        **extra,
    )
    s.application_finish_consultation(
        actor=clerk, application=application, answered_on=answered_on, opinion="object"
    )
    consultation.refresh_from_db()
    return application, consultation


def test_a_late_answer_pauses_only_to_the_end_of_the_15_working_days(clerk_a, dept_a):
    # The party's period ends 2026-03-31 (15 working days after the letter arrived on 03-10).
    on_time, _ = _consulted(clerk_a, dept_a, D(2026, 3, 31))
    late, _ = _consulted(clerk_a, dept_a, D(2026, 4, 10))
    assert _reply(late).due == _reply(on_time).due
    assert _reply(late).pauses[-1][:2] == ["2026-03-09", "2026-03-31"]


def test_an_early_answer_ends_the_pause_that_day(clerk_a, dept_a):
    application, _ = _consulted(clerk_a, dept_a, D(2026, 3, 13))
    assert _reply(application).pauses[-1][:2] == ["2026-03-09", "2026-03-13"]


def test_only_an_agency_is_recorded_as_co_producer(clerk_a, dept_a):
    _, consultation = _consulted(clerk_a, dept_a, D(2026, 3, 13), jointly_produced=True)
    assert consultation.jointly_produced is False  # a third party never co-produces (Art. 32)
    application = application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    consultation = s.application_start_consultation(
        actor=clerk_a,
        application=application,
        party_kind="agency",
        party_name="测试市乙局",
        started_on=D(2026, 3, 9),
        letter_received_on=D(2026, 3, 10),
        jointly_produced=True,
    )
    assert consultation.jointly_produced is True
