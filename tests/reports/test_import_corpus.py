"""The importer on real published reports (tests/data/corpus, 16 files, and the seed report).

Every expectation below was worked out by hand from the report text, not copied from the
importer's output: each flattened table row was split by reading the digits against the table's
identities (e.g. `一、本年新收政府信息公开申请数量640020470` is 64|0|0|2|0|4|70 because 总计 70 is the
sum of the six columns and no other cut of the digits adds up). Comments quote the source where a
reading or a problem needs it.

Each file is parsed on its own here (no earlier year to compare with); the cross-year findings
need the previous report and are checked on the whole corpus at once (`batch.check_files`) at
the end, as is the exit status of `gongkai report check`.
"""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.reports.formats import get_format
from gongkai.reports.importers.batch import check_files
from gongkai.reports.importers.parse import parse_file, parse_text
from tests.data import CORPUS, SEED

FJ = "fj_tongjibiao"
T3 = "t3"
ZERO7 = [0, 0, 0, 0, 0, 0, 0]


def parse(name: str):
    return parse_file(CORPUS / name)


def cells(parsed, table_key: str) -> dict[str, list]:
    """{row: [value per column]} for every row with cells of the table, in the format's order."""
    table = parsed.report.format.table(table_key)
    return {
        row.key: [parsed.report.value(table_key, row.key, c) for c in table.column_keys]
        for row in table.cell_rows
    }


def _frozen(value):
    if isinstance(value, list):
        if value and isinstance(value[0], list | tuple):
            return frozenset(tuple(v) for v in value)  # readings: their order is not the point
        return tuple(value)
    return value


def problems(parsed) -> list[tuple]:
    """(kind, where, severity, expected, found) of every problem, in a stable order."""
    return sorted(
        (
            (p.kind, p.where, p.severity, _frozen(p.expected), _frozen(p.found))
            for p in parsed.problems
        ),
        key=repr,
    )


def expect(*items) -> list[tuple]:
    return sorted(((k, w, s, _frozen(e), _frozen(f)) for k, w, s, e, f in items), key=repr)


def fj_table(**rows) -> dict[str, list]:
    """An fj2008 table: the rows printed in that year's variant as [本年度, 历年累计]; every row
    the variant does not print is [None, None]."""
    keys = [row.key for row in get_format("fj2008").table(FJ).cell_rows]
    assert set(rows) <= set(keys), set(rows) - set(keys)
    return {key: list(rows.get(key, (None, None))) for key in keys}


# --- the seed (gb2008, '|'-separated cells) ---------------------------------------------------


def test_seed_report_all_58_cells():
    """The seed's 统计表 is printed with '|' between label, unit and number: every one of the 58
    cells of gb2008 comes back, and the table is consistent (395 = 0 + 77 + 52 + 53 + 213 by
    channel; 1 = 0 + 0 + 1 + 0 received; 3 = 1 + 2 staff)."""
    parsed = parse_file(SEED)
    assert (parsed.format_id, parsed.year, parsed.agency) == (
        "gb2008",
        2017,
        "商丘市工业和信息化委员会",
    )
    assert cells(parsed, "tongjibiao") == {
        "s1_pub": [395],
        "s1_pub_normative": [0],
        "s1_normative_issued": [0],
        "s1_ch_gazette": [0],
        "s1_ch_website": [77],
        "s1_ch_weibo": [52],
        "s1_ch_weixin": [53],
        "s1_ch_other": [213],
        "s2_hotspots": [4],
        "s2_pressconf": [0],
        "s2_pressconf_head": [0],
        "s2_interview": [0],
        "s2_interview_head": [0],
        "s2_interpretations": [2],
        "s2_weibo_weixin": [0],
        "s2_other": [2],
        "s3_received": [1],
        "s3_rec_inperson": [0],
        "s3_rec_fax": [0],
        "s3_rec_online": [1],
        "s3_rec_letter": [0],
        "s3_closed": [1],
        "s3_closed_ontime": [1],
        "s3_closed_extended": [0],
        "s3_replies": [1],
        "s3_rep_already_public": [0],
        "s3_rep_agree": [0],
        "s3_rep_partial": [0],
        "s3_rep_refuse": [0],
        "s3_ref_state_secret": [0],
        "s3_ref_commercial_secret": [0],
        "s3_ref_privacy": [0],
        "s3_ref_security_stability": [0],
        "s3_ref_not_gov_info": [0],
        "s3_ref_other_legal": [0],
        "s3_rep_not_this_agency": [1],
        "s3_rep_not_exist": [0],
        "s3_rep_amend": [0],
        "s3_rep_other_channel": [0],
        "s4": [0],
        "s4_upheld": [0],
        "s4_corrected": [0],
        "s4_other": [0],
        "s5": [0],
        "s5_upheld": [0],
        "s5_corrected": [0],
        "s5_other": [0],
        "s6": [0],
        "s7": [0],
        "s8_units": [1],
        "s8_reading_points": [1],
        "s8_staff": [3],
        "s8_staff_fulltime": [1],
        "s8_staff_parttime": [2],
        "s8_budget": [0],
        "s9_meetings": [4],
        "s9_trainings": [0],
        "s9_trainees": [0],
    }
    assert problems(parsed) == []
    assert parsed.consistent


# --- 2011 -------------------------------------------------------------------------------------

# The nine categories of 2011 ("在…主动公开的425条政府信息中，…148条，占34.8%；…21条，占4.9%；…")
# add up to 421 while their shares add up to 98.9% of 425: the text breaks its own total.
CATEGORIES_2011 = ("narrative", "text", "error", 425, 421)

TABLE_2011 = fj_table(
    pub=(425, 1516),  # 主动公开信息数条4251516: 425|1516 (418 + 7 = 425, 1509 + 7 = 1516)
    pub_web=(418, 1509),
    pub_gazette=(7, 7),
    req=(0, 0),
    req_in_person=(0, 0),
    req_fax=(0, 0),
    req_email=(0, 0),
    req_online=(0, 0),
    req_letter=(0, 0),
    req_other=(0, 0),
    rep=(0, 0),
    rep_agree=(0, 0),
    rep_partial=(0, 0),
    rep_refuse=(0, 0),
    reconsideration=(0, 0),
    litigation=(0, 0),
    complaints=(0, 0),  # 行政申诉数
)


def test_2011_county():
    """Cells run together (`主动公开信息数条4251516`); only 425|1516 with 418|1509 and 7|7 keeps
    every part within its total. Applications all 0. The nine category counts sum to 421 ≠ 425."""
    parsed = parse("2011_2008_pingtan-county.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2011, "平潭县人民政府")
    assert cells(parsed, FJ) == TABLE_2011
    assert problems(parsed) == expect(CATEGORIES_2011)


def test_2011_zone():
    """The same figures as the county's 2011 report, cells separated by spaces; the title names
    the agency 平潭综合实验区 (the table heading says 平潭综合实验区管委会). Same 421 ≠ 425."""
    parsed = parse("2011_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2011, "平潭综合实验区")
    assert cells(parsed, FJ) == TABLE_2011
    assert problems(parsed) == expect(CATEGORIES_2011)


# --- 2012 -------------------------------------------------------------------------------------


def test_2012_county():
    """`主动公开信息数条20263542` could be 20|263542, 202|63542 or 2026|3542 (every part stays
    within its total either way): the text's "其中主动公开政府信息2026条" decides (an info
    "split" problem on the row and on 网站公开 17953304 = 1795|3304, which follows from it).
    Text: 总数3978 ≠ 2026 + 46 + 1854 = 3926; 县直2475 + 乡镇1503 (62.2% + 37.8%) = 3978, not
    the 2026 published. Applications 21 = 当面18 + 电邮3; replies 21 = 17 + 2 + 2."""
    parsed = parse("2012_2008_pingtan-county.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2012, "平潭县人民政府")
    assert cells(parsed, FJ) == fj_table(
        pub=(2026, 3542),
        pub_web=(1795, 3304),
        pub_gazette=(0, 7),  # 政府公报公开条07
        req=(21, 21),
        req_in_person=(18, 18),
        req_fax=(0, 0),
        req_email=(3, 3),
        req_online=(0, 0),
        req_letter=(0, 0),
        req_other=(0, 0),
        rep=(21, 21),
        rep_agree=(17, 17),
        rep_partial=(2, 2),
        rep_refuse=(2, 2),
        reconsideration=(0, 0),
        litigation=(0, 0),
        complaints=(0, 0),
    )
    assert problems(parsed) == expect(
        ("split", "fj_tongjibiao:pub", "info", None, [2026, 3542]),
        ("split", "fj_tongjibiao:pub_web", "info", None, [1795, 3304]),
        ("narrative", "text", "error", 3978, 3926),
        ("narrative", "text", "error", 2026, 3978),
    )


def test_2012_zone():
    """Table 739|4359 (space-separated), but the text says "2012年主动公开政府信息1913条";
    1397 + 534 = 1931 (73% + 27%) ≠ 1913; and "行政许可类信息145条，占8.05%" of 1913 is 7.58%.

    The nine categories of the zone's 2012 report sum to 911, which is NOT flagged as a broken
    total, by design: the list is headed 主要类别, has no catch-all 其他 item, and its shares
    (each of which matches its count, 133/1913 = 6.95% …) add up to 48%: it is a partial list.
    What is wrong in it is one share, and that is flagged."""
    parsed = parse("2012_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2012, "平潭综合实验区")
    assert cells(parsed, FJ) == fj_table(
        pub=(739, 4359),
        pub_web=(739, 4359),
        pub_gazette=(0, 0),
        req=(0, 0),
        req_in_person=(0, 0),
        req_fax=(0, 0),
        req_email=(0, 0),
        req_online=(0, 0),
        req_letter=(0, 0),
        # no 6.其它形式申请数 row this year
        rep=(0, 0),
        rep_agree=(0, 0),
        rep_partial=(0, 0),
        rep_refuse=(0, 0),
        complaints=(0, 0),  # 行政申诉、举报数
        reconsideration=(0, 0),
        litigation=(0, 0),
    )
    assert problems(parsed) == expect(
        ("narrative", "fj_tongjibiao:pub.year", "error", 1913, 739),
        ("narrative", "text", "error", 1913, 1931),
        ("narrative", "text", "error", Decimal("7.58"), Decimal("8.05")),
    )


# --- 2013 -------------------------------------------------------------------------------------


def test_2013_county():
    """`受理依申请公开信息总数条728` is 7|28 (72|8 would put the year above the cumulative);
    7 = 电邮3 + 网上4 and 28 = 18 + 6 + 4. The text says "网上申请数3条，信函申请数4条" (table:
    网上 4, 信函 0). 3618 = 1853 + 107 + 1658 and 1251 + 602 = 1853 hold; the nine categories
    (1700, 92% of 1853, each share matching its count) are a partial list, not a broken total.
    The statistics period is left blank ("统计期限自至")."""
    parsed = parse("2013_2008_pingtan-county.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2013, "平潭县人民政府")
    assert cells(parsed, FJ) == fj_table(
        pub=(1853, 5395),  # 18535395, decided by "其中主动公开政府信息1853条"
        pub_web=(1713, 5017),  # 17135017
        pub_gazette=(0, 7),
        req=(7, 28),
        req_in_person=(0, 18),
        req_fax=(0, 0),
        req_email=(3, 6),
        req_online=(4, 4),
        req_letter=(0, 0),
        req_other=(0, 0),
        rep=(3, 24),
        rep_agree=(2, 19),
        rep_partial=(1, 3),
        rep_refuse=(0, 2),
        reconsideration=(0, 0),
        litigation=(0, 0),
        complaints=(0, 0),
    )
    assert problems(parsed) == expect(
        ("split", "fj_tongjibiao:pub", "info", None, [1853, 5395]),
        ("split", "fj_tongjibiao:pub_web", "info", None, [1713, 5017]),
        ("narrative", "fj_tongjibiao:req_online.year", "error", 3, 4),
        ("narrative", "fj_tongjibiao:req_letter.year", "error", 4, 0),
        ("narrative", "text", "warning", "统计期限的起止日期", "统计期限自至"),
    )


def test_2013_zone():
    """Table 72804|76424; the text says 主动公开4970 (= 3933 + 1037, 79% + 21%) and "收到1份有关
    政府信息公开行政复议申请" while the table's 行政复议数 is 0 0. The 公报 row prints one number
    (`2、政府公报公开 条 0`): which column it belongs to cannot be told, so both cells stay blank
    with an "unrecovered" warning listing the two placements."""
    parsed = parse("2013_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2013, "平潭综合实验区")
    assert cells(parsed, FJ) == fj_table(
        pub=(72804, 76424),
        pub_web=(72804, 76424),
        pub_gazette=(None, None),
        req=(0, 0),
        req_in_person=(0, 0),
        req_fax=(0, 0),
        req_email=(0, 0),
        req_online=(0, 0),
        req_letter=(0, 0),
        rep=(0, 0),
        rep_agree=(0, 0),
        rep_partial=(0, 0),
        rep_refuse=(0, 0),
        complaints=(0, 0),
        reconsideration=(0, 0),
        litigation=(0, 0),
    )
    assert problems(parsed) == expect(
        ("unrecovered", "fj_tongjibiao:pub_gazette", "warning", [["0", None], [None, "0"]], None),
        ("narrative", "fj_tongjibiao:pub.year", "error", 4970, 72804),
        ("narrative", "fj_tongjibiao:reconsideration.year", "error", 1, 0),
    )


def test_2013_dishui_has_no_table_but_its_text_is_checked():
    """No statistics table: no report, but the year (统计期限自2013年1月1日) and the text's own
    claims: 45 = 32 + 13 holds; "受理审批事项117件，办结171件，办结率100%" cannot be."""
    parsed = parse("2013_2008_pingtan-dishui.txt")
    assert parsed.report is None
    assert (parsed.format_id, parsed.year) == ("", 2013)
    assert problems(parsed) == expect(
        (
            "narrative",
            "text",
            "error",
            "办结≤受理，办结率=171÷117",
            "受理审批事项117件,办结171件,办结率100%",
        )
    )
    assert not parsed.consistent


def test_2013_dishui_agency_from_its_title():
    """The title "平潭综合实验区地方税务局2013年信息公开年度报告" names the agency."""
    assert parse("2013_2008_pingtan-dishui.txt").agency == "平潭综合实验区地方税务局"


# --- 2014–2018 (zone) -------------------------------------------------------------------------


# 2014–2018 print the later variant: 主动公开文件数, 2、网上申请数, 3、信函、传真申请数,
# 4、其他类型答复数, 收费减免金额 (2014–2016), 接受行政诉讼、举报数.
def later_variant(pub, web, req=(0, 0), rep=(0, 0), fee=(0, 0)) -> dict[str, list]:
    return fj_table(
        pub=pub,
        pub_web=web,
        pub_gazette=(0, 0),
        req=req,
        req_in_person=(0, 0),
        req_online=(0, 0),
        req_letter_fax=req,
        rep=rep,
        rep_agree=rep,
        rep_partial=(0, 0),
        rep_refuse=(0, 0),
        rep_other=(0, 0),
        fee=fee,
        complaints=(0, 0),
        reconsideration=(0, 0),
        litigation=(0, 0),
    )


def test_2014_zone():
    """2543|78967 (space-separated); 1 application by letter, answered (信函申请1条 in the
    text, 信函、传真 1 in the table). 1687 + 856 = 2543 holds, but the category list ends with
    "其他应主动公开的信息946条" (so it claims to be complete) and sums to 2641 ≠ 2543."""
    parsed = parse("2014_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == (
        "fj2008",
        2014,
        "平潭综合实验区管委会",
    )
    assert cells(parsed, FJ) == later_variant((2543, 78967), (2543, 78967), (1, 1), (1, 1))
    assert problems(parsed) == expect(("narrative", "text", "error", 2543, 2641))


def test_2015_zone():
    """All consistent: 294981916 = 2949|81916 (text: 2949 = 2275 + 674, categories 2949);
    the cumulative 1 application of 2014 carries (受理 0|1, 信函传真 0|1, 答复 0|1, 同意 0|1).
    Alone, the split of the 主动公开 rows is decided by the text (info)."""
    parsed = parse("2015_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2015, "平潭综合实验区")
    assert cells(parsed, FJ) == later_variant((2949, 81916), (2949, 81916), (0, 1), (0, 1))
    assert problems(parsed) == expect(
        ("split", "fj_tongjibiao:pub", "info", None, [2949, 81916]),
        ("split", "fj_tongjibiao:pub_web", "info", None, [2949, 81916]),
    )
    assert parsed.consistent


def test_2016_zone():
    """346085376 = 3460|85376 (text: 3460 = 1822 + 1638, categories 3460). The application
    rows print 00: the cumulative 1 of 2015 is gone (a cross-year finding, see the batch)."""
    parsed = parse("2016_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2016, "平潭综合实验区")
    assert cells(parsed, FJ) == later_variant((3460, 85376), (3460, 85376))
    assert problems(parsed) == expect(
        ("split", "fj_tongjibiao:pub", "info", None, [3460, 85376]),
        ("split", "fj_tongjibiao:pub_web", "info", None, [3460, 85376]),
    )


def test_2017_zone():
    """212210037 = 2122|10037 (text: 2122 = 1509 + 613, sixteen categories ending with 其他
    sum to 2122). No 收费减免 row this year. 10037 restarts the cumulative (see the batch)."""
    parsed = parse("2017_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2017, "平潭综合实验区")
    assert cells(parsed, FJ) == later_variant((2122, 10037), (2122, 10037), fee=(None, None))
    assert problems(parsed) == expect(
        ("split", "fj_tongjibiao:pub", "info", None, [2122, 10037]),
        ("split", "fj_tongjibiao:pub_web", "info", None, [2122, 10037]),
    )


def test_2018_zone():
    """All consistent: 206912106 = 2069|12106 (= 10037 + 2069; text 2069 = 1592 + 477,
    categories 2069). No 收费减免 row."""
    parsed = parse("2018_2008_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2018, "平潭综合实验区")
    assert cells(parsed, FJ) == later_variant((2069, 12106), (2069, 12106), fee=(None, None))
    assert problems(parsed) == expect(
        ("split", "fj_tongjibiao:pub", "info", None, [2069, 12106]),
        ("split", "fj_tongjibiao:pub_web", "info", None, [2069, 12106]),
    )
    assert parsed.consistent


# --- 2019 (gb2019) ----------------------------------------------------------------------------


def test_2019_zone():
    """Table 三 (runs of digits, a few stray spaces): 新收 `230 000023` = 23|0|0|0|0|0|23 (the
    only cut whose total is the sum); results 7 + 1 + 7 + 5 + 3 = 23; 23 + 0 = 23 + 0. Table 四
    all 0. Table 二's blocks have no identity to cut by: `规范性文件898989`, `行政许可3960181`
    … stay blank, each with an "unrecovered" warning listing every reading (规章000 is 0|0|0,
    the only cut)."""
    parsed = parse("2019_2019_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2019", 2019, "平潭综合实验区")
    assert cells(parsed, "t2_art20_1") == {
        "regulations": [0, 0, 0],
        "normative_documents": [None, None, None],
    }
    assert cells(parsed, "t2_art20_5") == {
        "licensing": [None, None, None],
        "other_external_services": [None, None, None],
    }
    assert cells(parsed, "t2_art20_6") == {
        "punishment": [None, None, None],
        "coercion": [None, None, None],
    }
    assert cells(parsed, "t2_art20_8") == {"admin_fees": [None, None]}
    assert cells(parsed, "t2_art20_9") == {"central_procurement": [None, None]}
    assert cells(parsed, T3) == {
        "new_received": [23, 0, 0, 0, 0, 0, 23],
        "carried_over": ZERO7,
        "granted": [7, 0, 0, 0, 0, 0, 7],
        "partial": [1, 0, 0, 0, 0, 0, 1],
        "denied_state_secret": ZERO7,
        "denied_law_forbidden": ZERO7,
        "denied_three_security_one_stability": ZERO7,
        "denied_third_party": ZERO7,
        "denied_internal_affairs": ZERO7,
        "denied_process_info": ZERO7,
        "denied_enforcement_file": ZERO7,
        "denied_admin_query": ZERO7,
        "unable_not_held": [7, 0, 0, 0, 0, 0, 7],
        "unable_needs_creation": ZERO7,
        "unable_unclear_after_correction": [5, 0, 0, 0, 0, 0, 5],
        "np_petition_complaint": ZERO7,
        "np_repeat": [3, 0, 0, 0, 0, 0, 3],
        "np_publication": ZERO7,
        "np_mass_repeat": ZERO7,
        "np_confirm_or_reissue": ZERO7,
        "other_total": ZERO7,  # (六)其他处理0 0 0 0 0 00
        "results_total": [23, 0, 0, 0, 0, 0, 23],  # 23 0 00 0 023
        "carried_forward": ZERO7,  # 0 0 00 00 0
    }
    assert cells(parsed, "t4") == {"count": [0] * 15}
    W = "warning"
    assert problems(parsed) == expect(
        # 新公开 ≤ 对外公开总数 leaves 6 of the 10 cuts of 898989
        ("unrecovered", "t2_art20_1:normative_documents", W,
         [["8", "9", "8989"], ["8", "98", "989"], ["89", "8", "989"], ["89", "89", "89"],
          ["898", "9", "89"], ["8989", "8", "9"]], None),
        # 15 cuts of 3960181 less those leaving a number with a leading 0 (…|0181, …|018|1)
        ("unrecovered", "t2_art20_5:licensing", W,
         [["3", "9", "60181"], ["3", "960", "181"], ["3", "9601", "81"], ["3", "96018", "1"],
          ["39", "60", "181"], ["39", "601", "81"], ["39", "6018", "1"], ["396", "0", "181"],
          ["3960", "1", "81"], ["3960", "18", "1"], ["39601", "8", "1"]], None),
        ("unrecovered", "t2_art20_5:other_external_services", W,
         [["10", "0", "153"], ["100", "1", "53"], ["100", "15", "3"], ["1001", "5", "3"]], None),
        ("unrecovered", "t2_art20_6:punishment", W,
         [["2", "6", "480430"], ["2", "64", "80430"], ["2", "6480", "430"],
          ["2", "64804", "30"], ["2", "648043", "0"], ["26", "4", "80430"],
          ["26", "480", "430"], ["26", "4804", "30"], ["26", "48043", "0"],
          ["264", "80", "430"], ["264", "804", "30"], ["264", "8043", "0"],
          ["2648", "0", "430"], ["26480", "4", "30"], ["26480", "43", "0"],
          ["264804", "3", "0"]], None),
        ("unrecovered", "t2_art20_6:coercion", W,
         [["1", "2", "6025"], ["1", "260", "25"], ["1", "2602", "5"], ["12", "60", "25"],
          ["12", "602", "5"], ["126", "0", "25"], ["1260", "2", "5"]], None),
        ("unrecovered", "t2_art20_8:admin_fees", W, [["3", "50"], ["35", "0"]], None),
        # 政府集中采购13575394432.52元: every cut of the whole part, and 13575394432.5|2
        ("unrecovered", "t2_art20_9:central_procurement", W,
         [["1", "3575394432.52"], ["13", "575394432.52"], ["135", "75394432.52"],
          ["1357", "5394432.52"], ["13575", "394432.52"], ["135753", "94432.52"],
          ["1357539", "4432.52"], ["13575394", "432.52"], ["135753944", "32.52"],
          ["1357539443", "2.52"], ["13575394432.5", "2"]], None),
    )  # fmt: skip
    assert parsed.consistent


# --- 2021–2023 (gb2021) -----------------------------------------------------------------------


def normative_unrecovered(digits: str) -> tuple:
    """Every cut of the 行政规范性文件 row's digits into 制发|废止|现行有效 (no identity)."""
    readings = [
        [digits[:i], digits[i:j], digits[j:]]
        for i in range(1, len(digits) - 1)
        for j in range(i + 1, len(digits))
        if all(part == "0" or not part.startswith("0") for part in (digits[i:j], digits[j:]))
    ]
    return ("unrecovered", "t2_art20_1:normative_documents", "warning", readings, None)


def test_2021_zone():
    """`640020470` = 64|0|0|2|0|4|70; `270020130` = 27|0|0|2|0|1|30 (2|7|0|0|20|1|30 also adds
    up to 30 but puts 7 in 商业企业, whose column totals 0); `220000325` = 22|0|0|0|0|3|25
    (not 2|20|…); 总计 63|0|0|2|0|4|69; 70 + 0 = 69 + 1. Table 四 `10203120001200000`:
    复议 1 + 0 + 2 + 0 = 3, 直接起诉 12 = 12, 复议后起诉 0. Text: 共收到70件申请, 办结69件,
    1件结转下年度 — all agree. `行政规范性文件693665` has no identity: blank, warning."""
    parsed = parse("2021_2021_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2021", 2021, "平潭综合实验区")
    assert cells(parsed, "t2_art20_1") == {
        "regulations": [0, 0, 0],
        "normative_documents": [None, None, None],
    }
    assert cells(parsed, "t2_art20_5") == {"licensing": [2293]}
    assert cells(parsed, "t2_art20_6") == {"punishment": [1282], "coercion": [42]}
    assert cells(parsed, "t2_art20_8") == {"admin_fees": [Decimal("24252.311082")]}
    assert cells(parsed, T3) == {
        "new_received": [64, 0, 0, 2, 0, 4, 70],
        "carried_over": ZERO7,
        "granted": [27, 0, 0, 2, 0, 1, 30],
        "partial": [5, 0, 0, 0, 0, 0, 5],  # 500000 5
        "denied_state_secret": ZERO7,
        "denied_law_forbidden": ZERO7,
        "denied_three_security_one_stability": ZERO7,
        "denied_third_party": ZERO7,
        "denied_internal_affairs": [1, 0, 0, 0, 0, 0, 1],
        "denied_process_info": ZERO7,
        "denied_enforcement_file": [6, 0, 0, 0, 0, 0, 6],
        "denied_admin_query": [1, 0, 0, 0, 0, 0, 1],
        "unable_not_held": [22, 0, 0, 0, 0, 3, 25],
        "unable_needs_creation": ZERO7,
        "unable_unclear_after_correction": ZERO7,
        "np_petition_complaint": ZERO7,
        "np_repeat": ZERO7,
        "np_publication": ZERO7,
        "np_mass_repeat": ZERO7,
        "np_confirm_or_reissue": ZERO7,
        "other_overdue_correction": ZERO7,
        "other_overdue_fee": ZERO7,
        "other_other": [1, 0, 0, 0, 0, 0, 1],
        "results_total": [63, 0, 0, 2, 0, 4, 69],
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    }
    assert cells(parsed, "t4") == {"count": [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]}
    assert problems(parsed) == expect(normative_unrecovered("693665"))
    assert len(problems(parsed)[0][3]) == 10
    assert parsed.consistent


def test_2022_zone():
    """`713000074` = 71|3|0|0|0|0|74, 上年结转 1|0|0|0|0|0|1, 总计 `723000075` = 72|3|…|75:
    74 + 1 = 75 + 0. The text's "全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件"
    counts the carried-over one too: no finding. Table 四 `0 1 1 0 2 1 0 0 0 1 0 0 0 0 0`
    (复议 2 = 行政复议案件2件 in the text)."""
    parsed = parse("2022_2021_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2021", 2022, "平潭综合实验区")
    assert cells(parsed, "t2_art20_1") == {
        "regulations": [0, 0, 0],
        "normative_documents": [None, None, None],
    }
    assert cells(parsed, "t2_art20_5") == {"licensing": [10690]}
    assert cells(parsed, "t2_art20_6") == {"punishment": [2113], "coercion": [0]}
    assert cells(parsed, "t2_art20_8") == {"admin_fees": [Decimal("9116.36")]}
    assert cells(parsed, T3) == {
        "new_received": [71, 3, 0, 0, 0, 0, 74],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [21, 0, 0, 0, 0, 0, 21],
        "partial": [8, 1, 0, 0, 0, 0, 9],
        "denied_state_secret": ZERO7,
        "denied_law_forbidden": ZERO7,
        "denied_three_security_one_stability": ZERO7,
        "denied_third_party": ZERO7,
        "denied_internal_affairs": [1, 0, 0, 0, 0, 0, 1],
        "denied_process_info": [2, 0, 0, 0, 0, 0, 2],
        "denied_enforcement_file": [1, 0, 0, 0, 0, 0, 1],
        "denied_admin_query": ZERO7,
        "unable_not_held": [37, 0, 0, 0, 0, 0, 37],
        "unable_needs_creation": ZERO7,
        "unable_unclear_after_correction": ZERO7,
        "np_petition_complaint": ZERO7,
        "np_repeat": ZERO7,
        "np_publication": ZERO7,
        "np_mass_repeat": ZERO7,
        "np_confirm_or_reissue": ZERO7,
        "other_overdue_correction": [2, 0, 0, 0, 0, 0, 2],
        "other_overdue_fee": ZERO7,
        "other_other": [0, 2, 0, 0, 0, 0, 2],
        "results_total": [72, 3, 0, 0, 0, 0, 75],
        "carried_forward": ZERO7,
    }
    assert cells(parsed, "t4") == {"count": [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]}
    assert problems(parsed) == expect(normative_unrecovered("8855698"))
    assert len(problems(parsed)[0][3]) == 15
    assert parsed.consistent


def test_2023_zone():
    """`801000081` = 80|1|0|0|0|0|81; `191000020` = 19|1|0|0|0|0|20 (1|9|10|0|0|0|20 also adds
    up, but 科研机构 totals 0); 81 + 0 = 81 + 0. Table 四 `110024001510102`: 复议 1 + 1 = 2,
    直接起诉 4 + 1 pending = 5, 复议后起诉 1 + 1 = 2."""
    parsed = parse("2023_2021_pingtan-zone.txt")
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2021", 2023, "平潭综合实验区")
    assert cells(parsed, "t2_art20_1") == {
        "regulations": [0, 0, 0],
        "normative_documents": [None, None, None],
    }
    assert cells(parsed, "t2_art20_5") == {"licensing": [2629]}
    assert cells(parsed, "t2_art20_6") == {"punishment": [1330], "coercion": [54]}
    assert cells(parsed, "t2_art20_8") == {"admin_fees": [Decimal("5949.088667")]}
    assert cells(parsed, T3) == {
        "new_received": [80, 1, 0, 0, 0, 0, 81],
        "carried_over": ZERO7,
        "granted": [22, 0, 0, 0, 0, 0, 22],
        "partial": [19, 1, 0, 0, 0, 0, 20],
        "denied_state_secret": ZERO7,
        "denied_law_forbidden": ZERO7,
        "denied_three_security_one_stability": ZERO7,
        "denied_third_party": [1, 0, 0, 0, 0, 0, 1],
        "denied_internal_affairs": ZERO7,
        "denied_process_info": [1, 0, 0, 0, 0, 0, 1],
        "denied_enforcement_file": [1, 0, 0, 0, 0, 0, 1],
        "denied_admin_query": [2, 0, 0, 0, 0, 0, 2],
        "unable_not_held": [31, 0, 0, 0, 0, 0, 31],
        "unable_needs_creation": ZERO7,
        "unable_unclear_after_correction": ZERO7,
        "np_petition_complaint": ZERO7,
        "np_repeat": [1, 0, 0, 0, 0, 0, 1],
        "np_publication": ZERO7,
        "np_mass_repeat": ZERO7,
        "np_confirm_or_reissue": ZERO7,
        "other_overdue_correction": [1, 0, 0, 0, 0, 0, 1],
        "other_overdue_fee": ZERO7,
        "other_other": [1, 0, 0, 0, 0, 0, 1],
        "results_total": [80, 1, 0, 0, 0, 0, 81],
        "carried_forward": ZERO7,
    }
    assert cells(parsed, "t4") == {"count": [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2]}
    assert problems(parsed) == expect(normative_unrecovered("77132470"))
    assert len(problems(parsed)[0][3]) == 21
    assert parsed.consistent


# --- the corpus as a batch: cross-year findings -----------------------------------------------


@pytest.fixture(scope="module")
def batch() -> dict[str, object]:
    results = check_files([(str(path), None) for path in sorted(CORPUS.glob("*.txt"))])
    assert all(not r.error for r in results)
    return {Path(r.file).name: r.parsed for r in results}


def cross_year(parsed) -> list[tuple]:
    return sorted(
        (p.where, p.severity, p.expected, p.found)
        for p in parsed.problems
        if p.kind == "cross_year"
    )


def test_batch_2012_zone_cumulative_does_not_follow_2011(batch):
    """累计 4359 ≠ 1516 + 739 (and 网站 4359 ≠ 1509 + 739); the 政府公报公开 累计 drops from 7
    (2011: `2.政府公报公开 条 7 7`) to 0 (2012: `2、政府公报公开 条 0 0`)."""
    assert cross_year(batch["2012_2008_pingtan-zone.txt"]) == [
        ("fj_tongjibiao:pub.cumulative", "error", 2255, 4359),
        ("fj_tongjibiao:pub_gazette.cumulative", "error", 7, 0),
        ("fj_tongjibiao:pub_web.cumulative", "error", 2248, 4359),
    ]


def test_batch_2013_zone_cumulative_does_not_follow_2012(batch):
    """累计 76424 ≠ 4359 + 72804 = 77163. The 公报 row stays unrecovered: with last year's 0|0
    both placements of its single 0 still fit."""
    parsed = batch["2013_2008_pingtan-zone.txt"]
    assert cross_year(parsed) == [
        ("fj_tongjibiao:pub.cumulative", "error", 77163, 76424),
        ("fj_tongjibiao:pub_web.cumulative", "error", 77163, 76424),
    ]
    assert ("unrecovered", "fj_tongjibiao:pub_gazette") in {
        (p.kind, p.where) for p in parsed.problems
    }


def test_batch_2016_zone_request_cumulatives_drop_to_zero(batch):
    """2015 carried 1 application (cumulative 受理 1, 信函传真 1, 答复 1, 同意公开 1); 2016
    prints 00 everywhere: every one of those cumulatives drops from 1 to 0."""
    assert cross_year(batch["2016_2008_pingtan-zone.txt"]) == [
        ("fj_tongjibiao:rep.cumulative", "error", 1, 0),
        ("fj_tongjibiao:rep_agree.cumulative", "error", 1, 0),
        ("fj_tongjibiao:req.cumulative", "error", 1, 0),
        ("fj_tongjibiao:req_letter_fax.cumulative", "error", 1, 0),
    ]


def test_batch_2017_zone_cumulative_restarts(batch):
    """累计 restarts at 10037 where 85376 + 2122 = 87498 was due. No cut of 212210037 makes the
    cumulative carry, so the split is still the text's (info)."""
    parsed = batch["2017_2008_pingtan-zone.txt"]
    assert cross_year(parsed) == [
        ("fj_tongjibiao:pub.cumulative", "error", 87498, 10037),
        ("fj_tongjibiao:pub_web.cumulative", "error", 87498, 10037),
    ]
    assert {p.kind for p in parsed.problems} == {"split", "cross_year"}


@pytest.mark.parametrize(
    "name",
    [
        "2012_2008_pingtan-county.txt",  # 1516 + 2026 = 3542, 1509 + 1795 = 3304, 0 + 21 = 21 …
        "2013_2008_pingtan-county.txt",  # 3542 + 1853 = 5395, 21 + 7 = 28, 21 + 3 = 24 …
        "2014_2008_pingtan-zone.txt",  # 76424 + 2543 = 78967, 0 + 1 = 1
        "2015_2008_pingtan-zone.txt",  # 78967 + 2949 = 81916, 1 + 0 = 1
        "2018_2008_pingtan-zone.txt",  # 10037 + 2069 = 12106
        "2022_2021_pingtan-zone.txt",  # 上年结转 1|0|0|0|0|0|1 = 2021's 结转下年度
        "2023_2021_pingtan-zone.txt",  # 上年结转 0 = 2022's 结转 0
    ],
)
def test_batch_carry_overs_that_hold(batch, name):
    """These carry last year's figures correctly: no cross-year finding; and where last year's
    cumulative decides how the run-together 主动公开 row is cut, the text is no longer needed
    (no "split" info left)."""
    parsed = batch[name]
    assert cross_year(parsed) == []
    assert "split" not in {p.kind for p in parsed.problems}


def test_batch_2022_carry_over_is_really_compared_with_2021(batch):
    """The 2022 report's 上年结转 is checked against the 2021 report's 结转下年度继续办理: with
    a 2021 report that had carried nothing forward, the carried-over 1 would be a finding."""
    last = copy.deepcopy(batch["2021_2021_pingtan-zone.txt"].report)
    last.values["t3"]["carried_forward"] = dict.fromkeys(last.values["t3"]["carried_forward"], 0)
    text = (CORPUS / "2022_2021_pingtan-zone.txt").read_text(encoding="utf-8")
    parsed = parse_text(text.partition("\n")[2], last=last)
    assert cross_year(parsed) == [
        ("t3:carried_over.natural_person", "error", 0, 1),
        ("t3:carried_over.total", "error", 0, 1),
    ]


def test_batch_keeps_the_per_file_findings_of_files_without_a_previous_year(batch):
    """Files with no report of the year before in the batch keep exactly their own findings."""
    assert problems(batch["2011_2008_pingtan-county.txt"]) == expect(CATEGORIES_2011)
    assert problems(batch["2021_2021_pingtan-zone.txt"]) == expect(normative_unrecovered("693665"))


# --- gongkai report check: exit status --------------------------------------------------------

CONSISTENT = [
    "2015_2008_pingtan-zone.txt",
    "2018_2008_pingtan-zone.txt",
    "2019_2019_pingtan-zone.txt",
    "2021_2021_pingtan-zone.txt",
    "2022_2021_pingtan-zone.txt",
    "2023_2021_pingtan-zone.txt",
]


def run_check(names: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("report", "check", *(str(CORPUS / n) for n in names), stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


@pytest.mark.django_db
def test_check_whole_corpus_exits_1():
    """Inconsistencies found (and every file readable): exit status 1."""
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(names) == 16
    status, out = run_check(names)
    assert status == 1
    assert "历年累计应等于上年报告的历年累计加本年度数" in out


@pytest.mark.django_db
def test_check_consistent_files_exits_0():
    """2015, 2018, 2019, 2021, 2022 and 2023 hold every identity (read by hand: see the tests
    of each above) and carry over correctly where the previous year is among them (2022 ← 2021,
    2023 ← 2022): exit status 0, warnings and notes only."""
    status, out = run_check(CONSISTENT)
    assert status == 0, out
    assert out.count("未发现不一致") == 6
