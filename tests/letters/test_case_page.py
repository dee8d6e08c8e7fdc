"""Letters are issued from the case page; the consultation letter never reaches the applicant."""

import datetime as dt

from django.urls import reverse

from gongkai.applications import services as s
from gongkai.applications.models import ApplicationDocument


def test_issue_a_decision_letter_from_the_case_page(client, in_progress, clerk_a, reviewer_a):
    application = s.application_draft_decision(
        actor=clerk_a,
        application=in_progress,
        outcome="partial",
        legal_basis="第三十七条",
        withheld="第二页个人信息",
    )
    application = s.application_approve_decision(actor=reviewer_a, application=application)
    client.force_login(clerk_a)
    response = client.post(
        reverse("applications_office:act", args=[application.pk, "issue_letter"]),
        {"issue_letter-kind": "decision"},
    )
    assert response.status_code == 302
    titles = list(application.documents.values_list("title", flat=True))
    assert any("答复书" in t and "PDF" in t for t in titles)


def test_consultation_letter_stays_hidden_after_service(client, in_progress, clerk_a, reviewer_a):
    from gongkai.letters.services import letter_issue

    s.application_start_consultation(
        actor=clerk_a,
        application=in_progress,
        party_kind="third_party",
        party_name="商丘示例科技有限公司",
        started_on=dt.date(2026, 3, 3),
        letter_received_on=dt.date(2026, 3, 4),
    )
    letter_issue(actor=clerk_a, application=in_progress, kind="consultation")
    s.application_finish_consultation(
        actor=clerk_a, application=in_progress, answered_on=dt.date(2026, 3, 6), opinion="consent"
    )
    application = s.application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    application = s.application_approve_decision(actor=reviewer_a, application=application)
    s.application_serve(
        actor=clerk_a, application=application, method="post", served_on=dt.date(2026, 3, 20)
    )
    hidden = ApplicationDocument.objects.filter(application=application, kind="third_party_letter")
    assert hidden.count() == 2 and not hidden.filter(visible_to_applicant=True).exists()
