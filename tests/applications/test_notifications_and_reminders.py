"""Applicants are told at each statutory moment; clerks get daily deadline reminders."""

import datetime as dt

from django.core import mail

from gongkai.applications import services as s
from gongkai.deadlines.reminders import send_reminders
from gongkai.deadlines.tasks import remind_deadlines
from tests.applications.fixtures import register

D = dt.date


def _texts(outbox, phone):
    return [m.text for m in outbox if m.phone == phone]


def test_applicant_is_told_of_receipt_correction_extension_fee_and_decision(
    clerk_a, reviewer_a, head_a, dept_a, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = register(clerk_a, dept_a, contact_email="zhangsan@example.com")
        application = s.application_start(actor=clerk_a, application=application)
        s.application_request_extension(actor=clerk_a, application=application, reason="档案较多")
        s.application_decide_extension(
            actor=head_a, application=application, approve=True, today=D(2026, 3, 10)
        )
        s.application_send_fee_notice(
            actor=clerk_a,
            application=application,
            method="volume",
            units=60,
            notice_received_on=D(2026, 3, 11),
        )
        s.application_record_payment(actor=clerk_a, application=application, paid_on=D(2026, 3, 12))
        s.application_draft_decision(
            actor=clerk_a,
            application=application,
            outcome="granted",
            legal_basis="第三十六条第（二）项",
        )
        s.application_approve_decision(actor=reviewer_a, application=application)
        s.application_serve(
            actor=clerk_a, application=application, method="post", served_on=D(2026, 3, 20)
        )
    texts = _texts(sms_outbox, "13800000001")
    assert len(texts) == 4
    assert "已于2026-03-02收到" in texts[0]
    assert "答复期限经批准延长" in texts[1] and "2026-04-28" in texts[1]
    assert "信息处理费300元" in texts[2]
    assert "已答复" in texts[3]
    assert len(mail.outbox) == 4 and mail.outbox[0].to == ["zhangsan@example.com"]


def test_correction_notice_names_the_items_and_period(
    clerk_a, dept_a, in_progress, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        s.application_request_correction(
            actor=clerk_a,
            application=in_progress,
            instructions="请补充文号",
            requested_on=D(2026, 3, 3),
            correction_due_on=D(2026, 3, 17),
        )
    assert "请于2026-03-17前补正" in sms_outbox[-1].text and "请补充文号" in sms_outbox[-1].text


def test_a_failed_step_notifies_nobody(
    clerk_a, dept_a, sms_outbox, django_capture_on_commit_callbacks
):
    import pytest

    from gongkai.core.errors import DomainError

    application = register(clerk_a, dept_a)
    sms_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        s.application_request_correction(
            actor=clerk_a,
            application=application,
            instructions="x",
            requested_on=D(2026, 3, 20),
            correction_due_on=D(2026, 3, 30),
        )
    assert sms_outbox == []


def test_daily_reminder_goes_to_the_assigned_clerk(clerk_a, dept_a, sms_outbox):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=clerk_a.pk).update(phone="13911112222")
    urgent = s.application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    register(clerk_a, dept_a, received=D(2026, 3, 20))  # due 04-17: not urgent on 03-25
    sms_outbox.clear()
    assert send_reminders(today=D(2026, 3, 25)).sent == 1
    (message,) = sms_outbox
    assert message.phone == "13911112222"
    assert urgent.number in message.text and "1件" in message.text


def test_overdue_cases_without_assignee_reach_every_clerk(clerk_a, dept_a, sms_outbox):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=clerk_a.pk).update(phone="13911113333")
    application = register(clerk_a, dept_a)
    sms_outbox.clear()
    send_reminders(today=D(2026, 4, 1))
    assert application.number in sms_outbox[0].text and "已逾期" in sms_outbox[0].text


def test_the_celery_task_runs_the_same_reminder(clerk_a, dept_a, sms_outbox):
    assert remind_deadlines.name == "gongkai.deadlines.tasks.remind_deadlines"
    assert remind_deadlines.delay().get()["sent"] >= 0


def test_reminders_cover_the_last_days_of_the_last_loaded_year(clerk_a, dept_a, sms_outbox):
    """On 2026-12-30 with 2027 not loaded, a reply due 2026-12-31 is due soon: the horizon
    stops at the last loaded day instead of guessing calendar days into 2027."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=clerk_a.pk).update(phone="13911114444")
    # Received 2026-12-02: 20 working days later is 2026-12-30.
    due_soon = register(clerk_a, dept_a, received=D(2026, 12, 2))
    sms_outbox.clear()
    assert send_reminders(today=D(2026, 12, 29)).sent == 1
    assert due_soon.number in sms_outbox[0].text


def test_the_queue_and_the_reminders_read_one_setting(settings, clerk_a, dept_a):
    """GONGKAI_REMINDER_WORKDAYS is the one horizon: the queue's 'due soon' follows it."""
    from gongkai.applications.selectors import work_queue

    case = register(clerk_a, dept_a, received=D(2026, 3, 2))  # due 2026-03-30
    settings.GONGKAI_REMINDER_WORKDAYS = 3
    (row,) = work_queue(user=clerk_a, today=D(2026, 3, 24))
    assert row.pk == case.pk and not row.due_soon
    settings.GONGKAI_REMINDER_WORKDAYS = 5
    (row,) = work_queue(user=clerk_a, today=D(2026, 3, 24))
    assert row.due_soon
