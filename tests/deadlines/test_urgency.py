"""One urgency for an open deadline and a day, decided in one place (deadlines.urgency) and
filtered the same way on querysets (DeadlineQuerySet); the years whose notice is missing."""

import datetime as dt

import pytest
import time_machine

from gongkai.deadlines.display import deadline_shown
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import (
    filter_by_deadline_urgency,
    missing_notices,
    open_deadlines_with_urgency,
    reminder_horizon,
)
from gongkai.deadlines.services import deadline_close, deadline_open
from gongkai.deadlines.urgency import urgency_of
from gongkai.workdays.selectors import provisional_calendar

pytestmark = pytest.mark.django_db
D = dt.date


def at(day: dt.date):
    """Frozen time on `day`, 17:00 in Beijing."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC), tick=False
    )


def urgency(due, today, **kwargs):
    return urgency_of(
        due=due,
        today=today,
        horizon=reminder_horizon(today),
        calendar=provisional_calendar(),
        **kwargs,
    )


def test_a_case_due_2026_11_24_is_overdue_by_ten_working_days_on_2026_12_08(settings):
    """The issue's case: shown with no mark on the case page while the queue marked it."""
    found = urgency(D(2026, 11, 24), D(2026, 12, 8))
    assert (found.code, found.workdays, found.label) == ("overdue", 10, "已逾期10个工作日")


def test_a_case_due_today_reads_due_today_not_due_within_the_window():
    found = urgency(D(2026, 12, 8), D(2026, 12, 8))
    assert (found.code, found.label) == ("today", "今日到期")


def test_due_soon_counts_the_working_days_left(settings):
    settings.GONGKAI_REMINDER_WORKDAYS = 3
    found = urgency(D(2026, 12, 11), D(2026, 12, 8))
    assert (found.code, found.workdays, found.label) == ("soon", 3, "3个工作日内到期")
    assert urgency(D(2026, 12, 9), D(2026, 12, 8)).label == "1个工作日内到期"
    later = urgency(D(2026, 12, 14), D(2026, 12, 8))
    assert (later.code, later.label, later.flagged) == ("later", "", False)


def test_the_day_after_a_friday_due_date_is_already_one_working_day_late():
    found = urgency(D(2026, 12, 4), D(2026, 12, 5))  # Friday, then Saturday
    assert (found.code, found.workdays) == ("overdue", 1)


def test_soon_reaches_into_an_unloaded_year_with_the_provisional_calendar(settings):
    """On 2026-12-30, a reply due (provisionally) 2027-01-04 is 2 working days away: 元旦 is
    assumed off, and the reminders see it."""
    settings.GONGKAI_REMINDER_WORKDAYS = 3
    assert reminder_horizon(D(2026, 12, 30)) == D(2027, 1, 5)
    found = urgency(D(2027, 1, 4), D(2026, 12, 30), provisional=True)
    assert (found.code, found.workdays, found.provisional) == ("soon", 2, True)


def test_no_date_is_pending_with_its_reason():
    found = urgency(None, D(2026, 12, 8), pending_reason="2024年的节假日安排尚未载入")
    assert (found.code, found.label, found.pending_reason) == (
        "pending",
        "期限待定",
        "2024年的节假日安排尚未载入",
    )


def test_due_soon_never_reads_none_when_the_working_days_cannot_be_counted():
    """With the exact calendar a day of 2027 (notice not loaded) cannot be counted: the label
    falls back to 即将到期 rather than "None个工作日内到期"."""
    from gongkai.workdays.selectors import work_calendar

    found = urgency_of(
        due=D(2027, 1, 4),
        today=D(2026, 12, 30),
        horizon=D(2027, 1, 5),
        calendar=work_calendar(),
        provisional=True,
    )
    assert (found.code, found.workdays, found.label) == ("soon", None, "即将到期")


# A stored deadline as pages show it ---------------------------------------------------------------


def _reply(agency, start, subject=None):
    return deadline_open(
        actor=None,
        agency=agency,
        subject=subject or agency,
        kind=Deadline.Kind.REPLY,
        start=start,
    )


def test_a_stored_deadline_is_shown_with_its_urgency_provisional_mark_and_why(dept_a):
    with at(D(2026, 12, 21)):
        shown = deadline_shown(_reply(dept_a, D(2026, 12, 20)))
    assert (shown.due, shown.provisional, shown.urgency.code) == (D(2027, 1, 18), True, "later")
    assert shown.label == "答复期限"
    assert shown.provisional_reason.startswith("2027年的节假日安排尚未公布")
    assert "以国务院办公厅公布的节假日安排为准" in shown.provisional_reason
    assert "请" not in shown.provisional_reason and "载入" not in shown.provisional_reason
    assert (
        shown.explanation[-1] == "因此该日期为暂定日期，以国务院办公厅公布的2027年节假日安排为准。"
    )
    data = shown.as_dict()
    assert data["urgency"] == {
        "code": "later",
        "label": "",
        "workdays": None,
        "provisional": True,
    }


def test_a_closed_deadline_has_no_urgency(dept_a):
    deadline = deadline_close(actor=None, deadline=_reply(dept_a, D(2026, 3, 2)))
    assert deadline_shown(deadline, today=D(2026, 4, 1)).urgency is None


# The queryset filters agree with the selector ----------------------------------------------------


def test_the_queryset_filters_match_the_urgency_of_each_deadline(dept_a, settings):
    from tests.accounts.factories import UserFactory

    settings.GONGKAI_REMINDER_WORKDAYS = 3
    today = D(2026, 12, 8)
    # Reply deadlines due 11-24, 12-07 (overdue), 12-08 (today), 12-09 (soon), 12-18 (later)
    # and 2027-01-18 (later, provisional); each subject stands in for a case.
    starts = [D(2026, 10, 27), D(2026, 11, 9), D(2026, 11, 10), D(2026, 11, 11)]
    starts += [D(2026, 11, 20), D(2026, 12, 20)]
    deadlines = [_reply(dept_a, start, subject=UserFactory()) for start in starts]
    expected = {}
    for deadline in deadlines:
        found = urgency(deadline.due, today, provisional=deadline.provisional)
        expected.setdefault(found.code, set()).add(deadline.pk)
        if found.provisional:
            expected.setdefault("provisional", set()).add(deadline.pk)
    assert [len(expected[code]) for code in ("overdue", "today", "soon", "later")] == [2, 1, 1, 2]
    for code in ("overdue", "today", "soon", "pending", "provisional"):
        rows = open_deadlines_with_urgency(code, today=today)
        assert set(rows.values_list("pk", flat=True)) == expected.get(code, set()), code


def test_objects_are_filtered_by_the_urgency_of_their_open_deadline(dept_a, city):
    from gongkai.agencies.models import Agency

    _reply(dept_a, D(2026, 11, 9), subject=dept_a)  # due 2026-12-07
    _reply(dept_a, D(2026, 12, 20), subject=city)  # due 2027-01-18, provisional
    agencies = Agency.objects.all()
    overdue = filter_by_deadline_urgency(
        agencies, kind="reply", code="overdue", today=D(2026, 12, 8)
    )
    assert list(overdue) == [dept_a]
    provisional = filter_by_deadline_urgency(agencies, kind="reply", code="provisional")
    assert list(provisional) == [city]


# The 工作台 banner's data ------------------------------------------------------------------------


def test_missing_notices_lists_the_years_open_deadlines_wait_for(dept_a, dept_b, city):
    assert missing_notices() == []
    _reply(dept_a, D(2026, 12, 20), subject=dept_a)
    _reply(dept_b, D(2026, 12, 21), subject=dept_b)
    _reply(dept_a, D(2026, 3, 2), subject=city)  # exact: waits for nothing
    (missing,) = missing_notices()
    assert (missing.year, missing.open_deadlines) == (2027, 2)
    assert [m.open_deadlines for m in missing_notices(agency_ids=[dept_b.pk])] == [1]
