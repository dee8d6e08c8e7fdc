"""The counts the annual report takes: a case counts in the year it was filed, under its outcome
as of 31 December of that year; table 四 per kind and outcome; the old table's rows 四–六."""

import datetime as dt

import pytest
import time_machine

from gongkai.appeals import services as s
from gongkai.appeals.selectors import (
    concluded_carried_over,
    legacy_counts,
    report_column,
    t4_counts,
)
from tests.appeals.fixtures import closed, record

pytestmark = pytest.mark.django_db
D = dt.date
T4_ORDER = [
    f"{group}_{column}"
    for group in ("rc", "ld", "la")
    for column in ("upheld", "corrected", "other", "pending", "total")
]


def test_a_case_closed_within_its_year_counts_with_its_outcome():
    assert (
        report_column(
            filed_on=D(2021, 3, 1), outcome="upheld", closed_on=D(2021, 12, 31), year=2021
        )
        == "upheld"
    )


def test_a_case_closed_the_next_year_is_pending_in_its_filing_year():
    column = report_column(
        filed_on=D(2021, 11, 22), outcome="corrected", closed_on=D(2022, 1, 18), year=2021
    )
    assert column == "pending"


def test_a_case_is_counted_only_in_the_year_it_was_filed():
    kwargs = dict(filed_on=D(2021, 11, 22), outcome="corrected", closed_on=D(2022, 1, 18))
    assert report_column(**kwargs, year=2022) is None
    assert report_column(**kwargs, year=2020) is None


def test_an_open_case_is_pending():
    assert (
        report_column(filed_on=D(2026, 9, 1), outcome="pending", closed_on=None, year=2026)
        == "pending"
    )


@pytest.fixture
def year_2021(clerk_a, dept_a):
    """2021: two reconsiderations (维持; 纠正 only in January 2022), a direct suit (其他), a suit
    after reconsideration still open, a complaint; a 2020 case closed in 2021; a 2022 case."""
    closed(clerk_a, dept_a, filed_on=D(2021, 2, 1), closed_on=D(2021, 4, 1), outcome="upheld")
    late = record(clerk_a, dept_a, filed_on=D(2021, 11, 22))
    closed(
        clerk_a,
        dept_a,
        kind="litigation_direct",
        filed_on=D(2021, 5, 10),
        closed_on=D(2021, 9, 30),
        outcome="other",
    )
    record(clerk_a, dept_a, kind="litigation_after_reconsideration", filed_on=D(2021, 12, 30))
    closed(clerk_a, dept_a, kind="complaint", filed_on=D(2021, 6, 1), closed_on=D(2021, 6, 20))
    closed(clerk_a, dept_a, filed_on=D(2020, 12, 1), closed_on=D(2021, 2, 3), outcome="corrected")
    record(clerk_a, dept_a, filed_on=D(2022, 1, 4))
    s.appeal_record_outcome(actor=clerk_a, case=late, outcome="corrected", closed_on=D(2022, 1, 18))
    return dept_a


def test_t4_counts_per_kind_and_outcome_with_totals(year_2021):
    counts = t4_counts([year_2021.pk], 2021)
    assert list(counts) == T4_ORDER
    assert {k: v for k, v in counts.items() if v} == {
        "rc_upheld": 1,
        "rc_pending": 1,  # filed 2021-11-22, corrected only on 2022-01-18
        "rc_total": 2,
        "ld_other": 1,
        "ld_total": 1,
        "la_pending": 1,
        "la_total": 1,
    }


def test_the_totals_are_the_sum_of_their_columns(year_2021):
    counts = t4_counts([year_2021.pk], 2021)
    for group in ("rc", "ld", "la"):
        parts = sum(counts[f"{group}_{c}"] for c in ("upheld", "corrected", "other", "pending"))
        assert counts[f"{group}_total"] == parts


def test_a_carried_over_case_is_not_counted_again_when_it_closes(year_2021):
    assert t4_counts([year_2021.pk], 2020)["rc_pending"] == 1
    assert t4_counts([year_2021.pk], 2021)["rc_corrected"] == 0
    assert [c.filed_on for c in concluded_carried_over([year_2021.pk], 2021)] == [D(2020, 12, 1)]


def test_the_following_year_counts_only_its_own_filings(year_2021):
    counts = t4_counts([year_2021.pk], 2022)
    assert counts["rc_total"] == 1 and counts["rc_pending"] == 1
    assert [c.filed_on for c in concluded_carried_over([year_2021.pk], 2022)] == [D(2021, 11, 22)]


def test_a_report_computed_later_still_shows_the_year_end_state(year_2021):
    with time_machine.travel(dt.datetime(2030, 1, 1, 9, 0), tick=False):
        assert t4_counts([year_2021.pk], 2021)["rc_pending"] == 1


def test_legacy_rows_four_to_six(year_2021):
    counts = legacy_counts([year_2021.pk], 2021)
    assert counts == {
        "s4": 2,
        "s4_upheld": 1,
        "s4_corrected": 0,
        "s4_other": 1,  # the pending one: the old table has no 尚未审结 row
        "s4_other_pending": 1,
        "s5": 2,
        "s5_upheld": 0,
        "s5_corrected": 0,
        "s5_other": 2,
        "s5_other_pending": 1,
        "s6": 1,
    }
    for key in ("s4", "s5"):
        assert counts[key] == sum(counts[f"{key}_{c}"] for c in ("upheld", "corrected", "other"))


def test_a_year_without_cases_is_all_zeros(dept_a):
    assert set(t4_counts([dept_a.pk], 2017).values()) == {0}
    assert set(legacy_counts([dept_a.pk], 2017).values()) == {0}


def test_counts_roll_up_over_the_given_agencies(clerk_a, appeals_clerk_b, dept_a, dept_b):
    closed(clerk_a, dept_a, filed_on=D(2025, 3, 1), closed_on=D(2025, 4, 1))
    closed(
        appeals_clerk_b,
        dept_b,
        filed_on=D(2025, 6, 1),
        closed_on=D(2025, 7, 1),
        outcome="corrected",
    )
    assert t4_counts([dept_a.pk], 2025)["rc_total"] == 1
    both = t4_counts([dept_a.pk, dept_b.pk], 2025)
    assert (both["rc_upheld"], both["rc_corrected"], both["rc_total"]) == (1, 1, 2)


def test_a_correction_of_the_filing_date_moves_the_case_to_another_year(clerk_a, closed_case):
    s.appeal_update(
        actor=clerk_a,
        case=closed_case,
        correction_reason="立案日期录入错误",
        filed_on=D(2025, 12, 1),
    )
    assert t4_counts([closed_case.agency_id], 2025)["rc_total"] == 1
    assert t4_counts([closed_case.agency_id], 2026)["rc_total"] == 0
