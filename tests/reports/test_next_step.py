"""The report page tells whoever cannot take the next step who takes it."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.reports import services as s
from tests.reports.fixtures import application, frozen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with frozen(2025, 3, 1):
        yield


@pytest.fixture
def draft(clerk_a, dept_a):
    application(
        dept_a, received=dt.date(2024, 3, 1), served=dt.date(2024, 3, 15), outcome="granted"
    )
    return s.report_start(actor=clerk_a, agency=dept_a, year=2024)


def page(client, user, report) -> str:
    client.force_login(user)
    return client.get(reverse("reports_office:detail", args=[report.pk])).content.decode()


def test_the_clerk_writing_a_draft_is_told_the_reviewer_finalises(
    client, draft, clerk_a, report_reviewer_a
):
    assert "下一步：定稿，由审核人办理。" in page(client, clerk_a, draft)
    assert "下一步" not in page(client, report_reviewer_a, draft)  # the reviewer's own step


def test_a_final_report_waits_for_the_reviewer_to_publish(
    client, draft, clerk_a, report_reviewer_a
):
    final = s.report_finalise(actor=report_reviewer_a, report=draft)
    assert "下一步：发布，由审核人办理。" in page(client, clerk_a, final)
