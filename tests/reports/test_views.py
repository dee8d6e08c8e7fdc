"""The report pages: who sees and does what, the click-through, the settings, the roll-up and
the public 年报 column."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from gongkai.reports import services as s
from gongkai.reports.models import AnnualReport, ReportSettings
from gongkai.reports.states import ReportStatus
from tests.applications.fixtures import register

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 6, 1, 10)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def report(clerk_a, dept_a):
    register(clerk_a, dept_a, received=dt.date(2025, 3, 3))
    return s.report_start(actor=clerk_a, agency=dept_a, year=2025)


def test_clerk_starts_a_report_from_the_list_page(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    page = client.get(reverse("reports_office:index"))
    assert "编制年度报告" in page.content.decode()
    response = client.post(
        reverse("reports_office:start"), {"agency": dept_a.pk, "year": 2025, "format": ""}
    )
    created = AnnualReport.objects.get(agency=dept_a, year=2025)
    assert response.url == reverse("reports_office:detail", args=[created.pk])
    assert created.format == "gb2021"


def test_the_list_names_last_years_reports_still_owed_with_their_date(
    client, clerk_a, dept_a, dept_b
):
    """The 工作台's "年度报告已逾期未发布" line leads here: the list says which agency owes
    which report, by when (2019 Art. 49: a department by 31 January), and that it is late;
    only the agencies where the user writes reports (not dept_b)."""
    client.force_login(clerk_a)
    page = client.get(reverse("reports_office:index")).content.decode()
    owed = page[page.index('id="owed"') : page.index("</section>")]
    assert f"{dept_a.name} 2025年度报告" in owed and "未开始编制" in owed
    assert "应于 2026-01-31 前发布" in owed and "已逾期" in owed
    assert dept_b.name not in owed


def test_an_owed_report_already_started_links_to_it_and_a_published_one_is_not_owed(
    client, clerk_a, report, report_reviewer_a
):
    client.force_login(clerk_a)
    page = client.get(reverse("reports_office:index")).content.decode()
    assert f'href="{reverse("reports_office:detail", args=[report.pk])}"' in page
    assert 'id="owed"' in page and "草稿" in page[page.index('id="owed"') :]
    s.report_finalise(actor=report_reviewer_a, report=report)
    s.report_publish(actor=report_reviewer_a, report=report)
    assert 'id="owed"' not in client.get(reverse("reports_office:index")).content.decode()


def test_starting_twice_is_refused_with_a_message_and_changes_nothing(client, clerk_a, report):
    client.force_login(clerk_a)
    response = client.post(
        reverse("reports_office:start"), {"agency": report.agency.pk, "year": 2025}
    )
    assert response.status_code == 400
    assert "已经存在" in response.content.decode()
    assert AnnualReport.objects.count() == 1


def test_every_number_links_to_the_records_it_counts(client, clerk_a, report):
    client.force_login(clerk_a)
    page = client.get(reverse("reports_office:detail", args=[report.pk])).content.decode()
    cell = "t3:new_received.natural_person"
    url = reverse("reports_office:cell", args=[report.pk, cell])
    assert f'href="{url}"' in page
    listed = client.get(url).content.decode()
    assert "2025年工业发展专项资金拟支持项目名单" in listed
    assert "本年新收政府信息公开申请数量" in listed


def test_an_unknown_cell_is_404(client, clerk_a, report):
    client.force_login(clerk_a)
    url = reverse("reports_office:cell", args=[report.pk, "t3:nothing.total"])
    assert client.get(url).status_code == 404


def test_another_agencys_staff_cannot_see_the_report(client, admin_b, report):
    client.force_login(admin_b)
    assert client.get(reverse("reports_office:detail", args=[report.pk])).status_code == 404


def test_a_clerk_cannot_finalise_but_a_reviewer_can(client, clerk_a, reviewer_a, report):
    client.force_login(clerk_a)
    client.post(reverse("reports_office:act", args=[report.pk, "finalise"]))
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    client.force_login(reviewer_a)
    client.post(
        reverse("reports_office:act", args=[report.pk, "finalise"]), {"finalise-confirm": "on"}
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.FINAL
    assert report.snapshot["tables"]


def test_the_text_is_saved_as_a_new_version(client, clerk_a, report):
    client.force_login(clerk_a)
    url = reverse("reports_office:narrative", args=[report.pk])
    assert "2025年" in client.get(url).content.decode()  # prefilled with the figures
    client.post(url, {"overview": "总体情况", "problems": "问题", "other": "无"})
    latest = report.narratives.first()
    assert latest.number == 2
    assert latest.sections["problems"] == "问题"


def test_a_revision_needs_a_reason(client, clerk_a, reviewer_a, report):
    s.report_finalise(actor=reviewer_a, report=report)
    client.force_login(clerk_a)
    url = reverse("reports_office:act", args=[report.pk, "new_version"])
    client.post(url, {"new_version-reason": ""})
    assert AnnualReport.objects.count() == 1
    response = client.post(url, {"new_version-reason": "更正申请人类型"})
    revised = AnnualReport.objects.get(version=2)
    assert response.url == reverse("reports_office:detail", args=[revised.pk])
    assert revised.revision_reason == "更正申请人类型"


def test_downloads_are_real_files(client, clerk_a, report):
    client.force_login(clerk_a)
    docx = client.get(reverse("reports_office:download", args=[report.pk, "docx"]))
    assert docx.content[:2] == b"PK"
    xlsx = client.get(reverse("reports_office:download", args=[report.pk, "xlsx"]))
    assert xlsx.content[:2] == b"PK"
    data = client.get(reverse("reports_office:download", args=[report.pk, "json"])).json()
    assert data["format"] == "gb2021" and data["year"] == 2025
    assert (
        client.get(reverse("reports_office:download", args=[report.pk, "exe"])).status_code == 404
    )


def test_the_channel_mapping_is_an_administrators_setting(client, admin_a, clerk_a, dept_a):
    url = reverse("reports_office:settings", args=[dept_a.code])
    client.force_login(clerk_a)
    assert client.get(url).status_code == 403
    client.force_login(admin_a)
    form = {
        "agency_website": "website",
        "portal": "website",
        "weibo": "weibo",
        "wechat": "weixin",
        "gazette": "gazette",
        "media": "other",
        "other": "other",
        "jump_ratio": "0.5",
    }
    assert client.post(url, form).status_code == 302
    stored = ReportSettings.objects.get(agency=dept_a)
    assert stored.channel_map == {"agency_website": "website"}  # only what differs
    assert str(stored.jump_ratio) == "0.50"


def test_a_bad_setting_is_refused_and_changes_nothing(client, admin_a, dept_a):
    client.force_login(admin_a)
    url = reverse("reports_office:settings", args=[dept_a.code])
    response = client.post(url, {"agency_website": "nowhere", "jump_ratio": "many"})
    assert response.status_code == 400
    assert not ReportSettings.objects.exists()


def test_the_supervisor_sees_every_agency_and_the_split_of_a_number(
    client, supervisor, city, dept_a, dept_b, report
):
    client.force_login(supervisor)
    page = client.get(reverse("reports_office:rollup", args=[city.code, 2025])).content.decode()
    for agency in (city, dept_a, dept_b):
        assert agency.name in page
    assert "未开始" in page and "草稿" in page
    link = re.search(r'href="(/office/reports/rollup/city/2025/t3:new_received\.total/)"', page)
    split = client.get(link.group(1)).content.decode()
    assert re.search(r"测试市甲局</th><td class=\"num\">1<", split)


def test_a_department_late_against_31_january_is_marked(client, supervisor, city, dept_a):
    client.force_login(supervisor)
    page = client.get(reverse("reports_office:rollup", args=[city.code, 2025])).content.decode()
    assert "2026-01-31" in page and "2026-03-31" in page  # department / government deadlines
    assert "<strong>逾期</strong>" in page


def test_the_public_column_shows_only_published_reports(client, reviewer_a, dept_a, report):
    listing = reverse("reports:agency", args=[dept_a.code])
    assert report.title not in client.get(listing).content.decode()
    s.report_finalise(actor=reviewer_a, report=report)
    s.report_publish(actor=reviewer_a, report=report)
    assert report.title in client.get(listing).content.decode()
    page = client.get(reverse("reports:report", args=[dept_a.code, 2025]))
    assert page.status_code == 200
    assert "收到和处理政府信息公开申请情况" in page.content.decode()
    pdf = client.get(reverse("reports:download", args=[dept_a.code, 2025, "pdf"]))
    assert pdf.content[:4] == b"%PDF"
    assert client.get(reverse("reports:report", args=[dept_a.code, 2024])).status_code == 404
