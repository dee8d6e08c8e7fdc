"""The reviewer reads the 答复书 before approving it (issue 14, point 7): while a reply awaits
review, the case page shows the letter that would be issued and offers it as a DOCX marked 草稿.
A preview only: nothing is stored on the case, nothing is issued. Letters adds the panel through
the case page's hook (core.panels); applications does not import letters."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services as s
from gongkai.core.models import AuditEvent
from gongkai.core.panels import panels_for
from gongkai.letters.drafts import DRAFT_MARK
from gongkai.letters.models import LetterTemplate
from tests.agencies.factories import MembershipFactory
from tests.letters.helpers import docx_text

pytestmark = pytest.mark.django_db
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WITHHELD = "第三页中的个人身份证号码和联系电话"


@pytest.fixture(autouse=True)
def frozen():
    moment = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def drafted(in_progress, clerk_a, office):
    return s.application_draft_decision(
        actor=clerk_a,
        application=in_progress,
        outcome="partial",
        legal_basis="《中华人民共和国政府信息公开条例》第三十七条",
        withheld=WITHHELD,
    )


def _page(client, application) -> str:
    return client.get(reverse("applications_office:case", args=[application.pk])).content.decode()


def _download(client, application):
    return client.get(reverse("letters_office:draft_decision", args=[application.pk]))


def test_letters_registers_the_draft_panel_on_the_case_page():
    assert [panel.key for panel in panels_for("applications.case")] == ["letters.draft_decision"]


def test_the_reviewer_reads_the_draft_letter_on_the_case_page(client, drafted, reviewer_a):
    client.force_login(reviewer_a)
    page = _page(client, drafted)
    panel = page.split('id="draft-letter-heading"')[1].split("</section>")[0]
    assert "答复书草稿" in panel and "尚未发出" in panel and DRAFT_MARK in panel
    assert "政府信息公开申请答复书" in panel
    assert "测试市甲局依申请公开答复〔2026〕第1号" in panel
    assert WITHHELD in panel and "张三：" in panel
    assert reverse("letters_office:draft_decision", args=[drafted.pk]) in panel


def test_the_letters_text_is_escaped_on_the_page(client, in_progress, clerk_a, reviewer_a):
    """Letter templates are plain text: what a clerk typed is shown, never run as HTML."""
    application = s.application_draft_decision(
        actor=clerk_a,
        application=in_progress,
        outcome="partial",
        legal_basis="第三十七条",
        withheld="个人信息<script>alert(1)</script>",
    )
    client.force_login(reviewer_a)
    panel = _page(client, application).split('id="draft-letter-heading"')[1].split("</section>")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel and "<script>" not in panel


def test_the_draft_docx_is_marked_and_nothing_is_stored_or_issued(client, drafted, reviewer_a):
    client.force_login(reviewer_a)
    documents_before = drafted.documents.count()
    response = _download(client, drafted)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == (
        f'attachment; filename="{drafted.number}-decision-draft.docx"'
    )
    assert response["Cache-Control"] == "no-store"
    document = docx.Document(io.BytesIO(response.content))
    assert document.sections[0].header.paragraphs[0].text == DRAFT_MARK
    assert document.core_properties.title == f"{DRAFT_MARK}：政府信息公开申请答复书"
    text = docx_text(response.content)
    assert "政府信息公开申请答复书" in text and WITHHELD in text
    assert drafted.documents.count() == documents_before
    assert not AuditEvent.objects.filter(action="letter.issue").exists()


def test_the_clerk_who_handles_the_case_may_read_it_too(client, drafted, clerk_a):
    client.force_login(clerk_a)
    assert 'id="draft-letter-heading"' in _page(client, drafted)
    assert _download(client, drafted).status_code == 200


def test_a_supervisor_who_only_reads_sees_no_draft(client, drafted, supervisor):
    client.force_login(supervisor)
    assert 'id="draft-letter-heading"' not in _page(client, drafted)
    assert _download(client, drafted).status_code == 403


def test_staff_of_another_agency_cannot_find_it(client, drafted, dept_b):
    client.force_login(MembershipFactory(agency=dept_b, role="reviewer").user)
    assert _download(client, drafted).status_code == 404


def test_the_applicant_never_gets_the_draft(client, drafted, applicant_user):
    client.force_login(applicant_user)
    assert _download(client, drafted).status_code == 403  # not staff at all


def test_no_draft_before_drafting_or_after_approval(client, in_progress, clerk_a, reviewer_a):
    client.force_login(reviewer_a)
    assert 'id="draft-letter-heading"' not in _page(client, in_progress)
    assert _download(client, in_progress).status_code == 404
    application = s.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    application = s.application_approve_decision(actor=reviewer_a, application=application)
    assert 'id="draft-letter-heading"' not in _page(client, application)
    assert _download(client, application).status_code == 404


def test_a_missing_template_is_said_where_the_draft_would_be(client, drafted, reviewer_a):
    LetterTemplate.objects.filter(kind="decision").delete()
    client.force_login(reviewer_a)
    panel = _page(client, drafted).split('id="draft-letter-heading"')[1].split("</section>")[0]
    assert "没有可用的“政府信息公开申请答复书”模板，请平台管理员在后台添加。" in panel
    response = _download(client, drafted)
    assert response.status_code == 302
    assert response["Location"] == reverse("applications_office:case", args=[drafted.pk])
