"""信息处理费: the Measures' progressive rates, the monthly count per applicant, and lapses."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications import services as s
from gongkai.applications.states import Status
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.deadlines.models import Deadline
from gongkai.regimes.fees import piece_rate, quote_by_piece, quote_by_volume, volume_rate
from tests.applications.fixtures import register

D = dt.date


@pytest.mark.parametrize(
    ("position", "rate"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400)],
)
def test_piece_rates(position, rate):
    assert piece_rate(position) == rate


@pytest.mark.parametrize(
    ("page", "rate"), [(30, 0), (31, 10), (100, 10), (101, 20), (200, 20), (201, 40)]
)
def test_volume_rates(page, rate):
    assert volume_rate(page) == rate


def test_quotes_are_progressive():
    assert quote_by_piece(earlier_pieces_this_month=28, pieces=5).amount == 2 * 100 + 3 * 200
    assert quote_by_volume(pages=250).amount == 70 * 10 + 100 * 20 + 50 * 40
    assert quote_by_volume(pages=30).amount == 0


def test_fee_by_piece_counts_the_applicants_earlier_pieces_this_month(clerk_a, dept_a):
    for day in range(2, 12):  # one application a working day, 03-02..03-11: eight
        if D(2026, 3, day).weekday() < 5:
            register(clerk_a, dept_a, received=D(2026, 3, day))
    earlier = [register(clerk_a, dept_a, received=D(2026, 3, 12)) for _ in range(4)]
    application = s.application_start(actor=clerk_a, application=earlier[-1])
    application = s.application_send_fee_notice(
        actor=clerk_a,
        application=application,
        method="piece",
        units=1,
        notice_received_on=D(2026, 3, 13),
    )
    # 8 earlier that month on 03-02..03-11 working days + 3 earlier on 03-12 = 11 → this is the 12th.
    assert application.fee_amount == 100
    assert application.status == Status.AWAITING_FEE
    assert "第12至12件每件100元" in application.fee_explanation


def test_first_ten_pieces_are_free_so_no_notice_but_the_pieces_are_recorded(in_progress, clerk_a):
    application = s.application_send_fee_notice(
        actor=clerk_a,
        application=in_progress,
        method="piece",
        units=3,
        notice_received_on=D(2026, 3, 5),
    )
    assert application.status == Status.IN_PROGRESS  # no notice, the clock runs on
    assert (application.fee_method, application.fee_units, application.fee_amount) == (
        "piece",
        3,
        0,
    )
    assert not Deadline.objects.filter(object_id=str(application.pk), kind="fee_payment").exists()
    assert AuditEvent.objects.filter(action="application.record_pieces").count() == 1


def test_volume_within_the_free_pages_is_refused(in_progress, clerk_a):
    with pytest.raises(DomainError) as info:
        s.application_send_fee_notice(
            actor=clerk_a,
            application=in_progress,
            method="volume",
            units=30,
            notice_received_on=D(2026, 3, 5),
        )
    assert info.value.code == "fee_zero"


def _bill_by_piece(clerk, application, pieces, notice_on):
    application = s.application_start(actor=clerk, application=application)
    return s.application_send_fee_notice(
        actor=clerk,
        application=application,
        method="piece",
        units=pieces,
        notice_received_on=notice_on,
    )


def test_a_one_piece_application_after_a_fifteen_piece_one_is_the_sixteenth_piece(clerk_a, dept_a):
    """Measures Art. 4 counts the pieces, not the applications, of the month."""
    first = register(clerk_a, dept_a, received=D(2026, 3, 2))
    second = register(clerk_a, dept_a, received=D(2026, 3, 9))
    first = _bill_by_piece(clerk_a, first, 15, D(2026, 3, 4))
    assert first.fee_amount == 5 * 100  # pieces 11–15
    second = _bill_by_piece(clerk_a, second, 1, D(2026, 3, 11))
    assert second.fee_amount == 100
    assert "第16至16件每件100元" in second.fee_explanation


def test_the_month_is_that_of_the_receipt_date(clerk_a, dept_a):
    march = register(clerk_a, dept_a, received=D(2026, 3, 31))
    april = register(clerk_a, dept_a, received=D(2026, 4, 1))
    _bill_by_piece(clerk_a, march, 15, D(2026, 4, 2))
    april = _bill_by_piece(clerk_a, april, 1, D(2026, 4, 3))
    assert april.fee_amount == 0  # the first piece of April


def _compositions(total_max=45):
    """A list of piece counts (one per application) in receipt order."""
    return st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=6).filter(
        lambda parts: sum(parts) <= total_max
    )


@given(parts=_compositions())
def test_pure_charge_of_a_month_does_not_depend_on_the_split(parts):
    charged, earlier = 0, 0
    for pieces in parts:
        charged += quote_by_piece(earlier_pieces_this_month=earlier, pieces=pieces).amount
        earlier += pieces
    assert charged == quote_by_piece(earlier_pieces_this_month=0, pieces=sum(parts)).amount


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(parts=_compositions(), same_day=st.booleans())
def test_charge_of_a_month_does_not_depend_on_how_pieces_are_spread(
    clerk_a, dept_a, parts, same_day
):
    """Through the services: the applicant's applications of one month, each billed by piece in
    receipt order, together cost what all their pieces would cost in one application."""
    savepoint = transaction.savepoint()
    try:
        applications = [
            register(clerk_a, dept_a, received=D(2026, 3, 2) if same_day else D(2026, 3, 2 + i))
            for i in range(len(parts))
        ]
        charged = sum(
            _bill_by_piece(clerk_a, application, pieces, D(2026, 3, 13)).fee_amount
            for application, pieces in zip(applications, parts, strict=True)
        )
        assert charged == quote_by_piece(earlier_pieces_this_month=0, pieces=sum(parts)).amount
    finally:
        transaction.savepoint_rollback(savepoint)


def test_fee_by_volume_and_payment_restores_the_clock(in_progress, clerk_a):
    reply = Deadline.objects.get(object_id=str(in_progress.pk), kind="reply")
    assert reply.due == D(2026, 3, 30)
    application = s.application_send_fee_notice(
        actor=clerk_a,
        application=in_progress,
        method="volume",
        units=120,
        notice_received_on=D(2026, 3, 5),
    )
    assert application.fee_amount == 70 * 10 + 20 * 20
    payment = Deadline.objects.get(object_id=str(application.pk), kind="fee_payment")
    assert payment.due == D(2026, 4, 2)
    application = s.application_record_payment(
        actor=clerk_a, application=application, paid_on=D(2026, 3, 10)
    )
    assert application.status == Status.IN_PROGRESS
    reply.refresh_from_db()
    # 03-05..03-10 (4 working days) did not count.
    assert reply.due == D(2026, 4, 3)


def test_unpaid_fee_lapses_into_other_processing_2(in_progress, clerk_a):
    application = s.application_send_fee_notice(
        actor=clerk_a,
        application=in_progress,
        method="volume",
        units=40,
        notice_received_on=D(2026, 3, 5),
    )
    with pytest.raises(DomainError):
        s.application_lapse_fee(actor=None, application=application, today=D(2026, 4, 2))
    application = s.application_lapse_fee(actor=None, application=application, today=D(2026, 4, 3))
    assert (application.status, application.outcome) == (Status.CLOSED, "other_overdue_fee")


def test_no_fees_before_2021(clerk_a, dept_a):
    application = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2020, 6, 1))
    )
    with pytest.raises(DomainError) as info:
        s.application_send_fee_notice(
            actor=clerk_a,
            application=application,
            method="volume",
            units=200,
            notice_received_on=D(2020, 6, 5),
        )
    assert info.value.code == "fee_not_applicable"
