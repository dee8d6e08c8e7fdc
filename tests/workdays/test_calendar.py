"""The pure working-day calendar: weekends, holidays, make-up days, and refusing unknown years."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import HOLIDAY, WORKDAY, DayRule, WorkCalendar, YearNotLoaded

D = dt.date


def test_ordinary_weekdays_and_weekends(bundled_calendar):
    assert bundled_calendar.is_workday(D(2026, 11, 27))  # a Friday
    assert not bundled_calendar.is_workday(D(2026, 11, 28))  # a Saturday


def test_holidays_and_makeup_days_2024_spring_festival(bundled_calendar):
    assert not bundled_calendar.is_workday(D(2024, 2, 12))  # Monday in the holiday
    assert bundled_calendar.is_workday(D(2024, 2, 4))  # Sunday make-up day
    assert bundled_calendar.is_workday(D(2024, 2, 18))  # Sunday make-up day
    assert bundled_calendar.is_workday(D(2024, 2, 9))  # 除夕: only "encouraged" off


def test_reasons_are_in_words(bundled_calendar):
    assert bundled_calendar.reason(D(2024, 2, 4)) == "周日调休上班（春节）"
    assert bundled_calendar.reason(D(2024, 2, 12)) == "春节放假"
    assert bundled_calendar.reason(D(2024, 2, 24)) == "周六"
    assert bundled_calendar.reason(D(2024, 2, 26)) == "工作日"


def test_add_workdays_does_not_count_the_start_day(bundled_calendar):
    # Friday 2026-11-27: day 1 is Monday 11-30.
    assert bundled_calendar.add_workdays(D(2026, 11, 27), 1) == D(2026, 11, 30)
    assert bundled_calendar.add_workdays(D(2026, 11, 27), 0) == D(2026, 11, 27)


def test_count_with_start_day_counted(bundled_calendar):
    count = bundled_calendar.count(D(2026, 11, 27), 1, count_start=True)
    assert count.end == D(2026, 11, 27)


def test_trace_names_every_skipped_day(bundled_calendar):
    count = bundled_calendar.count(D(2025, 9, 30), 1)
    skipped = count.skipped()
    assert [d.date for d in skipped] == [D(2025, 10, day) for day in range(1, 9)]
    # chinese-calendar names 10-06 after 中秋节, the rest after 国庆节.
    assert {d.reason for d in skipped} == {"国庆节放假", "中秋节放假"}
    assert count.end == D(2025, 10, 9)


def test_pause_days_do_not_count(bundled_calendar):
    paused = [(D(2026, 11, 30), D(2026, 12, 4))]
    assert bundled_calendar.count(D(2026, 11, 27), 1, paused=paused).end == D(2026, 12, 7)


def test_workdays_between(bundled_calendar):
    assert bundled_calendar.workdays_between(D(2025, 9, 30), D(2025, 10, 9)) == 1
    assert bundled_calendar.workdays_between(D(2025, 10, 9), D(2025, 9, 30)) == -1
    assert bundled_calendar.workdays_between(D(2025, 9, 30), D(2025, 9, 30)) == 0


def test_refuses_a_year_without_a_notice():
    calendar = WorkCalendar([], [2026])
    with pytest.raises(YearNotLoaded) as info:
        calendar.add_workdays(D(2026, 12, 20), 20)
    assert info.value.year == 2027
    assert "2027年的节假日安排尚未载入" in info.value.message
    with pytest.raises(YearNotLoaded):
        calendar.is_workday(D(2025, 1, 1))


def test_exceptions_override_the_weekday_rule():
    calendar = WorkCalendar(
        [DayRule(D(2030, 1, 7), HOLIDAY, "测试"), DayRule(D(2030, 1, 5), WORKDAY, "测试")], [2030]
    )
    assert not calendar.is_workday(D(2030, 1, 7))
    assert calendar.is_workday(D(2030, 1, 5))


# Property tests over 2008–2025, so that no count runs into a year with no notice.
dates = st.dates(min_value=D(2008, 1, 1), max_value=D(2025, 6, 30))
spans = st.integers(min_value=0, max_value=60)


@settings(max_examples=300, deadline=None)
@given(start=dates, n=st.integers(min_value=1, max_value=60))
def test_due_date_is_always_a_working_day(bundled_calendar, start, n):
    assert bundled_calendar.is_workday(bundled_calendar.add_workdays(start, n))


@settings(max_examples=300, deadline=None)
@given(start=dates, n=spans)
def test_workdays_between_inverts_add_workdays(bundled_calendar, start, n):
    assert bundled_calendar.workdays_between(start, bundled_calendar.add_workdays(start, n)) == n


@settings(max_examples=300, deadline=None)
@given(a=dates, gap=st.integers(min_value=0, max_value=40), n=st.integers(1, 40))
def test_later_receipt_never_gives_an_earlier_due_date(bundled_calendar, a, gap, n):
    b = a + dt.timedelta(days=gap)
    assert bundled_calendar.add_workdays(b, n) >= bundled_calendar.add_workdays(a, n)


@settings(max_examples=300, deadline=None)
@given(
    start=dates,
    n=st.integers(min_value=1, max_value=40),
    offset=st.integers(min_value=1, max_value=30),
    length=st.integers(min_value=0, max_value=25),
)
def test_a_pause_of_k_working_days_moves_the_due_date_by_k(
    bundled_calendar, start, n, offset, length
):
    cal = bundled_calendar
    due = cal.add_workdays(start, n)
    pause = (start + dt.timedelta(days=offset), start + dt.timedelta(days=offset + length))
    if pause[0] > due:
        return  # a pause after the deadline changes nothing; covered below
    paused_due = cal.count(start, n, paused=[pause]).end
    k = sum(
        1
        for i in range((pause[1] - pause[0]).days + 1)
        if cal.is_workday(pause[0] + dt.timedelta(days=i))
    )
    assert cal.workdays_between(due, paused_due) == k
    assert cal.is_workday(paused_due)


def test_a_pause_after_the_due_date_changes_nothing(bundled_calendar):
    start = D(2025, 3, 3)
    due = bundled_calendar.add_workdays(start, 5)
    later = (due + dt.timedelta(days=1), due + dt.timedelta(days=10))
    assert bundled_calendar.count(start, 5, paused=[later]).end == due


def test_reminder_horizon_is_n_working_days_after_the_day(bundled_calendar):
    """From Friday 2026-03-20, three working days: Monday 23 to Wednesday 25; over the
    National Day holiday (1–7 October 2026) the horizon skips the holiday."""
    assert bundled_calendar.last_day_within(D(2026, 3, 20), 3) == D(2026, 3, 25)
    assert bundled_calendar.last_day_within(D(2026, 9, 30), 1) == D(2026, 10, 8)


def test_reminder_horizon_stops_before_a_year_not_loaded(bundled_calendar):
    """Near the end of the last loaded year the horizon is the last loaded day: no deadline
    is ever computed into an unloaded year, so nothing due soon is missed, nothing guessed."""
    assert bundled_calendar.last_day_within(D(2026, 12, 30), 3) == D(2026, 12, 31)
    assert bundled_calendar.last_day_within(D(2026, 12, 31), 1) == D(2026, 12, 31)
