"""The report page's actions come from one table (reports/actions.py): each is offered only to
whom the policy allows in the state the workflow allows, runs one service, and a refusal is
shown on the page; the page shows the report's history; the original file of an imported
report is served the shared way."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from gongkai.reports import services as s
from gongkai.reports.models import AnnualReport, CheckOverride
from tests.reports.fixtures import application, frozen
from tests.reports.test_check import edit, zeros

D = dt.date
CARRY = "t3_carry@t3:carried_over.total"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with frozen(2025, 3, 1):
        yield


@pytest.fixture
def draft(clerk_a, dept_a):
    application(dept_a, received=D(2024, 3, 1), served=D(2024, 3, 15), outcome="granted")
    return s.report_start(actor=clerk_a, agency=dept_a, year=2024)


@pytest.fixture
def wrong_last_year(dept_a):
    snapshot = edit(
        zeros("gb2021", 2023),
        t3__new_received__natural_person=1, t3__new_received__total=1,
        t3__carried_forward__natural_person=1, t3__carried_forward__total=1,
    ).to_json()  # fmt: skip
    return AnnualReport.objects.create(
        agency=dept_a, year=2023, format="gb2021", status="final", snapshot=snapshot
    )


def page(client, user, report) -> str:
    client.force_login(user)
    return client.get(reverse("reports_office:detail", args=[report.pk])).content.decode()


def act(client, report, action: str, data=None):
    return client.post(reverse("reports_office:act", args=[report.pk, action]), data or {})


def test_a_draft_offers_finalising_to_the_reviewer_only(client, draft, clerk_a, report_reviewer_a):
    assert "定稿（锁定数字）" not in page(client, clerk_a, draft)
    assert "定稿（锁定数字）" in page(client, report_reviewer_a, draft)
    assert "发布到年报栏目" not in page(client, report_reviewer_a, draft)


def test_a_final_report_offers_publishing_and_revising(client, draft, clerk_a, report_reviewer_a):
    """Publishing is announced as final before the button; a clerk may revise, not publish."""
    s.report_finalise(actor=report_reviewer_a, report=draft)
    reviewer_page = page(client, report_reviewer_a, draft)
    assert "发布到年报栏目" in reviewer_page
    assert "不能撤回，只能修订为新版本" in reviewer_page
    assert "定稿（锁定数字）" not in reviewer_page
    clerk_page = page(client, clerk_a, draft)
    assert "修订（创建新版本）" in clerk_page and "发布到年报栏目" not in clerk_page


def test_each_step_says_what_it_did(client, draft, report_reviewer_a):
    client.force_login(report_reviewer_a)
    response = act(client, draft, "finalise", {"finalise-confirm": "on"})
    assert response.url == reverse("reports_office:detail", args=[draft.pk])
    followed = client.get(response.url).content.decode()
    assert "报告已定稿，数字已锁定。" in followed
    response = act(client, draft, "publish", {"publish-confirm": "on"})
    assert "报告已发布到政府信息公开年报栏目。" in client.get(response.url).content.decode()


def test_a_refused_finalise_says_why_on_the_page(client, wrong_last_year, draft, report_reviewer_a):
    client.force_login(report_reviewer_a)
    response = act(client, draft, "finalise", {"finalise-confirm": "on"})
    assert response.status_code == 400
    assert "不能定稿" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_reason_is_recorded_at_its_check(client, wrong_last_year, draft, report_reviewer_a):
    client.force_login(report_reviewer_a)
    response = act(
        client, draft, "override", {"override-problem": CARRY, "override-reason": "上年报告有误"}
    )
    assert "理由已记录。" in client.get(response.url).content.decode()
    assert CheckOverride.objects.get(report=draft).problem == CARRY


def test_a_reason_too_short_is_refused_at_its_check(
    client, wrong_last_year, draft, report_reviewer_a
):
    client.force_login(report_reviewer_a)
    response = act(client, draft, "override", {"override-problem": CARRY, "override-reason": "是"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "请写明允许定稿的理由（至少4个字）。" in content
    assert 'aria-invalid="true"' in content
    assert not CheckOverride.objects.exists()


def test_a_revision_opens_on_its_own_page(client, draft, clerk_a, report_reviewer_a):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    client.force_login(clerk_a)
    response = act(client, draft, "new_version", {"new_version-reason": "更正申请人类型"})
    revised = AnnualReport.objects.get(version=2)
    assert response.url == reverse("reports_office:detail", args=[revised.pk])
    assert "已创建第2版。" in client.get(response.url).content.decode()


def test_figures_typed_in_on_the_page_are_saved(client, clerk_a, dept_a):
    with frozen(2021, 2, 1):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2020)
        client.force_login(clerk_a)
        content = page(client, clerk_a, report)
        assert 'name="enter_figures-art20_5__licensing__prev_year_items"' in content
        response = act(
            client,
            report,
            "enter_figures",
            {"enter_figures-art20_5__licensing__prev_year_items": "1,200"},
        )
        assert "填报数已保存。" in client.get(response.url).content.decode()
    report.refresh_from_db()
    assert report.entered == {"art20_5.licensing.prev_year_items": "1200"}


def test_a_final_report_offers_no_figures_to_type_in(client, clerk_a, report_reviewer_a, dept_a):
    with frozen(2021, 2, 1):
        report = s.report_start(actor=clerk_a, agency=dept_a, year=2020)
        s.report_finalise(actor=report_reviewer_a, report=report)
        assert "enter_figures-" not in page(client, clerk_a, report)
        client.force_login(clerk_a)
        assert act(client, report, "enter_figures", {}).status_code == 400
    report.refresh_from_db()
    assert report.entered == {}


def test_an_unknown_action_is_404(client, draft, clerk_a):
    client.force_login(clerk_a)
    assert act(client, draft, "delete").status_code == 404


def test_another_agencys_staff_cannot_act(client, draft, admin_b):
    client.force_login(admin_b)
    assert act(client, draft, "finalise").status_code == 404


def test_the_page_shows_the_reports_history(client, draft, clerk_a, report_reviewer_a):
    s.report_finalise(actor=report_reviewer_a, report=draft)
    content = page(client, clerk_a, draft)
    history = content[content.index("操作记录") :]
    assert "开始编制" in history and "定稿" in history and "已定稿" in history
    assert str(report_reviewer_a) in history
    assert reverse("office:history", args=["reports.annualreport", draft.pk]) in history


def test_the_original_file_of_an_imported_report_keeps_its_name_and_type(client, dept_a, clerk_a):
    report = AnnualReport(
        agency=dept_a,
        year=2023,
        format="gb2021",
        status="published",
        imported=True,
        snapshot=zeros("gb2021", 2023).to_json(),
    )
    report.source_file.save("年报.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    report.save()
    client.force_login(clerk_a)
    download = client.get(reverse("reports_office:source", args=[report.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n"


def test_the_original_file_is_not_served_to_another_agency(client, dept_a, admin_b):
    report = AnnualReport(
        agency=dept_a,
        year=2023,
        format="gb2021",
        status="published",
        imported=True,
        snapshot=zeros("gb2021", 2023).to_json(),
    )
    report.source_file.save("年报.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    report.save()
    client.force_login(admin_b)
    assert client.get(reverse("reports_office:source", args=[report.pk])).status_code == 404
