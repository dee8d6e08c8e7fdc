"""The mess of real published text, on the 2021 corpus report: glyph variants from PDF
extraction, page footers inside the table, full-width digits, cells separated by spaces or tabs,
and totals left blank. Each must give the same cells (or say what it could not read)."""

import pytest

from gongkai.reports.importers.parse import parse_text
from tests.data import CORPUS

NEW = [64, 0, 0, 2, 0, 4, 70]
TOTALS = [63, 0, 0, 2, 0, 4, 69]


@pytest.fixture(scope="module")
def text() -> str:
    path = CORPUS / "2021_2021_pingtan-zone.txt"
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def t3(parsed, row):
    return [parsed.report.value("t3", row, c) for c in parsed.report.format.table("t3").column_keys]


def test_the_report_as_published(text):
    parsed = parse_text(text)
    assert t3(parsed, "new_received") == NEW
    assert t3(parsed, "results_total") == TOTALS
    assert parsed.consistent


def test_kangxi_radicals_from_a_pdf_read_as_the_characters(text):
    """PDF text often carries ⼀ (U+2F00) for 一 and ⼆ for 二: NFKC makes them one."""
    mangled = text.replace("一、本年新收", "⼀、本年新收").replace("二、上年结转", "⼆、上年结转")
    parsed = parse_text(mangled)
    assert t3(parsed, "new_received") == NEW
    assert t3(parsed, "carried_over") == [0] * 7


def test_a_page_footer_inside_the_table_is_not_a_number(text):
    mangled = text.replace("（三）不予公开", "- 3 - （三）不予公开").replace(
        "（四）无法提供", "第 4 页 共 6 页 （四）无法提供"
    )
    parsed = parse_text(mangled)
    assert t3(parsed, "partial") == [5, 0, 0, 0, 0, 0, 5]
    assert t3(parsed, "denied_admin_query") == [1, 0, 0, 0, 0, 0, 1]
    assert parsed.consistent


def test_full_width_digits_and_punctuation(text):
    mangled = text.replace("640020470", "６４００２０４７０").replace("（七）总计", "(七)总计")
    parsed = parse_text(mangled)
    assert t3(parsed, "new_received") == NEW
    assert t3(parsed, "results_total") == TOTALS


def test_cells_separated_by_spaces_need_no_identity(text):
    mangled = text.replace("640020470", "64 0 0 2 0 4 70")
    assert t3(parse_text(mangled), "new_received") == NEW


def test_a_total_left_blank_is_said_but_is_no_inconsistency(text):
    """Tab-separated cells with the 总计 cell empty: the total stays blank (not invented), the
    identity says what it should be, as a warning, not as an inconsistency of the report."""
    mangled = text.replace(
        "一、本年新收政府信息公开申请数量640020470",
        "一、本年新收政府信息公开申请数量\t64\t0\t0\t2\t0\t4\t\n",
    )
    parsed = parse_text(mangled)
    assert t3(parsed, "new_received") == [64, 0, 0, 2, 0, 4, None]
    blank = [p for p in parsed.problems if p.kind == "blank_total"]
    assert [(p.where, p.expected, p.severity) for p in blank] == [
        ("t3:new_received.total", 70, "warning")
    ]
    assert parsed.consistent


def test_a_total_that_contradicts_its_parts_is_an_inconsistency(text):
    mangled = text.replace("640020470", "64 0 0 2 0 4 71")
    parsed = parse_text(mangled)
    problems = {(p.identity, p.where) for p in parsed.problems if p.severity == "error"}
    assert ("t3_row_total", "t3:new_received.total") in problems
    assert not parsed.consistent
