"""Statistics on demand of disclosure applications (issue 14, point 8): any period, one agency
or its subtree; received, concluded, on-time rate, average working days to reply, outcome mix,
by channel and applicant type; a page with tables and charts, and a workbook.

The fixture is written out so that every expected number can be checked by hand. The calendar
of the computing tests is weekends plus one holiday, Wednesday 2026-03-04.
"""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from gongkai.reports.sources import Scope
from gongkai.reports.sources.applications import ApplicationsSource
from gongkai.reports.statistics import period_agency_ids, statistics
from gongkai.workdays.calendar import HOLIDAY, DayRule, WorkCalendar
from gongkai.workdays.selectors import work_calendar
from tests.agencies.factories import MembershipFactory
from tests.reports.fixtures import application, withdrawn

pytestmark = pytest.mark.django_db

D = dt.date
MARCH = (D(2026, 3, 1), D(2026, 3, 31))
CALENDAR = WorkCalendar([DayRule(D(2026, 3, 4), HOLIDAY, "测试假日")], [2026])


@pytest.fixture
def cases(dept_a, dept_b, county_dept):
    a = dept_a
    return {
        # Received and answered in March: (03-02, 03-09] has 4 working days (03-04 is off).
        "answered": application(a, received=D(2026, 3, 2), served=D(2026, 3, 9), on_time=True,
                                channel="in_person", outcome="granted"),
        # Received in February, answered late in March: 11 working days.
        "late": application(a, received=D(2026, 2, 20), served=D(2026, 3, 10), on_time=False,
                            channel="online", applicant_type="commercial", outcome="partial"),
        "open": application(a, received=D(2026, 3, 16), channel="online"),
        # Withdrawn: concluded, counted as 其他处理, neither on time nor late.
        "withdrawn": withdrawn(a, received=D(2026, 3, 20), closed=D(2026, 3, 25),
                               channel="email"),
        # Received on the last day, answered after the period.
        "after": application(a, received=D(2026, 3, 31), served=D(2026, 4, 2), on_time=True,
                             channel="in_person", outcome="granted"),
        "before": application(a, received=D(2026, 1, 5), served=D(2026, 2, 10), on_time=True,
                              outcome="granted"),
        # Withdrawn before it was ever received: in no count (as in the annual report).
        "never_received": withdrawn(a, received=D(2026, 3, 5), closed=D(2026, 3, 6),
                                    received_on=None),
        # Below the city: (03-03, 03-05] has 1 working day; (03-02, 03-06] has 3.
        "other_department": application(dept_b, received=D(2026, 3, 3), served=D(2026, 3, 5),
                                        on_time=True, channel="in_person",
                                        applicant_type="research", outcome="unable_not_held"),
        "county": application(county_dept, received=D(2026, 3, 2), served=D(2026, 3, 6),
                              on_time=True, channel="in_person", outcome="granted"),
    }  # fmt: skip


def _stats(agency, ids, *, subtree=False, period=MARCH, calendar=CALENDAR):
    return statistics(
        agency=agency,
        start=period[0],
        end=period[1],
        agency_ids=ids,
        subtree=subtree,
        calendar=calendar,
    )


def _line(lines, key):
    return next(line for line in lines if line.key == key)


# What is counted ------------------------------------------------------------------------------


def test_received_is_by_receipt_date_and_concluded_by_the_day_the_case_was_concluded(cases, dept_a):
    stats = _stats(dept_a, [dept_a.pk])
    assert (stats.total.received, stats.total.concluded) == (4, 3)


def test_on_time_rate_counts_replies_judged_on_time_or_late_only(cases, dept_a):
    """One reply on time, one late; the withdrawal is neither and is reported apart."""
    stats = _stats(dept_a, [dept_a.pk])
    assert (stats.total.on_time, stats.total.late, stats.not_judged) == (1, 1, 1)
    assert stats.total.on_time_rate == Decimal("0.5000")
    assert stats.total.on_time_percent == Decimal("50.0")


def test_average_reply_time_counts_working_days_after_receipt_up_to_service(cases, dept_a):
    """(4 + 11) / 2: the day of receipt is not counted, the day of service is, the holiday
    and weekends are skipped; the withdrawal had no reply and is not in the mean."""
    stats = _stats(dept_a, [dept_a.pk])
    assert (stats.total.reply_days, stats.total.replies_timed) == (15, 2)
    assert stats.total.average_days == Decimal("7.5")


def test_figures_by_channel_and_by_applicant_type(cases, dept_a):
    stats = _stats(dept_a, [dept_a.pk])
    in_person, online, email = (
        _line(stats.by_channel, key) for key in ("in_person", "online", "email")
    )
    assert (in_person.received, in_person.concluded, in_person.on_time) == (2, 1, 1)
    assert in_person.average_days == Decimal("4.0")
    assert (online.received, online.concluded, online.late, online.average_days) == (
        1,
        1,
        1,
        Decimal("11.0"),
    )
    assert (email.received, email.concluded, email.on_time_rate, email.average_days) == (
        1,
        1,
        None,
        None,
    )
    assert _line(stats.by_channel, "fax").received == 0  # every channel has its row
    person = _line(stats.by_applicant, "natural_person")
    company = _line(stats.by_applicant, "commercial")
    assert (person.received, person.concluded, person.on_time, person.late) == (4, 2, 1, 0)
    assert (company.received, company.concluded, company.late) == (0, 1, 1)


def test_outcome_mix_uses_the_report_rows_and_counts_a_withdrawal_as_other(cases, dept_a):
    stats = _stats(dept_a, [dept_a.pk])
    assert [(o.key, o.group, o.count, o.share_percent) for o in stats.outcomes] == [
        ("granted", "予以公开", 1, Decimal("33.3")),
        ("partial", "部分公开", 1, Decimal("33.3")),
        ("other_other", "其他处理", 1, Decimal("33.3")),
    ]
    assert stats.groups == {"予以公开": 1, "部分公开": 1, "其他处理": 1}


def test_the_subtree_adds_every_agency_below(cases, city, dept_a, supervisor):
    ids = period_agency_ids(city, subtree=True, visible=frozenset(_visible(supervisor)))
    stats = _stats(city, ids, subtree=True)
    assert stats.agencies == 5  # the city, two departments, the county and its department
    assert (stats.total.received, stats.total.concluded) == (6, 5)
    assert (stats.total.on_time, stats.total.late) == (3, 1)
    assert stats.total.on_time_percent == Decimal("75.0")
    assert stats.total.average_days == Decimal("4.8")  # (4 + 11 + 1 + 3) / 4 = 4.75
    assert [(o.key, o.count) for o in stats.outcomes] == [
        ("granted", 2),
        ("partial", 1),
        ("unable_not_held", 1),
        ("other_other", 1),
    ]


def test_the_subtree_is_limited_to_the_agencies_the_reader_may_see(city, dept_a, dept_b):
    user = MembershipFactory(agency=city, role="clerk").user
    MembershipFactory(agency=dept_a, role="clerk", user=user)
    ids = period_agency_ids(city, subtree=True, visible=frozenset(_visible(user)))
    assert ids == sorted([city.pk, dept_a.pk])
    assert period_agency_ids(city, subtree=False, visible=frozenset()) == [city.pk]


def test_a_reply_in_a_year_without_a_loaded_calendar_is_left_out_of_the_mean(dept_a):
    application(dept_a, received=D(2025, 12, 29), served=D(2026, 3, 2), on_time=True,
                outcome="granted")  # fmt: skip
    application(dept_a, received=D(2026, 3, 2), served=D(2026, 3, 3), on_time=True,
                outcome="granted")  # fmt: skip
    stats = _stats(dept_a, [dept_a.pk])
    assert stats.days_unknown == 1
    assert (stats.total.concluded, stats.total.average_days) == (2, Decimal("1.0"))


def test_a_calendar_year_gives_the_annual_reports_figures(cases, dept_a, bundled_calendar):
    """Same definitions as the report: over 2026 the statistics' received, concluded and
    outcome rows are the report's 本年新收, 办结 and table 三 rows."""
    year = (D(2026, 1, 1), D(2026, 12, 31))
    stats = _stats(dept_a, [dept_a.pk], period=year, calendar=bundled_calendar)
    report = ApplicationsSource.measures(Scope(agency=dept_a, year=2026))
    assert stats.total.received == report["new.total"] == 6
    assert stats.total.concluded == report["concluded.total"] == 5
    assert {o.key: o.count for o in stats.outcomes} == {
        key.split(".")[1]: n
        for key, n in report.items()
        if key.startswith("result.") and key.endswith(".total") and n
    }


def _visible(user):
    from gongkai.agencies.permissions import agency_ids_with
    from gongkai.agencies.roles import Capability

    return agency_ids_with(user, Capability.VIEW)


# The page and the workbook --------------------------------------------------------------------


@pytest.fixture
def march(cases):
    with time_machine.travel(dt.datetime(2026, 4, 10, 10), tick=False):
        yield


def _query(agency, **extra):
    return {"agency": agency.pk, "start": "2026-03-01", "end": "2026-03-31"} | extra


def test_the_page_shows_the_tables_and_charts_with_the_figures(client, clerk_a, dept_a, march):
    client.force_login(clerk_a)
    page = client.get(reverse("reports_office:statistics"), _query(dept_a))
    assert page.status_code == 200
    text = page.content.decode()
    assert "50.0%（按期1件，逾期1件）" in text
    # The holiday table of the database (2026: 春节 until 02-23, 02-28 a make-up working day).
    calendar = work_calendar()
    days = calendar.workdays_between(D(2026, 3, 2), D(2026, 3, 9)) + calendar.workdays_between(
        D(2026, 2, 20), D(2026, 3, 10)
    )
    assert days == 5 + 12
    assert "8.5个工作日" in text
    assert "另有1件办结申请未经答复而终止或期限无法确定" in text
    assert 'role="img"' in text and "<desc" in text  # the charts, described in words
    assert "2026-03-01至2026-03-31政府信息公开申请收到和办结情况（件）" in text
    assert "（一）予以公开" in text and "33.3%" in text


def test_by_default_the_page_counts_this_year_to_today(client, clerk_a, dept_a, march):
    client.force_login(clerk_a)
    page = client.get(reverse("reports_office:statistics"))
    assert page.status_code == 200
    form = page.context["form"]
    assert form.cleaned_data["start"] == D(2026, 1, 1)
    assert form.cleaned_data["end"] == D(2026, 4, 10)
    assert form.cleaned_data["agency"] == dept_a
    assert page.context["stats"].total.received == 6


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-03-31", "end": "2026-03-01"}, "截止日期不能早于起始日期。"),
        ({"start": "2026-02-30"}, "有效的日期"),
        ({"start": ""}, "该字段是必填项。"),
        ({"agency": "x"}, "请选择您有权查看的机关。"),
    ],
)
def test_bad_conditions_are_refused_in_chinese(client, clerk_a, dept_a, query, message):
    client.force_login(clerk_a)
    response = client.get(reverse("reports_office:statistics"), _query(dept_a) | query)
    assert response.status_code == 400
    assert message in response.content.decode()
    xlsx = client.get(reverse("reports_office:statistics_xlsx"), _query(dept_a) | query)
    assert xlsx.status_code == 400


def test_an_agency_the_reader_cannot_see_is_refused_as_a_bad_choice(
    client, clerk_a, dept_a, dept_b
):
    client.force_login(clerk_a)
    response = client.get(reverse("reports_office:statistics"), _query(dept_b))
    assert response.status_code == 400
    assert "请选择您有权查看的机关。" in response.content.decode()
    assert "测试市乙局" not in response.content.decode()


def test_the_supervisor_counts_the_whole_subtree(client, supervisor, city, march):
    client.force_login(supervisor)
    page = client.get(reverse("reports_office:statistics"), _query(city, subtree="on"))
    assert page.context["stats"].total.received == 6
    assert "测试市人民政府及下级机关（共5个机关）" in page.content.decode()


def test_the_page_is_for_staff_only(client, applicant_user):
    client.force_login(applicant_user)
    assert client.get(reverse("reports_office:statistics")).status_code == 403


def test_the_workbook_holds_the_same_figures(client, clerk_a, dept_a, march):
    client.force_login(clerk_a)
    response = client.get(reverse("reports_office:statistics_xlsx"), _query(dept_a))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["说明", "按申请渠道", "按申请人类型", "答复结果"]
    channels = list(book["按申请渠道"].iter_rows(values_only=True))
    assert channels[0] == (
        "申请渠道", "收到", "办结", "按期答复", "逾期答复", "按期答复率", "平均答复用时（工作日）",
    )  # fmt: skip
    assert channels[-1] == ("合计", 4, 3, 1, 1, 0.5, 8.5)
    assert ("网络（在线申请平台）", 1, 1, 0, 1, 0, 12) in channels
    outcomes = list(book["答复结果"].iter_rows(values_only=True))
    assert outcomes[-1] == ("合计", None, 3, 1)
    notes = dict(row[:2] for row in book["说明"].iter_rows(min_row=2, values_only=True))
    assert notes["统计期间"] == "2026-03-01至2026-03-31"
    assert notes["办结但不计按期或逾期"] == 1


def test_the_number_of_queries_does_not_grow_with_the_applications(
    client, clerk_a, dept_a, march, django_assert_max_num_queries
):
    """Grouped queries and one pass over the calendar: no query per application."""
    client.force_login(clerk_a)
    url = reverse("reports_office:statistics")
    client.get(url, _query(dept_a))  # warm caches (the calendar, the session)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url, _query(dept_a))
    for day in range(2, 27):
        application(dept_a, received=D(2026, 3, day), served=D(2026, 3, 30), on_time=True,
                    outcome="granted")  # fmt: skip
    with django_assert_max_num_queries(len(few)):
        page = client.get(url, _query(dept_a))
    assert page.context["stats"].total.received == 29
