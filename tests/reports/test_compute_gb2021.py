"""gb2021 (国办公开办函〔2021〕30号) computed from records: every cell of every table on a small
hand-built 2024 dataset of 测试市甲局, and the subtree scope (city ⊃ department)."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.reports.compute import build, cell_records
from tests.reports.fixtures import (
    T3_COLUMNS,
    T4_COLUMNS,
    appeal,
    application,
    at,
    figure,
    frozen,
    item,
    rows,
    table,
    withdrawn,
)

D = dt.date

# Table 三 of 测试市甲局 for 2024, columns as printed:
# 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
DEPT_T3 = {
    "new_received": [3, 1, 1, 1, 1, 1, 8],
    "carried_over": [1, 1, 0, 0, 0, 0, 2],
    "granted": [1, 0, 0, 0, 0, 0, 1],
    "partial": [0, 1, 0, 0, 0, 0, 1],
    "denied_state_secret": [1, 0, 0, 0, 0, 0, 1],
    "denied_law_forbidden": [0, 0, 0, 0, 0, 0, 0],
    "denied_three_security_one_stability": [0, 0, 0, 0, 0, 0, 0],
    "denied_third_party": [0, 0, 1, 0, 0, 0, 1],
    "denied_internal_affairs": [0, 0, 0, 0, 0, 0, 0],
    "denied_process_info": [0, 0, 0, 0, 0, 0, 0],
    "denied_enforcement_file": [0, 0, 0, 0, 0, 0, 0],
    "denied_admin_query": [0, 0, 0, 0, 0, 0, 0],
    "unable_not_held": [0, 0, 0, 1, 0, 0, 1],
    "unable_needs_creation": [0, 0, 0, 0, 0, 0, 0],
    "unable_unclear_after_correction": [0, 0, 0, 0, 0, 0, 0],
    "np_petition_complaint": [0, 0, 0, 0, 0, 0, 0],
    "np_repeat": [0, 0, 0, 0, 1, 0, 1],
    "np_publication": [0, 0, 0, 0, 0, 0, 0],
    "np_mass_repeat": [0, 0, 0, 0, 0, 0, 0],
    "np_confirm_or_reissue": [0, 0, 0, 0, 0, 0, 0],
    "other_overdue_correction": [1, 0, 0, 0, 0, 0, 1],
    "other_overdue_fee": [0, 0, 0, 0, 0, 0, 0],
    "other_other": [0, 1, 0, 0, 0, 1, 2],
    "results_total": [3, 2, 1, 1, 1, 1, 9],
    "carried_forward": [1, 0, 0, 0, 0, 0, 1],
}


@pytest.fixture
def year_2024(city, dept_a):
    """测试市甲局's 2024 records (and a few that must not count), one case per situation."""
    # Applications received and answered in 2024, one per applicant type.
    application(dept_a, received=D(2024, 3, 1), served=D(2024, 3, 15), outcome="granted")
    application(
        dept_a, received=D(2024, 4, 1), served=D(2024, 5, 20), outcome="partial",
        applicant_type="commercial", channel="in_person", extended=True,
    )  # fmt: skip
    application(
        dept_a, received=D(2024, 5, 1), served=D(2024, 5, 10), outcome="denied_third_party",
        applicant_type="research", channel="registered_mail",
    )  # fmt: skip
    application(
        dept_a, received=D(2024, 6, 1), served=D(2024, 6, 10), outcome="unable_not_held",
        applicant_type="social_welfare", channel="email",
    )  # fmt: skip
    application(
        dept_a, received=D(2024, 7, 1), served=D(2024, 7, 5), outcome="np_repeat",
        applicant_type="legal_service", channel="fax",
    )  # fmt: skip
    # Withdrawn: （六）其他处理 3.其他.
    withdrawn(dept_a, received=D(2024, 8, 1), closed=D(2024, 8, 5), applicant_type="other_org")
    # Lapsed (no correction in time): （六）其他处理 1.
    application(
        dept_a, received=D(2024, 9, 1), closed=D(2024, 10, 1), status="closed",
        outcome="other_overdue_correction",
    )  # fmt: skip
    # Carried over from 2023 and answered in 2024.
    application(
        dept_a, received=D(2023, 12, 20), served=D(2024, 1, 10), outcome="denied_state_secret"
    )
    # A 2008-Regulation case carried over and answered in 2024: 不是《条例》所指政府信息 is
    # counted as 3.其他 (regimes/outcomes.py _2008_TO_GB2021).
    application(
        dept_a, received=D(2018, 11, 20), served=D(2024, 2, 1), regime="2008",
        outcome="s3_ref_not_gov_info", applicant_type="commercial",
    )  # fmt: skip
    # Still open at the end of 2024: 结转下年度.
    application(dept_a, received=D(2024, 12, 28))
    # Not counted: submitted but never received; answered in 2023; received in 2025.
    application(dept_a, received=None, submitted_on=D(2024, 12, 30), status="submitted", regime="")
    application(dept_a, received=D(2023, 3, 1), served=D(2023, 3, 10), outcome="granted")
    application(dept_a, received=D(2025, 1, 2))

    # Table 二: figures from other systems, and the 规范性文件 register.
    figure(dept_a, 2024, "regulations_made", 2)
    figure(dept_a, 2024, "regulations_repealed", 1)
    figure(dept_a, 2024, "regulations_valid", 10)
    figure(dept_a, 2024, "licensing", 12)
    figure(dept_a, 2024, "punishment", 5)
    figure(dept_a, 2024, "admin_fees", "0.35")
    figure(dept_a, 2023, "licensing", 99)  # another year
    issued = at(2024, 3, 2)
    item(dept_a, published=issued, normative={"issued_on": D(2024, 3, 1)})  # made, in force
    item(
        dept_a,
        published=at(2020, 1, 3),
        normative={"issued_on": D(2020, 1, 1), "abolished_on": D(2024, 6, 30)},
    )  # repealed
    item(
        dept_a,
        published=at(2022, 5, 3),
        normative={"issued_on": D(2022, 5, 1), "expires_on": D(2030, 12, 31)},
    )  # in force
    item(
        dept_a,
        published=at(2021, 1, 3),
        normative={"issued_on": D(2021, 1, 1), "expires_on": D(2023, 12, 31)},
    )  # expired
    item(dept_a, published=at(2025, 1, 6), normative={"issued_on": D(2025, 1, 5)})  # next year

    # Table 四: appeals filed in 2024 (and one filed in 2023, counted there).
    appeal(dept_a, "reconsideration", D(2024, 2, 1), "upheld", D(2024, 4, 1))
    appeal(dept_a, "reconsideration", D(2024, 3, 1), "corrected", D(2024, 5, 1))
    appeal(dept_a, "reconsideration", D(2024, 11, 1))  # still pending
    appeal(dept_a, "reconsideration", D(2024, 12, 1), "upheld", D(2025, 2, 1))  # pending at 12-31
    appeal(dept_a, "litigation_direct", D(2024, 4, 1), "other", D(2024, 9, 1))
    appeal(dept_a, "litigation_after_reconsideration", D(2024, 6, 1), "corrected", D(2024, 8, 1))
    appeal(dept_a, "complaint", D(2024, 6, 1))  # not in table 四
    appeal(dept_a, "reconsideration", D(2023, 12, 1), "upheld", D(2024, 1, 20))  # 2023's

    # The city's own records: only in the city's reports.
    application(city, received=D(2024, 2, 1), served=D(2024, 2, 10), outcome="granted")
    figure(city, 2024, "licensing", 7)


@pytest.fixture
def dept_report(year_2024, dept_a, gb2021):
    with frozen(2025, 1, 15):
        return build(gb2021, dept_a, 2024)


def test_table_3_every_cell(dept_report):
    """Every cell of table 三: 新收 by applicant type, 上年结转, each result row (a withdrawal
    in 3.其他, a lapse in 1.逾期不补正, a 2008 reply mapped), 总计 and 结转下年度."""
    assert rows(dept_report, "t3", T3_COLUMNS) == DEPT_T3


def test_table_2_every_cell(dept_report):
    """Table 二: 规章 and the licensing/punishment/fee figures from other systems (0 where none
    was entered), 行政规范性文件 from the register: issued, abolished, in force at 12-31."""
    assert table(dept_report, "t2_art20_1") == {
        "regulations": {"made": 2, "repealed": 1, "valid": 10},
        "normative_documents": {"made": 1, "repealed": 1, "valid": 2},
    }
    assert table(dept_report, "t2_art20_5") == {"licensing": {"decisions": 12}}
    assert table(dept_report, "t2_art20_6") == {
        "punishment": {"decisions": 5},
        "coercion": {"decisions": 0},
    }
    assert table(dept_report, "t2_art20_8") == {"admin_fees": {"fee_amount": Decimal("0.35")}}


def test_table_4_every_cell(dept_report):
    """Table 四: cases filed in 2024 by outcome at 12-31 (closed in 2025 is 尚未审结);
    complaints and cases filed in 2023 are not counted."""
    assert rows(dept_report, "t4", T4_COLUMNS) == {
        "count": [1, 1, 0, 2, 4, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1],
    }


def test_built_report_has_no_problems(dept_report):
    """Records always balance: the identities of gb2021 hold on a computed report."""
    from gongkai.reports.check import check

    assert check(dept_report) == []


def test_subtree_report_of_the_city_includes_the_department(year_2024, city, gb2021):
    """The city's consolidated report counts its own records and its department's."""
    data = build(gb2021, city, 2024, subtree=True)
    expected = dict(DEPT_T3)
    expected["new_received"] = [4, 1, 1, 1, 1, 1, 9]
    expected["granted"] = [2, 0, 0, 0, 0, 0, 2]
    expected["results_total"] = [4, 2, 1, 1, 1, 1, 10]
    assert rows(data, "t3", T3_COLUMNS) == expected
    assert table(data, "t2_art20_5") == {"licensing": {"decisions": 19}}
    assert data.subtree is True
    assert data.provenance["agencies"] == 2


def test_city_own_report_excludes_the_department(year_2024, city, gb2021):
    """Without the subtree, the city's report holds the city's records only."""
    data = build(gb2021, city, 2024)
    t3 = rows(data, "t3", T3_COLUMNS)
    assert t3["new_received"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3["results_total"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3["carried_over"] == t3["carried_forward"] == [0] * 7
    assert table(data, "t2_art20_5") == {"licensing": {"decisions": 7}}
    assert rows(data, "t4", T4_COLUMNS) == {"count": [0] * 15}


def test_department_subtree_report_does_not_include_the_city(year_2024, dept_a, gb2021):
    """A department's report, consolidated or not, never counts its parent's records."""
    data = build(gb2021, dept_a, 2024, subtree=True)
    assert rows(data, "t3", T3_COLUMNS) == DEPT_T3
    assert table(data, "t2_art20_5") == {"licensing": {"decisions": 12}}


def test_cell_records_lists_the_applications_behind_a_cell(year_2024, dept_a, gb2021):
    """The click-through of 3.其他（总计） lists the withdrawn and the mapped 2008 case."""
    records = cell_records(gb2021, dept_a, 2024, "t3:other_other.total")
    assert sorted(a.status for a in records) == ["served", "withdrawn"]
    assert {a.regime for a in records} == {"2008", "2019"}


def test_cell_records_count_equals_the_cell_for_every_t3_cell(dept_report, dept_a, gb2021):
    """For every cell of table 三, the click-through lists exactly as many records as it says."""
    for row, cells in dept_report.values["t3"].items():
        for column, value in cells.items():
            records = cell_records(gb2021, dept_a, 2024, f"t3:{row}.{column}")
            assert records.count() == value, f"{row}.{column}"
