"""gb2019 (国办公开办函〔2019〕60号, the trial format of the 2019 and 2020 reports) computed from
records: every cell on a hand-built 2019 dataset of 测试市甲局, in the year both Regulations
applied (the 2008 one to applications received before 2019-05-15)."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.reports.check import check
from gongkai.reports.compute import build
from tests.reports.fixtures import (
    T3_COLUMNS,
    T4_COLUMNS,
    appeal,
    application,
    at,
    figure,
    item,
    rows,
    table,
    withdrawn,
)

D = dt.date

# Figures typed in on the report (no record holds them); procurement_amount left blank.
ENTERED = {
    "art20_5.licensing.prev_year_items": "40",
    "art20_5.licensing.change": "-2",
    "art20_5.other_external_services.prev_year_items": "6",
    "art20_5.other_external_services.change": "1",
    "art20_5.other_external_services.decisions": "15",
    "art20_6.punishment.prev_year_items": "30",
    "art20_6.punishment.change": "0",
    "art20_6.coercion.prev_year_items": "4",
    "art20_6.coercion.change": "3",
    "art20_8.admin_fees.prev_year_items": "2",
    "art20_8.admin_fees.change": "-1",
    "art20_9.central_procurement.procurement_items": "5",
}


@pytest.fixture
def year_2019(dept_a):
    # 2008-Regulation replies, counted in the nearest 2019 row: 申请信息不存在 → 1.不掌握;
    # 同意公开 (carried over from 2018) → 予以公开; 个人隐私 → 4.保护第三方合法权益.
    application(
        dept_a, received=D(2019, 3, 1), served=D(2019, 3, 20), regime="2008",
        outcome="s3_rep_not_exist",
    )  # fmt: skip
    application(
        dept_a, received=D(2018, 12, 20), served=D(2019, 1, 15), regime="2008",
        outcome="s3_rep_agree", applicant_type="commercial",
    )  # fmt: skip
    application(
        dept_a, received=D(2019, 4, 1), served=D(2019, 4, 10), regime="2008",
        outcome="s3_ref_privacy", applicant_type="other_org",
    )  # fmt: skip
    # 2019-Regulation cases: a fee lapse and a withdrawal are both （六）其他处理 (one row).
    application(
        dept_a, received=D(2019, 6, 1), closed=D(2019, 7, 1), status="closed",
        outcome="other_overdue_fee", applicant_type="research",
    )  # fmt: skip
    withdrawn(dept_a, received=D(2019, 7, 15), closed=D(2019, 8, 1))
    application(
        dept_a, received=D(2019, 9, 1), served=D(2019, 9, 30), outcome="np_confirm_or_reissue",
        applicant_type="legal_service",
    )  # fmt: skip
    application(dept_a, received=D(2019, 12, 30), applicant_type="social_welfare")  # open

    # Table 二.
    figure(dept_a, 2019, "regulations_made", 1)
    figure(dept_a, 2019, "regulations_valid", 4)
    figure(dept_a, 2019, "licensing", 12)
    figure(dept_a, 2019, "punishment", 8)
    figure(dept_a, 2019, "coercion", 1)
    # issued and published in 2019
    item(dept_a, published=at(2019, 4, 1), normative={"issued_on": D(2019, 3, 28)})
    # issued in 2017, still in force
    item(dept_a, published=at(2017, 1, 5), normative={"issued_on": D(2017, 1, 1)})
    # issued in 2019, published only in 2020
    item(dept_a, published=at(2020, 1, 5), normative={"issued_on": D(2019, 11, 1)})
    item(dept_a, published=at(2019, 5, 1))  # published in 2019, not a 规范性文件

    appeal(dept_a, "litigation_after_reconsideration", D(2019, 2, 1), "upheld", D(2019, 6, 1))


@pytest.fixture
def report(year_2019, dept_a, gb2019):
    return build(gb2019, dept_a, 2019, entered=ENTERED)


def test_table_3_every_cell(report):
    """Table 三 with the single （六）其他处理 row: a fee lapse and a withdrawal both there;
    2008 replies mapped (不存在 → 1.不掌握, 同意公开 → 予以公开, 个人隐私 → 4.第三方)."""
    assert rows(report, "t3", T3_COLUMNS) == {
        "new_received": [2, 0, 1, 1, 1, 1, 6],
        "carried_over": [0, 1, 0, 0, 0, 0, 1],
        "granted": [0, 1, 0, 0, 0, 0, 1],
        "partial": [0, 0, 0, 0, 0, 0, 0],
        "denied_state_secret": [0, 0, 0, 0, 0, 0, 0],
        "denied_law_forbidden": [0, 0, 0, 0, 0, 0, 0],
        "denied_three_security_one_stability": [0, 0, 0, 0, 0, 0, 0],
        "denied_third_party": [0, 0, 0, 0, 0, 1, 1],
        "denied_internal_affairs": [0, 0, 0, 0, 0, 0, 0],
        "denied_process_info": [0, 0, 0, 0, 0, 0, 0],
        "denied_enforcement_file": [0, 0, 0, 0, 0, 0, 0],
        "denied_admin_query": [0, 0, 0, 0, 0, 0, 0],
        "unable_not_held": [1, 0, 0, 0, 0, 0, 1],
        "unable_needs_creation": [0, 0, 0, 0, 0, 0, 0],
        "unable_unclear_after_correction": [0, 0, 0, 0, 0, 0, 0],
        "np_petition_complaint": [0, 0, 0, 0, 0, 0, 0],
        "np_repeat": [0, 0, 0, 0, 0, 0, 0],
        "np_publication": [0, 0, 0, 0, 0, 0, 0],
        "np_mass_repeat": [0, 0, 0, 0, 0, 0, 0],
        "np_confirm_or_reissue": [0, 0, 0, 0, 1, 0, 1],
        "other_total": [1, 0, 1, 0, 0, 0, 2],
        "results_total": [2, 1, 1, 0, 1, 1, 6],
        "carried_forward": [0, 0, 0, 1, 0, 0, 1],
    }


def test_table_2_every_cell(report):
    """Table 二: records where they exist, the figures typed in on the report elsewhere
    (signed 本年增/减, a blank procurement amount stays None)."""
    assert table(report, "t2_art20_1") == {
        "regulations": {"new_made": 1, "new_published": 1, "total_public": 4},
        "normative_documents": {"new_made": 2, "new_published": 1, "total_public": 3},
    }
    assert table(report, "t2_art20_5") == {
        "licensing": {"prev_year_items": 40, "change": -2, "decisions": 12},
        "other_external_services": {"prev_year_items": 6, "change": 1, "decisions": 15},
    }
    assert table(report, "t2_art20_6") == {
        "punishment": {"prev_year_items": 30, "change": 0, "decisions": 8},
        "coercion": {"prev_year_items": 4, "change": 3, "decisions": 1},
    }
    assert table(report, "t2_art20_8") == {"admin_fees": {"prev_year_items": 2, "change": -1}}
    assert table(report, "t2_art20_9") == {
        "central_procurement": {"procurement_items": 5, "procurement_amount": None}
    }


def test_table_4_every_cell(report):
    assert rows(report, "t4", T4_COLUMNS) == {
        "count": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1],
    }


def test_entered_amount_keeps_its_decimals(year_2019, dept_a, gb2019):
    """An entered 采购总金额 is an amount: 123.45 stays 123.45 (a Decimal), not 123."""
    data = build(
        gb2019, dept_a, 2019,
        entered=ENTERED | {"art20_9.central_procurement.procurement_amount": "123.45"},
    )  # fmt: skip
    assert data.value("t2_art20_9", "central_procurement", "procurement_amount") == Decimal(
        "123.45"
    )


def test_negative_change_is_not_a_problem(report):
    """本年增/减 may be negative; the identities hold on the computed report."""
    assert [p for p in check(report) if p.severity == "error"] == []
