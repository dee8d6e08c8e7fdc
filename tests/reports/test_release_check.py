"""A report's downloads pass the release check at publication (reports/release.py): a mobile
number typed into the text refuses publication until a reviewer writes why it may go; a
report with none is published as before."""

import datetime as dt

import pytest

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent, ReleaseClearance
from gongkai.reports import services as s
from gongkai.reports.states import ReportStatus
from tests.reports.fixtures import application, frozen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with frozen(2025, 3, 1):
        yield


@pytest.fixture
def final(clerk_a, dept_a, report_reviewer_a):
    application(
        dept_a, received=dt.date(2024, 3, 1), served=dt.date(2024, 3, 15), outcome="granted"
    )
    report = s.report_start(actor=clerk_a, agency=dept_a, year=2024)
    return report


def _with_text(report, actor, reviewer, text):
    s.report_save_narrative(actor=actor, report=report, sections={"problems": text})
    s.report_finalise(actor=reviewer, report=report)
    report.refresh_from_db()
    return report


def test_a_mobile_number_in_the_text_refuses_publication(final, clerk_a, report_reviewer_a):
    report = _with_text(final, clerk_a, report_reviewer_a, "咨询请联系张科长，电话13912345678。")
    with pytest.raises(DomainError) as refused:
        s.report_publish(actor=report_reviewer_a, report=report, findings_seen=True)
    assert refused.value.code == "release_blocked"
    assert "手机号码" in refused.value.message and "13912345678" not in refused.value.message
    report.refresh_from_db()
    assert report.status == ReportStatus.FINAL
    reason = "该号码为本机关公开的政务咨询电话。"
    s.report_publish(
        actor=report_reviewer_a, report=report, findings_seen=True, release_override=reason
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    decisions = ReleaseClearance.objects.filter(object_id=report.pk)
    assert decisions.exists() and {d.reason for d in decisions} == {reason}
    assert AuditEvent.objects.for_object(report).filter(action="release.override").exists()


def test_a_report_without_personal_data_is_published_without_a_word(
    final, clerk_a, report_reviewer_a
):
    report = _with_text(final, clerk_a, report_reviewer_a, "本机关全年主动公开政府信息。")
    s.report_publish(actor=report_reviewer_a, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
