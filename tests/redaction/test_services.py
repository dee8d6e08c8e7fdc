"""Redacting a case's file to be released: who may, when, and what the applicant then gets."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from gongkai.applications import services as s
from gongkai.applications.models import ApplicationDocument
from gongkai.core.errors import DomainError
from gongkai.core.files import file_read
from gongkai.core.models import AuditEvent
from gongkai.letters.context import letter_context
from gongkai.redaction import engine
from gongkai.redaction import services as r
from gongkai.redaction.models import Redaction
from tests.agencies.factories import MembershipFactory

from .files import ID_NUMBER, MOBILE, pdf_with_id_on_page_two


@pytest.fixture
def released(in_progress, clerk_a):
    upload = SimpleUploadedFile("补助名单.pdf", pdf_with_id_on_page_two(), "application/pdf")
    return s.application_attach(
        actor=clerk_a, application=in_progress, kind="released", upload=upload, title="补助名单"
    )


def _redact_numbers(clerk, document):
    redaction = r.redaction_start(actor=clerk, document=document)
    for box in r.redaction_propose(actor=clerk, redaction=redaction):
        r.redaction_accept_box(actor=clerk, box=box, ground="personal_privacy")
    return redaction, r.redaction_apply(actor=clerk, redaction=redaction)


def test_proposals_cover_the_id_and_mobile_numbers_and_wait_for_acceptance(clerk_a, released):
    redaction = r.redaction_start(actor=clerk_a, document=released)

    proposals = r.redaction_propose(actor=clerk_a, redaction=redaction)

    assert sorted(b.text for b in proposals) == sorted([ID_NUMBER, MOBILE])
    assert {b.page for b in proposals} == {2} and not any(b.accepted for b in proposals)
    with pytest.raises(DomainError, match="2处建议遮盖的区域未确认"):
        r.redaction_apply(actor=clerk_a, redaction=redaction)


def test_applying_releases_a_redacted_copy_and_keeps_the_original_inside(clerk_a, released):
    redaction, output = _redact_numbers(clerk_a, released)

    released.refresh_from_db()
    assert released.kind == ApplicationDocument.Kind.ORIGINAL
    assert output.kind == ApplicationDocument.Kind.RELEASED
    assert ID_NUMBER not in engine.extracted_text(file_read(output))
    assert ID_NUMBER.encode() not in engine.raw_streams(file_read(output))
    redaction.refresh_from_db()
    assert redaction.status == Redaction.Status.APPLIED and redaction.output == output


def test_the_boxes_grounds_say_what_is_withheld_without_typing_it(clerk_a, released):
    with pytest.raises(DomainError) as missing:
        s.application_draft_decision(
            actor=clerk_a,
            application=released.application,
            outcome="partial",
            legal_basis="第三十七条",
        )
    assert missing.value.code == "withheld_missing"
    _redact_numbers(clerk_a, released)
    application = s.application_draft_decision(
        actor=clerk_a, application=released.application, outcome="partial", legal_basis="第三十七条"
    )
    assert application.status == "decision_drafted" and application.withheld == ""


def test_serving_the_reply_gives_the_applicant_the_redacted_copy_never_the_original(
    clerk_a, reviewer_a, released
):
    _, output = _redact_numbers(clerk_a, released)
    application = s.application_draft_decision(
        actor=clerk_a,
        application=released.application,
        outcome="partial",
        legal_basis="第三十七条",
        reasons="依法区分处理。",
    )
    application = s.application_approve_decision(actor=reviewer_a, application=application)
    s.application_serve(
        actor=clerk_a, application=application, method="electronic", served_on=dt.date(2026, 3, 10)
    )

    released.refresh_from_db()
    output.refresh_from_db()
    assert output.visible_to_applicant and not released.visible_to_applicant


def test_the_reply_letter_lists_the_withheld_part_with_page_and_ground(
    clerk_a, reviewer_a, released
):
    _, output = _redact_numbers(clerk_a, released)

    context = letter_context(released.application, "decision")

    assert context["decision"]["withheld_parts"] == [
        f"“{output.title}”第2页遮盖的内容涉及个人隐私，公开会对第三方合法权益造成损害，"
        "依据《中华人民共和国政府信息公开条例》（国务院令第711号）第十五条不予公开。"
    ]
    assert context["decision"]["withheld_parts"][0] in context["decision"]["withheld"]


def test_a_box_needs_a_ground_of_the_cases_regime(clerk_a, released):
    redaction = r.redaction_start(actor=clerk_a, document=released)

    with pytest.raises(DomainError, match="请选择不予公开的理由"):
        r.redaction_add_box(
            actor=clerk_a, redaction=redaction, page=1, x0=0, y0=0, x1=50, y1=50, ground="secret"
        )


def test_a_drawn_box_records_the_text_it_covers(clerk_a, released):
    redaction = r.redaction_start(actor=clerk_a, document=released)
    hit = next(p for p in r.redaction_propose(actor=clerk_a, redaction=redaction))

    box = r.redaction_add_box(
        actor=clerk_a,
        redaction=redaction,
        page=2,
        x0=hit.x0 - 1,
        y0=hit.y0 - 1,
        x1=hit.x1 + 1,
        y1=hit.y1 + 1,
        ground="personal_privacy",
    )

    assert hit.text in box.text


def test_a_box_off_the_page_is_refused(clerk_a, released):
    redaction = r.redaction_start(actor=clerk_a, document=released)

    with pytest.raises(DomainError, match="没有第5页"):
        r.redaction_add_box(
            actor=clerk_a,
            redaction=redaction,
            page=5,
            x0=0,
            y0=0,
            x1=9,
            y1=9,
            ground="state_secret",
        )


def test_a_reviewer_may_not_redact(reviewer_a, released):
    with pytest.raises(PermissionDenied):
        r.redaction_start(actor=reviewer_a, document=released)


def test_staff_of_another_agency_cannot_even_find_the_case(dept_b, released):
    outsider = MembershipFactory(agency=dept_b, role="clerk").user

    with pytest.raises(Http404):
        r.redaction_start(actor=outsider, document=released)


def test_once_the_reply_is_under_review_the_released_file_cannot_be_redacted_again(
    clerk_a, released
):
    _redact_numbers(clerk_a, released)
    s.application_draft_decision(
        actor=clerk_a,
        application=released.application,
        outcome="partial",
        legal_basis="第三十七条",
        reasons="依法区分处理。",
    )

    with pytest.raises(DomainError, match="请先退回答复稿"):
        r.redaction_start(actor=clerk_a, document=released)


def test_once_the_reply_is_under_review_no_released_file_can_be_added(clerk_a, released):
    s.application_draft_decision(
        actor=clerk_a,
        application=released.application,
        outcome="granted",
        legal_basis="第三十六条",
    )
    upload = SimpleUploadedFile("另一份.pdf", pdf_with_id_on_page_two(), "application/pdf")

    with pytest.raises(DomainError, match="请先退回答复稿"):
        s.application_attach(
            actor=clerk_a, application=released.application, kind="released", upload=upload
        )


def test_redacting_again_replaces_the_earlier_copy_and_keeps_its_boxes(clerk_a, released):
    _, first = _redact_numbers(clerk_a, released)

    again = r.redaction_start(actor=clerk_a, document=first)
    assert again.version == 2 and again.boxes.count() == 2
    second = r.redaction_apply(actor=clerk_a, redaction=again)

    released_now = released.application.documents.filter(kind="released")
    assert list(released_now) == [second]


def test_viewing_a_page_or_downloading_the_original_is_audited(client, clerk_a, released):
    redaction, _ = _redact_numbers(clerk_a, released)
    client.force_login(clerk_a)

    client.get(reverse("redaction:page", args=[redaction.pk, 2]))
    client.get(reverse("applications:download", args=[released.pk]))

    actions = set(
        AuditEvent.objects.for_object(released.application).values_list("action", flat=True)
    )
    assert {"redaction.view_original", "application.view_original"} <= actions


def test_the_applicant_never_gets_the_original(client, applicant_user, clerk_a, dept_a):
    from tests.applications.fixtures import register

    application = register(clerk_a, dept_a, applicant=applicant_user)
    application = s.application_start(actor=clerk_a, application=application)
    upload = SimpleUploadedFile("名单.pdf", pdf_with_id_on_page_two(), "application/pdf")
    document = s.application_attach(
        actor=clerk_a, application=application, kind="released", upload=upload
    )
    _redact_numbers(clerk_a, document)
    client.force_login(applicant_user)

    response = client.get(reverse("applications:download", args=[document.pk]))

    assert response.status_code == 404
