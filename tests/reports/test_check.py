"""check.check: each identity of each format, broken by hand-editing one figure of a report, is
reported with its identity id, the cell (where), what the other cells make it (expected) and
what the table holds (found); and this year's 上年结转 against last year's 结转下年度."""

import datetime as dt

import pytest

from gongkai.reports import selectors
from gongkai.reports.check import check, problem_key
from gongkai.reports.document import ReportData
from gongkai.reports.formats import get_format
from gongkai.reports.models import AnnualReport
from tests.reports.fixtures import application

D = dt.date


def zeros(format_id: str, year: int) -> ReportData:
    """A report of `format_id` with every cell 0: no identity is broken."""
    fmt = get_format(format_id)
    values = {
        t.key: {r.key: dict.fromkeys(t.column_keys, 0) for r in t.cell_rows} for t in fmt.tables
    }
    return ReportData(format=fmt, agency="测试市甲局", year=year, values=values)


def edit(data: ReportData, **cells) -> ReportData:
    """edit(data, t3__new_received__natural_person=1): set cells by table__row__column."""
    for name, value in cells.items():
        table, row, column = name.split("__")
        data.values[table][row][column] = value
    return data


def found(problems) -> list[tuple]:
    return [(p.identity, p.where, p.expected, p.found, p.severity) for p in problems]


@pytest.mark.parametrize("format_id", ["gb2008", "gb2019", "gb2021"])
def test_all_zero_report_has_no_problems(format_id):
    assert check(zeros(format_id, 2024)) == []


# gb2021 / gb2019 table 三 --------------------------------------------------------------------


def test_t3_balance_new_plus_carried_over_equals_results_plus_carried_forward():
    """一+二 = 三+四, per column: reported at （七）总计 of each column that does not balance."""
    data = edit(
        zeros("gb2021", 2024), t3__new_received__natural_person=1, t3__new_received__total=1
    )
    assert found(check(data)) == [
        ("t3_balance", "t3:results_total.natural_person", 1, 0, "error"),
        ("t3_balance", "t3:results_total.total", 1, 0, "error"),
    ]


def test_t3_results_total_is_the_sum_of_the_result_rows():
    """（七）总计 = （一）…（六）: a result row raised without its total."""
    data = edit(zeros("gb2021", 2024), t3__granted__research=2, t3__granted__total=2)
    problems = check(data)
    assert found(problems) == [
        ("t3_results_total", "t3:results_total.research", 2, 0, "error"),
        ("t3_results_total", "t3:results_total.total", 2, 0, "error"),
    ]
    assert problems[0].kind == "identity"
    assert problems[0].message.startswith("（七）总计（法人或其他组织/科研机构）应为2")


def test_t3_other_rows_of_gb2021_are_terms_of_the_results_total():
    """gb2021's three （六） rows count in （七）总计 (gb2019: its single other_total row)."""
    data = edit(
        zeros("gb2021", 2024),
        t3__other_other__natural_person=1, t3__other_other__total=1,
        t3__results_total__natural_person=1, t3__results_total__total=1,
        t3__new_received__natural_person=1, t3__new_received__total=1,
    )  # fmt: skip
    assert check(data) == []
    data = edit(
        zeros("gb2019", 2020),
        t3__other_total__commercial=1, t3__other_total__total=1,
    )  # fmt: skip
    assert found(check(data)) == [
        ("t3_results_total", "t3:results_total.commercial", 1, 0, "error"),
        ("t3_results_total", "t3:results_total.total", 1, 0, "error"),
    ]


def test_t3_row_total_is_the_sum_of_the_applicant_columns():
    """总计 column = 自然人 + five 法人或其他组织 columns, per row."""
    data = edit(
        zeros("gb2021", 2024),
        t3__new_received__legal_service=1, t3__carried_forward__legal_service=1,
    )  # fmt: skip
    assert found(check(data)) == [
        ("t3_row_total", "t3:new_received.total", 1, 0, "error"),
        ("t3_row_total", "t3:carried_forward.total", 1, 0, "error"),
    ]


def test_t4_total_is_the_sum_of_the_four_outcomes():
    data = edit(zeros("gb2021", 2024), t4__count__ld_corrected=3)
    assert found(check(data)) == [("t4_ld_total", "t4:count.ld_total", 3, 0, "error")]


def test_negative_figure_is_an_error():
    """No count may be negative (the total follows, so only the constraint fails)."""
    data = edit(zeros("gb2021", 2024), t4__count__rc_upheld=-1, t4__count__rc_total=-1)
    assert found(check(data)) == [
        ("t4_nonnegative", "t4:count.rc_upheld", "≥0", -1, "error"),
        ("t4_nonnegative", "t4:count.rc_total", "≥0", -1, "error"),
    ]


def test_gb2019_change_column_may_be_negative():
    """本年增/减 is signed: a negative change is no problem."""
    assert check(edit(zeros("gb2019", 2020), t2_art20_5__licensing__change=-3)) == []


def test_gb2019_new_published_above_total_public_is_a_warning():
    data = edit(
        zeros("gb2019", 2020),
        t2_art20_1__normative_documents__new_published=5,
        t2_art20_1__normative_documents__total_public=3,
    )
    assert found(check(data)) == [
        (
            "t2_19_published_le_total",
            "t2_art20_1:normative_documents.total_public",
            "≥5",
            3,
            "warning",
        )
    ]


# gb2008 -------------------------------------------------------------------------------------


def test_gb2008_closed_split():
    """申请办结数 = 按时办结数 + 延期办结数."""
    data = edit(
        zeros("gb2008", 2017),
        tongjibiao__s3_closed__value=3,
        tongjibiao__s3_closed_ontime__value=1,
        tongjibiao__s3_closed_extended__value=1,
    )
    problems = check(data)
    assert found(problems) == [("L_closed_split", "tongjibiao:s3_closed.value", 2, 3, "error")]
    assert problems[0].message.startswith("(二)申请办结数应为2（1+1），表中为3")


@pytest.mark.parametrize(
    ("identity", "total", "part"),
    [
        ("L_received_by_channel", "s3_received", "s3_rec_fax"),
        ("L_reconsideration_split", "s4", "s4_corrected"),
        ("L_litigation_split", "s5", "s5_other"),
        ("L_staff_split", "s8_staff", "s8_staff_parttime"),
    ],
)
def test_gb2008_total_rows_are_the_sum_of_their_parts(identity, total, part):
    data = edit(zeros("gb2008", 2017), **{f"tongjibiao__{part}__value": 2})
    assert found(check(data)) == [(identity, f"tongjibiao:{total}.value", 2, 0, "error")]


def test_gb2008_replies_split_and_refusal_reasons():
    """申请答复数 = the eight reply rows (error); 不同意公开 vs its reasons is a warning only,
    since one reply may cite several reasons."""
    data = edit(
        zeros("gb2008", 2017),
        tongjibiao__s3_rep_refuse__value=2,
        tongjibiao__s3_ref_privacy__value=1,
    )
    assert found(check(data)) == [
        ("L_replies_split", "tongjibiao:s3_replies.value", 2, 0, "error"),
        ("L_refusal_reasons", "tongjibiao:s3_rep_refuse.value", 1, 2, "warning"),
    ]


def test_gb2008_subset_not_above_its_total():
    """其中:主动公开规范性文件数 ≤ 主动公开政府信息数."""
    data = edit(
        zeros("gb2008", 2017), tongjibiao__s1_pub_normative__value=3, tongjibiao__s1_pub__value=2
    )
    problems = check(data)
    assert found(problems) == [
        ("L_subset_pub_normative", "tongjibiao:s1_pub.value", "≥3", 2, "error"),
        ("L_channels_vs_total", "tongjibiao:s1_pub.value", 0, 2, "warning"),
    ]


def test_blank_cells_count_as_zero():
    """Published reports print blank for 0: None is 0 in the arithmetic."""
    data = edit(zeros("gb2008", 2017), tongjibiao__s4__value=None, tongjibiao__s4_upheld__value=0)
    assert check(data) == []


def test_problem_key_names_identity_and_cell():
    data = edit(zeros("gb2021", 2024), t4__count__ld_corrected=3)
    assert [problem_key(p) for p in check(data)] == ["t4_ld_total@t4:count.ld_total"]


# Cross-year ---------------------------------------------------------------------------------


def test_carried_over_must_equal_last_years_carried_forward():
    """本年“上年结转” = 上年“结转下年度继续办理”, per column; an error."""
    last = edit(
        zeros("gb2021", 2024),
        t3__carried_forward__natural_person=2, t3__carried_forward__total=2,
        t3__new_received__natural_person=2, t3__new_received__total=2,
    )  # fmt: skip
    this = zeros("gb2021", 2025)
    problems = check(this, last)
    assert found(problems) == [
        ("t3_carry", "t3:carried_over.natural_person", 2, 0, "error"),
        ("t3_carry", "t3:carried_over.total", 2, 0, "error"),
    ]
    assert {p.kind for p in problems} == {"cross_year"}
    assert problems[0].message.startswith("二、上年结转政府信息公开申请数量（自然人）")
    assert problems[0].message.endswith("上年为2，本年为0")


def test_carry_is_compared_across_formats_2020_to_2021():
    """A gb2021 report (2021) is compared with last year's gb2019 report (2020): same t3 cells;
    现行有效件数 follows last year's 对外公开总数量 + 制发 − 废止 (a warning only)."""
    last = edit(
        zeros("gb2019", 2020),
        t3__carried_forward__commercial=1, t3__carried_forward__total=1,
        t3__new_received__commercial=1, t3__new_received__total=1,
        t2_art20_1__normative_documents__total_public=10,
    )  # fmt: skip
    this = edit(
        zeros("gb2021", 2021),
        t3__carried_over__commercial=1, t3__carried_over__total=1,
        t3__carried_forward__commercial=1, t3__carried_forward__total=1,
        t2_art20_1__normative_documents__made=2,
        t2_art20_1__normative_documents__repealed=1,
        t2_art20_1__normative_documents__valid=12,
    )  # fmt: skip
    assert found(check(this, last)) == [
        ("t2_valid_carry", "t2_art20_1:normative_documents.valid", 11, 12, "warning"),
    ]


def test_no_previous_report_no_cross_year_problem():
    assert check(zeros("gb2021", 2025), None) == []


@pytest.fixture
def last_year_final(dept_a):
    """测试市甲局's final 2024 report whose snapshot says 1 application (natural person) was
    carried forward, although the records now say none was."""
    snapshot = edit(
        zeros("gb2021", 2024),
        t3__new_received__natural_person=1, t3__new_received__total=1,
        t3__carried_forward__natural_person=1, t3__carried_forward__total=1,
    ).to_json()  # fmt: skip
    return AnnualReport.objects.create(
        agency=dept_a, year=2024, format="gb2021", status="final", snapshot=snapshot
    )


def test_cross_year_uses_last_years_final_snapshot(last_year_final, dept_a):
    """A draft 2025 report is checked against the 2024 snapshot, not the 2024 records."""
    application(dept_a, received=D(2025, 3, 1), served=D(2025, 3, 9), outcome="granted")
    report = AnnualReport.objects.create(agency=dept_a, year=2025, format="gb2021")
    assert selectors.previous_report(report) == last_year_final
    problems = [p for p in selectors.report_problems(report) if p.kind == "cross_year"]
    assert found(problems) == [
        ("t3_carry", "t3:carried_over.natural_person", 1, 0, "error"),
        ("t3_carry", "t3:carried_over.total", 1, 0, "error"),
    ]


def test_previous_report_prefers_the_published_version(last_year_final, dept_a):
    """Of last year's versions the published one counts, a superseded one never."""
    published = AnnualReport.objects.create(
        agency=dept_a, year=2024, format="gb2021", status="published", version=2,
        revision_reason="更正结转数", snapshot=zeros("gb2021", 2024).to_json(),
    )  # fmt: skip
    report = AnnualReport.objects.create(agency=dept_a, year=2025, format="gb2021")
    assert selectors.previous_report(report) == published
    assert [p for p in selectors.report_problems(report) if p.kind == "cross_year"] == []
    AnnualReport.objects.filter(pk=published.pk).update(status="superseded")
    assert selectors.previous_report(report) == last_year_final


def test_draft_previous_report_is_not_compared(dept_a):
    """Last year's draft has no snapshot: nothing to compare with yet."""
    AnnualReport.objects.create(agency=dept_a, year=2024, format="gb2021")
    report = AnnualReport.objects.create(agency=dept_a, year=2025, format="gb2021")
    assert selectors.previous_report(report) is None
