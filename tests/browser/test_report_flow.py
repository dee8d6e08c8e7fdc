"""A clerk starts the annual report → the checks show that this year's 上年结转 contradicts last
year's final report → the reviewer cannot finalise until a reason is written, then finalises and
publishes → a visitor reads it in the agency's 年报 column. And finalising with warnings: the
reviewer reads that a section of the text is empty and that the report is late, previews it,
confirms and finalises."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.reports import services as s
from gongkai.reports.models import AnnualReport
from gongkai.reports.rollup import statutory_date
from gongkai.reports.states import ReportStatus
from tests.browser.test_application_flow import _login
from tests.reports.fixtures import application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_start_check_override_finalise_publish_and_read(
    browser, live_server, clerk_a, report_reviewer_a, dept_a
):
    # Last year's report was final with one application carried forward; the record was
    # corrected afterwards (answered in 2024), so this year's 上年结转 (0) breaks the carry-over.
    case = application(dept_a, received=dt.date(2024, 12, 20))
    last = s.report_start(actor=clerk_a, agency=dept_a, year=2024)
    s.report_finalise(actor=report_reviewer_a, report=last)
    Application.objects.filter(pk=case.pk).update(
        status="served",
        served_on=dt.date(2024, 12, 30),
        outcome="granted",
        legal_basis="第三十六条",
    )

    def new_page():
        context = browser.new_context(locale="zh-CN", base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    clerk = new_page()
    _login(clerk, clerk_a)
    clerk.goto("/office/reports/")
    clerk.locator("#id_agency").select_option(str(dept_a.pk))
    clerk.locator("#id_year").fill("2025")
    clerk.get_by_role("button", name="开始编制").click()
    clerk.get_by_role("heading", name="检查").wait_for()
    assert "本年“上年结转”等于上年报告的“结转下年度继续办理”" in clerk.content()
    clerk.get_by_role("link", name="编辑正文").click()
    clerk.get_by_label("五、政府信息公开工作存在的主要问题及改进情况").fill(
        "人员不足，将加强培训。"
    )
    clerk.get_by_role("button", name="保存为新稿").click()
    clerk.get_by_text("正文已保存为新稿").wait_for()

    report = AnnualReport.objects.get(year=2025)
    reviewer = new_page()
    _login(reviewer, report_reviewer_a)
    reviewer.goto(f"/office/reports/{report.pk}/")
    reviewer.get_by_label("我已确认").check()
    reviewer.get_by_role("button", name="定稿（锁定数字）").click()
    reviewer.get_by_text("不能定稿").first.wait_for()
    while reviewer.get_by_label("允许定稿的理由").count():
        reviewer.get_by_label("允许定稿的理由").first.fill(
            "上年已结转的申请于2024年12月30日答复，上年报告统计有误。"
        )
        reviewer.get_by_role("button", name="记录理由").first.click()
        reviewer.get_by_text("理由已记录").wait_for()
    reviewer.get_by_label("我已确认").check()
    reviewer.get_by_role("button", name="定稿（锁定数字）").click()
    reviewer.get_by_text("报告已定稿").wait_for()
    reviewer.get_by_label("我已确认").check()
    reviewer.get_by_role("button", name="发布到年报栏目").click()
    reviewer.get_by_text("报告已发布").wait_for()
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    assert report.snapshot["provenance"]["overrides"]

    visitor = new_page()
    visitor.goto(f"/reports/{dept_a.code}/")
    visitor.get_by_role("link", name=report.title).click()
    visitor.get_by_text("人员不足，将加强培训。").wait_for()
    assert visitor.get_by_role("table").count() >= 3
    assert visitor.get_by_role("link", name="下载PDF").count() == 1


def test_finalise_with_warnings(browser, live_server, clerk_a, report_reviewer_a, dept_a):
    """The report on the year before last is past its statutory date whatever today is (the
    2019 Regulation's 31 January of last year); its prefilled text leaves 五 empty."""
    today = timezone.localdate()
    year = today.year - 2
    report = s.report_start(actor=clerk_a, agency=dept_a, year=year)
    days_late = (today - statutory_date(dept_a, year)).days

    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _login(page, report_reviewer_a)
    page.goto(f"/office/reports/{report.pk}/")
    warnings = page.locator("#preflight-warnings")
    warnings.get_by_text("正文“五、政府信息公开工作存在的主要问题及改进情况”没有内容。").wait_for()
    assert f"今天已逾期{days_late}天。" in warnings.inner_text()

    page.get_by_role("link", name="预览公开页面（发布后公众看到的内容）").click()
    page.get_by_role("heading", name="预览：公开页面").wait_for()
    page.get_by_role("heading", name=report.title).wait_for()
    assert f"今天已逾期{days_late}天。" in page.locator("#preflight-warnings").inner_text()

    page.get_by_role("button", name="定稿（锁定数字）").click()  # not confirmed: refused
    page.get_by_text("此操作不可撤销，请先勾选“我已确认”。").wait_for()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT

    page.get_by_label("我已确认").check()
    page.get_by_role("button", name="定稿（锁定数字）").click()
    page.get_by_text("报告已定稿，数字已锁定。").wait_for()
    report.refresh_from_db()
    assert report.status == ReportStatus.FINAL
    page.get_by_role("heading", name="发布前请核对").wait_for()
    context.close()
