"""An online application counts as received only once the office confirms it (2019 Regulation
Art. 31(3)): the clerks who confirm hear of it the day it arrives, once it is saved, each on
their own (one failing SMS or e-mail stops nobody else's); the morning digest lists it again
each day it waits, and the head's too after GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS (issue 14).

Time is frozen on Thursday 2026-11-26 at 15:00 China time: after the 08:00 digest ran."""

import datetime as dt
import logging
import os
import subprocess
import sys

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from gongkai.accounts.sms import LocmemSmsBackend, SmsDeliveryError
from gongkai.agencies.roles import Capability, Role, roles_with
from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.deadlines.reminders import send_reminders
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register

D = dt.date
pytestmark = pytest.mark.django_db
REFUSED: set[str] = set()  # phone numbers and e-mail addresses the providers refuse


class RefusingSms(LocmemSmsBackend):
    def send(self, phone, text):
        if phone in REFUSED:
            raise SmsDeliveryError(f"provider refused {phone}")
        super().send(phone, text)


class RefusingMail(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & REFUSED:
                raise ConnectionError(f"SMTP refused {message.to}")
        return super().send_messages(messages)


@pytest.fixture
def refusing(settings):
    settings.GONGKAI_SMS_BACKEND = f"{__name__}.RefusingSms"
    settings.EMAIL_BACKEND = f"{__name__}.RefusingMail"
    yield REFUSED
    REFUSED.clear()


def at(day: dt.date, hour: int = 15):
    """Frozen time on `day` at `hour` in Beijing."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, hour - 8, tzinfo=dt.UTC), tick=False
    )


@pytest.fixture
def clerks(dept_a):
    """Two clerks of dept_a, both with a mobile number and an e-mail address."""
    people = [MembershipFactory(agency=dept_a, role="clerk").user for _ in range(2)]
    for number, person in enumerate(people):
        person.email = f"clerk{number}@example.gov.cn"
        person.save(update_fields=["email"])
    return people


def submit(applicant, agency, **request):
    return s.application_submit_online(
        applicant=applicant,
        agency=agency,
        identity_proof=png(),
        info_title=request.pop("info_title", "2025年工业发展专项资金拟支持项目名单"),
        provision_form="electronic",
        delivery_method="download",
        **request,
    )[0]


def texts_to(outbox, person) -> list[str]:
    return [m.text for m in outbox if m.phone == person.phone]


def test_every_clerk_is_told_the_day_an_online_application_arrives(
    applicant_user, dept_a, clerks, head_a, sms_outbox, django_capture_on_commit_callbacks
):
    with at(D(2026, 11, 26)), django_capture_on_commit_callbacks(execute=True):
        application = submit(applicant_user, dept_a)
    for clerk in clerks:
        (text,) = texts_to(sms_outbox, clerk)
        assert f"受理编号{application.number}（2025年工业发展专项资金拟支持项目名单）" in text
        assert "2026-11-26提交" in text and "确认收到后答复期限才开始计算" in text
    assert texts_to(sms_outbox, head_a) == []  # the head only after the escalation period
    mails = {message.to[0]: message for message in mail.outbox}
    assert set(mails) == {"clerk0@example.gov.cn", "clerk1@example.gov.cn"}
    message = mails["clerk0@example.gov.cn"]
    assert message.subject == f"待确认收到：政府信息公开申请 {application.number}"
    assert "以双方确认之日为收到申请之日" in message.body  # the basis, from the regime data


def test_the_notice_goes_when_the_applicant_submits_on_the_page(
    client, applicant_user, dept_a, clerks, sms_outbox, django_capture_on_commit_callbacks
):
    client.force_login(applicant_user)
    with at(D(2026, 11, 26)), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("applications:new"),
            {
                "agency": dept_a.pk,
                "info_title": "2025年技术改造项目名单",
                "provision_form": "electronic",
                "delivery_method": "download",
                "identity_proof": png(),
            },
        )
    assert response.status_code == 302
    number = Application.objects.get().number
    assert all(number in " ".join(texts_to(sms_outbox, clerk)) for clerk in clerks)


def test_one_clerks_failing_sms_and_email_stop_nobody_else(
    applicant_user,
    dept_a,
    clerks,
    refusing,
    sms_outbox,
    caplog,
    django_capture_on_commit_callbacks,
):
    first, second = clerks
    refusing.update({first.phone, first.email})
    with (
        caplog.at_level(logging.ERROR),
        at(D(2026, 11, 26)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        application = submit(applicant_user, dept_a)
    assert texts_to(sms_outbox, first) == [] and len(texts_to(sms_outbox, second)) == 1
    assert [message.to for message in mail.outbox] == [[second.email]]
    assert f"SMS to user {first.pk} (new application {application.number}) failed" in caplog.text
    assert f"e-mail to user {first.pk} (new application {application.number})" in caplog.text
    assert Application.objects.filter(pk=application.pk).exists()  # the submission stands


def test_an_sms_failure_still_lets_the_same_clerks_email_go(
    applicant_user, dept_a, clerks, refusing, django_capture_on_commit_callbacks
):
    first, _second = clerks
    refusing.add(first.phone)
    with at(D(2026, 11, 26)), django_capture_on_commit_callbacks(execute=True):
        submit(applicant_user, dept_a)
    assert first.email in {message.to[0] for message in mail.outbox}


def test_an_agency_without_a_clerk_tells_its_head(
    applicant_user, dept_a, head_a, sms_outbox, django_capture_on_commit_callbacks
):
    with at(D(2026, 11, 26)), django_capture_on_commit_callbacks(execute=True):
        application = submit(applicant_user, dept_a)
    (text,) = texts_to(sms_outbox, head_a)
    assert application.number in text


def test_inactive_clerks_and_other_agencies_are_not_told(
    applicant_user, dept_a, dept_b, clerks, sms_outbox, django_capture_on_commit_callbacks
):
    gone, active = clerks
    get_user_model().objects.filter(pk=gone.pk).update(is_active=False)
    other = MembershipFactory(agency=dept_b, role="clerk").user
    with at(D(2026, 11, 26)), django_capture_on_commit_callbacks(execute=True):
        submit(applicant_user, dept_a)
    assert texts_to(sms_outbox, gone) == [] and texts_to(sms_outbox, other) == []
    assert len(texts_to(sms_outbox, active)) == 1


def test_a_submission_that_fails_tells_nobody(
    applicant_user, dept_a, clerks, sms_outbox, django_capture_on_commit_callbacks
):
    with (
        at(D(2026, 11, 26)),
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError, match="请填写所需政府信息的名称"),
    ):
        submit(applicant_user, dept_a, info_title=" ")
    assert sms_outbox == [] and mail.outbox == []


def test_staff_registering_an_application_themselves_are_not_told(
    clerk_a, dept_a, sms_outbox, django_capture_on_commit_callbacks
):
    with at(D(2026, 11, 26)), django_capture_on_commit_callbacks(execute=True):
        register(clerk_a, dept_a, received=D(2026, 11, 26))
    assert texts_to(sms_outbox, clerk_a) == []


def test_the_digest_lists_it_each_morning_and_the_head_after_the_escalation_period(
    settings, applicant_user, dept_a, clerks, head_a, sms_outbox
):
    """The notice the day it arrives; then each morning's digest; from the
    GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS-th working day (here 3: Tuesday 12-01) the head's
    too, until it is confirmed."""
    settings.GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS = 3
    with at(D(2026, 11, 26)):
        application = submit(applicant_user, dept_a)
    days = [D(2026, 11, 27), D(2026, 11, 30), D(2026, 12, 1)]
    heard = {}
    for day in days:
        sms_outbox.clear()
        with at(day, hour=8):
            send_reminders()
        assert all(application.number in " ".join(texts_to(sms_outbox, c)) for c in clerks)
        heard[day] = " ".join(texts_to(sms_outbox, head_a))
    assert [application.number in heard[day] for day in days] == [False, False, True]
    assert "2026-11-26提交，已等待3个工作日" in heard[D(2026, 12, 1)]
    with at(D(2026, 12, 2)):
        s.application_confirm_receipt(
            actor=clerks[0], application=application, confirmed_on=D(2026, 12, 2)
        )
    sms_outbox.clear()
    with at(D(2026, 12, 3), hour=8):
        send_reminders()
    assert all("待确认收到" not in m.text for m in sms_outbox)


def test_the_escalation_setting_is_read_from_the_environment():
    """config/settings/base.py: GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS, 2 by default."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.test';"
        "django.setup(); from django.conf import settings;"
        "print(settings.GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    default = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    five = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS": "5"},
        capture_output=True,
        text=True,
    )
    assert (default.stdout.strip(), five.stdout.strip()) == ("2", "5")


def test_those_told_are_those_who_may_confirm():
    """The notice goes to the clerks (deadlines.reminders.Staff.responsible): the only role
    that may confirm receipt (HANDLE). Should another role gain it, the notice must follow."""
    assert roles_with(Capability.HANDLE) == {Role.CLERK}
