"""The provisional calendar: the statutory holidays of 《全国年节及纪念日放假办法》 (2024 text,
in force 2025-01-01) and weekends, for years whose State Council notice is not loaded."""

import datetime as dt
from collections import Counter

import pytest

from gongkai.workdays.calendar import HOLIDAY, DayRule, WorkCalendar, YearNotLoaded
from gongkai.workdays.loaders import chinese_calendar_days
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.provisional import ProvisionalCalendar, assumption_of, statutory_days
from gongkai.workdays.statute import MEASURES_2025, measures_for
from tests.workdays.fixtures import notice_text

D = dt.date


def _calendar(years) -> WorkCalendar:
    days = chinese_calendar_days()
    return WorkCalendar([rule for year in years for rule in days[year]], years)


@pytest.fixture(scope="module")
def up_to_2026():
    return ProvisionalCalendar(_calendar(range(2004, 2027)))


@pytest.fixture(scope="module")
def up_to_2024():
    """As if the 2025 and 2026 notices were not published: the law assumed for both."""
    return ProvisionalCalendar(_calendar(range(2004, 2025)))


def _off(year):
    return {day.date: day for day in statutory_days(year, MEASURES_2025)}


def test_the_2024_text_gives_thirteen_days_including_new_years_eve_and_2_may():
    """Art. 2 as revised in 2024: 元旦 1, 春节 4 (除夕 and 初一 to 初三), 清明 1, 劳动节 2, 端午 1,
    中秋 1, 国庆 3."""
    assert [(h.name, len(h.days)) for h in MEASURES_2025.holidays] == [
        ("元旦", 1),
        ("春节", 4),
        ("清明节", 1),
        ("劳动节", 2),
        ("端午节", 1),
        ("中秋节", 1),
        ("国庆节", 3),
    ]
    assert MEASURES_2025.holidays_article == "第二条" and MEASURES_2025.makeup_article == "第六条"
    assert measures_for(2025) is MEASURES_2025 and measures_for(2027) is MEASURES_2025
    assert measures_for(2024) is None  # the 2013 text governed: never assumed with this one


def test_the_statutory_days_of_2027_with_their_lunar_dates_and_solar_term():
    off = _off(2027)
    holidays = {d: a.name for d, a in off.items() if a.makeup_for is None}
    assert holidays == {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节",  # 除夕: the day before 正月初一 (2027-02-06)
        D(2027, 2, 6): "春节",
        D(2027, 2, 7): "春节",
        D(2027, 2, 8): "春节",
        D(2027, 4, 5): "清明节",  # the 清明 solar term
        D(2027, 5, 1): "劳动节",
        D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",  # 五月初五
        D(2027, 9, 15): "中秋节",  # 八月十五
        D(2027, 10, 1): "国庆节",
        D(2027, 10, 2): "国庆节",
        D(2027, 10, 3): "国庆节",
    }


def test_a_holiday_on_a_weekend_is_made_up_on_the_next_working_day_not_already_off():
    """Art. 6: 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假. 春节 2027: 初一
    (Sat) and 初二 (Sun) are made up after 初三 (Mon), on Tuesday and Wednesday."""
    makeups = {d: (a.name, a.makeup_for, a.basis) for d, a in _off(2027).items() if a.makeup_for}
    assert makeups == {
        D(2027, 2, 9): ("春节", D(2027, 2, 6), "第六条"),
        D(2027, 2, 10): ("春节", D(2027, 2, 7), "第六条"),
        D(2027, 5, 3): ("劳动节", D(2027, 5, 1), "第六条"),
        D(2027, 5, 4): ("劳动节", D(2027, 5, 2), "第六条"),
        D(2027, 10, 4): ("国庆节", D(2027, 10, 2), "第六条"),
        D(2027, 10, 5): ("国庆节", D(2027, 10, 3), "第六条"),
    }


def test_mid_autumn_on_a_national_day_is_one_day_off_as_the_text_says():
    """2028: 中秋节 is 10月3日. The 办法 gives no extra day for two holidays on one day (the
    notices have sometimes added one: a known difference, docs/deadlines.md)."""
    off = _off(2028)
    october = sorted(d for d in off if d.month == 10)
    assert october == [D(2028, 10, 1), D(2028, 10, 2), D(2028, 10, 3), D(2028, 10, 4)]
    assert off[D(2028, 10, 4)].makeup_for == D(2028, 10, 1)  # 10月1日 is a Sunday


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_day_the_law_gives_off_is_off_in_the_published_notice(year):
    """The assumption never makes a working day of a day off: each statutory day and each
    make-up day of 2025 and 2026 is a holiday in that year's notice."""
    notice = {rule.date for rule in parse_notice(notice_text(year)).days if rule.kind == HOLIDAY}
    assert set(_off(year)) <= notice


def test_loaded_years_are_answered_exactly(up_to_2026, bundled_calendar):
    day = D(2024, 1, 1)
    while day <= D(2026, 12, 31):
        assert up_to_2026.is_workday(day) == bundled_calendar.is_workday(day), day
        assert up_to_2026.reason(day) == bundled_calendar.reason(day), day
        assert not up_to_2026.assumes(day)
        day += dt.timedelta(days=1)


def test_days_of_an_unloaded_year_are_assumed_and_say_so(up_to_2026):
    assert up_to_2026.assumes(D(2027, 3, 1))
    assert up_to_2026.reason(D(2027, 1, 1)) == "元旦放假（暂定）"
    assert up_to_2026.reason(D(2027, 2, 9)) == "春节补假（暂定）"
    assert up_to_2026.reason(D(2027, 3, 1)) == "工作日（暂定）"
    assert up_to_2026.reason(D(2027, 3, 6)) == "周六（暂定）"
    assert not up_to_2026.is_workday(D(2027, 2, 5))  # 除夕
    assert up_to_2026.is_workday(D(2027, 2, 11))
    # No 调休 is assumed: a Saturday stays a rest day.
    assert not up_to_2026.is_workday(D(2027, 2, 20))


def test_a_year_no_text_governs_is_still_refused():
    calendar = ProvisionalCalendar(_calendar(range(2004, 2024)))
    with pytest.raises(YearNotLoaded) as info:
        calendar.add_workdays(D(2023, 12, 20), 20)
    assert info.value.year == 2024


def test_the_assumption_names_the_years_and_the_days_off_it_used(up_to_2026):
    count = up_to_2026.count(D(2026, 12, 20), 20)
    assert count.end == D(2027, 1, 18)
    assumption = assumption_of(up_to_2026, [day.date for day in count.days])
    assert assumption.years == (2027,)
    assert [(d.date, d.name, d.basis) for d in assumption.days] == [
        (D(2027, 1, 1), "元旦", "第二条第（一）项")
    ]
    assert assumption_of(up_to_2026, [D(2026, 5, 6)]) is None
    assert assumption_of(_calendar([2026]), [D(2027, 1, 4)]) is None  # the exact calendar


def test_a_notice_of_the_next_year_setting_a_day_of_an_unloaded_year_wins():
    """A loaded notice can reach into the year before it (the 2023 notice set 2022-12-31): such
    a day is the notice's, not the law's assumption; the rest of that year is assumed."""
    notice_2028 = [DayRule(D(2027, 12, 31), HOLIDAY, "元旦")]
    calendar = ProvisionalCalendar(WorkCalendar(notice_2028, [2028]))
    assert calendar.rule(D(2027, 12, 31)).kind == HOLIDAY
    assert calendar.reason(D(2027, 12, 31)) == "元旦放假"
    assert calendar.reason(D(2027, 12, 30)) == "工作日（暂定）"


@pytest.mark.parametrize(
    ("workdays", "measured"),
    [(15, {0: 587, -1: 77, 1: 36}), (20, {0: 581, -1: 79, 1: 40})],
)
def test_the_known_error_is_at_most_one_working_day(
    up_to_2024, bundled_calendar, workdays, measured
):
    """Measured on 2025 and 2026 as if their notices were missing, for every receipt day from
    2024-12-01 to 2026-10-31 (700 days): the provisional date is the published one, or one
    working day off either way (调休 moves days into long breaks and makes some weekends
    working days), at most 7 calendar days. These are the figures docs/deadlines.md gives
    (working days off: -1 provisional date earlier, +1 later)."""
    day, offsets, calendar_days = D(2024, 12, 1), Counter(), 0
    while day < D(2026, 11, 1):
        real = bundled_calendar.add_workdays(day, workdays)
        assumed = up_to_2024.add_workdays(day, workdays)
        apart = bundled_calendar.workdays_between(min(real, assumed), max(real, assumed))
        offsets[apart if assumed >= real else -apart] += 1
        calendar_days = max(calendar_days, abs((assumed - real).days))
        day += dt.timedelta(days=1)
    assert dict(offsets) == measured and sum(offsets.values()) == 700
    assert calendar_days == 7
