"""The consultation page says what comes next: who publishes a draft, until when the window
runs, who publishes the 采纳情况 after it."""

from django.urls import reverse

from tests.agencies.factories import MembershipFactory
from tests.engagement.fixtures import AFTER, DURING, draft, frozen, published


def consultation_page(client, user, consultation) -> str:
    client.force_login(user)
    url = reverse("engagement_office:consultation", args=[consultation.pk])
    return client.get(url).content.decode()


def test_a_draft_waits_for_the_clerk_to_publish_it(client, clerk_a, dept_a):
    reviewer = MembershipFactory(agency=dept_a, role="reviewer").user
    consultation = draft(clerk_a, dept_a)
    assert "下一步：发布，由承办人办理。" in consultation_page(client, reviewer, consultation)


def test_an_open_consultation_waits_for_its_closing_date(client, clerk_a, dept_a):
    consultation = published(clerk_a, dept_a)
    with frozen(DURING):
        page = consultation_page(client, clerk_a, consultation)
    assert "下一步：征求意见期至2026-03-31截止。" in page


def test_after_the_window_the_clerk_publishes_the_feedback(client, clerk_a, dept_a):
    reviewer = MembershipFactory(agency=dept_a, role="reviewer").user
    consultation = published(clerk_a, dept_a)
    with frozen(AFTER):
        page = consultation_page(client, reviewer, consultation)
    assert "下一步：公布采纳情况，由承办人办理。" in page
