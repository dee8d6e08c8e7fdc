"""Issue 14, "Done when", first point, walked end to end with frozen time (17:00 China time on
the day each step names):

* A case received on 2026-12-20 (the 2027 holiday notice not loaded) shows a 暂定 due date,
  2027-01-18, on every page — the staff case page, the queue, the applicant's page and the
  query page, the letters, the API — and in `gongkai deadline --received 2026-12-20 --json`
  (`"provisional": true`, exit status 0, the assumption stated with the trace).
* The 工作台 tells administrators which year's notice is missing and how to load it.
* Loading a (synthetic) 2027 notice removes the mark, moves the date where the notice differs
  from the law alone, with an audit row; what was judged against a provisional date (on time
  or late, the annual report's 按时办结 / 延期办结 rows, the statistics) is judged again, audited.
* An approved extension never erases a due date.
* A reply served while its due date could not be known is not stored as on time.
"""

import datetime as dt
import json
import subprocess
import sys

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services as s
from gongkai.core.models import AuditEvent
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.letters.render import render_letter
from gongkai.reports.sources import Scope
from gongkai.reports.sources.applications import ApplicationsSource
from gongkai.reports.statistics import statistics
from gongkai.workdays.calendar import HOLIDAY, DayRule
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.selectors import work_calendar
from gongkai.workdays.services import calendar_year_load
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import png, register
from tests.workdays.fixtures import NOTICES

pytestmark = pytest.mark.django_db
D = dt.date
WHY = "2027年的节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》规定的节假日和周末推算"
ROW_WHY = "2027年节假日安排未公布，按法定节假日推算"
LETTER_MARK = "该日期暂定，以国务院办公厅公布的节假日安排为准"


def at(day: dt.date):
    """Frozen time on `day`, 17:00 in Beijing."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC), tick=False
    )


def reply_of(application) -> Deadline:
    return deadlines_of(subject=application, open_only=False).get(kind=Deadline.Kind.REPLY)


def notice_text() -> str:
    return (NOTICES / "synthetic-2027.txt").read_text(encoding="utf-8")


@pytest.fixture
def top_admin(city):
    """The administrator of the top-level agency: may load holiday notices."""
    return MembershipFactory(agency=city, role="admin").user


@pytest.fixture
def december_case(applicant_user, clerk_a, dept_a):
    """Submitted online on Friday 2026-12-18, confirmed by the clerk as received on Sunday
    2026-12-20 (the confirmation day is the receipt day: 2019 Art. 31(3))."""
    with at(D(2026, 12, 18)):
        application, code = s.application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=png(),
            info_title="2026年老旧小区改造项目清单",
            provision_form="electronic",
            delivery_method="download",
        )
    with at(D(2026, 12, 21)):
        application = s.application_confirm_receipt(
            actor=clerk_a, application=application, confirmed_on=D(2026, 12, 20)
        )
    application.query_code = code
    return application


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


# 1. A case received on 2026-12-20 shows a 暂定 due date on every page ---------------------------


def test_the_stored_reply_deadline_is_2027_01_18_provisional_and_its_opening_audited(
    december_case,
):
    deadline = reply_of(december_case)
    assert (december_case.received_on, deadline.due, deadline.provisional) == (
        D(2026, 12, 20),
        D(2027, 1, 18),
        True,
    )
    assert deadline.trace["assumption"]["years"] == [2027]
    opened = AuditEvent.objects.for_object(deadline).get(action="deadline.open")
    assert opened.changes == {"due": [None, "2027-01-18"], "provisional": [None, True]}


def test_the_staff_case_page_and_the_queue_say_provisional_with_the_reason(
    client, clerk_a, december_case
):
    with at(D(2026, 12, 21)):
        client.force_login(clerk_a)
        case = client.get(reverse("applications_office:case", args=[december_case.pk]))
        queue = client.get(reverse("applications_office:queue"))
    html = case.content.decode()
    assert "2027年1月18日" in html and "暂定" in html and WHY in html
    assert "2027-01-01：元旦放假（暂定），不计入" in html  # how it was computed
    row = queue.content.decode().split(december_case.number)[1].split("</tr>")[0]
    assert "2027-01-18" in row and 'class="flag provisional"' in row and ROW_WHY in row


def test_the_applicants_own_page_and_the_query_page_say_provisional_without_admin_words(
    client, applicant_user, december_case
):
    with at(D(2026, 12, 21)):
        client.force_login(applicant_user)
        detail = client.get(reverse("applications:detail", args=[december_case.pk]))
        client.logout()
        query = client.post(
            reverse("applications:query"),
            {"number": december_case.number, "code": december_case.query_code},
        )
    for page in (detail, query):
        html = page.content.decode()
        assert "2027年1月18日" in html and "暂定" in html and WHY in html
        assert "载入" not in html  # the public is told, not instructed


def test_the_letters_say_the_date_is_provisional(clerk_a, dept_a, december_case):
    """The receipt (答复期限), the consultation letter (征求意见答复期限: 15 working days from
    2026-12-22, 2027-01-13) and the fee notice (缴费期限: 20 working days from 2026-12-22,
    2027-01-20), each counted into 2027."""

    def letter(application, kind):
        return "\n".join(render_letter(application, kind, today=D(2026, 12, 22)).paragraphs)

    assert f"（即2027年1月18日前；{LETTER_MARK}）" in letter(december_case, "receipt")
    with at(D(2026, 12, 22)):
        consulted = s.application_start(actor=clerk_a, application=december_case)
        s.application_start_consultation(
            actor=clerk_a,
            application=consulted,
            party_kind="third_party",
            party_name="商丘示例建设有限公司",
            started_on=D(2026, 12, 21),
            letter_received_on=D(2026, 12, 22),
        )
        charged = s.application_start(
            actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 12, 14))
        )
        charged = s.application_send_fee_notice(
            actor=clerk_a,
            application=charged,
            method="volume",
            units=120,
            notice_received_on=D(2026, 12, 22),
        )
    assert f"（即2027年1月13日前；{LETTER_MARK}）" in letter(consulted, "consultation")
    assert f"（即2027年1月20日前；{LETTER_MARK}）" in letter(charged, "fee")


def test_the_api_says_provisional_to_staff_and_to_the_applicant(
    clerk_a, applicant_user, december_case
):
    staff, applicant = APIClient(), APIClient()
    staff.force_authenticate(clerk_a)
    applicant.force_authenticate(applicant_user)
    with at(D(2026, 12, 21)):
        detail = staff.get(f"/api/applications/{december_case.number}/").json()
        (row,) = staff.get("/api/office/applications/").json()["results"]
        (mine,) = applicant.get("/api/applications/").json()
    for reply in (detail["reply_due"], row["reply_due"], mine["reply_due"]):
        assert (reply["due"], reply["provisional"]) == ("2027-01-18", True)
        assert reply["provisional_reason"].startswith(WHY)
        assert reply["urgency"]["provisional"] is True


def test_the_command_gives_the_provisional_date_with_exit_status_0_and_the_assumption(tmp_path):
    """`gongkai deadline --received 2026-12-20 --json` in a real process on a freshly migrated
    installation (2004–2026 loaded from chinese-calendar, 2027 not)."""
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "PATH": "/usr/bin:/bin",
        "GONGKAI_VAR_DIR": str(tmp_path),
    }
    subprocess.run([sys.executable, "-m", "gongkai", "migrate", "-v0"], env=env, check=True)
    done = subprocess.run(
        [sys.executable, "-m", "gongkai", "deadline", "--received", "2026-12-20", "--json"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["due"], data["provisional"]) == ("2027-01-18", True)
    reasons = {day["date"]: day["reason"] for day in data["trace"]}
    assert reasons["2027-01-01"] == "元旦放假（暂定）"  # the assumed day off, in the trace
    assert reasons["2027-01-18"] == "工作日（暂定）" and reasons["2026-12-31"] == "工作日"
    assert data["assumption"]["years"] == [2027]
    assert data["assumption"]["measures"].startswith("《全国年节及纪念日放假办法》")
    assert data["assumption"]["days"][0]["basis"] == "第二条第（一）项"


# 2. The 工作台 says which notice is missing and how to load it ----------------------------------


def test_the_banner_tells_administrators_which_notice_is_missing_and_how_to_load_it(
    client, admin_a, top_admin, december_case
):
    """The department's administrator sees it over their agency's deadlines; the top-level
    administrator, who may load notices but has no case of their own, over every agency's."""
    for person in (admin_a, top_admin):
        with at(D(2026, 12, 21)):
            client.force_login(person)
            html = client.get(reverse("office:home")).content.decode()
        banner = html.split('<div class="banner')[1].split("</div>")[0]
        assert "2027年的节假日安排尚未载入" in banner
        assert "《国务院办公厅关于2027年部分节假日安排的通知》公布后" in banner
        assert "载入节假日安排通知" in banner and "粘贴通知全文" in banner
        assert reverse("workdays:year_list") in banner
    with at(D(2026, 12, 21)):
        page = client.get(reverse("workdays:year_list")).content.decode()
    assert reverse("workdays:load_notice") in page  # the page the banner sends them to


# 3. Loading the 2027 notice settles the dates, audited ---------------------------------------


def test_loading_the_notice_removes_the_mark_everywhere_and_audits_it(
    client, clerk_a, top_admin, december_case
):
    """The synthetic notice gives 1月1日至3日 off: 2027-01-18 stays, no longer provisional."""
    with at(D(2026, 12, 22)):
        client.force_login(top_admin)
        saved = client.post(reverse("workdays:load_notice"), {"text": notice_text(), "save": "1"})
    assert saved.status_code == 302 and saved["Location"] == reverse("workdays:year_list")
    deadline = reply_of(december_case)
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 18), False)
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert change.changes == {"due": ["2027-01-18", "2027-01-18"], "provisional": [True, False]}
    assert change.actor == top_admin
    with at(D(2026, 12, 22)):
        client.force_login(clerk_a)
        case = client.get(reverse("applications_office:case", args=[december_case.pk]))
        queue = client.get(reverse("applications_office:queue"))
        home = client.get(reverse("office:home"))
    assert "2027年1月18日" in case.content.decode() and "暂定" not in case.content.decode()
    assert 'class="flag provisional"' not in queue.content.decode()
    assert '<div class="banner' not in home.content.decode()
    letter = "\n".join(render_letter(december_case, "receipt", today=D(2026, 12, 22)).paragraphs)
    assert "（即2027年1月18日前）" in letter and "暂定" not in letter


def test_loading_the_notice_moves_a_date_it_changes_and_judges_the_reply_again(
    clerk_a, reviewer_a, dept_a
):
    """Received 2027-01-20: the law alone gives 春节 2月5日–10日, so the 20th working day is
    2027-02-23 (暂定). Served 2027-02-24: late against that date. The notice gives 2月5日–13日
    with 2月20日 worked: the date moves to 2027-02-24, the reply is on time; the annual
    report's 按时办结 / 延期办结 and the statistics on demand follow."""
    with at(D(2027, 1, 20)):
        case = register(clerk_a, dept_a, received=D(2027, 1, 20))
    assert (reply_of(case).due, reply_of(case).provisional) == (D(2027, 2, 23), True)
    with at(D(2027, 2, 24)):
        case = _serve(case, clerk_a, reviewer_a, D(2027, 2, 24))
    assert case.on_time is False

    def figures():
        report = ApplicationsSource.measures(
            Scope(agency=dept_a, year=2027), {"closed_on_time", "closed_extended"}
        )
        stats = statistics(
            agency=dept_a,
            start=D(2027, 1, 1),
            end=D(2027, 12, 31),
            agency_ids=[dept_a.pk],
            subtree=False,
            calendar=work_calendar(),
        )
        return (
            report["closed_on_time"],
            report["closed_extended"],
            stats.total.on_time,
            stats.total.late,
        )

    assert figures() == (0, 1, 0, 1)
    with at(D(2027, 2, 25)):
        calendar_year_load(
            year=2027,
            days=parse_notice(notice_text()).days,
            source="测试用2027年通知",
            actor=None,
            notice_text=notice_text(),
        )
    deadline = reply_of(case)
    assert (deadline.due, deadline.provisional, deadline.is_open) == (D(2027, 2, 24), False, False)
    moved = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert moved.changes == {"due": ["2027-02-23", "2027-02-24"], "provisional": [True, False]}
    case.refresh_from_db()
    assert case.on_time is True
    judged = AuditEvent.objects.for_object(case).get(action="application.on_time")
    assert judged.changes == {"on_time": [False, True]} and "2027-02-24" in judged.note
    assert figures() == (1, 0, 1, 0)


# 4. An extension never erases a due date -------------------------------------------------------


def test_an_approved_extension_into_2027_keeps_a_provisional_date_until_the_notice_settles_it(
    clerk_a, head_a, dept_a
):
    with at(D(2026, 11, 20)):
        case = register(clerk_a, dept_a, received=D(2026, 11, 20))
        case = s.application_start(actor=clerk_a, application=case)
        s.application_request_extension(actor=clerk_a, application=case, reason="需调取档案。")
    assert (reply_of(case).due, reply_of(case).provisional) == (D(2026, 12, 18), False)
    with at(D(2026, 12, 10)):
        case = s.application_decide_extension(actor=head_a, application=case, approve=True)
    deadline = reply_of(case)
    assert (deadline.due, deadline.provisional, deadline.extended) == (D(2027, 1, 18), True, True)
    extended = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert extended.changes == {"due": ["2026-12-18", "2027-01-18"], "provisional": [False, True]}
    text = "\n".join(render_letter(case, "extension", today=D(2026, 12, 10)).paragraphs)
    assert f"2027年1月18日前作出答复（{LETTER_MARK}）" in text
    calendar_year_load(year=2027, days=parse_notice(notice_text()).days, source="测试", actor=None)
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional, deadline.extended) == (D(2027, 1, 18), False, True)


# 5. A reply served while its due date was unknown is not stored as on time --------------------


def test_a_reply_served_while_its_due_date_was_unknown_is_not_on_time_until_judged(
    clerk_a, reviewer_a, dept_a
):
    """Only a year no holiday rule covers can still leave a date unknown (before the 2024 text
    of the 办法 took effect): here 2024, removed. Served about 7 weeks late, the reply is not
    stored as on time; once the year is loaded it is judged late, audited, and counted in the
    report's 延期办结 and the statistics' 逾期."""
    CalendarYear.objects.filter(year=2024).delete()
    with at(D(2024, 12, 20)):
        case = register(clerk_a, dept_a, received=D(2024, 12, 20))
    assert reply_of(case).due is None and reply_of(case).pending_reason
    with at(D(2025, 3, 10)):
        case = _serve(case, clerk_a, reviewer_a, D(2025, 3, 10))
    assert case.on_time is None
    stats = statistics(
        agency=dept_a,
        start=D(2025, 1, 1),
        end=D(2025, 12, 31),
        agency_ids=[dept_a.pk],
        subtree=False,
        calendar=work_calendar(),
    )
    assert (stats.total.on_time, stats.total.late, stats.not_judged) == (0, 0, 1)
    with at(D(2025, 3, 11)):
        calendar_year_load(
            year=2024, days=[DayRule(D(2024, 1, 1), HOLIDAY, "元旦")], source="测试", actor=None
        )
    case.refresh_from_db()
    assert reply_of(case).due == D(2025, 1, 20) and case.on_time is False
    judged = AuditEvent.objects.for_object(case).get(action="application.on_time")
    assert judged.changes == {"on_time": [None, False]}
    report = ApplicationsSource.measures(
        Scope(agency=dept_a, year=2025), {"closed_on_time", "closed_extended"}
    )
    assert (report["closed_on_time"], report["closed_extended"]) == (0, 1)


def test_a_due_date_that_cannot_be_known_is_said_so_with_why_on_every_page(client, clerk_a, dept_a):
    """The issue: the reason was stored (pending_reason) but no page showed it. Staff read it;
    the public reads why in their words, with no administrator's instruction."""
    CalendarYear.objects.filter(year=2024).delete()
    with at(D(2024, 12, 20)):
        case = register(clerk_a, dept_a, received=D(2024, 12, 20))
        client.force_login(clerk_a)
        page = client.get(reverse("applications_office:case", args=[case.pk])).content.decode()
        queue = client.get(reverse("applications_office:queue")).content.decode()
        client.logout()
        query = client.post(
            reverse("applications:query"), {"number": case.number, "code": case.query_code}
        ).content.decode()
    reason = reply_of(case).pending_reason
    assert "2024年的节假日安排尚未载入" in reason
    assert "期限待定" in page and reason in page
    row = queue.split(case.number)[1].split("</tr>")[0]
    assert "期限待定" in row and reason in row
    assert "期限待定" in query and "所涉年份的节假日安排尚未公布，具体日期暂时无法计算" in query
    assert "载入" not in query
