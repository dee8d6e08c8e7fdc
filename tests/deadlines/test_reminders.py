"""The daily reminder covers every open deadline kind, the deadlines without a date and the
applications nobody has confirmed, and tells each person once, in one digest.

Dates: an application received Monday 2026-03-02 must be answered by 2026-03-30 and may be
sent a 补正 notice until 2026-03-11; the reminder horizon is 3 working days."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model

from gongkai.applications import services as s
from gongkai.applications.services import application_submit_online
from gongkai.catalog import services as catalog
from gongkai.deadlines.models import OPTIONAL_KINDS, Deadline
from gongkai.deadlines.reminders import Line, Urgency, reminder_plan, send_reminders
from gongkai.deadlines.services import deadline_open
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register
from tests.catalog.fixtures import draft

D = dt.date
pytestmark = pytest.mark.django_db


def at(day: dt.date):
    """Frozen time on `day`, 10:00 in Beijing."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 2, tzinfo=dt.UTC), tick=False
    )


def texts_to(outbox, user) -> list[str]:
    return [m.text for m in outbox if m.phone == user.phone]


def the_text_to(outbox, user) -> str:
    (text,) = texts_to(outbox, user)
    return text


@pytest.fixture
def clerk_c(dept_a):
    """A second clerk of the agency."""
    return MembershipFactory(agency=dept_a, role="clerk").user


def test_a_reply_due_within_the_horizon_reaches_the_assigned_clerk(
    in_progress, clerk_a, sms_outbox
):
    sms_outbox.clear()
    with at(D(2026, 3, 25)):
        run = send_reminders()
    assert run.sent == 1
    text = the_text_to(sms_outbox, clerk_a)
    assert in_progress.number in text
    assert "答复期限2026-03-30（3个工作日内到期）" in text


def test_a_reply_due_today_and_an_overdue_reply_say_so(in_progress, clerk_a, sms_outbox):
    with at(D(2026, 3, 30)):
        send_reminders()
    assert "答复期限2026-03-30（今日到期）" in the_text_to(sms_outbox, clerk_a)
    sms_outbox.clear()
    with at(D(2026, 4, 1)):
        send_reminders()
    assert "答复期限2026-03-30（已逾期2个工作日）" in the_text_to(sms_outbox, clerk_a)


def test_the_correction_window_is_reminded_of_before_it_closes_not_after(
    in_progress, clerk_a, sms_outbox
):
    """After the 补正 window nothing can be done about it (补正 is refused), so an overdue
    window is no reminder."""
    with at(D(2026, 3, 9)):
        send_reminders()
    assert "补正告知期限2026-03-11（2个工作日内到期）" in the_text_to(sms_outbox, clerk_a)
    sms_outbox.clear()
    with at(D(2026, 3, 12)):
        run = send_reminders()
    assert run.sent == 0 and sms_outbox == []


def test_a_consultation_answer_period_reaches_the_cases_handler(in_progress, clerk_a, sms_outbox):
    s.application_start_consultation(
        actor=clerk_a,
        application=in_progress,
        party_kind="third_party",
        party_name="商丘示例科技有限公司",
        started_on=D(2026, 3, 9),
        letter_received_on=D(2026, 3, 10),
    )
    sms_outbox.clear()
    with at(D(2026, 3, 27)):
        send_reminders()
    text = the_text_to(sms_outbox, clerk_a)
    assert in_progress.number in text
    assert "征求意见答复期限2026-03-31（2个工作日内到期）" in text


def test_a_fee_payment_window_reaches_the_cases_handler(in_progress, clerk_a, sms_outbox):
    s.application_send_fee_notice(
        actor=clerk_a,
        application=in_progress,
        method="volume",
        units=120,
        notice_received_on=D(2026, 3, 5),
    )
    sms_outbox.clear()
    with at(D(2026, 3, 31)):
        send_reminders()
    assert "缴纳信息处理费期限2026-04-02（2个工作日内到期）" in the_text_to(sms_outbox, clerk_a)


def test_a_publication_deadline_reaches_the_author_and_in_review_the_reviewers(
    clerk_a, dept_a, catalog_reviewer_a, sms_outbox
):
    item = draft(clerk_a, dept_a)  # 生成日期 2026-03-02: to be published by 2026-03-30
    with at(D(2026, 3, 26)):
        send_reminders()
    assert "主动公开期限2026-03-30（2个工作日内到期）" in the_text_to(sms_outbox, clerk_a)
    assert item.index_number in the_text_to(sms_outbox, clerk_a)
    assert texts_to(sms_outbox, catalog_reviewer_a) == []

    catalog.item_submit(actor=clerk_a, item=item)
    sms_outbox.clear()
    with at(D(2026, 3, 27)):
        send_reminders()
    assert item.index_number in the_text_to(sms_outbox, catalog_reviewer_a)
    assert item.index_number in the_text_to(sms_outbox, clerk_a)


def test_a_deadline_without_a_date_is_reminded_of_with_its_reason(clerk_a, dept_a, sms_outbox):
    """A deadline into a year no holiday rule covers has no date (2024 deleted: no text of the
    办法 is declared before 2025): the reminder says so instead of leaving the case out."""
    from gongkai.workdays.models import CalendarYear

    CalendarYear.objects.filter(year=2024).delete()
    case = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2023, 12, 20))
    )
    sms_outbox.clear()
    with at(D(2023, 12, 21)):
        send_reminders()
    text = the_text_to(sms_outbox, clerk_a)
    assert case.number in text and "答复期限（期限待定）" in text


def test_a_provisional_date_is_marked_as_such():
    line = Line("GK-1（名单）", "g", "答复期限", D(2027, 1, 28), "今日到期", Urgency.TODAY, True)
    assert line.text() == "答复期限2027-01-28（暂定，今日到期）"


def test_a_provisional_date_within_the_horizon_is_counted_in_working_days_like_the_pages(
    clerk_a, dept_a, sms_outbox
):
    """Received 2026-12-04: due 2027-01-04 (暂定: 元旦 assumed off). On 2026-12-30 it is two
    working days away (12-31, 01-04), as the case page says; the reminder once counted with
    the exact calendar, which cannot count into 2027, and read "None个工作日内到期"."""
    case = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 12, 4))
    )
    sms_outbox.clear()
    with at(D(2026, 12, 30)):
        send_reminders()
    text = the_text_to(sms_outbox, clerk_a)
    assert case.number in text and "答复期限2027-01-04（暂定，2个工作日内到期）" in text
    sms_outbox.clear()
    with at(D(2027, 1, 6)):
        send_reminders()
    assert "答复期限2027-01-04（暂定，已逾期2个工作日）" in the_text_to(sms_outbox, clerk_a)


@pytest.mark.parametrize("kind", Deadline.Kind.values)
def test_every_kind_of_open_deadline_is_reminded_of(kind, clerk_a, dept_a):
    """Whatever the kind (答复, 补正告知, 征求意见答复, 缴费, 主动公开 …, and any kind added
    later), an open deadline due soon, today or passed is in someone's digest, named by its
    kind; a subject no app registered is named as stored and goes to the agency's clerks."""
    deadline = deadline_open(
        actor=None, agency=dept_a, subject=dept_a, kind=kind, start=D(2026, 3, 2)
    )
    shown = {}
    for day, state in (
        (D(2026, 3, 2), None),
        (deadline.due, "今日到期"),
        (deadline.due + dt.timedelta(days=1), "已逾期1个工作日"),
    ):
        with at(day):
            plan = reminder_plan(today=day)
        shown[day] = [(digest.recipient, line.text()) for digest in plan for line in digest.lines]
        if state is None:
            continue
        if kind in OPTIONAL_KINDS and state.startswith("已逾期"):
            assert shown[day] == []  # a passed 补正 window needs nothing
            continue
        expected = f"{deadline.get_kind_display()}{deadline.due.isoformat()}（{state}）"
        assert (clerk_a, expected) in shown[day], (kind, day)
    assert shown[D(2026, 3, 2)] == []  # beyond the horizon on the first day


def test_one_digest_per_person_lists_each_case_once_with_all_its_deadlines(
    clerk_a, dept_a, sms_outbox
):
    """Received 2026-12-09: the 补正 window closes 2026-12-18 and the reply date falls in 2027
    (provisional, beyond the horizon); a second case is overdue. One message, two cases, the
    overdue one first."""
    first = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 12, 9))
    )
    second = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 11, 2))
    )
    sms_outbox.clear()
    with at(D(2026, 12, 16)):
        run = send_reminders()
    assert run.sent == 1
    text = the_text_to(sms_outbox, clerk_a)
    assert "您有2件事项" in text
    assert text.count(first.number) == 1 and text.count(second.number) == 1
    assert text.index(second.number) < text.index(first.number)
    row = text[text.index(first.number) :]
    assert "补正告知期限2026-12-18（2个工作日内到期）" in row
    assert "答复期限" not in row  # 2027-01-07 (暂定) is not within three working days


def test_an_unassigned_case_reaches_every_clerk_an_assigned_one_only_its_handler(
    clerk_a, clerk_c, dept_a, sms_outbox
):
    unassigned = register(clerk_a, dept_a)
    with at(D(2026, 3, 25)):
        send_reminders()
    assert unassigned.number in the_text_to(sms_outbox, clerk_a)
    assert unassigned.number in the_text_to(sms_outbox, clerk_c)

    s.application_start(actor=clerk_c, application=unassigned)
    sms_outbox.clear()
    with at(D(2026, 3, 26)):
        send_reminders()
    assert texts_to(sms_outbox, clerk_a) == []
    assert unassigned.number in the_text_to(sms_outbox, clerk_c)


def test_an_extension_awaiting_approval_puts_the_case_in_the_heads_digest(
    in_progress, clerk_a, head_a, sms_outbox
):
    s.application_request_extension(actor=clerk_a, application=in_progress, reason="需调取档案")
    with at(D(2026, 3, 25)):
        send_reminders()
    assert in_progress.number in the_text_to(sms_outbox, head_a)
    assert in_progress.number in the_text_to(sms_outbox, clerk_a)


def test_a_new_online_application_reaches_the_clerks_the_same_day(
    applicant_user, clerk_a, head_a, dept_a, sms_outbox
):
    with at(D(2026, 11, 26)):
        application, _code = application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            info_title="名单",
            provision_form="electronic",
            delivery_method="download",
        )
        sms_outbox.clear()
        send_reminders()
    assert f"{application.number}（名单）：待确认收到（今日提交）" in the_text_to(
        sms_outbox, clerk_a
    )
    assert texts_to(sms_outbox, head_a) == []


def test_an_unconfirmed_application_reaches_the_head_after_the_escalation_period(
    applicant_user, clerk_a, head_a, dept_a, sms_outbox
):
    """Submitted Thursday 2026-11-26; two working days later (Monday 11-30) the head hears
    of it too."""
    with at(D(2026, 11, 26)):
        application, _code = application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            info_title="名单",
            provision_form="electronic",
            delivery_method="download",
        )
    sms_outbox.clear()
    with at(D(2026, 11, 27)):
        send_reminders()
    assert texts_to(sms_outbox, head_a) == []
    with at(D(2026, 11, 30)):
        send_reminders()
    text = the_text_to(sms_outbox, head_a)
    assert f"{application.number}（名单）：待确认收到（2026-11-26提交，已等待2个工作日）" in text


def test_the_escalation_period_is_a_setting(
    settings, applicant_user, clerk_a, head_a, dept_a, sms_outbox
):
    settings.GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS = 1
    with at(D(2026, 11, 26)):
        application, _code = application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            info_title="名单",
            provision_form="electronic",
            delivery_method="download",
        )
    sms_outbox.clear()
    with at(D(2026, 11, 27)):
        send_reminders()
    assert application.number in the_text_to(sms_outbox, head_a)


def test_a_confirmed_application_is_no_longer_waiting(
    applicant_user, clerk_a, head_a, dept_a, sms_outbox
):
    with at(D(2026, 11, 26)):
        application, _code = application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            info_title="名单",
            provision_form="electronic",
            delivery_method="download",
        )
        s.application_confirm_receipt(
            actor=clerk_a, application=application, confirmed_on=D(2026, 11, 26)
        )
    sms_outbox.clear()
    with at(D(2026, 11, 30)):
        send_reminders()
    assert texts_to(sms_outbox, head_a) == []
    assert all("待确认收到" not in text for text in texts_to(sms_outbox, clerk_a))


def test_an_inactive_handler_is_replaced_by_the_agencys_clerks(
    in_progress, clerk_a, clerk_c, sms_outbox
):
    get_user_model().objects.filter(pk=clerk_a.pk).update(is_active=False)
    with at(D(2026, 3, 25)):
        send_reminders()
    assert texts_to(sms_outbox, clerk_a) == []
    assert in_progress.number in the_text_to(sms_outbox, clerk_c)
