"""The public page: per-year counts like table 四, the year's cases anonymised, no names."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.appeals.privacy import anonymise, mask_name
from tests.appeals.fixtures import closed, record
from tests.applications.fixtures import register

pytestmark = pytest.mark.django_db


def test_the_page_counts_per_year_without_names(client, clerk_a, dept_a):
    application = register(clerk_a, dept_a, received=dt.date(2025, 10, 9), applicant_name="王小明")
    record(
        clerk_a,
        dept_a,
        application=application,
        appellant_name="王小明",
        case_number="测政复〔2025〕3号",
        filed_on=dt.date(2025, 11, 3),
        summary="申请人不服答复，申请行政复议。",
    )
    page = client.get(reverse("appeals:agency", args=[dept_a.code]), {"year": 2025})
    html = page.content.decode()
    assert page.status_code == 200
    assert "王小明" not in html and "测政复〔2025〕3号" not in html
    assert "申请人不服答复" in html and "尚未审结" in html


def test_a_case_closed_the_next_year_shows_pending_in_its_years_count(client, clerk_a, dept_a):
    closed(
        clerk_a,
        dept_a,
        filed_on=dt.date(2025, 12, 1),
        closed_on=dt.date(2026, 1, 20),
        outcome="corrected",
    )
    page = client.get(reverse("appeals:agency", args=[dept_a.code]))
    rows = {r["year"]: r["t4"] for r in page.context["rows"]}
    assert rows[2025]["rc_pending"] == 1 and rows[2025]["rc_corrected"] == 0
    assert rows[2026]["rc_total"] == 0


def test_a_year_without_cases_says_so(client, dept_a):
    page = client.get(reverse("appeals:agency", args=[dept_a.code]), {"year": 2017})
    assert "2017年没有行政复议、行政诉讼、举报投诉等情况" in page.content.decode()
    assert 2017 in [r["year"] for r in page.context["rows"]]


def test_the_subtree_option_rolls_up_the_departments(client, clerk_a, city, dept_a):
    record(clerk_a, dept_a, kind="complaint")
    url = reverse("appeals:agency", args=[city.code])
    own = client.get(url, {"year": 2026}).context["selected"]
    rolled = client.get(url, {"year": 2026, "subtree": "1"}).context["selected"]
    assert own["complaints"] == 0 and rolled["complaints"] == 1


def test_an_unknown_agency_is_404(client):
    assert client.get(reverse("appeals:agency", args=["nope"])).status_code == 404


def test_names_and_numbers_are_masked_in_public_text():
    text = "王小明（电话13812345678，身份证11010519491231002X）不服答复"
    assert anonymise(text, ["王小明"]) == "王某（电话［电话号码］，身份证［证件号码］）不服答复"
    assert mask_name("欧阳娜娜") == "欧某"
