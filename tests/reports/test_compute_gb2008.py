"""gb2008 (the 2016–2018 政府信息公开情况统计表) computed from records: all 58 cells on a
hand-built 2017 dataset of 测试市甲局."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.reports.compute import build, cell_records
from gongkai.reports.models import ReportSettings
from tests.reports.fixtures import (
    appeal,
    application,
    at,
    body,
    budget,
    column,
    item,
    meeting,
    reading_point,
    response,
    staff,
    training,
    withdrawn,
)

D = dt.date

EXPECTED = {
    # 一、主动公开情况
    "s1_pub": 5,
    "s1_pub_normative": 1,
    "s1_normative_issued": 1,
    "s1_ch_gazette": 1,
    "s1_ch_website": 1,
    "s1_ch_weibo": 1,
    "s1_ch_weixin": 2,
    "s1_ch_other": 5,
    # 二、回应解读情况
    "s2_hotspots": 7,
    "s2_pressconf": 2,
    "s2_pressconf_head": 1,
    "s2_interview": 1,
    "s2_interview_head": 1,
    "s2_interpretations": 1,
    "s2_weibo_weixin": 1,
    "s2_other": 2,
    # 三、依申请公开情况
    "s3_received": 8,
    "s3_rec_inperson": 1,
    "s3_rec_fax": 1,
    "s3_rec_online": 4,
    "s3_rec_letter": 2,
    "s3_closed": 8,
    "s3_closed_ontime": 7,
    "s3_closed_extended": 1,
    "s3_replies": 7,
    "s3_rep_already_public": 1,
    "s3_rep_agree": 1,
    "s3_rep_partial": 1,
    "s3_rep_refuse": 2,
    "s3_ref_state_secret": 1,
    "s3_ref_commercial_secret": 0,
    "s3_ref_privacy": 1,
    "s3_ref_security_stability": 0,
    "s3_ref_not_gov_info": 0,
    "s3_ref_other_legal": 0,
    "s3_rep_not_this_agency": 1,
    "s3_rep_not_exist": 0,
    "s3_rep_amend": 1,
    "s3_rep_other_channel": 0,
    # 四–六
    "s4": 3,
    "s4_upheld": 1,
    "s4_corrected": 1,
    "s4_other": 1,
    "s5": 2,
    "s5_upheld": 1,
    "s5_corrected": 0,
    "s5_other": 1,
    "s6": 1,
    # 七、依申请公开信息收取的费用 (万元): 120 元 paid in 2017
    "s7": Decimal("0.012"),
    # 八、九
    "s8_units": 1,
    "s8_reading_points": 2,
    "s8_staff": 2,
    "s8_staff_fulltime": 1,
    "s8_staff_parttime": 1,
    "s8_budget": Decimal("2.5"),
    "s9_meetings": 2,
    "s9_trainings": 1,
    "s9_trainees": 35,
}


@pytest.fixture
def year_2017(dept_a):
    # Catalogue: five items published in 2017 (one later withdrawn), on several channels.
    item(dept_a, published=at(2017, 2, 1), channels=["agency_website", "portal"])
    item(dept_a, published=at(2017, 3, 1), channels=["weibo", "wechat", "media"])
    policy = item(
        dept_a, published=at(2017, 5, 1), channels=["gazette", "agency_website"],
        normative={"issued_on": D(2017, 4, 28)},
    )  # fmt: skip
    item(
        dept_a, published=at(2017, 5, 2), channels=["agency_website"], interprets=policy,
        interpretation_form="text",
    )  # fmt: skip
    item(dept_a, published=at(2017, 7, 1), status="withdrawn", channels=["agency_website"])
    # Published in 2016, sent to WeChat in 2017: a 2017 channel count, not a 2017 item.
    item(dept_a, published=at(2016, 12, 30), channels={"wechat": D(2017, 1, 3)})
    item(dept_a)  # a draft

    # Responses.
    response(dept_a, "press_conference", D(2017, 3, 1), leader=True)
    response(dept_a, "press_conference", D(2017, 6, 1))
    response(dept_a, "online_interview", D(2017, 4, 1), leader=True)
    response(dept_a, "weibo_weixin", D(2017, 5, 1))
    response(dept_a, "hotline", D(2017, 7, 1))
    response(dept_a, "hot_topic", D(2017, 8, 1))
    response(dept_a, "other", D(2018, 1, 5))  # next year

    # Applications (2008 Regulation), one per channel and reply kind.
    application(
        dept_a, received=D(2017, 2, 1), served=D(2017, 2, 10), regime="2008",
        outcome="s3_rep_agree", channel="in_person", on_time=True,
        fee_amount=120, fee_paid_on=D(2017, 2, 8),
    )  # fmt: skip
    application(
        dept_a, received=D(2017, 3, 1), served=D(2017, 4, 10), regime="2008",
        outcome="s3_rep_partial", channel="fax", extended=True, on_time=True,
    )  # fmt: skip
    # Its fee was paid in 2018: not in 2017's 七.
    application(
        dept_a, received=D(2017, 4, 1), served=D(2017, 4, 5), regime="2008",
        outcome="s3_ref_state_secret", fee_amount=30, fee_paid_on=D(2018, 1, 5),
    )  # fmt: skip
    application(
        dept_a, received=D(2017, 5, 1), served=D(2017, 5, 20), regime="2008",
        outcome="s3_ref_privacy", channel="email",
    )  # fmt: skip
    application(
        dept_a, received=D(2017, 6, 1), served=D(2017, 6, 10), regime="2008",
        outcome="s3_rep_not_this_agency", channel="registered_mail",
    )  # fmt: skip
    # Withdrawn: 办结 without an 答复 row.
    withdrawn(dept_a, received=D(2017, 7, 1), closed=D(2017, 7, 3), regime="2008",
              channel="ordinary_mail")  # fmt: skip
    application(
        dept_a, received=D(2017, 8, 1), served=D(2017, 8, 10), regime="2008",
        outcome="s3_rep_amend",
    )  # fmt: skip
    # Received in 2016, answered in 2017: 办结 and 答复 in 2017, not 收到.
    application(
        dept_a, received=D(2016, 12, 28), served=D(2017, 1, 5), regime="2008",
        outcome="s3_rep_already_public",
    )  # fmt: skip
    application(dept_a, received=D(2017, 12, 29), regime="2008")  # still open

    # Appeals filed in 2017.
    appeal(dept_a, "reconsideration", D(2017, 2, 1), "upheld", D(2017, 4, 1))
    appeal(dept_a, "reconsideration", D(2017, 3, 1), "corrected", D(2017, 5, 1))
    appeal(dept_a, "reconsideration", D(2017, 11, 1))  # pending: （三）其他情形
    appeal(dept_a, "litigation_direct", D(2017, 4, 1), "upheld", D(2017, 9, 1))
    appeal(dept_a, "litigation_after_reconsideration", D(2017, 6, 1), "other", D(2017, 8, 1))
    appeal(dept_a, "complaint", D(2017, 6, 1))

    # Institution, meetings and trainings.
    body(dept_a, D(2015, 1, 5))
    body(dept_a, D(2014, 1, 5), dissolved_on=D(2016, 6, 30))
    reading_point(dept_a, D(2015, 1, 5))
    reading_point(dept_a, D(2017, 9, 1))
    staff(dept_a, True, D(2015, 1, 5))
    staff(dept_a, False, D(2016, 1, 5))
    staff(dept_a, False, D(2016, 1, 5), ended_on=D(2017, 6, 30))  # left during 2017
    staff(dept_a, True, D(2018, 1, 5))  # came in 2018
    budget(dept_a, 2017, "2.5")
    budget(dept_a, 2017, "1", dedicated=False)
    meeting(dept_a, D(2017, 3, 12))
    meeting(dept_a, D(2017, 9, 12))
    training(dept_a, D(2017, 6, 18), 30)
    training(dept_a, D(2017, 10, 18), 5, hosted=False)


@pytest.fixture
def report(year_2017, dept_a, gb2008):
    return build(gb2008, dept_a, 2017)


def test_every_cell(report):
    """All 58 cells of the 统计表 from the records, as written out above."""
    assert column(report, "tongjibiao") == EXPECTED


def test_withdrawn_application_is_closed_without_a_reply(report):
    """A withdrawal counts in (二)申请办结数 but in no (三)申请答复数 row."""
    values = column(report, "tongjibiao")
    assert values["s3_closed"] == values["s3_replies"] + 1


def test_computed_report_breaks_no_error_identity(report):
    """Records always balance: no error-level problem on a computed 统计表."""
    from gongkai.reports.check import check

    assert [p for p in check(report) if p.severity == "error"] == []


def test_agency_channel_map_moves_its_own_website_to_the_website_row(year_2017, dept_a, gb2008):
    """ReportSettings.channel_map: an agency that counts its own website as 政府网站."""
    ReportSettings.objects.create(agency=dept_a, channel_map={"agency_website": "website"})
    values = column(build(gb2008, dept_a, 2017), "tongjibiao")
    assert {k: values[k] for k in EXPECTED if k.startswith("s1_ch_")} == {
        "s1_ch_gazette": 1,
        "s1_ch_website": 4,  # items 1 (portal and own website), 3, 4 and 6
        "s1_ch_weibo": 1,
        "s1_ch_weixin": 2,
        "s1_ch_other": 1,  # media only
    }


# Cells that are sums of amounts or of people, not counts of records.
NOT_RECORD_COUNTS = {"s7", "s8_budget", "s9_trainees", "s2_hotspots"}


def test_click_through_lists_as_many_records_as_each_counting_cell(report, dept_a, gb2008):
    """For every cell that counts records, the click-through lists exactly that many."""
    for row, cells in report.values["tongjibiao"].items():
        if row in NOT_RECORD_COUNTS:
            continue
        records = cell_records(gb2008, dept_a, 2017, f"tongjibiao:{row}.value")
        count = len(records) if isinstance(records, list) else records.count()
        assert count == cells["value"], row


def test_click_through_of_hotspots_lists_the_responses(report, dept_a, gb2008):
    """s2_hotspots is every response plus every interpretation; it lists the 6 responses (the
    interpretation is listed under 3.政策解读稿件发布数)."""
    assert cell_records(gb2008, dept_a, 2017, "tongjibiao:s2_hotspots.value").count() == 6
