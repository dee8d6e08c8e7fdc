"""Cutting run-together digits back into cells (split.py) and choosing among the readings by
the format's identities (solve.py): every reading is listed, the identities keep those that
hold, and when more than one still holds the cells stay blank with an "unrecovered" problem
listing them: a split is never guessed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.reports.formats import get_format
from gongkai.reports.importers.parse import parse_text
from gongkai.reports.importers.solve import solve
from gongkai.reports.importers.split import cuts, row_candidates

GB2021 = get_format("gb2021")
T3_COLUMNS = GB2021.table("t3").column_keys

# 640020470: nine digits, seven cells. A number never starts with 0 unless it is 0, so the two
# extra digits make either one three-digit cell or two two-digit cells, starting on a non-zero
# digit (6, 4, 2, 4 or 7): 4 + 8 readings.
READINGS_640020470 = (
    ("6", "4", "0", "0", "2", "0", "470"),
    ("6", "4", "0", "0", "20", "4", "70"),
    ("6", "4", "0", "0", "20", "47", "0"),
    ("6", "4", "0", "0", "204", "7", "0"),
    ("6", "40", "0", "2", "0", "4", "70"),
    ("6", "40", "0", "2", "0", "47", "0"),
    ("6", "40", "0", "20", "4", "7", "0"),
    ("6", "400", "2", "0", "4", "7", "0"),
    ("64", "0", "0", "2", "0", "4", "70"),
    ("64", "0", "0", "2", "0", "47", "0"),
    ("64", "0", "0", "20", "4", "7", "0"),
    ("640", "0", "2", "0", "4", "7", "0"),
)


def test_640020470_has_exactly_twelve_readings_into_seven_cells():
    assert set(cuts("640020470", 7)) == set(READINGS_640020470)
    assert len(cuts("640020470", 7)) == 12
    assert set(row_candidates(["640020470"], 7)) == set(READINGS_640020470)


def test_the_row_total_leaves_one_reading():
    """总计 = 自然人 + five 法人 columns holds for 64|0|0|2|0|4|70 only (64 + 2 + 4 = 70)."""
    solution = solve(GB2021, {("t3", "new_received"): list(READINGS_640020470)})
    assert solution.values["t3"]["new_received"] == dict(
        zip(T3_COLUMNS, [64, 0, 0, 2, 0, 4, 70], strict=True)
    )
    assert solution.ambiguous == {}


def test_chunks_already_apart_are_never_joined():
    """Whitespace the crawler left is a cell boundary: `500000 5` is 5|0|0|0|0|0|5 and `23 0
    00 0 023` (seven cells) is 23|0|0|0|0|0|23."""
    assert row_candidates(["500000", "5"], 7) == [("5", "0", "0", "0", "0", "0", "5")]
    assert ("23", "0", "0", "0", "0", "0", "23") in row_candidates(["23", "0", "00", "0", "023"], 7)
    for reading in row_candidates(["23", "0", "00", "0", "023"], 7):
        assert reading[0] == "23"  # a chunk is never glued to its neighbour


# --- ties are reported, not guessed -----------------------------------------------------------


def _t3_text(rows: dict[str, str]) -> str:
    """A flattened gb2021 report: title, table 三 with each row's label as the format prints it
    followed by its digits (0000000 unless given), table 四's header and its 15 zeros."""
    parts = ["测试县教育局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    parts += ["申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"]
    for row in GB2021.table("t3").rows:
        parts.append(row.label + (rows.get(row.key, "0000000") if row.has_cell else ""))
    parts.append(
        "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
        "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果"
        "尚未审结总计" + "0" * 15
    )
    return "".join(parts)


def test_two_readings_that_satisfy_every_identity_are_reported_and_left_blank():
    """`二、上年结转政府信息公开申请数量110000011` reads 11|0|0|0|0|0|11 or 1|10|0|0|0|0|11: both
    add up to 11. Nothing new and nothing concluded, the same digits under 结转下年度继续办理:
    第一项 + 第二项 = 第三项 + 第四项 holds column by column for either reading, as long as
    both rows read alike, so no identity can choose. Both rows stay blank, each with an
    "unrecovered" warning listing both readings; no error is claimed."""
    parsed = parse_text(_t3_text({"carried_over": "110000011", "carried_forward": "110000011"}))
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2021", 2023, "测试县教育局")
    for row in ("carried_over", "carried_forward"):
        assert [parsed.report.value("t3", row, c) for c in T3_COLUMNS] == [None] * 7
    unrecovered = {
        p.where: p for p in parsed.problems if p.kind == "unrecovered" and p.where.startswith("t3")
    }  # (the text has no table 二: its blocks are reported missing, also "unrecovered")
    assert set(unrecovered) == {"t3:carried_over", "t3:carried_forward"}
    for problem in unrecovered.values():
        assert problem.severity == "warning"
        assert {tuple(r) for r in problem.expected} == {
            ("11", "0", "0", "0", "0", "0", "11"),
            ("1", "10", "0", "0", "0", "0", "11"),
        }
        assert "1|10|0|0|0|0|11" in problem.message
        assert "11|0|0|0|0|0|11" in problem.message
        assert "未填入" in problem.message
    # the rows the identities could decide are filled
    assert [parsed.report.value("t3", "new_received", c) for c in T3_COLUMNS] == [0] * 7
    assert not [p for p in parsed.problems if p.severity == "error"]


def test_a_single_row_tie_in_table_four():
    """Table 四 is one row: `11000110000000000` is 复议 1|10|0|0|11 or 11|0|0|0|11 (both add up
    to 11), 诉讼 all 0. The row stays blank, reported with both readings."""
    readings = row_candidates(["11000110000000000"], 15)
    solution = solve(GB2021, {("t4", "count"): readings})
    assert set(solution.values["t4"]["count"].values()) == {None}
    assert {r[:5] for r in solution.ambiguous[("t4", "count")]} == {
        ("1", "10", "0", "0", "11"),
        ("11", "0", "0", "0", "11"),
    }


def test_table_four_that_cannot_be_read_is_reported():
    """A gb2021 text whose table 四 prints its header but no numbers: the 15 cells are blank
    and that is said (an "unrecovered" warning), not silently taken for zeros."""
    text = _t3_text({}).removesuffix("0" * 15) + "五、存在的主要问题及改进情况无。"
    parsed = parse_text(text)
    assert set(parsed.report.values["t4"]["count"].values()) == {None}
    assert any(p.kind == "unrecovered" and p.where.startswith("t4") for p in parsed.problems)


# --- blanks, decimals, leading zeros ----------------------------------------------------------


def test_a_single_zero_in_a_two_column_row_gives_both_placements():
    """fj2008's `2、政府公报公开 条 0`: one number for 本年度 and 历年累计, either may be blank."""
    assert row_candidates(["0"], 2) == [("0", None), (None, "0")]
    assert row_candidates(["3", "5"], 3) == [("3", "5", None), ("3", None, "5"), (None, "3", "5")]


def test_no_cells_at_all_is_one_blank_reading():
    assert row_candidates([], 3) == [(None, None, None)]


def test_a_decimal_amount_stays_whole():
    """A decimal point never ends a cell and a cut never falls just before it."""
    assert cuts("24252.311082", 1) == (("24252.311082",),)
    assert row_candidates(["9116.36"], 1) == [("9116.36",)]
    assert cuts("12.5", 2) == (("1", "2.5"),)
    assert all(not cell.endswith(".") for reading in cuts("13575394432.52", 2) for cell in reading)
    assert ("13575394432", ".52") not in cuts("13575394432.52", 2)
    solution = solve(GB2021, {("t2_art20_8", "admin_fees"): [("24252.311082",)]})
    assert solution.values["t2_art20_8"]["admin_fees"] == {"fee_amount": Decimal("24252.311082")}


@pytest.mark.parametrize(
    ("chunk", "k"),
    [("640020470", 7), ("100153", 3), ("26480430", 3), ("0070", 3), ("10203120001200000", 15)],
)
def test_no_number_gets_a_leading_zero(chunk, k):
    readings = cuts(chunk, k)
    assert readings
    for reading in readings:
        assert "".join(reading) == chunk
        assert all(cell == "0" or not cell.startswith("0") for cell in reading), reading


def test_leading_zeros_bound_the_cuts():
    assert cuts("1007", 3) == (("10", "0", "7"),)
    assert cuts("007", 3) == (("0", "0", "7"),)
    assert cuts("0070", 3) == (("0", "0", "70"),)
    assert cuts("05", 1) == ()
    assert cuts("07", 2) == (("0", "7"),)
