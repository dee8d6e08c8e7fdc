"""补正 restarts the clock; consultation pauses it; extension adds the regime's days."""

import datetime as dt

import pytest

from gongkai.applications import services as s
from gongkai.applications.states import Status
from gongkai.core.errors import DomainError
from gongkai.deadlines.models import Deadline
from tests.applications.fixtures import register

D = dt.date


def _reply(application):
    return Deadline.objects.get(object_id=str(application.pk), kind="reply", is_open=True)


def test_correction_restarts_the_reply_period(in_progress, clerk_a):
    application = s.application_request_correction(
        actor=clerk_a,
        application=in_progress,
        instructions="请写明所需文件的文号或年份",
        requested_on=D(2026, 3, 5),
        correction_due_on=D(2026, 3, 20),
    )
    assert application.status == Status.AWAITING_CORRECTION
    assert not Deadline.objects.filter(object_id=str(application.pk), is_open=True).exists()
    application = s.application_submit_correction(
        actor=clerk_a,
        application=application,
        text="文号为商工信〔2025〕12号",
        corrected_on=D(2026, 3, 16),
    )
    assert application.status == Status.IN_PROGRESS
    assert _reply(application).due == D(2026, 4, 14)  # 20 working days after 03-16 (清明 04-04..06)


def test_correction_may_be_requested_only_once(in_progress, clerk_a):
    application = s.application_request_correction(
        actor=clerk_a,
        application=in_progress,
        instructions="补充文号",
        requested_on=D(2026, 3, 5),
        correction_due_on=D(2026, 3, 20),
    )
    application = s.application_submit_correction(
        actor=clerk_a, application=application, text="x", corrected_on=D(2026, 3, 9)
    )
    with pytest.raises(DomainError) as info:
        s.application_request_correction(
            actor=clerk_a,
            application=application,
            instructions="再补充",
            requested_on=D(2026, 3, 10),
            correction_due_on=D(2026, 3, 25),
        )
    assert info.value.code == "correction_once"


def test_correction_after_seven_working_days_is_refused(in_progress, clerk_a):
    # Received 2026-03-02: the 7th working day is 03-11.
    with pytest.raises(DomainError) as info:
        s.application_request_correction(
            actor=clerk_a,
            application=in_progress,
            instructions="补充",
            requested_on=D(2026, 3, 12),
            correction_due_on=D(2026, 3, 30),
        )
    assert info.value.code == "correction_too_late"


def test_lapsed_correction_is_other_processing_1(in_progress, clerk_a):
    application = s.application_request_correction(
        actor=clerk_a,
        application=in_progress,
        instructions="补充文号",
        requested_on=D(2026, 3, 5),
        correction_due_on=D(2026, 3, 20),
    )
    with pytest.raises(DomainError):
        s.application_lapse_correction(actor=clerk_a, application=application, today=D(2026, 3, 20))
    application = s.application_lapse_correction(
        actor=None, application=application, today=D(2026, 3, 21)
    )
    assert (application.status, application.outcome) == (Status.CLOSED, "other_overdue_correction")


def test_consultation_pauses_the_clock_until_the_answer(in_progress, clerk_a):
    assert _reply(in_progress).due == D(2026, 3, 30)
    consultation = s.application_start_consultation(
        actor=clerk_a,
        application=in_progress,
        party_kind="third_party",
        party_name="商丘示例科技有限公司",
        started_on=D(2026, 3, 9),
        letter_received_on=D(2026, 3, 10),
    )
    answer_due = Deadline.objects.get(object_id=str(consultation.pk), kind="consultation").due
    assert answer_due == D(2026, 3, 31)  # 15 working days after 03-10
    s.application_finish_consultation(
        actor=clerk_a,
        application=in_progress,
        answered_on=D(2026, 3, 13),
        opinion="object",
        opinion_text="涉及商业秘密",
    )
    # Paused 03-09..03-13: five working days, so the reply is due five working days later.
    assert _reply(in_progress).due == D(2026, 4, 7)
    consultation.refresh_from_db()
    assert consultation.opinion == "object"


def test_2008_regime_does_not_pause_for_other_agencies(clerk_a, dept_a):
    application = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2017, 6, 1))
    )
    with pytest.raises(DomainError) as info:
        s.application_start_consultation(
            actor=clerk_a,
            application=application,
            party_kind="agency",
            party_name="市财政局",
            started_on=D(2017, 6, 2),
            letter_received_on=D(2017, 6, 2),
        )
    assert info.value.code == "consultation_not_paused"


def test_extension_requested_by_clerk_approved_by_head(in_progress, clerk_a, head_a):
    s.application_request_extension(
        actor=clerk_a, application=in_progress, reason="涉及多个科室，需调取历史档案"
    )
    application = s.application_decide_extension(
        actor=head_a, application=in_progress, approve=True, today=D(2026, 3, 25)
    )
    assert application.extended
    assert _reply(application).due == D(2026, 4, 28)  # 40 working days after 03-02


def test_clerk_cannot_approve_an_extension(in_progress, clerk_a):
    from django.core.exceptions import PermissionDenied

    s.application_request_extension(actor=clerk_a, application=in_progress, reason="理由")
    with pytest.raises(PermissionDenied):
        s.application_decide_extension(
            actor=clerk_a, application=in_progress, approve=True, today=D(2026, 3, 25)
        )


def test_extension_after_the_period_ended_is_refused(in_progress, clerk_a, head_a):
    s.application_request_extension(actor=clerk_a, application=in_progress, reason="理由")
    with pytest.raises(DomainError) as info:
        s.application_decide_extension(
            actor=head_a, application=in_progress, approve=True, today=D(2026, 3, 31)
        )
    assert info.value.code == "extension_too_late"


def test_only_one_extension(in_progress, clerk_a, head_a):
    s.application_request_extension(actor=clerk_a, application=in_progress, reason="理由")
    s.application_decide_extension(
        actor=head_a, application=in_progress, approve=True, today=D(2026, 3, 25)
    )
    with pytest.raises(DomainError) as info:
        s.application_request_extension(actor=clerk_a, application=in_progress, reason="再延")
    assert info.value.code == "extension_once"


def test_refused_extension_keeps_the_due_date(in_progress, clerk_a, head_a):
    s.application_request_extension(actor=clerk_a, application=in_progress, reason="理由")
    application = s.application_decide_extension(
        actor=head_a,
        application=in_progress,
        approve=False,
        note="可按期答复",
        today=D(2026, 3, 25),
    )
    assert not application.extended and _reply(application).due == D(2026, 3, 30)


def test_a_2008_case_waiting_for_correction_can_lapse(clerk_a, dept_a):
    """2008 Art. 21(4): the agency told the applicant to amend; when the period passes the case
    closes with that reply (统计表 row 7 告知作出更改补充), not with the 2019 其他处理 1, which
    the 2008 regime does not have."""
    application = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2017, 6, 1))
    )
    application = s.application_request_correction(
        actor=clerk_a,
        application=application,
        instructions="请写明文件名称或文号",
        requested_on=D(2017, 6, 5),
        correction_due_on=D(2017, 6, 20),
    )
    application = s.application_lapse_correction(
        actor=None, application=application, today=D(2017, 6, 21)
    )
    assert (application.status, application.outcome) == (Status.CLOSED, "s3_rep_amend")
    assert application.legal_basis == "第二十一条第（四）项"
    assert "逾期未更改、补充" in application.reasons
