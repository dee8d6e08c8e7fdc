"""Finalising (定稿) and publishing (发布) are confirmed steps, taken after reading what they
lead to: a preview of the report exactly as the public will read it, and warnings next to the
button — each heading of the text with nothing under it (by its official heading), each check
that failed (with or without a reviewer's reason), and how many days the report is past its
statutory date (the regime's: 2019 Regulation, departments by 31 January; 2008 Regulation, by
31 March). Warnings only warn: what blocked a step before still blocks it, nothing more. The
step needs 我已确认 on the page and `"confirm": true` in the API."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.reports import selectors as sel
from gongkai.reports import services as s
from gongkai.reports.check import problem_key
from gongkai.reports.models import AnnualReport, CheckOverride
from gongkai.reports.preflight import publication_due
from gongkai.reports.states import ReportStatus
from tests.reports.fixtures import application, frozen
from tests.reports.test_check import edit, zeros

D = dt.date
PROBLEMS = "五、政府信息公开工作存在的主要问题及改进情况"
EMPTY_PROBLEMS = f"正文“{PROBLEMS}”没有内容。"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    """2 March 2026: the departments' reports on 2025 were due on 31 January, 30 days ago."""
    with frozen(2026, 3, 2):
        yield


@pytest.fixture
def draft(clerk_a, dept_a):
    application(dept_a, received=D(2025, 3, 2), served=D(2025, 3, 16), outcome="granted")
    return s.report_start(actor=clerk_a, agency=dept_a, year=2025)


@pytest.fixture
def wrong_last_year(dept_a):
    """Last year's final report carried one application forward; this year's records carry
    none over: the carry-over check fails."""
    snapshot = edit(
        zeros("gb2021", 2024),
        t3__new_received__natural_person=1, t3__new_received__total=1,
        t3__carried_forward__natural_person=1, t3__carried_forward__total=1,
    ).to_json()  # fmt: skip
    return AnnualReport.objects.create(
        agency=dept_a, year=2024, format="gb2021", status="final", snapshot=snapshot
    )


def _get(client, user, name, report) -> str:
    client.force_login(user)
    response = client.get(reverse(f"reports_office:{name}", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _act(client, report, action, data=None):
    return client.post(reverse("reports_office:act", args=[report.pk, action]), data or {})


def _document(html: str) -> str:
    """The report as printed on a page: the <div class="report-document"> and what it holds."""
    return re.search(r'<div class="report-document">.*?</article>', html, re.S).group(0)


def _warnings(html: str) -> str:
    start = html.index('id="preflight-warnings"')
    return html[start : html.index("</section>", start)]


# The preview -----------------------------------------------------------------------------------


def test_the_preview_shows_the_report_as_the_public_will_read_it(
    client, draft, clerk_a, report_reviewer_a
):
    """The same rendering as the public 年报 page: once published, the public page shows
    exactly what the reviewer previewed."""
    s.report_save_narrative(
        actor=clerk_a,
        report=draft,
        sections=draft.narratives.first().sections | {"problems": "人员不足，将加强培训。"},
    )
    s.report_finalise(actor=report_reviewer_a, report=draft)
    preview = _get(client, report_reviewer_a, "preview", draft)
    assert draft.title in preview and "人员不足，将加强培训。" in preview
    assert "<table" in _document(preview)
    s.report_publish(actor=report_reviewer_a, report=draft)
    public = client.get(reverse("reports:report", args=[draft.agency.code, 2025]))
    assert _document(public.content.decode()) == _document(preview)


def test_the_preview_is_linked_from_the_step_and_offers_it_with_its_question(
    client, draft, report_reviewer_a
):
    detail = _get(client, report_reviewer_a, "detail", draft)
    assert reverse("reports_office:preview", args=[draft.pk]) in detail
    preview = _get(client, report_reviewer_a, "preview", draft)
    assert "定稿（锁定数字）" in preview and "我已确认" in preview
    assert "定稿后统计表的数字即被锁定" in preview


def test_a_clerk_may_read_the_preview_but_is_offered_no_step(client, draft, clerk_a):
    preview = _get(client, clerk_a, "preview", draft)
    assert draft.title in preview and EMPTY_PROBLEMS in preview
    assert "定稿（锁定数字）" not in preview and "我已确认" not in preview


def test_another_agencys_staff_cannot_preview(client, draft, admin_b):
    client.force_login(admin_b)
    assert client.get(reverse("reports_office:preview", args=[draft.pk])).status_code == 404


def test_a_published_report_has_no_warnings_left(client, draft, report_reviewer_a):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    s.report_publish(actor=report_reviewer_a, report=draft)
    preview = _get(client, report_reviewer_a, "preview", draft)
    assert "前请核对" not in preview and "preflight-warnings" not in preview
    assert draft.title in preview


# Each kind of warning -------------------------------------------------------------------------


def test_an_empty_section_is_named_by_its_official_heading(client, draft, report_reviewer_a):
    """The prefilled text leaves 五 empty, and two sub-headings of 一 with nothing under them;
    二 to 四 hold their tables and need no text."""
    warnings = _warnings(_get(client, report_reviewer_a, "detail", draft))
    assert EMPTY_PROBLEMS in warnings
    assert "正文“一、总体情况”中的“（三）政府信息管理”没有内容。" in warnings
    assert "正文“一、总体情况”中的“（四）平台建设”没有内容。" in warnings
    assert "二、主动公开政府信息情况" not in warnings


def test_a_section_written_is_no_longer_warned_of(client, draft, clerk_a, report_reviewer_a):
    sections = draft.narratives.first().sections | {"problems": "人员不足，将加强培训。"}
    s.report_save_narrative(actor=clerk_a, report=draft, sections=sections)
    assert EMPTY_PROBLEMS not in _get(client, report_reviewer_a, "detail", draft)


def test_a_failed_check_without_a_reason_is_a_warning_that_blocks_finalising(
    client, wrong_last_year, draft, report_reviewer_a
):
    warnings = _warnings(_get(client, report_reviewer_a, "detail", draft))
    assert "检查不成立，尚未说明理由：" in warnings
    assert "（说明理由后才能定稿）" in warnings


def test_a_check_overridden_is_still_shown_with_its_reason(
    client, wrong_last_year, draft, report_reviewer_a
):
    for problem in sel.report_problems(draft):  # the total and the natural persons' column
        if problem.severity == "error":
            s.report_override(
                actor=report_reviewer_a,
                report=draft,
                problem=problem_key(problem),
                reason="上年报告统计有误",
            )
    warnings = _warnings(_get(client, report_reviewer_a, "detail", draft))
    assert f"检查不成立，{report_reviewer_a}已说明理由（上年报告统计有误）：" in warnings
    assert "尚未说明理由" not in warnings and "（说明理由后才能定稿）" not in warnings


def test_a_late_report_says_its_statutory_date_and_how_late_it_is(client, draft, report_reviewer_a):
    warnings = _warnings(_get(client, report_reviewer_a, "detail", draft))
    assert "法定公布期限为2026年1月31日（条例第四十九条、第五十条），今天已逾期30天。" in warnings


def test_a_report_not_yet_due_says_how_many_days_are_left(
    client, clerk_a, report_reviewer_a, dept_a
):
    with frozen(2026, 1, 20):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2025)
        page = _get(client, report_reviewer_a, "detail", report)
    assert "法定公布期限为2026年1月31日（条例第四十九条、第五十条），还有11天。" in page
    assert "逾期" not in _warnings(page)


def test_the_due_date_is_the_regimes_for_each_year_and_kind_of_agency(city, dept_a):
    """A government publishes by 31 March (2019 Art. 50); the report on 2018 was due by 31
    March under the 2008 Regulation (Art. 31), whatever the agency."""
    government = AnnualReport(agency=city, year=2025, format="gb2021")
    assert publication_due(government, today=D(2026, 3, 2)).days_late == 0
    assert publication_due(government, today=D(2026, 4, 2)).days_late == 2
    old = publication_due(AnnualReport(agency=dept_a, year=2018), today=D(2019, 4, 10))
    assert (old.date, old.basis, old.days_late) == (D(2019, 3, 31), "条例第三十一条", 10)


def test_warnings_do_not_block_a_confirmed_step(client, draft, report_reviewer_a):
    """Empty text and lateness are said, not enforced: the reviewer confirms and finalises."""
    client.force_login(report_reviewer_a)
    assert _act(client, draft, "finalise", {"finalise-confirm": "on"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == ReportStatus.FINAL
    page = _get(client, report_reviewer_a, "detail", draft)
    assert "发布前请核对" in page and "今天已逾期30天" in _warnings(page)


def test_an_unexplained_failed_check_still_blocks_a_confirmed_finalise(
    client, wrong_last_year, draft, report_reviewer_a
):
    client.force_login(report_reviewer_a)
    response = _act(client, draft, "finalise", {"finalise-confirm": "on"})
    assert response.status_code == 400 and "不能定稿" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


# Confirmation ---------------------------------------------------------------------------------


@pytest.mark.parametrize("step", ["finalise", "publish"])
def test_the_page_refuses_an_unconfirmed_step_and_changes_nothing(
    client, draft, report_reviewer_a, step
):
    if step == "publish":
        s.report_finalise(actor=report_reviewer_a, report=draft)
    draft.refresh_from_db()
    before = draft.status
    client.force_login(report_reviewer_a)
    response = _act(client, draft, step)
    assert response.status_code == 400
    assert "此操作不可撤销，请先勾选“我已确认”。" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == before


def test_the_api_shows_the_warnings_and_finalises_only_with_confirm_true(draft, report_reviewer_a):
    api = APIClient()
    api.force_authenticate(report_reviewer_a)
    shown = api.get(f"/api/office/reports/{draft.pk}/").json()
    assert shown["status"] == "draft" and "finalise" in shown["actions"]
    assert shown["due"] == {
        "date": "2026-01-31",
        "basis": "条例第四十九条、第五十条",
        "days_late": 30,
        "message": "法定公布期限为2026年1月31日（条例第四十九条、第五十条），今天已逾期30天。",
    }
    kinds = {w["kind"] for w in shown["warnings"]}
    assert {"empty_section", "late"} <= kinds
    assert EMPTY_PROBLEMS in [w["message"] for w in shown["warnings"]]

    url = f"/api/office/reports/{draft.pk}/actions/finalise/"
    refused = api.post(url, {}, format="json")
    assert refused.status_code == 400 and "confirm" in refused.json()["errors"]
    assert AnnualReport.objects.get(pk=draft.pk).status == ReportStatus.DRAFT
    done = api.post(url, {"confirm": True}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "final"


def test_the_api_publishes_only_with_confirm_true(draft, report_reviewer_a):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    api = APIClient()
    api.force_authenticate(report_reviewer_a)
    url = f"/api/office/reports/{draft.pk}/actions/publish/"
    assert api.post(url, {"confirm": False}, format="json").status_code == 400
    assert AnnualReport.objects.get(pk=draft.pk).status == ReportStatus.FINAL
    done = api.post(url, {"confirm": True}, format="json").json()
    assert done["status"] == "published" and done["warnings"] == []
    assert done["public_url"] == reverse("reports:report", args=[draft.agency.code, 2025])


def test_the_api_refuses_a_clerk_and_hides_the_report_from_another_agency(draft, clerk_a, admin_b):
    api = APIClient()
    api.force_authenticate(clerk_a)
    url = f"/api/office/reports/{draft.pk}/actions/finalise/"
    assert api.post(url, {"confirm": True}, format="json").status_code == 403
    api.force_authenticate(admin_b)
    assert api.get(f"/api/office/reports/{draft.pk}/").status_code == 404
    assert AnnualReport.objects.get(pk=draft.pk).status == ReportStatus.DRAFT
    assert not CheckOverride.objects.exists()
