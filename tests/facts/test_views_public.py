"""Public pages: an agency's years and one year's facts, with staff by position only."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.facts import services as s
from tests.facts.fixtures import record, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]


@pytest.fixture
def year_2024(clerk_a, dept_a):
    record(clerk_a, dept_a, "bodies", name="甲局政务公开办公室")
    record(clerk_a, dept_a, "reading-points", address="测试市人民路1号")
    staff(clerk_a, dept_a, "张敏", True, dt.date(2020, 1, 2), position="专职工作人员")
    staff(clerk_a, dept_a, "李雷", False, dt.date(2020, 1, 2), position="办公室科员")
    record(clerk_a, dept_a, "meetings", attendees=23)
    record(clerk_a, dept_a, "trainings", trainees=31)
    s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="punishment", value=7, source="执法平台"
    )


def test_the_year_page_shows_figures_but_no_personal_names(client, dept_a, year_2024):
    page = client.get(reverse("facts:year", args=[dept_a.code, 2024]))
    text = page.content.decode()
    assert page.status_code == 200
    for shown in (
        "甲局政务公开办公室",
        "测试市人民路1号",
        "专职工作人员",
        "办公室科员",
        "23",
        "31",
    ):
        assert shown in text
    assert "张敏" not in text and "李雷" not in text
    assert "执法平台" not in text  # sources and who entered them are office matters
    assert "尚未定稿" in text


def test_the_year_page_says_when_the_year_is_final(client, admin_a, dept_a, year_2024):
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    text = client.get(reverse("facts:year", args=[dept_a.code, 2024])).content.decode()
    assert "已锁定" in text


def test_the_agency_page_lists_the_years(client, dept_a, year_2024):
    text = client.get(reverse("facts:agency", args=[dept_a.code])).content.decode()
    assert reverse("facts:year", args=[dept_a.code, 2024]) in text
    assert reverse("facts:year", args=[dept_a.code, 2015]) in text  # the body's first year


def test_unknown_agencies_and_future_years_are_404(client, dept_a):
    assert client.get(reverse("facts:agency", args=["nowhere"])).status_code == 404
    assert client.get(reverse("facts:year", args=[dept_a.code, 2027])).status_code == 404
