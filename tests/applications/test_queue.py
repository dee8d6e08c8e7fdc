"""The staff queue finds every case: filters (each, combined, refused), sorting, numbered pages,
the same filters in the API, and the workload per clerk."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services as s
from gongkai.applications.selectors import queue_cases, workload
from gongkai.deadlines.models import Deadline
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import conclude, register

D = dt.date
QUEUE = reverse("applications_office:queue")
API = "/api/office/applications/"


def _at(day: dt.date):
    """Time stands still at 09:00 China time on `day`."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, 1, tzinfo=dt.UTC), tick=False
    )


def _numbers(response) -> list[str]:
    return [case.number for case in response.context["cases"]]


SERVED_ON = D(2026, 3, 20)


def _close(application, clerk, reviewer, outcome="granted", on=None):
    return conclude(application, clerk, reviewer, outcome=outcome, on=on or SERVED_ON)


@pytest.fixture
def cases(clerk_a, reviewer_a, dept_a):
    """Four cases of dept_a: open and mine, open and unassigned (by e-mail), withdrawn, and
    served and closed (予以公开)."""
    mine = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 3, 2))
    )
    unassigned = register(
        clerk_a,
        dept_a,
        received=D(2026, 3, 9),
        channel="email",
        confirmed_on=D(2026, 3, 9),
        applicant_name="王五",
        info_title="某河道整治工程环评批复",
    )
    withdrawn = s.application_withdraw(
        actor=clerk_a,
        application=register(clerk_a, dept_a, received=D(2026, 3, 4), info_title="撤回的申请"),
        note="申请人来函撤回",
    )
    closed = _close(
        s.application_start(
            actor=clerk_a,
            application=register(
                clerk_a, dept_a, received=D(2026, 3, 3), applicant_name="赵六有限公司"
            ),
        ),
        clerk_a,
        reviewer_a,
    )
    return {"mine": mine, "unassigned": unassigned, "withdrawn": withdrawn, "closed": closed}


@pytest.fixture
def staff(client, clerk_a):
    client.force_login(clerk_a)
    return client


def test_open_cases_by_default_closed_ones_on_request(staff, cases):
    """Closed and withdrawn cases are found: status=concluded, a status value, or all."""
    numbers = {k: c.number for k, c in cases.items()}
    assert set(_numbers(staff.get(QUEUE))) == {numbers["mine"], numbers["unassigned"]}
    concluded = set(_numbers(staff.get(QUEUE, {"status": "concluded"})))
    assert concluded == {numbers["withdrawn"], numbers["closed"]}
    assert _numbers(staff.get(QUEUE, {"status": "withdrawn"})) == [numbers["withdrawn"]]
    assert _numbers(staff.get(QUEUE, {"status": "in_progress"})) == [numbers["mine"]]
    assert len(_numbers(staff.get(QUEUE, {"status": "all"}))) == 4


def test_closed_is_the_status_alone_and_no_status_choice_is_offered_twice(staff, cases):
    """已办结 (the status "closed") leaves out the withdrawn case; the set of both is
    "concluded". The set once shared the value "closed" with the status, so choosing 已办结
    listed withdrawn cases too and 已办结 alone could not be chosen."""
    assert _numbers(staff.get(QUEUE, {"status": "closed"})) == [cases["closed"].number]
    html = staff.get(QUEUE).content.decode()
    select = html[
        html.index('name="status"') : html.index("</select>", html.index('name="status"'))
    ]
    values = re.findall(r'<option value="([^"]*)"', select)
    assert len(values) == len(set(values)) and "concluded" in values and "closed" in values


def test_a_concluded_case_has_no_reply_date_to_wait_for(staff, cases):
    """The 答复期限 column of a closed or withdrawn case is "—", not 期限待定."""
    html = staff.get(QUEUE, {"status": "concluded"}).content.decode()
    assert "期限待定" not in html
    for case in (cases["closed"], cases["withdrawn"]):
        row = html[html.index(case.number) :]
        row = row[: row.index("</tr>")]
        assert re.search(r"<td>—\s*</td>", row)


def test_mine_and_the_unassigned(staff, cases, clerk_a, dept_a):
    """我承办的 is assignee=me; 待分配 is assignee=none; a clerk by id lists their cases."""
    assert _numbers(staff.get(QUEUE, {"assignee": "me"})) == [cases["mine"].number]
    assert _numbers(staff.get(QUEUE, {"assignee": "none"})) == [cases["unassigned"].number]
    assert _numbers(staff.get(QUEUE, {"assignee": str(clerk_a.pk)})) == [cases["mine"].number]
    other = MembershipFactory(agency=dept_a, role="clerk").user
    assert _numbers(staff.get(QUEUE, {"assignee": str(other.pk)})) == []


def test_channel_outcome_and_regime(staff, cases, clerk_a, dept_a):
    old = register(clerk_a, dept_a, received=D(2017, 6, 1), info_title="2008年条例下的申请")
    assert _numbers(staff.get(QUEUE, {"channel": "email"})) == [cases["unassigned"].number]
    found = _numbers(staff.get(QUEUE, {"outcome": "granted", "status": "all"}))
    assert found == [cases["closed"].number]
    assert _numbers(staff.get(QUEUE, {"regime": "2008"})) == [old.number]
    assert old.number not in _numbers(staff.get(QUEUE, {"regime": "2019"}))


def test_received_date_range(staff, cases):
    response = staff.get(
        QUEUE, {"status": "all", "received_from": "2026-03-03", "received_to": "2026-03-04"}
    )
    assert set(_numbers(response)) == {cases["closed"].number, cases["withdrawn"].number}
    assert _numbers(staff.get(QUEUE, {"received_from": "2026-03-05"})) == [
        cases["unassigned"].number
    ]


@pytest.mark.parametrize(
    ("text", "key"),
    [("王五", "unassigned"), ("河道整治", "unassigned"), ("赵六", "closed")],
)
def test_text_finds_applicant_and_request(staff, cases, text, key):
    assert _numbers(staff.get(QUEUE, {"q": text, "status": "all"})) == [cases[key].number]


def test_text_finds_the_number(staff, cases):
    number = cases["withdrawn"].number
    assert _numbers(staff.get(QUEUE, {"q": number, "status": "all"})) == [number]


def test_filters_combine(staff, cases):
    """Every filter narrows the others: open + unassigned + e-mail + text."""
    query = {"assignee": "none", "channel": "email", "q": "环评"}
    assert _numbers(staff.get(QUEUE, query)) == [cases["unassigned"].number]
    assert _numbers(staff.get(QUEUE, {**query, "channel": "in_person"})) == []
    assert _numbers(staff.get(QUEUE, {**query, "status": "concluded"})) == []


def test_urgency_follows_the_reply_due_date(clerk_a, dept_a, settings):
    """overdue D < T, today D = T, soon T < D ≤ the reminder horizon, pending no date."""
    settings.GONGKAI_REMINDER_WORKDAYS = 3
    due_30 = register(clerk_a, dept_a, received=D(2026, 3, 2))  # due 2026-03-30 (Mon)
    due_31 = register(clerk_a, dept_a, received=D(2026, 3, 3))  # due 2026-03-31
    undated = register(clerk_a, dept_a, received=D(2026, 3, 4))
    Deadline.objects.filter(object_id=str(undated.pk), kind="reply").update(
        due=None, pending_reason="2027年节假日安排尚未载入"
    )

    def found(urgency, today):
        return [c.pk for c in queue_cases(user=clerk_a, urgency=urgency, today=today)]

    assert found("today", D(2026, 3, 30)) == [due_30.pk]
    assert found("overdue", D(2026, 3, 31)) == [due_30.pk]
    assert found("soon", D(2026, 3, 26)) == [due_30.pk, due_31.pk]  # horizon: 03-31
    assert found("soon", D(2026, 3, 30)) == [due_31.pk]  # due today is not "soon"
    assert found("pending", D(2026, 3, 30)) == [undated.pk]


def test_every_urgency_of_the_contract_is_accepted(staff, cases):
    """provisional (暂定) is read from the deadline's computation (point 1 of issue 14)."""
    for urgency in ("overdue", "today", "soon", "provisional", "pending"):
        assert staff.get(QUEUE, {"urgency": urgency}).status_code == 200


def test_urgency_on_the_page_uses_today(staff, clerk_a, dept_a):
    due_30 = register(clerk_a, dept_a, received=D(2026, 3, 2))
    register(clerk_a, dept_a, received=D(2026, 3, 9))
    with _at(D(2026, 3, 31)):
        response = staff.get(QUEUE, {"urgency": "overdue"})
    assert _numbers(response) == [due_30.number]
    assert "已逾期" in response.content.decode()


def test_sorted_by_due_date_or_by_receipt(staff, cases):
    assert _numbers(staff.get(QUEUE)) == [cases["mine"].number, cases["unassigned"].number]
    newest_first = _numbers(staff.get(QUEUE, {"status": "all", "sort": "-received"}))
    assert newest_first[0] == cases["unassigned"].number
    assert newest_first[-1] == cases["mine"].number
    oldest_first = _numbers(staff.get(QUEUE, {"status": "all", "sort": "received"}))
    assert oldest_first == list(reversed(newest_first))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"status": "lost"}, "选择一个有效的选项"),
        ({"assignee": "bob"}, "承办人应为"),
        ({"received_from": "2026-13-01"}, "输入一个有效的日期"),
        ({"received_from": "2026-03-05", "received_to": "2026-03-01"}, "截止日期不能早于起始日期"),
        ({"urgency": "someday"}, "选择一个有效的选项"),
        ({"sort": "name"}, "选择一个有效的选项"),
        ({"channel": "pigeon"}, "选择一个有效的选项"),
        ({"q": "字" * 101}, "不超过 100 字符"),
    ],
)
def test_bad_values_are_explained_not_a_500(staff, cases, query, message):
    response = staff.get(QUEUE, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "cases" not in response.context


def test_a_page_number_that_is_not_a_number_is_refused(staff, cases):
    assert staff.get(QUEUE, {"page": "two"}).status_code == 400
    assert staff.get(QUEUE, {"page": "0"}).status_code == 400


def test_another_agencys_id_is_not_a_choice(staff, cases, dept_b):
    response = staff.get(QUEUE, {"agency": str(dept_b.pk)})
    assert response.status_code == 400
    assert "没有这个机关，或您不能查看它的申请。" in response.content.decode()


def test_numbered_pages_last_page_and_past_it(staff, clerk_a, dept_a, monkeypatch):
    """Pages of 2: five cases make three pages; a page past the last shows the last page."""
    monkeypatch.setattr("gongkai.applications.views.staff.QUEUE_PAGE_SIZE", 2)
    for day in range(2, 7):
        register(clerk_a, dept_a, received=D(2026, 3, day))
    first = staff.get(QUEUE)
    assert first.context["pager"].pages == 3 and len(first.context["cases"]) == 2
    text = first.content.decode()
    assert 'aria-current="page">1<' in text and "尾页" in text and "?page=3" in text
    last = staff.get(QUEUE, {"page": "3"})
    assert len(last.context["cases"]) == 1
    past = staff.get(QUEUE, {"page": "99"})
    assert past.status_code == 200 and past.context["pager"].number == 3
    seen = [n for page in (1, 2, 3) for n in _numbers(staff.get(QUEUE, {"page": page}))]
    assert len(set(seen)) == 5


def test_page_links_keep_the_filters(staff, clerk_a, dept_a, monkeypatch):
    monkeypatch.setattr("gongkai.applications.views.staff.QUEUE_PAGE_SIZE", 1)
    for day in (2, 3):
        register(clerk_a, dept_a, received=D(2026, 3, day), channel="fax")
    text = staff.get(QUEUE, {"channel": "fax", "sort": "received"}).content.decode()
    assert "?channel=fax&amp;sort=received&amp;page=2" in text
    assert '<input type="hidden" name="channel" value="fax">' in text


def test_one_page_costs_the_same_queries_whatever_its_length(
    staff, clerk_a, dept_a, django_assert_max_num_queries
):
    """No query per row: the page reads its cases, their reply dates and assignees at once."""
    register(clerk_a, dept_a)
    staff.get(QUEUE)  # warm the per-process caches (calendar, content types)
    with django_assert_max_num_queries(100) as few:
        staff.get(QUEUE)
    for day in range(3, 13):
        s.application_start(
            actor=clerk_a, application=register(clerk_a, dept_a, received=D(2026, 3, day))
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff.get(QUEUE)


def test_the_queue_links_to_mine_unassigned_closed_and_the_workload(staff, cases):
    text = staff.get(QUEUE).content.decode()
    for link in ("?assignee=me", "?assignee=none", "?status=concluded", "workload/"):
        assert link in text


# The API ------------------------------------------------------------------------------------


@pytest.fixture
def api(clerk_a):
    client = APIClient()
    client.force_authenticate(clerk_a)
    return client


def test_the_api_answers_a_page_with_its_count(api, cases):
    body = api.get(API).json()
    assert body["count"] == 2 and body["page"] == 1 and body["pages"] == 1
    assert {row["number"] for row in body["results"]} == {
        cases["mine"].number,
        cases["unassigned"].number,
    }
    mine = next(r for r in body["results"] if r["number"] == cases["mine"].number)
    assert mine["assigned_to"]["name"] and mine["applicant_name"] == "张三"


def test_the_api_takes_the_same_filters(api, cases):
    def numbers(**query):
        return [row["number"] for row in api.get(API, query).json()["results"]]

    assert numbers(status="concluded", q="赵六") == [cases["closed"].number]
    assert numbers(status="closed") == [cases["closed"].number]
    assert numbers(assignee="none") == [cases["unassigned"].number]
    assert numbers(received_from="2026-03-05", received_to="2026-03-31") == [
        cases["unassigned"].number
    ]
    assert numbers(status="all", sort="-received")[0] == cases["unassigned"].number


def test_the_api_pages(api, clerk_a, dept_a, monkeypatch):
    monkeypatch.setattr("gongkai.applications.api.QUEUE_PAGE_SIZE", 2)
    for day in range(2, 7):
        register(clerk_a, dept_a, received=D(2026, 3, day))
    body = api.get(API, {"page": 3}).json()
    assert (body["count"], body["page"], body["pages"], len(body["results"])) == (5, 3, 3, 1)
    assert api.get(API, {"page": 40}).json()["page"] == 3


def test_the_api_refuses_bad_values_with_json(api, cases):
    response = api.get(API, {"received_to": "yesterday"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and "received_to" in body["errors"]
    assert body["message"].startswith("收到日期至")


# The workload ---------------------------------------------------------------------------------


def test_workload_counts_each_clerks_open_cases(client, clerk_a, dept_a, settings):
    """Per clerk: open, overdue, due today, due within the reminder window; unassigned cases
    on their own row; links to the queue filtered by agency and assignee."""
    settings.GONGKAI_REMINDER_WORKDAYS = 3
    other = MembershipFactory(agency=dept_a, role="clerk").user
    for received in (D(2026, 3, 2), D(2026, 3, 3)):  # due 03-30 and 03-31
        s.application_start(actor=clerk_a, application=register(clerk_a, dept_a, received=received))
    s.application_start(actor=other, application=register(other, dept_a, received=D(2026, 3, 9)))
    register(clerk_a, dept_a, received=D(2026, 2, 2))  # unassigned, overdue by 03-30
    rows = {
        (row["user"].pk if row["user"] else None): row
        for row in workload(user=clerk_a, today=D(2026, 3, 30))
    }
    counts = {key: (r["open"], r["overdue"], r["today"], r["soon"]) for key, r in rows.items()}
    assert counts == {clerk_a.pk: (2, 0, 1, 1), other.pk: (1, 0, 0, 0), None: (1, 1, 0, 0)}
    client.force_login(clerk_a)
    with _at(D(2026, 3, 30)):
        text = client.get(reverse("applications_office:workload")).content.decode()
    assert f"?agency={dept_a.pk}&amp;assignee={clerk_a.pk}&amp;urgency=today" in text
    assert f"?agency={dept_a.pk}&amp;assignee=none&amp;urgency=overdue" in text


def test_workload_shows_only_the_agencies_one_sees(clerk_a, dept_a, dept_b, supervisor):
    clerk_b = MembershipFactory(agency=dept_b, role="clerk").user
    register(clerk_b, dept_b)
    assert {row["agency"] for row in workload(user=clerk_a)} == {dept_a}
    assert {row["agency"] for row in workload(user=supervisor)} == {dept_a, dept_b}
