"""Provisional (暂定) deadlines: a count that runs into a year whose State Council notice is not
loaded uses the statutory holidays, is marked, says what it assumed, and is settled (audited)
when the notice is loaded. Dates inside loaded years are unchanged."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from gongkai.core.models import AuditEvent
from gongkai.deadlines.compute import reply_deadline
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.services import (
    deadline_close,
    deadline_open,
    deadline_update,
    settle_after_migrate,
)
from gongkai.deadlines.signals import deadline_changed
from gongkai.workdays.calendar import HOLIDAY, DayRule, YearNotLoaded
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.selectors import provisional_calendar, work_calendar
from gongkai.workdays.services import calendar_year_load
from tests.agencies.factories import MembershipFactory
from tests.workdays.fixtures import NOTICES

pytestmark = pytest.mark.django_db
D = dt.date


def load_synthetic_2027(actor=None):
    """A made-up 2027 notice (tests/workdays/notices/SOURCES.md): 春节 2月5日至13日 with
    2月20日（周六）上班, where the law alone gives 2月5日至10日."""
    text = (NOTICES / "synthetic-2027.txt").read_text(encoding="utf-8")
    parsed = parse_notice(text)
    return calendar_year_load(
        year=parsed.year, days=parsed.days, source="测试用2027年通知", actor=actor, notice_text=text
    )


def reply(dept_a, start, **kwargs) -> Deadline:
    # The subject stands in for an application (the applications app attaches its own).
    return deadline_open(
        actor=None, agency=dept_a, subject=dept_a, kind=Deadline.Kind.REPLY, start=start, **kwargs
    )


# The computation -------------------------------------------------------------------------------


def test_a_reply_received_2026_12_20_is_due_2027_01_18_provisionally():
    result = reply_deadline(calendar=provisional_calendar(), received=D(2026, 12, 20))
    assert (result.due, result.provisional) == (D(2027, 1, 18), True)
    data = result.as_dict()
    assert data["provisional"] is True and data["extended_provisional"] is None
    assert data["assumption"]["years"] == [2027]
    assert data["assumption"]["days"] == [
        {"date": "2027-01-01", "name": "元旦", "basis": "第二条第（一）项", "makeup_for": None}
    ]
    reasons = {day["date"]: day["reason"] for day in data["trace"]}
    assert reasons["2026-12-31"] == "工作日"  # a published day stays as it is
    assert reasons["2027-01-01"] == "元旦放假（暂定）"
    assert reasons["2027-01-04"] == "工作日（暂定）"
    text = "\n".join(result.explanation)
    assert "答复期限届满日：2027-01-18（周一）（暂定）" in text
    assert "2027年的节假日安排尚未公布" in text and "《全国年节及纪念日放假办法》" in text
    assert "以国务院办公厅公布的2027年节假日安排为准" in text


def test_the_explanation_names_the_make_up_days_and_their_article():
    result = reply_deadline(calendar=provisional_calendar(), received=D(2027, 1, 20))
    assert result.due == D(2027, 2, 23)
    text = "\n".join(result.explanation)
    assert "2027-02-05 至 2027-02-08：春节放假（暂定），不计入" in text
    assert "2027-02-09 至 2027-02-10：春节补假（暂定），不计入" in text
    assert "依第六条“全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假”" in text


def test_dates_inside_loaded_years_are_exactly_as_before():
    """Every reply period of 2026 that ends in 2026 is the same with either calendar."""
    exact, provisional = work_calendar(), provisional_calendar()
    day, compared = D(2026, 1, 1), 0
    while day <= D(2026, 11, 30):
        try:
            a = reply_deadline(calendar=exact, received=day, extended=True)
        except YearNotLoaded:
            break  # from here on the exact calendar cannot count at all
        b = reply_deadline(calendar=provisional, received=day, extended=True)
        assert (b.due, b.extended_due) == (a.due, a.extended_due), day
        assert (b.provisional, b.extended_provisional) == (False, False), day
        assert b.explanation == a.explanation and b.as_dict()["trace"] == a.as_dict()["trace"]
        compared += 1
        day += dt.timedelta(days=1)
    assert compared > 280


def test_only_the_extended_date_is_provisional_when_only_it_reaches_the_next_year():
    result = reply_deadline(
        calendar=provisional_calendar(), received=D(2026, 11, 20), extended=True
    )
    assert result.due == D(2026, 12, 18) and not result.provisional
    assert result.extended_due == D(2027, 1, 18) and result.extended_provisional


# The command, the API and the public calculator -----------------------------------------------


def _run(*args) -> str:
    import io

    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue()


def test_the_workdays_command_loading_the_notice_settles_them(dept_a):
    deadline = reply(dept_a, D(2027, 1, 20))
    call_command("workdays", "load-notice", str(NOTICES / "synthetic-2027.txt"), "--yes")
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 2, 24), False)


def test_the_command_returns_the_provisional_date_with_exit_0_and_states_the_assumption():
    data = json.loads(_run("--received", "2026-12-20", "--json"))
    assert (data["due"], data["provisional"]) == ("2027-01-18", True)
    assert any(day["reason"] == "元旦放假（暂定）" for day in data["trace"])
    assert data["assumption"]["measures"].startswith("《全国年节及纪念日放假办法》")
    text = _run("--received", "2026-12-20")
    assert "答复期限：2027-01-18（暂定）" in text and "2027年的节假日安排尚未公布" in text


def test_the_command_marks_nothing_inside_loaded_years():
    data = json.loads(_run("--received", "2026-09-28", "--json"))
    assert data["provisional"] is False and data["assumption"] is None


def test_the_api_says_provisional(client):
    data = client.get("/api/deadline/", {"received": "2026-12-20", "extended": "1"}).json()
    assert (data["due"], data["provisional"]) == ("2027-01-18", True)
    assert (data["extended_due"], data["extended_provisional"]) == ("2027-02-19", True)


def test_the_public_calculator_speaks_to_the_public(client):
    page = client.get("/deadline/", {"received": "2026-12-20"}).content.decode()
    assert "2027年1月18日" in page and "暂定" in page
    assert "2027年的节假日安排尚未公布" in page
    assert "以国务院办公厅公布的节假日安排为准" in page
    assert "载入" not in page  # no instruction to administrators


# Stored deadlines --------------------------------------------------------------------------------


def test_a_stored_deadline_is_provisional_and_its_opening_is_audited_so(dept_a):
    deadline = reply(dept_a, D(2026, 12, 20))
    assert (deadline.due, deadline.provisional, deadline.pending_reason) == (
        D(2027, 1, 18),
        True,
        "",
    )
    assert deadline.trace["assumption"]["years"] == [2027]
    opened = AuditEvent.objects.for_object(deadline).get(action="deadline.open")
    assert opened.changes == {"due": [None, "2027-01-18"], "provisional": [None, True]}
    assert "2027年" in opened.note


def test_loading_the_notice_clears_the_mark_and_audits_it_even_when_the_date_stays(dept_a):
    deadline = reply(dept_a, D(2026, 12, 20))
    load_synthetic_2027()
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 18), False)
    assert "assumption" not in deadline.trace
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert change.changes == {"due": ["2027-01-18", "2027-01-18"], "provisional": [True, False]}
    assert "2027年节假日安排载入" in change.note


def test_loading_the_notice_moves_the_date_where_the_notice_differs(dept_a):
    deadline = reply(dept_a, D(2027, 1, 20))
    assert (deadline.due, deadline.provisional) == (D(2027, 2, 23), True)
    load_synthetic_2027()
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 2, 24), False)
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert change.changes == {"due": ["2027-02-23", "2027-02-24"], "provisional": [True, False]}


def test_the_office_paste_page_settles_provisional_deadlines(client, dept_a, city):
    deadline = reply(dept_a, D(2027, 1, 20))
    client.force_login(MembershipFactory(agency=city, role="admin").user)
    text = (NOTICES / "synthetic-2027.txt").read_text(encoding="utf-8")
    assert client.post("/office/calendar/load/", {"text": text, "save": "1"}).status_code == 302
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2027, 2, 24), False)


def test_the_post_migrate_loader_settles_them_too(dept_a):
    """A new chinese-calendar release brings a year at `migrate`: the deadlines it reaches are
    recomputed, audited with the package as the reason (here 2026, removed and brought back)."""
    from gongkai.workdays.loaders import load_bundled_years

    CalendarYear.objects.filter(year=2026).delete()
    deadline = reply(dept_a, D(2026, 9, 28))
    assert (deadline.due, deadline.provisional) == (D(2026, 10, 29), True)  # no 调休 assumed
    assert load_bundled_years() == [2026]
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (D(2026, 10, 30), False)
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert "chinese-calendar" in change.note


def test_a_closed_provisional_deadline_is_settled_and_announced(dept_a):
    """A reply served while its date was provisional: its closed deadline is recomputed, and
    the owning app is told (it judges 按时办结 again)."""
    deadline = reply(dept_a, D(2027, 1, 20))
    deadline_close(actor=None, deadline=deadline, note="答复已送达")
    heard = []

    def listen(sender, **kwargs):
        heard.append((kwargs["deadline"].pk, kwargs["old_due"], kwargs["old_provisional"]))

    deadline_changed.connect(listen)
    try:
        load_synthetic_2027()
    finally:
        deadline_changed.disconnect(listen)
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional, deadline.is_open) == (D(2027, 2, 24), False, False)
    assert heard == [(deadline.pk, D(2027, 2, 23), True)]


def test_an_extension_into_an_unloaded_year_keeps_a_provisional_date(dept_a):
    """The issue: an approved extension set the due date to nothing. It is now provisional."""
    deadline = reply(dept_a, D(2026, 11, 20))
    assert (deadline.due, deadline.provisional) == (D(2026, 12, 18), False)
    deadline = deadline_update(actor=None, deadline=deadline, extended=True, note="负责人批准延期")
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 18), True)
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert change.changes == {"due": ["2026-12-18", "2027-01-18"], "provisional": [False, True]}


def test_a_known_date_is_never_erased_even_where_no_holiday_rule_can_count(dept_a):
    """Where the count cannot be made at all (a missing year before 2025), an update keeps the
    date it had, marked provisional, with why in the trace."""
    deadline = reply(dept_a, D(2024, 11, 20))
    CalendarYear.objects.filter(year=2024).delete()  # the count now reaches a year it can't
    deadline = deadline_update(actor=None, deadline=deadline, extended=True, note="负责人批准延期")
    assert deadline.due == D(2024, 12, 18) and deadline.provisional
    assert "2024年的节假日安排尚未载入" in deadline.trace["kept"]["why"]


def test_after_migrate_deadlines_closed_without_a_date_are_settled(dept_a):
    """Before provisional dates, a deadline could close with no date (a reply served while
    the year was not loaded). The post-migrate sweep computes it and tells the owning app."""
    CalendarYear.objects.filter(year=2024).delete()
    deadline = reply(dept_a, D(2024, 12, 20))
    deadline_close(actor=None, deadline=deadline, note="答复已送达")
    assert deadline.due is None
    calendar_year_load(
        year=2024, days=[DayRule(D(2024, 1, 1), HOLIDAY, "元旦")], source="测试", actor=None
    )
    deadline.refresh_from_db()
    assert deadline.due == D(2025, 1, 20)  # loading the year settled it already
    Deadline.objects.filter(pk=deadline.pk).update(due=None, pending_reason="旧记录", trace={})
    settle_after_migrate(sender=None)
    deadline.refresh_from_db()
    assert (deadline.due, deadline.pending_reason) == (D(2025, 1, 20), "")
    assert "升级后复核" in AuditEvent.objects.for_object(deadline).first().note


def test_a_provisional_deadline_has_a_date_in_the_database(dept_a):
    from django.db import IntegrityError, transaction

    deadline = reply(dept_a, D(2026, 12, 20))
    with pytest.raises(IntegrityError), transaction.atomic():
        Deadline.objects.filter(pk=deadline.pk).update(due=None, pending_reason="x")
