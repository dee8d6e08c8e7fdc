"""Demo annual reports: the seed agency's 2017 report (old format) with the seed's own text,
its figures filled in from the records, finalised and published; later years' reports in the
2019 and 2021 formats; a draft roll-up for the city."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.reports import selectors as sel
from gongkai.reports import services as s
from gongkai.reports.check import problem_key
from gongkai.reports.models import AnnualReport

from .data.reports import SEED_TEXT_2017

SEED_AGENCY = "411400-gxw"
CITY = "411400"


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
