"""A page of cases costs the same SQL statements whether it shows 5 rows or 25: the queue page
and `GET /api/office/applications/` read the rows' reply deadlines, files and assignees for the
whole page at once (no statement per row). Counted, not timed (bench/office.py times them)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services as s
from tests.applications.fixtures import png, register

D = dt.date
QUEUE = reverse("applications_office:queue")
API = "/api/office/applications/"
MINE = "/api/applications/"


@pytest.fixture
def frozen():
    """09:00 China time on 2026-04-20: the cases below are open, some of them overdue."""
    with time_machine.travel(dt.datetime(2026, 4, 20, 1, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def many_cases(frozen, clerk_a, dept_a, applicant_user):
    """25 open cases of dept_a received over five weeks (the earliest are overdue), each with
    a file of the office's; every fifth submitted online by the applicant (with their identity
    proof) and confirmed; most started by clerk_a."""
    cases = []
    for i in range(25):
        received = D(2026, 3, 2) + dt.timedelta(days=i)
        if i % 5 == 0:
            application, _code = s.application_submit_online(
                applicant=applicant_user,
                agency=dept_a,
                identity_proof=png(),
                today=received,
                info_title=f"第{i}号文件",
                provision_form="electronic",
                delivery_method="email",
            )
            application = s.application_confirm_receipt(
                actor=clerk_a, application=application, confirmed_on=received
            )
        else:
            application = register(clerk_a, dept_a, received=received, applicant_name=f"申请人{i}")
        if i % 4:
            application = s.application_start(actor=clerk_a, application=application)
        s.application_attach(
            actor=clerk_a, application=application, kind="other", upload=png(), title=f"材料{i}"
        )
        cases.append(application)
    return cases


def _statements(client, url, params=None) -> int:
    client.get(url, params)  # the per-process caches (calendar, content types) warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{}, {"status": "all", "sort": "-received"}])
def test_the_queue_page_costs_the_same_statements_for_5_rows_as_for_25(
    client, clerk_a, many_cases, monkeypatch, params
):
    client.force_login(clerk_a)
    counts = {}
    for size in (5, 25):
        monkeypatch.setattr("gongkai.applications.views.staff.QUEUE_PAGE_SIZE", size)
        assert len(client.get(QUEUE, params).context["cases"]) == size
        counts[size] = _statements(client, QUEUE, params)
    assert counts[5] == counts[25]


@pytest.mark.parametrize("params", [{}, {"status": "all", "sort": "received"}])
def test_the_api_queue_costs_the_same_statements_for_5_rows_as_for_25(
    clerk_a, many_cases, monkeypatch, params
):
    api = APIClient()
    api.force_authenticate(clerk_a)
    counts = {}
    for size in (5, 25):
        monkeypatch.setattr("gongkai.applications.api.QUEUE_PAGE_SIZE", size)
        body = api.get(API, params).json()
        assert len(body["results"]) == size
        assert all(row["documents"] and row["reply_due"] for row in body["results"])
        counts[size] = _statements(api, API, params)
    assert counts[5] == counts[25]


def test_a_listed_case_reads_as_the_case_itself(clerk_a, many_cases):
    """Read for the whole page at once, each row of the queue's API is what the case's own
    address answers: the reply deadline with its explanation and urgency, the files."""
    api = APIClient()
    api.force_authenticate(clerk_a)
    rows = api.get(API, {"status": "all"}).json()["results"]
    assert len(rows) == 25
    for row in rows[::6]:
        alone = api.get(f"/api/applications/{row['number']}/").json()
        assert {k: row[k] for k in alone} == alone
    overdue = [row for row in rows if row["reply_due"]["urgency"]["code"] == "overdue"]
    assert overdue and all(row["reply_due"]["explanation"] for row in overdue)


def test_the_applicants_own_list_shows_only_the_files_meant_for_them(
    frozen, clerk_a, many_cases, applicant_user
):
    """The applicant's list reads the files of all their cases at once and still shows only
    those made visible to them or uploaded by them, as each case's own address does."""
    api = APIClient()
    api.force_authenticate(applicant_user)
    rows = api.get(MINE).json()
    assert len(rows) == 5
    for row in rows:
        alone = api.get(f"/api/applications/{row['number']}/").json()
        assert row == alone
        assert [d["kind"] for d in row["documents"]] == ["identity_proof"]
