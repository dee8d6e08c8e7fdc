"""Sending the digests: each person on their own (one failing SMS stops nobody else), at most
one digest per person and day, the SMS short and the e-mail complete; Celery beat and
`gongkai remind-deadlines` run the same code."""

import datetime as dt
import io
import logging

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.accounts.sms import LocmemSmsBackend, SmsDeliveryError
from gongkai.deadlines.models import ReminderDigest
from gongkai.deadlines.reminders import ReminderSource, registry, send_reminders
from gongkai.deadlines.tasks import remind_deadlines
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import register

D = dt.date
pytestmark = pytest.mark.django_db
FAILING_PHONES: set[str] = set()


class FlakySms(LocmemSmsBackend):
    """The provider refuses the numbers in FAILING_PHONES."""

    def send(self, phone, text):
        if phone in FAILING_PHONES:
            raise SmsDeliveryError(f"provider refused {phone}")
        super().send(phone, text)


@pytest.fixture
def flaky_sms(settings):
    settings.GONGKAI_SMS_BACKEND = f"{__name__}.FlakySms"
    yield FAILING_PHONES
    FAILING_PHONES.clear()


class FlakyMail(EmailBackend):
    """The mail server refuses the addresses in FAILING_PHONES (one set of refusals)."""

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & FAILING_PHONES:
                raise ConnectionError(f"SMTP refused {message.to}")
        return super().send_messages(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyMail"
    yield FAILING_PHONES
    FAILING_PHONES.clear()


@pytest.fixture
def clerk_c(dept_a):
    return MembershipFactory(agency=dept_a, role="clerk").user


@pytest.fixture
def overdue(clerk_a, dept_a):
    """An unassigned case due 2026-03-30, so every clerk of dept_a is reminded of it."""
    return register(clerk_a, dept_a)


def at(day: dt.date):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 2, tzinfo=dt.UTC), tick=False
    )


def phones(outbox) -> set[str]:
    return {m.phone for m in outbox}


def test_one_failing_sms_does_not_stop_the_others(
    overdue, clerk_a, clerk_c, flaky_sms, sms_outbox, caplog
):
    flaky_sms.add(clerk_a.phone)
    sms_outbox.clear()
    with caplog.at_level(logging.ERROR), at(D(2026, 4, 1)):
        run = send_reminders()
    assert (run.sent, run.failed) == (1, 1)
    assert phones(sms_outbox) == {clerk_c.phone}
    assert f"reminder by sms to user {clerk_a.pk} failed" in caplog.text


def test_one_failing_email_does_not_stop_the_others_in_the_celery_task(
    overdue, clerk_a, clerk_c, flaky_mail, sms_outbox, caplog
):
    """Through the task Celery beat runs: clerk_a has only an e-mail address, which the mail
    server refuses; clerk_c still gets the digest, and the run reports one failure."""
    User = get_user_model()
    User.objects.filter(pk=clerk_a.pk).update(phone=None, email="a@example.gov.cn")
    User.objects.filter(pk=clerk_c.pk).update(email="c@example.gov.cn")
    flaky_mail.add("a@example.gov.cn")
    sms_outbox.clear()
    with caplog.at_level(logging.ERROR), at(D(2026, 4, 1)):
        counts = remind_deadlines.delay().get()
    assert counts == {"sent": 1, "failed": 1, "skipped": 0, "unreachable": 0}
    assert [m.to for m in mail.outbox] == [["c@example.gov.cn"]]
    assert phones(sms_outbox) == {clerk_c.phone}
    assert f"reminder by email to user {clerk_a.pk} failed" in caplog.text
    assert list(ReminderDigest.objects.values_list("recipient", flat=True)) == [clerk_c.pk]


def test_a_failed_digest_is_tried_again_by_the_next_run_the_same_day(
    overdue, clerk_a, clerk_c, flaky_sms, sms_outbox
):
    flaky_sms.add(clerk_a.phone)
    sms_outbox.clear()
    with at(D(2026, 4, 1)):
        send_reminders()
        flaky_sms.clear()
        run = send_reminders()
    assert (run.sent, run.skipped) == (1, 1)
    assert [m.phone for m in sms_outbox] == [clerk_c.phone, clerk_a.phone]


def test_when_the_sms_fails_the_email_still_goes_and_counts_as_sent(
    overdue, clerk_a, flaky_sms, sms_outbox
):
    get_user_model().objects.filter(pk=clerk_a.pk).update(email="clerk@example.gov.cn")
    flaky_sms.add(clerk_a.phone)
    with at(D(2026, 4, 1)):
        run = send_reminders()
    assert (run.sent, run.failed) == (1, 0)
    (message,) = mail.outbox
    assert message.to == ["clerk@example.gov.cn"] and overdue.number in message.body
    assert ReminderDigest.objects.get(recipient=clerk_a).channels == "email"


def test_nobody_gets_a_second_digest_the_same_day(overdue, clerk_a, sms_outbox):
    sms_outbox.clear()
    with at(D(2026, 4, 1)):
        first = send_reminders()
        second = send_reminders()
    assert (first.sent, second.sent, second.skipped) == (1, 0, 1)
    assert len(sms_outbox) == 1
    with at(D(2026, 4, 2)):
        assert send_reminders().sent == 1
    assert len(sms_outbox) == 2
    assert ReminderDigest.objects.filter(recipient=clerk_a).count() == 2


def test_what_was_sent_is_recorded(overdue, clerk_a):
    with at(D(2026, 4, 1)):
        send_reminders()
    record = ReminderDigest.objects.get()
    assert (record.recipient, record.day, record.channels, record.item_count) == (
        clerk_a,
        D(2026, 4, 1),
        "sms",
        1,
    )
    assert overdue.number in record.text


def test_a_person_with_no_phone_or_email_is_counted_not_failed(overdue, clerk_a):
    get_user_model().objects.filter(pk=clerk_a.pk).update(phone=None, email="")
    with at(D(2026, 4, 1)):
        run = send_reminders()
    assert (run.sent, run.failed, run.unreachable) == (0, 0, 1)


def test_the_sms_lists_the_most_urgent_cases_and_the_email_all(clerk_a, dept_a, sms_outbox):
    get_user_model().objects.filter(pk=clerk_a.pk).update(email="clerk@example.gov.cn")
    cases = [register(clerk_a, dept_a, received=D(2026, 3, day)) for day in range(2, 9)]
    sms_outbox.clear()
    with at(D(2026, 4, 10)):
        send_reminders()
    (sms,) = sms_outbox
    assert "您有7件事项" in sms.text and "另有2件" in sms.text
    assert cases[0].number in sms.text and cases[-1].number not in sms.text
    assert all(case.number in mail.outbox[0].body for case in cases)
    assert mail.outbox[0].subject == "政府信息公开期限提醒（7件）"


def test_a_failing_source_does_not_stop_the_deadline_reminders(
    overdue, clerk_a, sms_outbox, monkeypatch, caplog
):
    class Broken(ReminderSource):
        name = "tests.broken"

        def lines(self, context):
            raise RuntimeError("broken source")

    monkeypatch.setitem(registry._sources, Broken.name, Broken())
    with caplog.at_level(logging.ERROR), at(D(2026, 4, 1)):
        run = send_reminders()
    assert run.sent == 1 and overdue.number in sms_outbox[-1].text
    assert "reminder source tests.broken failed" in caplog.text


def test_celery_beat_runs_the_task_every_morning():
    entry = django_settings.CELERY_BEAT_SCHEDULE["daily-deadline-reminders"]
    assert entry["task"] == remind_deadlines.name == "gongkai.deadlines.tasks.remind_deadlines"
    assert entry["schedule"].hour == {8} and entry["schedule"].minute == {0}


def test_the_task_returns_the_counts(overdue, clerk_a):
    with at(D(2026, 4, 1)):
        counts = remind_deadlines.delay().get()
    assert counts == {"sent": 1, "failed": 0, "skipped": 0, "unreachable": 0}


def _command(*args) -> str:
    out = io.StringIO()
    call_command("remind-deadlines", *args, stdout=out)
    return out.getvalue()


def test_the_command_with_dry_run_lists_the_digests_and_sends_nothing(overdue, clerk_a, sms_outbox):
    sms_outbox.clear()
    output = _command("--dry-run", "--today", "2026-04-01")
    assert f"→ {clerk_a.get_username()}（短信）" in output
    assert overdue.number in output and "已逾期2个工作日" in output
    assert "试运行：将发送 1 份提醒（未发送）" in output
    assert sms_outbox == [] and not ReminderDigest.objects.exists()


def test_the_command_sends_and_reports_the_counts(overdue, clerk_a, sms_outbox):
    with at(D(2026, 4, 1)):
        assert "已发送 1 份提醒；失败 0 份；今日已提醒 0 人" in _command()
        assert "已发送 0 份提醒；失败 0 份；今日已提醒 1 人" in _command()


def test_the_command_fails_when_a_digest_could_not_be_sent(overdue, clerk_a, flaky_sms):
    flaky_sms.add(clerk_a.phone)
    with pytest.raises(CommandError, match="1 份提醒未能发送"):
        _command("--today", "2026-04-01")


def test_the_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _command("--today", "1.4.2026")
