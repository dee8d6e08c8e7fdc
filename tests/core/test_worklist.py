"""The 工作台 as a to-do list (issue 14): each app's counters, counted per agency where the
user holds the counter's capability, most urgent first, each line a link to the filtered list;
a supervisor sees the counts per agency of the subtree; staff land there after login."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.agencies.permissions import agency_ids_with
from gongkai.applications import services as s
from gongkai.core.worklist import COUNTERS, SEVERITY_ORDER, counters, work_lines, work_table
from tests.accounts.factories import PASSWORD
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import register
from tests.catalog.fixtures import draft

D = dt.date
pytestmark = pytest.mark.django_db


def _lines(user, today):
    return {
        line.counter.key: line
        for line in work_lines(
            user=user,
            agency_ids_with=lambda capability: agency_ids_with(user, capability),
            today=today,
        )
    }


def test_every_app_registers_its_counters_once_with_a_label_and_a_link():
    keys = {counter.key for counter in counters()}
    assert {
        "applications.overdue",
        "applications.due_today",
        "applications.due_soon",
        "applications.unconfirmed",
        "applications.awaiting_approval",
        "applications.extension",
        "catalog.review",
        "catalog.overdue",
        "reports.late",
        "deadlines.missing_notice",
    } <= keys
    for counter in COUNTERS.values():
        assert str(counter.label).strip() and counter.severity in SEVERITY_ORDER
        assert counter.url(None).startswith("/office/")


def test_a_clerk_sees_overdue_due_today_and_due_soon_cases(clerk_a, dept_a):
    """Received 2026-03-02: due 2026-03-30; 2026-03-03: due 03-31; 2026-03-05: due 04-02."""
    register(clerk_a, dept_a, received=D(2026, 3, 2))
    register(clerk_a, dept_a, received=D(2026, 3, 3))
    register(clerk_a, dept_a, received=D(2026, 3, 5))
    lines = _lines(clerk_a, D(2026, 3, 31))
    assert lines["applications.overdue"].count == 1
    assert lines["applications.due_today"].count == 1
    assert lines["applications.due_soon"].count == 1
    assert lines["applications.overdue"].url == "/office/applications/?urgency=overdue"
    ordered = [line.severity for line in _lines(clerk_a, D(2026, 3, 31)).values()]
    assert ordered == sorted(ordered, key=SEVERITY_ORDER.index)


def test_nothing_waiting_means_no_line(clerk_a, dept_a):
    """(Last year's report is owed all the same: only the cases are asked about here.)"""
    assert [key for key in _lines(clerk_a, D(2026, 3, 31)) if key.startswith("applications.")] == []


def test_unconfirmed_online_applications_say_how_long_they_waited(clerk_a, dept_a):
    register(clerk_a, dept_a, received=D(2026, 3, 2), channel="email")
    line = _lines(clerk_a, D(2026, 3, 9))["applications.unconfirmed"]
    assert line.count == 1 and "2026-03-02" in line.detail and "5个工作日" in line.detail


def test_a_reviewer_is_shown_drafts_to_approve_but_not_their_own(clerk_a, reviewer_a, dept_a):
    case = s.application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    s.application_draft_decision(
        actor=clerk_a, application=case, outcome="granted", legal_basis="第三十六条第（二）项"
    )
    assert _lines(reviewer_a, D(2026, 3, 9))["applications.awaiting_approval"].count == 1
    assert "applications.awaiting_approval" not in _lines(clerk_a, D(2026, 3, 9))


def test_a_head_is_shown_extensions_to_decide(clerk_a, head_a, dept_a):
    case = s.application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    s.application_request_extension(actor=clerk_a, application=case, reason="需要调取档案")
    assert _lines(head_a, D(2026, 3, 9))["applications.extension"].count == 1


def test_catalogue_items_await_review_by_someone_other_than_their_author(
    clerk_a, catalog_reviewer_a, dept_a
):
    from gongkai.catalog import services as catalog

    catalog.item_submit(actor=clerk_a, item=draft(clerk_a, dept_a))
    assert _lines(catalog_reviewer_a, D(2026, 3, 9))["catalog.review"].count == 1


def test_drafts_past_the_publication_limit_are_urgent(clerk_a, dept_a):
    """生成日期 2026-03-02: 20 working days (Art. 26) end 2026-03-30."""
    draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
    assert "catalog.overdue" not in _lines(clerk_a, D(2026, 3, 30))
    assert _lines(clerk_a, D(2026, 3, 31))["catalog.overdue"].count == 1


def test_last_years_report_is_due_then_late(clerk_a, dept_a):
    """A department's report on 2025 is due by 2026-01-31 (2019 Art. 49)."""
    assert _lines(clerk_a, D(2026, 1, 20))["reports.due"].count == 1
    late = _lines(clerk_a, D(2026, 2, 2))
    assert late["reports.late"].count == 1 and "reports.due" not in late


def test_deadlines_that_cannot_be_computed_raise_a_banner_naming_the_year(clerk_a, dept_a):
    """Received 2026-12-20: the reply falls in 2027, whose notice is not loaded: 暂定."""
    register(clerk_a, dept_a, received=D(2026, 12, 20))
    line = _lines(clerk_a, D(2026, 12, 21))["deadlines.missing_notice"]
    assert line.banner and line.count >= 1 and "2027年的节假日安排尚未载入" in line.detail


def test_the_administrator_who_loads_notices_is_told_of_every_agencys_deadlines(
    clerk_a, dept_a, city
):
    """The holiday table is installation-wide and only a platform administrator or the
    administrator of a top-level agency may load a notice; their own agency (the city here)
    has no case, yet the banner must reach them. A department's administrator sees their own
    agency's count and is told who may load it."""
    top = MembershipFactory(agency=city, role="admin").user
    department = MembershipFactory(agency=dept_a, role="admin").user
    register(clerk_a, dept_a, received=D(2026, 12, 20))
    for person in (top, department):
        line = _lines(person, D(2026, 12, 21))["deadlines.missing_notice"]
        assert line.count == 1 and "2027年的节假日安排尚未载入" in line.detail
        assert "请平台管理员或最上级机关的管理员" in line.detail
    other = MembershipFactory(agency=city, role="clerk").user  # not an administrator
    assert "deadlines.missing_notice" not in _lines(other, D(2026, 12, 21))


def test_a_supervisor_sees_the_counts_per_agency(clerk_a, dept_a, dept_b, supervisor):
    register(clerk_a, dept_a, received=D(2026, 3, 2))
    shown, table = work_table(
        user=supervisor, agency_ids=agency_ids_with(supervisor, "view"), today=D(2026, 3, 31)
    )
    assert "applications.overdue" in [c.key for c in shown]
    assert table[dept_a.pk]["applications.overdue"] == 1
    assert table[dept_b.pk]["applications.overdue"] == 0


def test_the_office_page_lists_the_work_with_links(client, clerk_a, dept_a):
    register(clerk_a, dept_a, received=D(2026, 3, 2))
    client.force_login(clerk_a)
    with time_machine.travel(dt.datetime(2026, 3, 31, 10), tick=False):
        html = client.get(reverse("office:home")).content.decode()
    assert "答复已逾期的申请" in html and 'href="/office/applications/?urgency=overdue"' in html


def test_the_supervisors_page_has_a_row_per_agency(client, clerk_a, dept_a, dept_b, supervisor):
    register(clerk_a, dept_a, received=D(2026, 3, 2))
    client.force_login(supervisor)
    with time_machine.travel(dt.datetime(2026, 3, 31, 10), tick=False):
        html = client.get(reverse("office:home")).content.decode()
    assert "所辖机关的待办" in html and dept_a.name in html and dept_b.name in html


@pytest.mark.parametrize(("user", "lands_on"), [("clerk_a", "/office/"), ("public_user", "/")])
def test_staff_land_on_the_office_after_login(client, request, user, lands_on):
    person = request.getfixturevalue(user)
    response = client.post(
        reverse("accounts:login"), {"username": person.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == lands_on


def test_a_next_address_still_wins(client, clerk_a):
    response = client.post(
        reverse("accounts:login") + "?next=/office/catalog/",
        {"username": clerk_a.username, "password": PASSWORD},
    )
    assert response["Location"] == "/office/catalog/"


def _queue_numbers(client, url):
    from gongkai.applications.models import Application

    html = client.get(url).content.decode()
    return {a.number for a in Application.objects.all() if a.number in html}


def test_each_line_links_to_the_list_of_exactly_what_it_counts(client, clerk_a, head_a, dept_a):
    """The 补正 window and the extension lines lead to the queue filtered the same way."""
    waiting = s.application_start(actor=clerk_a, application=register(clerk_a, dept_a))
    extended = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 3, 3))
    )
    s.application_request_extension(actor=clerk_a, application=extended, reason="需要调取档案")
    today = D(2026, 3, 9)  # 补正 may be asked until 2026-03-11 (7 working days, Art. 30)
    with time_machine.travel(dt.datetime(2026, 3, 9, 10), tick=False):
        lines = _lines(clerk_a, today)
        client.force_login(clerk_a)
        correction = _queue_numbers(client, lines["applications.correction_notice"].url)
        client.force_login(head_a)
        extension = _queue_numbers(client, _lines(head_a, today)["applications.extension"].url)
    assert lines["applications.correction_notice"].count == len(correction) == 2
    assert {waiting.number, extended.number} == correction
    assert extension == {extended.number}
