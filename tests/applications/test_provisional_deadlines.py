"""A case whose reply period runs into a year with no loaded holiday notice: its 暂定 due date on
every page and in the API, one urgency everywhere, and 按时办结 judged again when the notice
comes (issue 14). Time is frozen at 17:00 China time on the day each test names."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services as s
from gongkai.applications.models import Application
from gongkai.applications.selectors import reply_deadline_explained, work_queue
from gongkai.core.models import AuditEvent
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.letters.render import render_letter
from gongkai.workdays.calendar import HOLIDAY, DayRule
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import calendar_year_load
from tests.applications.fixtures import png, register
from tests.deadlines.test_provisional import load_synthetic_2027

pytestmark = pytest.mark.django_db
D = dt.date
PROVISIONAL_REASON = "2027年的节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的节假日"


def at(day: dt.date):
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC), tick=False
    )


def reply_of(application) -> Deadline:
    return deadlines_of(subject=application, open_only=False).get(kind=Deadline.Kind.REPLY)


@pytest.fixture
def december_case(clerk_a, dept_a):
    """Received 2026-12-20 (the issue's day): due 2027-01-18, provisionally."""
    with at(D(2026, 12, 21)):
        return register(clerk_a, dept_a, received=D(2026, 12, 20))


def test_a_case_received_2026_12_20_has_a_provisional_reply_deadline(december_case):
    deadline = reply_of(december_case)
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 18), True)


# Every page ----------------------------------------------------------------------------------


def test_the_staff_case_page_says_provisional_with_the_reason(client, clerk_a, december_case):
    with at(D(2026, 12, 21)):
        client.force_login(clerk_a)
        page = client.get(reverse("applications_office:case", args=[december_case.pk]))
    html = page.content.decode()
    assert "2027年1月18日" in html and "暂定" in html and PROVISIONAL_REASON in html
    assert "2027-01-01：元旦放假（暂定），不计入" in html  # how it was computed


def test_the_queue_row_says_provisional_and_why(client, clerk_a, december_case):
    with at(D(2026, 12, 21)):
        client.force_login(clerk_a)
        html = client.get(reverse("applications_office:queue")).content.decode()
    row = html.split(december_case.number)[1].split("</tr>")[0]
    assert "2027-01-18" in row and "暂定" in row and "2027年节假日安排未公布" in row


def test_the_applicants_pages_say_provisional(client, applicant_user, clerk_a, dept_a):
    with at(D(2026, 12, 18)):
        online, code = s.application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            info_title="某文件",
            provision_form="electronic",
            delivery_method="email",
        )
    with at(D(2026, 12, 21)):
        s.application_confirm_receipt(
            actor=clerk_a, application=online, confirmed_on=D(2026, 12, 20)
        )
        client.force_login(applicant_user)
        detail = client.get(reverse("applications:detail", args=[online.pk])).content.decode()
        client.logout()
        query = client.post(
            reverse("applications:query"), {"number": online.number, "code": code}
        ).content.decode()
    for html in (detail, query):
        assert "2027年1月18日" in html and "暂定" in html and PROVISIONAL_REASON in html
        assert "载入" not in html  # the public is told, not instructed


def test_the_api_gives_due_provisional_urgency_and_explanation(clerk_a, december_case):
    api = APIClient()
    api.force_authenticate(clerk_a)
    with at(D(2026, 12, 21)):
        body = api.get(f"/api/applications/{december_case.number}/").json()
        (row,) = api.get("/api/office/applications/").json()["results"]
    for reply in (body["reply_due"], row["reply_due"]):
        assert (reply["due"], reply["provisional"]) == ("2027-01-18", True)
        assert reply["provisional_reason"].startswith("2027年的节假日安排尚未公布")
        assert reply["urgency"]["code"] == "later" and reply["urgency"]["provisional"] is True
        assert any("（暂定）" in line for line in reply["explanation"])


def test_loading_the_notice_takes_the_mark_off_every_page(client, clerk_a, december_case):
    load_synthetic_2027()
    with at(D(2026, 12, 21)):
        client.force_login(clerk_a)
        html = client.get(
            reverse("applications_office:case", args=[december_case.pk])
        ).content.decode()
        queue = client.get(reverse("applications_office:queue")).content.decode()
    assert "2027年1月18日" in html and "暂定" not in html
    # (the queue's urgency filter still offers 暂定期限 as a choice)
    assert 'class="flag provisional"' not in queue
    change = AuditEvent.objects.for_object(reply_of(december_case)).get(action="deadline.change")
    assert change.changes["provisional"] == [True, False]


# One urgency everywhere ----------------------------------------------------------------------------


def test_an_overdue_case_is_marked_the_same_on_the_case_page_and_in_the_queue(
    client, clerk_a, dept_a
):
    """The issue: due 2026-11-24, shown on 2026-12-08 with no 已逾期 on the case page."""
    with at(D(2026, 10, 27)):
        late = register(clerk_a, dept_a, received=D(2026, 10, 27))
    assert reply_of(late).due == D(2026, 11, 24)
    with at(D(2026, 12, 8)):
        client.force_login(clerk_a)
        case = client.get(reverse("applications_office:case", args=[late.pk])).content.decode()
        queue = client.get(reverse("applications_office:queue")).content.decode()
    assert "已逾期10个工作日" in case
    assert "已逾期10个工作日" in queue.split(late.number)[1].split("</tr>")[0]


def test_a_case_due_today_reads_due_today_everywhere(client, clerk_a, dept_a):
    with at(D(2026, 11, 10)):
        today = register(clerk_a, dept_a, received=D(2026, 11, 10))
    assert reply_of(today).due == D(2026, 12, 8)
    with at(D(2026, 12, 8)):
        client.force_login(clerk_a)
        case = client.get(reverse("applications_office:case", args=[today.pk])).content.decode()
        queue = client.get(reverse("applications_office:queue")).content.decode()
        (row,) = work_queue(user=clerk_a)
    assert "今日到期" in case and "个工作日内到期" not in case
    row_html = queue.split(today.number)[1].split("</tr>")[0]
    assert "今日到期" in row_html and "个工作日内到期" not in row_html
    assert row.reply.urgency.code == "today" and not row.due_soon and not row.overdue


def test_the_queue_sorts_provisional_dates_with_the_others(clerk_a, dept_a, december_case):
    with at(D(2026, 12, 21)):
        earlier = register(clerk_a, dept_a, received=D(2026, 12, 1))
        queue = work_queue(user=clerk_a)
    assert [c.pk for c in queue] == [earlier.pk, december_case.pk]


# What is derived from the due date ------------------------------------------------------------------


def _serve(application, clerk, reviewer, served_on):
    application = s.application_start(actor=clerk, application=application)
    application = s.application_draft_decision(
        actor=clerk,
        application=application,
        outcome="granted",
        legal_basis="《政府信息公开条例》第三十七条",
    )
    application = s.application_approve_decision(actor=reviewer, application=application)
    return s.application_serve(
        actor=clerk, application=application, method="post", served_on=served_on
    )


def test_a_reply_served_on_a_provisional_date_is_judged_again_when_the_notice_comes(
    clerk_a, reviewer_a, dept_a
):
    """Received 2027-01-20: provisionally due 2027-02-23; served that day, on time. The notice
    moves the date to 2027-02-24: still on time. Served 2027-02-24 instead: late provisionally,
    on time once the notice is loaded, audited."""
    with at(D(2027, 1, 20)):
        case = register(clerk_a, dept_a, received=D(2027, 1, 20))
    with at(D(2027, 2, 24)):
        case = _serve(case, clerk_a, reviewer_a, D(2027, 2, 24))
    assert case.on_time is False and reply_of(case).provisional
    load_synthetic_2027()
    case.refresh_from_db()
    assert case.on_time is True
    event = AuditEvent.objects.for_object(case).get(action="application.on_time")
    assert event.changes == {"on_time": [False, True]}
    assert "2027-02-24" in event.note


def test_a_reply_served_while_its_date_was_unknown_is_judged_late_once_it_is_known(
    clerk_a, reviewer_a, dept_a
):
    """The issue: served about 7 weeks late while the year was not loaded, stored as on time.
    (Only a year before 2025 can still be missing here: later ones are provisional.)"""
    CalendarYear.objects.filter(year=2024).delete()
    with at(D(2024, 12, 20)):
        case = register(clerk_a, dept_a, received=D(2024, 12, 20))
    assert reply_of(case).due is None
    with at(D(2025, 3, 10)):
        case = _serve(case, clerk_a, reviewer_a, D(2025, 3, 10))
    assert case.on_time is None  # nothing to judge against yet: not stored as on time
    calendar_year_load(
        year=2024, days=[DayRule(D(2024, 1, 1), HOLIDAY, "元旦")], source="测试", actor=None
    )
    case.refresh_from_db()
    assert reply_of(case).due == D(2025, 1, 20) and case.on_time is False
    event = AuditEvent.objects.for_object(case).get(action="application.on_time")
    assert event.changes == {"on_time": [None, False]}


def test_the_annual_reports_on_time_rows_follow(clerk_a, reviewer_a, dept_a):
    """按时办结 / 延期办结 read `on_time` (reports/sources/applications.py)."""
    with at(D(2027, 1, 20)):
        case = register(clerk_a, dept_a, received=D(2027, 1, 20))
    with at(D(2027, 2, 24)):
        _serve(case, clerk_a, reviewer_a, D(2027, 2, 24))
    assert list(Application.objects.filter(on_time=False)) == [case]
    load_synthetic_2027()
    assert not Application.objects.filter(on_time=False).exists()


def test_an_approved_extension_into_an_unloaded_year_keeps_a_provisional_date(
    clerk_a, head_a, dept_a, sms_outbox, django_capture_on_commit_callbacks
):
    """The issue: an approved extension erased a known due date."""
    with at(D(2026, 11, 20)):
        case = register(clerk_a, dept_a, received=D(2026, 11, 20))
        case = s.application_start(actor=clerk_a, application=case)
        s.application_request_extension(actor=clerk_a, application=case, reason="需调取档案。")
        sms_outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            s.application_decide_extension(
                actor=head_a, application=case, approve=True, today=D(2026, 12, 10)
            )
    deadline = reply_of(case)
    assert (deadline.due, deadline.provisional, deadline.extended) == (D(2027, 1, 18), True, True)
    assert "2027-01-18（暂定，以国务院办公厅公布的节假日安排为准）" in sms_outbox[-1].text
    with at(D(2026, 12, 10)):
        shown = reply_deadline_explained(case)
    assert shown.extended and shown.provisional and shown.due == D(2027, 1, 18)


# Letters ----------------------------------------------------------------------------------------


def test_the_receipt_says_the_due_date_is_provisional(december_case):
    text = "\n".join(render_letter(december_case, "receipt", today=D(2026, 12, 21)).paragraphs)
    assert "（即2027年1月18日前；该日期暂定，以国务院办公厅公布的节假日安排为准）" in text


def test_a_receipt_with_an_exact_date_says_nothing_more(clerk_a, dept_a):
    case = register(clerk_a, dept_a)
    text = "\n".join(render_letter(case, "receipt", today=D(2026, 3, 3)).paragraphs)
    assert "（即2026年3月30日前）" in text and "暂定" not in text


def test_the_extension_notice_says_the_new_date_is_provisional(clerk_a, head_a, dept_a):
    with at(D(2026, 11, 20)):
        case = register(clerk_a, dept_a, received=D(2026, 11, 20))
        case = s.application_start(actor=clerk_a, application=case)
        s.application_request_extension(actor=clerk_a, application=case, reason="需调取档案。")
        case = s.application_decide_extension(
            actor=head_a, application=case, approve=True, today=D(2026, 12, 10)
        )
    text = "\n".join(render_letter(case, "extension", today=D(2026, 12, 10)).paragraphs)
    assert (
        "本机关将于2027年1月18日前作出答复（该日期暂定，以国务院办公厅公布的节假日安排为准）"
        in text
    )
