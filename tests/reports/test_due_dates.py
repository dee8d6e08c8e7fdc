"""When an annual report is due is the law's (regimes: `Regime.annual_report`), not the page's:
under the 2019 Regulation departments publish by 31 January and governments by 31 March
(Art. 49–50); under the 2008 Regulation every agency by 31 March (Art. 31). The report on a year
follows the regime in force the next January."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.regimes import get_regime
from gongkai.reports.rollup import due_rule, statutory_date

D = dt.date
pytestmark = pytest.mark.django_db


def test_each_regime_says_when_the_annual_report_is_due():
    r08, r19 = get_regime("2008").annual_report, get_regime("2019").annual_report
    assert (r08.department, r08.government, r08.basis) == ((3, 31), (3, 31), "第三十一条")
    assert (r19.department, r19.government) == ((1, 31), (3, 31))
    assert r19.basis == "第四十九条、第五十条"


def test_a_department_publishes_by_31_january_and_a_government_by_31_march(city, dept_a):
    assert statutory_date(dept_a, 2025) == D(2026, 1, 31)
    assert statutory_date(city, 2025) == D(2026, 3, 31)


def test_the_report_on_2018_was_due_by_31_march_for_departments_too(city, dept_a):
    """Written in early 2019, under the 2008 Regulation (the 2019 text applies from 15 May)."""
    assert statutory_date(dept_a, 2018) == D(2019, 3, 31)
    assert statutory_date(city, 2018) == D(2019, 3, 31)
    assert statutory_date(dept_a, 2019) == D(2020, 1, 31)


def test_the_rule_is_said_with_its_articles():
    assert due_rule(2025) == (
        "政府部门应于次年1月31日前、人民政府应于次年3月31日前公布年度报告"
        "（条例第四十九条、第五十条）。"
    )
    assert "（条例第三十一条）" in due_rule(2015)


def test_the_rollup_page_states_the_rule_of_its_year(client, supervisor, city):
    client.force_login(supervisor)
    with time_machine.travel(dt.datetime(2026, 6, 1, 10), tick=False):
        page = client.get(reverse("reports_office:rollup", args=[city.code, 2025]))
    assert due_rule(2025) in page.content.decode()


@pytest.mark.parametrize(
    ("year", "department_due", "basis"),
    [
        (2017, D(2018, 3, 31), "（条例第三十一条）"),
        (2018, D(2019, 3, 31), "（条例第三十一条）"),
        (2019, D(2020, 1, 31), "（条例第四十九条、第五十条）"),
    ],
)
def test_the_rollup_page_shows_each_department_due_by_its_years_regime(
    client, supervisor, city, dept_a, year, department_due, basis
):
    """Report years up to 2018: 2008 Art. 31 (31 March for every agency); from 2019: 2019
    Art. 49 (departments by 31 January). A department's 2017 report is not due 2018-01-31."""
    client.force_login(supervisor)
    with time_machine.travel(dt.datetime(2026, 6, 1, 10), tick=False):
        page = client.get(reverse("reports_office:rollup", args=[city.code, year])).content.decode()
    row = page[page.index(dept_a.name) :]
    row = row[: row.index("</tr>")]
    assert department_due.isoformat() in row
    assert f"{year + 1}-01-31" not in row or department_due.month == 1
    assert basis in page
    assert statutory_date(city, year) == D(year + 1, 3, 31)
