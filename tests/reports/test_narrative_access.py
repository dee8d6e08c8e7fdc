"""The report's text (正文) is a form only for those who may edit it now (the permission policy
and the workflow say who and when); everyone else reads it as text under its headings, with no
field to type in and no button that would not be accepted."""

import pytest
from django.urls import reverse

from gongkai.reports import services as s
from tests.reports.fixtures import frozen

pytestmark = pytest.mark.django_db

PROBLEMS = "五、政府信息公开工作存在的主要问题及改进情况"


@pytest.fixture(autouse=True)
def _today():
    with frozen(2026, 3, 2):
        yield


@pytest.fixture
def draft(clerk_a, dept_a):
    report = s.report_start(actor=clerk_a, agency=dept_a, year=2025)
    sections = report.narratives.first().sections | {"problems": "人员不足，将加强培训。"}
    s.report_save_narrative(actor=clerk_a, report=report, sections=sections)
    return report


def _page(client, user, report):
    client.force_login(user)
    return client.get(reverse("reports_office:narrative", args=[report.pk]))


def _reads_as_text(content: str) -> None:
    assert "<textarea" not in content and "保存为新稿" not in content
    assert f"<h2>{PROBLEMS}</h2>" in content
    assert "<p>人员不足，将加强培训。</p>" in content
    assert "<h3>（一）主动公开</h3>" in content  # the sub-headings of 一、总体情况
    assert "（本节为统计表，见报告页面）" in content  # 二 to 四: their tables, no text


def test_the_clerk_edits_the_text_of_a_draft(client, draft, clerk_a):
    content = _page(client, clerk_a, draft).content.decode()
    assert '<textarea name="problems"' in content and "保存为新稿" in content


def test_a_reviewer_reads_the_text_without_fields(client, draft, report_reviewer_a):
    response = _page(client, report_reviewer_a, draft)
    content = response.content.decode()
    _reads_as_text(content)
    assert "您可以阅读正文，但没有修改正文的权限。" in content


def test_a_supervisor_reads_the_text_without_fields(client, draft, supervisor):
    _reads_as_text(_page(client, supervisor, draft).content.decode())


def test_a_reviewer_cannot_save_the_text_by_posting_it(client, draft, report_reviewer_a):
    client.force_login(report_reviewer_a)
    url = reverse("reports_office:narrative", args=[draft.pk])
    assert client.post(url, {"problems": "改动"}).status_code == 403
    assert draft.narratives.count() == 2


def test_a_final_reports_text_is_read_only_for_the_clerk_too(
    client, draft, clerk_a, report_reviewer_a
):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    content = _page(client, clerk_a, draft).content.decode()
    _reads_as_text(content)
    assert "本报告已定稿，正文不能再修改；需要修改时请修订为新版本。" in content


def test_the_report_page_offers_editing_only_to_who_may_edit(
    client, draft, clerk_a, report_reviewer_a
):
    client.force_login(clerk_a)
    clerk = client.get(reverse("reports_office:detail", args=[draft.pk])).content.decode()
    client.force_login(report_reviewer_a)
    reviewer = client.get(reverse("reports_office:detail", args=[draft.pk])).content.decode()
    assert "编辑正文" in clerk and "查看正文" not in clerk
    assert "查看正文" in reviewer and "编辑正文" not in reviewer


def test_another_agencys_staff_cannot_read_the_text(client, draft, admin_b):
    assert _page(client, admin_b, draft).status_code == 404
