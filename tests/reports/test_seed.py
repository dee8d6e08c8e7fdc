"""The seed reproduced: the demo's records of 商丘市工业和信息化委员会 (411400-gxw) give, cell
by cell, the 2017 政府信息公开情况统计表 it published (shared/seed/000_63de72211d80d31d.txt)."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from gongkai.agencies.models import Agency
from gongkai.reports import selectors
from gongkai.reports.check import check
from gongkai.reports.compute import build
from gongkai.reports.formats import get_format
from gongkai.reports.models import AnnualReport

# The seed's 统计表, row by row as printed (58 numbers).
SEED_2017 = {
    "s1_pub": 395,
    "s1_pub_normative": 0,
    "s1_normative_issued": 0,
    "s1_ch_gazette": 0,
    "s1_ch_website": 77,
    "s1_ch_weibo": 52,
    "s1_ch_weixin": 53,
    "s1_ch_other": 213,
    "s2_hotspots": 4,
    "s2_pressconf": 0,
    "s2_pressconf_head": 0,
    "s2_interview": 0,
    "s2_interview_head": 0,
    "s2_interpretations": 2,
    "s2_weibo_weixin": 0,
    "s2_other": 2,
    "s3_received": 1,
    "s3_rec_inperson": 0,
    "s3_rec_fax": 0,
    "s3_rec_online": 1,
    "s3_rec_letter": 0,
    "s3_closed": 1,
    "s3_closed_ontime": 1,
    "s3_closed_extended": 0,
    "s3_replies": 1,
    "s3_rep_already_public": 0,
    "s3_rep_agree": 0,
    "s3_rep_partial": 0,
    "s3_rep_refuse": 0,
    "s3_ref_state_secret": 0,
    "s3_ref_commercial_secret": 0,
    "s3_ref_privacy": 0,
    "s3_ref_security_stability": 0,
    "s3_ref_not_gov_info": 0,
    "s3_ref_other_legal": 0,
    "s3_rep_not_this_agency": 1,
    "s3_rep_not_exist": 0,
    "s3_rep_amend": 0,
    "s3_rep_other_channel": 0,
    "s4": 0,
    "s4_upheld": 0,
    "s4_corrected": 0,
    "s4_other": 0,
    "s5": 0,
    "s5_upheld": 0,
    "s5_corrected": 0,
    "s5_other": 0,
    "s6": 0,
    "s7": 0,
    "s8_units": 1,
    "s8_reading_points": 1,
    "s8_staff": 3,
    "s8_staff_fulltime": 1,
    "s8_staff_parttime": 2,
    "s8_budget": 0,
    "s9_meetings": 4,
    "s9_trainings": 0,
    "s9_trainees": 0,
}


@pytest.fixture
def demo(db):
    call_command("demo", quiet_logins=True, stdout=io.StringIO())
    return Agency.objects.get(code="411400-gxw")


def test_demo_records_reproduce_the_seed_2017_table_cell_by_cell(demo):
    """Built from the demo's records, every one of the 58 cells equals the seed's, the table
    breaks no identity, and the demo's published 2017 report holds the same figures. (One test:
    the demo takes ~15 s to load.)"""
    assert len(SEED_2017) == 58
    data = build(get_format("gb2008"), demo, 2017)
    built = {row: cells["value"] for row, cells in data.values["tongjibiao"].items()}
    assert built == SEED_2017
    assert all(not isinstance(v, Decimal) or v == int(v) for v in built.values())
    assert check(data) == []

    published = AnnualReport.objects.get(agency=demo, year=2017, status="published")
    assert published.format == "gb2008"
    snapshot = selectors.report_data(published).values["tongjibiao"]
    assert {row: cells["value"] for row, cells in snapshot.items()} == SEED_2017
