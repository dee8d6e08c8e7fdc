"""Loading a year into the holiday table: replace, audit, refuse bad rows, permissions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.workdays.calendar import HOLIDAY, WORKDAY, DayRule, YearNotLoaded
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.selectors import work_calendar
from gongkai.workdays.services import calendar_year_load
from tests.workdays.fixtures import notice_text

D = dt.date


def test_migrate_loaded_every_chinese_calendar_year_with_its_version(db):
    years = set(CalendarYear.objects.values_list("year", flat=True))
    assert set(range(2004, 2027)) <= years
    assert CalendarYear.objects.get(year=2024).source.startswith("chinese-calendar ")


def test_loading_a_notice_replaces_the_year_and_audits_the_differences(db):
    calendar_year_load(
        year=2030, days=[DayRule(D(2030, 1, 1), HOLIDAY, "元旦")], source="测试通知甲", actor=None
    )
    year = calendar_year_load(
        year=2030,
        days=[DayRule(D(2030, 1, 2), HOLIDAY, "元旦"), DayRule(D(2030, 1, 5), WORKDAY, "元旦")],
        source="测试通知乙",
        actor=None,
    )
    assert list(CalendarDay.objects.filter(calendar_year=year).values_list("date", flat=True)) == [
        D(2030, 1, 2),
        D(2030, 1, 5),
    ]
    event = AuditEvent.objects.for_object(year).first()
    assert event.changes == {
        "2030-01-01": ["元旦放假", None],
        "2030-01-02": [None, "元旦放假"],
        "2030-01-05": [None, "元旦上班"],
    }
    assert year.source == "测试通知乙"


def test_a_notice_reaching_into_the_previous_year_takes_over_that_day(db):
    calendar_year_load(
        year=2023, days=parse_notice(notice_text(2023)).days, source="2023通知", actor=None
    )
    day = CalendarDay.objects.get(date=D(2022, 12, 31))
    assert day.calendar_year.year == 2023


def test_the_calendar_refuses_a_year_removed_from_the_table(db):
    CalendarYear.objects.filter(year=2026).delete()
    with pytest.raises(YearNotLoaded):
        work_calendar().add_workdays(D(2026, 3, 2), 5)


def test_the_calendar_cache_follows_a_reload(db):
    assert work_calendar().is_workday(D(2026, 3, 2))
    days = [*parse_notice(notice_text(2026)).days, DayRule(D(2026, 3, 2), HOLIDAY, "测试")]
    calendar_year_load(year=2026, days=days, source="测试", actor=None)
    assert not work_calendar().is_workday(D(2026, 3, 2))


def test_conflicting_or_impossible_rows_are_refused_and_nothing_changes(db):
    before = CalendarDay.objects.count()
    with pytest.raises(DomainError):
        calendar_year_load(
            year=2026, days=[DayRule(D(2026, 3, 2), WORKDAY, "周一上班")], source="x", actor=None
        )
    with pytest.raises(DomainError):
        calendar_year_load(
            year=2026,
            days=[DayRule(D(2026, 3, 7), HOLIDAY, "a"), DayRule(D(2026, 3, 7), WORKDAY, "b")],
            source="x",
            actor=None,
        )
    assert CalendarDay.objects.count() == before


def test_only_calendar_managers_may_load(clerk_a, dept_a):
    with pytest.raises(PermissionDenied):
        calendar_year_load(year=2030, days=[], source="x", actor=clerk_a)


def test_admin_of_a_root_agency_may_load(city, dept_a):
    from tests.agencies.factories import MembershipFactory

    root_admin = MembershipFactory(agency=city, role="admin").user
    dept_admin = MembershipFactory(agency=dept_a, role="admin").user
    calendar_year_load(year=2030, days=[], source="x", actor=root_admin)
    with pytest.raises(PermissionDenied):
        calendar_year_load(year=2030, days=[], source="x", actor=dept_admin)
