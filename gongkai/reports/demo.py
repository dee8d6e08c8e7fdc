"""Demo annual reports: the seed agency's 2017 report (old format) with the seed's own text,
its figures filled in from the records, finalised and published; later years' reports in the
2019 and 2021 formats; a draft roll-up for the city."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency

from . import selectors as sel
from . import services as s
from .models import AnnualReport

SEED_AGENCY = "411400-gxw"
CITY = "411400"

# The seed report's text (shared/seed), its figures replaced by fields of the computed table.
SEED_TEXT_2017 = {
    "overview": """2017年，市工信委认真贯彻落实《中华人民共和国政府信息公开条例》、《国务院办公厅关于加强和规范政府信息公开情况统计报送工作的通知》等文件精神，坚持把政府信息公开工作作为改进委机关形象重要载体，精心组织、规范运作，全面推进工业和信息化工作，进一步提升政府公信力，有效保障了人民群众的知情权、参与权、监督权。
(一)主动公开情况
市工信委充分利用委网站、信息公开专栏、政务微信、政务微博、工业经济运行分析报告、政风行风热线、新闻媒体等各种载体公开政府信息，做到了涉及面大、内容固定的事项长期公开，政策性规定和阶段性工作定期公开，临时性工作随时公开。2017年，我委主动公开政府信息{s1_pub}条，其中通过市政府网站公开{s1_ch_website}条，通过政务微信、政务微博公开{weibo_weixin}条，通过工信委网站、报刊、广播、电视等媒体公开{s1_ch_other}条。
推进管理公开方面，全面推行权力清单、责任清单公开工作，建立健全了清单动态调整公开机制，推行了行政执法公示制度。
(二)政策解读和回应关切情况
2017年，发布政策解读稿件{s2_interpretations}篇，其中2017年12月通过市政府网站用图解的方式对《商丘市人民政府办公室关于促进酒业健康发展的意见》进行了解读；回应公众关注热点{s2_hotspots}次，4月14日、8月14日，委主要负责同志分别做客行风热线，现场解答了听众、观众的政策咨询。
(三)依申请公开情况
2017年，共收到依申请公开{s3_received}件，属于网络申请，已按照程序进行答复，{fee_sentence}。
(四)行政复议、行政诉讼、举报投诉情况
{appeals_sentence}
(五)机构建设和会议培训情况
委设政府信息公开工作专门机构{s8_units}个、查阅点{s8_reading_points}个，从事政府信息公开工作人员{s8_staff}人（专职{s8_staff_fulltime}人、兼职{s8_staff_parttime}人）；全年召开政府信息公开工作会议或专题会议{s9_meetings}次。""",
    "problems": """2017年，我委在信息公开工作方面做了一些工作，但与市政府和社会公众的要求相比还存一定差距，主要表现在：一是信息公开新手段新方式运用方面还存在不足。由于单位官方微博、微信公众号建立时间较短，在如何充分发挥其作用方面还缺乏经验，还存在利用率不高的问题。二是网管技术人员专业素质还需要进一步提高，部分栏目内容信息公开不规范。""",
    "plans": """(一)强化业务知识学习。在积极参加上级组织的专业培训的同时，及时组织工作人员开展业务知识的学习，不断提高做好信息公开工作的能力和水平。
(二)充实信息公开内容。将信息公开工作和工业信息化重点工作紧密结合，不断加强对公众关注度高的工业经济信息的梳理，特别是各类惠企补贴政策。
(三)丰富信息公开形式。进一步发挥委网站、微博、微信、网络、报纸等媒介的作用，使各类工业经济信息能够更加及时、全面的公之于众。""",
    "other": "无。",
}


def _seed_text(report: AnnualReport) -> dict[str, str]:
    data = sel.report_data(report)
    v = {row: cells["value"] for row, cells in data.values["tongjibiao"].items()}
    appeals = (v["s4"] or 0) + (v["s5"] or 0) + (v["s6"] or 0)
    fields = v | {
        "weibo_weixin": (v["s1_ch_weibo"] or 0) + (v["s1_ch_weixin"] or 0),
        "fee_sentence": "未收取申请人费用" if not v["s7"] else f"收取费用{v['s7']}万元",
        "appeals_sentence": "2017年，没有行政复议、行政诉讼、举报投诉等情况。"
        if not appeals
        else f"2017年，行政复议{v['s4']}件、行政诉讼{v['s5']}件、举报投诉{v['s6']}件。",
    }
    return {key: text.format(**fields) for key, text in SEED_TEXT_2017.items()}


def _publish(report, clerk, reviewer):
    """Finalise (with a written reason for any check that fails) and publish."""
    for problem in sel.report_problems(report):
        if problem.severity == "error":
            from .check import problem_key

            s.report_override(
                actor=reviewer,
                report=report,
                problem=problem_key(problem),
                reason="演示数据：已核对原始台账，差异来自演示数据的生成方式。",
            )
    s.report_finalise(actor=reviewer, report=report)
    s.report_publish(actor=reviewer, report=report)
    # Published in good time, as a real department would: before 31 January of the next year.
    AnnualReport.objects.filter(pk=report.pk).update(
        published_at=timezone.make_aware(dt.datetime(report.year + 1, 1, 20, 10))
    )


def load_demo() -> dict:
    agencies = {a.code: a for a in Agency.objects.filter(code__in=[SEED_AGENCY, CITY])}
    if (
        SEED_AGENCY not in agencies
        or AnnualReport.objects.filter(agency=agencies[SEED_AGENCY]).exists()
    ):
        return {"reports": 0}
    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="gxw_")}
    clerk, reviewer = users.get("gxw_clerk"), users.get("gxw_reviewer")
    seed = agencies[SEED_AGENCY]
    count = 0
    with transaction.atomic():
        report = s.report_start(actor=clerk, agency=seed, year=2017, format_id="gb2008")
        s.report_save_narrative(actor=clerk, report=report, sections=_seed_text(report))
        _publish(report, clerk, reviewer)
        count += 1
        for year in (2019, 2020):
            report = s.report_start(actor=clerk, agency=seed, year=year)
            s.report_save_entered(
                actor=clerk, report=report, entered=dict.fromkeys(sel.entered_cells(report), 0)
            )
            _publish(report, clerk, reviewer)
            count += 1
        for year in range(2021, 2025):
            report = s.report_start(actor=clerk, agency=seed, year=year)
            _publish(report, clerk, reviewer)
            count += 1
        s.report_start(actor=clerk, agency=seed, year=2025)  # this year's draft
        count += 1
        if CITY in agencies:
            s.report_start(actor=None, agency=agencies[CITY], year=2025, subtree=True)
            count += 1
    return {"reports": count}
